#pragma once
// The map's tile images (issue 21): the browser fetches a tile of the operator's tile server
// (fetch without cookies or referrer; the page's Content-Security-Policy allows exactly that
// server's origin, server/http/security_headers), checks and decodes it (PNG, JPEG or WebP, at most
// kMaxTileBytes and kMaxTileSide px a side) and it becomes a WebGL texture that ImGui draws with
// AddImage. The cache (which tiles, how many, how many bytes) is views/map_tile_layer's; this is
// only the loader. The headless view tests have their own (tests/views/headless_platform.cpp).
#include <cstdint>
#include <string>

#include "imgui.h"

namespace kimonet::platform {

inline constexpr int kMaxTileBytes = 1 << 20;  // a 256 px tile is 5–60 KB; a bigger answer is not a tile
inline constexpr int kMaxTileSide = 512;       // 256 px tiles, or 512 px "@2x" ones

enum class TileLoadState { Loading, Ready, Failed };

// Starts loading the tile at `url`; returns its handle.
int start_tile_load(const std::string& url);
// Where the load is; Ready makes the texture (once) on the first call that sees the image decoded.
TileLoadState tile_load_state(int handle);
// The texture once Ready (else null), and the bytes it holds (width × height × 4; 0 before).
ImTextureID tile_texture(int handle);
std::int64_t tile_texture_bytes(int handle);
// Drops a load still running (its answer is thrown away) or deletes the texture.
void release_tile(int handle);

}  // namespace kimonet::platform
