#include "http/static_files.hpp"

#include <cctype>
#include <filesystem>

#include "http/request.hpp"
#include "http/security_headers.hpp"
#include "http/static_representation.hpp"

namespace kimonet::http {

std::string content_type_for(const std::string& path) {
    const auto extension = std::filesystem::path(path).extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js" || extension == ".mjs") return "application/javascript";
    if (extension == ".wasm") return "application/wasm";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".json") return "application/json";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".webmanifest") return "application/manifest+json";
    return "application/octet-stream";
}

// The request path below a root, decoded once, as plain segments; nullopt for any shape that is
// not a plain relative file name. Refusing here (instead of "fixing" the path) means a request is
// either an ordinary file name or a 404: no empty segments ("//etc/passwd" would otherwise join
// onto the root as an absolute path), no dot segments, no dotfiles or dot-directories, no
// backslashes, no NUL or control bytes, and nothing that is still percent-encoded after one
// decoding (double encoding such as "%252e").
std::optional<std::filesystem::path> safe_relative_path(std::string_view raw) {
    if (raw.find('%') != std::string_view::npos) {
        // A malformed escape ("%zz", "%2") is not a file name either.
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '%') continue;
            if (i + 2 >= raw.size() || !std::isxdigit(static_cast<unsigned char>(raw[i + 1])) ||
                !std::isxdigit(static_cast<unsigned char>(raw[i + 2])))
                return std::nullopt;
        }
    }
    const std::string decoded = url_decode(raw, false);
    std::filesystem::path relative;
    std::size_t start = 0;
    while (start <= decoded.size()) {
        std::size_t end = decoded.find('/', start);
        if (end == std::string::npos) end = decoded.size();
        const std::string_view segment = std::string_view(decoded).substr(start, end - start);
        if (segment.empty() || segment.front() == '.') return std::nullopt;
        for (const char c : segment) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte == 0x7f || c == '\\' || c == '%' || c == ':') return std::nullopt;
        }
        relative /= std::string(segment);
        start = end + 1;
    }
    return relative;
}

// True when `inside` is `root` itself or lies below it (both canonical).
static bool is_within(const std::filesystem::path& root, const std::filesystem::path& inside) {
    auto root_part = root.begin();
    auto inside_part = inside.begin();
    for (; root_part != root.end(); ++root_part, ++inside_part) {
        if (root_part->empty() && std::next(root_part) == root.end()) break;  // trailing separator
        if (inside_part == inside.end() || *root_part != *inside_part) return false;
    }
    return true;
}

bool path_is_within(const std::string& root, const std::string& path) {
    std::error_code error;
    const auto canonical_root = std::filesystem::weakly_canonical(root, error);
    if (error) return false;
    const auto canonical_path = std::filesystem::weakly_canonical(path, error);
    if (error) return false;
    return is_within(canonical_root, canonical_path);
}

// The file below `root` that `relative_text` names, canonical, or nullopt when there is none
// that may be served.
static std::optional<std::filesystem::path> file_under(const std::string& root, std::string relative_text) {
    if (root.empty()) return std::nullopt;
    if (relative_text.empty() || relative_text.back() == '/') relative_text += "index.html";
    const auto relative = safe_relative_path(relative_text);
    if (!relative) return std::nullopt;
    std::error_code error;
    const auto canonical_root = std::filesystem::canonical(root, error);
    if (error) return std::nullopt;
    // Resolves symbolic links: a link inside the root that points outside it is refused too.
    const auto file = std::filesystem::canonical(canonical_root / *relative, error);
    if (error || !is_within(canonical_root, file)) return std::nullopt;
    // A link may also lead to a dotfile inside the root.
    for (const auto& part : file.lexically_relative(canonical_root))
        if (part.string().starts_with(".")) return std::nullopt;
    // "app.wasm.br" is a representation of app.wasm, chosen by Accept-Encoding, never a document
    // of its own: asked for by name (or through a link) it does not exist.
    const auto extension = file.extension();
    if (extension == ".br" || extension == ".gz") return std::nullopt;
    if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
    return file;
}

static std::optional<Response> serve_file_under(const std::string& root, std::string relative_text, const Request& request,
                                                const std::string& page_policy) {
    const auto file = file_under(root, relative_text);
    if (!file) return std::nullopt;
    // A precompressed sibling counts only when it is a plain file inside the same root too.
    const auto sibling_allowed = [&](const std::filesystem::path& sibling) {
        std::error_code error;
        const auto canonical = std::filesystem::canonical(sibling, error);
        return !error && canonical == sibling && std::filesystem::is_regular_file(canonical, error);
    };
    auto chosen = current_representation(*file, accepted_codings(request.header("accept-encoding")), sibling_allowed);
    if (!chosen) return std::nullopt;
    Response response{200, content_type_for(file->string()), {}, {}};
    // Every file is revalidated by its ETag on each load (a 304 costs one round trip, no bytes):
    // the page and its assets keep fixed names (the service worker and the offline cache know
    // them by name), so a cached asset kept without asking could pair an old app.wasm with a
    // new app.js after a rebuild.
    response.headers["Cache-Control"] = "no-cache";
    response.headers["ETag"] = chosen->etag;
    response.headers["Vary"] = "Accept-Encoding";
    // On a 304 too: the browser replaces the stored answer's headers with the 304's, and the
    // strict default policy (add_security_headers) would then sandbox the page on its next load.
    response.headers["Content-Security-Policy"] = page_policy;
    if (etag_listed(request.header("if-none-match"), chosen->etag)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    if (chosen->coding != ContentCoding::Identity) {
        response.headers["Content-Encoding"] = std::string(coding_name(chosen->coding));
        // Browsers count an encoded download's progress in decoded bytes but know only the encoded
        // Content-Length: the loading bar (web/shell.js) needs the decoded total to show a fraction.
        response.headers["X-Uncompressed-Length"] = std::to_string(chosen->source_size);
    }
    response.body = std::move(chosen->bytes);
    return response;
}

std::optional<Response> serve_static(const app::Config& config, const Request& request, const std::string& app_policy) {
    const std::string& path = request.path;
    // The page links its assets relatively, so it must be seen under "/landing/".
    if (path == "/landing" && !config.landing_dir.empty())
        return Response{301, "text/html; charset=utf-8", "<a href=\"/landing/\">/landing/</a>", {{"Location", "/landing/"}}};
    if (path.starts_with("/landing/")) return serve_file_under(config.landing_dir, path.substr(9), request, kStaticPagePolicy);
    if (!path.starts_with("/")) return std::nullopt;
    return serve_file_under(config.web_dir, path.substr(1), request, app_policy);
}

}  // namespace kimonet::http
