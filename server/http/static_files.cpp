#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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

static std::optional<Response> read_file_under(const std::string& root, std::string relative) {
    if (root.empty()) return std::nullopt;
    if (relative.empty() || relative.back() == '/') relative += "index.html";
    // No escaping the root: reject any ".." segment outright.
    if (relative.find("..") != std::string::npos || relative.find('\0') != std::string::npos) return std::nullopt;
    const std::filesystem::path file = std::filesystem::path(root) / relative;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    Response response{200, content_type_for(file.string()), body.str(), {}};
    // The app's files change with each build; the index must always be revalidated.
    response.headers["Cache-Control"] = relative.ends_with(".html") ? "no-cache" : "public, max-age=300";
    return response;
}

std::optional<Response> serve_static(const app::Config& config, const std::string& path) {
    // The page links its assets relatively, so it must be seen under "/landing/".
    if (path == "/landing" && !config.landing_dir.empty())
        return Response{301, "text/html; charset=utf-8", "<a href=\"/landing/\">/landing/</a>", {{"Location", "/landing/"}}};
    if (path.starts_with("/landing/")) return read_file_under(config.landing_dir, path.substr(9));
    return read_file_under(config.web_dir, path.substr(1));
}

}  // namespace kimonet::http
