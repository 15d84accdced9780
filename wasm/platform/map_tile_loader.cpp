// The browser's tile loader (platform/map_tile_loader.hpp): fetch → checks → createImageBitmap in
// JavaScript, the texture made here with the app's own GL context (the image uploaded by
// GLctx.texImage2D, no copy through wasm memory).
#include "platform/map_tile_loader.hpp"

#include "platform/frame_pacing.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <map>

// window.__kimonetTiles[handle] = {state: 0 loading, 1 decoded, 2 failed; bitmap; controller}.
// A body is read as a stream and dropped past max_bytes, so a server answering with a huge or
// endless body costs at most that; the type must say image, and the decoded size must be a tile's.
// (No regular expressions here: the EM_JS macro's stringification drops their backslashes.)
EM_JS(void, kimonet_tile_fetch, (int handle, const char* url, int max_bytes, int max_side), {
    var tiles = window.__kimonetTiles || (window.__kimonetTiles = {});
    var entry = {state: 0, bitmap: null, controller: typeof AbortController === "function" ? new AbortController() : null};
    tiles[handle] = entry;
    var fail = function () { if (tiles[handle] === entry) entry.state = 2; };
    fetch(UTF8ToString(url), {mode: "cors", credentials: "omit", referrerPolicy: "no-referrer",
                              signal: entry.controller ? entry.controller.signal : undefined})
        .then(function (response) {
            if (!response.ok) throw new Error("status " + response.status);
            var type = (response.headers.get("content-type") || "").toLowerCase().split(";")[0].trim();
            if (type !== "image/png" && type !== "image/jpeg" && type !== "image/webp") throw new Error("not a tile image");
            if (Number(response.headers.get("content-length") || 0) > max_bytes) throw new Error("too large");
            var reader = response.body.getReader();
            var parts = [], received = 0;
            var pump = function () {
                return reader.read().then(function (chunk) {
                    if (chunk.done) return new Blob(parts, {type: type});
                    received += chunk.value.length;
                    if (received > max_bytes) { reader.cancel(); throw new Error("too large"); }
                    parts.push(chunk.value);
                    return pump();
                });
            };
            return pump();
        })
        .then(function (blob) { return createImageBitmap(blob); })
        .then(function (bitmap) {
            if (tiles[handle] !== entry || bitmap.width < 1 || bitmap.height < 1 || bitmap.width > max_side || bitmap.height > max_side) {
                bitmap.close();
                fail();
                return;
            }
            entry.bitmap = bitmap;
            entry.state = 1;
        })
        .catch(fail);
});

EM_JS(int, kimonet_tile_state, (int handle), {
    var entry = (window.__kimonetTiles || {})[handle];
    return entry ? entry.state : 2;
});

// Uploads the decoded image into the texture bound now; returns width * 65536 + height (0: none).
EM_JS(int, kimonet_tile_upload, (int handle), {
    var entry = (window.__kimonetTiles || {})[handle];
    if (!entry || !entry.bitmap) return 0;
    GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, entry.bitmap);
    var size = entry.bitmap.width * 65536 + entry.bitmap.height;
    entry.bitmap.close();
    entry.bitmap = null;
    return size;
});

EM_JS(void, kimonet_tile_drop, (int handle), {
    var tiles = window.__kimonetTiles || {};
    var entry = tiles[handle];
    if (!entry) return;
    if (entry.controller && entry.state === 0) entry.controller.abort();
    if (entry.bitmap) entry.bitmap.close();
    delete tiles[handle];
});

namespace kimonet::platform {

namespace {

struct TileTexture {
    GLuint texture = 0;
    std::int64_t bytes = 0;
};

int g_next_tile_handle = 1;
std::map<int, TileTexture> g_tile_textures;

}  // namespace

int start_tile_load(const std::string& url) {
    const int handle = g_next_tile_handle++;
    kimonet_tile_fetch(handle, url.c_str(), kMaxTileBytes, kMaxTileSide);
    return handle;
}

TileLoadState tile_load_state(int handle) {
    if (g_tile_textures.contains(handle)) return TileLoadState::Ready;
    const int state = kimonet_tile_state(handle);
    if (state == 0) return TileLoadState::Loading;
    if (state != 1) return TileLoadState::Failed;
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    const int size = kimonet_tile_upload(handle);
    kimonet_tile_drop(handle);
    if (size == 0) {
        glDeleteTextures(1, &texture);
        return TileLoadState::Failed;
    }
    g_tile_textures[handle] = {texture, std::int64_t{size / 65536} * (size % 65536) * 4};
    note_texture_changed();  // GL may hand out a deleted tile's name again: draw the next frame
    return TileLoadState::Ready;
}

ImTextureID tile_texture(int handle) {
    const auto found = g_tile_textures.find(handle);
    return found == g_tile_textures.end() ? ImTextureID{} : reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(found->second.texture));
}

std::int64_t tile_texture_bytes(int handle) {
    const auto found = g_tile_textures.find(handle);
    return found == g_tile_textures.end() ? 0 : found->second.bytes;
}

void release_tile(int handle) {
    if (const auto found = g_tile_textures.find(handle); found != g_tile_textures.end()) {
        glDeleteTextures(1, &found->second.texture);
        g_tile_textures.erase(found);
        return;
    }
    kimonet_tile_drop(handle);
}

}  // namespace kimonet::platform
