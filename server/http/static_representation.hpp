#pragma once
// Which bytes answer a request for one static file: the source itself or a precompressed sibling
// (app.wasm.br, app.wasm.gz) the client accepts, and the entity tag that names them. A sibling is
// used only after it has been decoded and found byte for byte equal to the current source; the
// result is remembered per (source, sibling) file identity (device, inode, size, mtime, ctime),
// so a rebuild that leaves an old .br behind is caught on the next request, and the usual request
// costs two stat calls and one read.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/static_encoding.hpp"

namespace kimonet::http {

struct Representation {
    ContentCoding coding = ContentCoding::Identity;
    std::string bytes;
    std::size_t source_size = 0;  // the file's own length (the decoded length of an encoded answer)
    std::string etag;  // "\"<v>\"", "\"<v>-br\"" or "\"<v>-gz\"", v: the first 16 hex digits of the source's SHA-256
};

// `file` is canonical and may be served; `sibling_allowed` says whether a sibling path may be
// (a plain file, no link). nullopt when the file cannot be read or keeps changing under us.
std::optional<Representation> current_representation(const std::filesystem::path& file,
                                                     const std::vector<ContentCoding>& accepted,
                                                     const std::function<bool(const std::filesystem::path&)>& sibling_allowed);

}  // namespace kimonet::http
