#pragma once
// How deep any JSON we read may nest, ours or a peer's (a gateway's reply is 3 or 4 deep). nlohmann
// parses iteratively, but dump(), copies and our own walks (the callback log's redaction) recurse
// once per level: 100,000 brackets from a peer (200 KB) would overflow a worker's stack. parse_json
// (json_fields.cpp) and top_level_strings (json_top_strings.cpp) refuse deeper text alike.
#include <cstddef>

namespace kimonet::api {

inline constexpr std::size_t kMaxJsonDepth = 128;

}  // namespace kimonet::api
