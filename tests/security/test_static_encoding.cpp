// Issue #18 "fast on a phone line", from the attacker's side and the browser's: the app is served
// from the build's precompressed siblings (app.js.br, app.js.gz) chosen by Accept-Encoding, and
// (1) whatever the Accept-Encoding, the answer is the current source, encoded as it says;
// (2) a sibling left by an older build, or one that is a link, is never served;
// (3) a .br/.gz suffix never opens a way to a file outside the root, nor to the sibling itself;
// (4) HEAD reports the length a GET sends, 304 answers a current If-None-Match with no body.
// Sent as raw bytes, as in static_traversal: curl would decode and normalise for us.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "http/static_encoding.hpp"
#include "raw_http.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The build's own tools (scripts/deps.sh: gzip, brotli), as the wasm build runs them.
void compress_beside(const std::filesystem::path& file) {
    const std::string quoted = "'" + file.string() + "'";
    BOOST_TEST_REQUIRE(std::system(("gzip -9 -n -k -f " + quoted).c_str()) == 0);
    BOOST_TEST_REQUIRE(std::system(("brotli -q 11 -k -f " + quoted).c_str()) == 0);
}

std::string app_source(const std::string& marker) {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "console.log('" + marker + " line " + std::to_string(i) + "');\n";
    return text;
}

struct Site {
    TempDir dir;
    std::filesystem::path data = dir.path() / "data";
    std::filesystem::path web = dir.path() / "web";
    std::filesystem::path landing = dir.path() / "landing";
    std::unique_ptr<app::App> app;
    std::unique_ptr<http::HttpServer> server;

    Site() {
        ::setenv("KIMONET_PASSWORD_COST", "min", 1);
        write_file(web / "index.html", "<!doctype html><title>app</title>" + std::string(2000, ' '));
        write_file(web / "app.js", app_source("v1"));
        compress_beside(web / "index.html");
        compress_beside(web / "app.js");
        write_file(landing / "index.html", "<!doctype html><title>landing</title>");
        app::Config config;
        config.db_path = (data / "kimonet.db").string();
        config.secret_key_file = (data / "secret.key").string();
        config.web_dir = web.string();
        config.landing_dir = landing.string();
        config.threads = 2;
        auto opened = app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400));
        BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
        app = std::move(opened).value();
        server = std::make_unique<http::HttpServer>(*app);
        BOOST_TEST_REQUIRE(server->start("127.0.0.1", 0, 2).ok());
    }
    ~Site() { server->stop(); }

    std::optional<RawResponse> get(const std::string& target, const std::string& extra_headers = {}, const std::string& method = "GET") {
        return raw_exchange(server->port(), method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n");
    }
};

// The body decoded as its Content-Encoding says, by comparing with what that encoding of the
// expected source is (the server's own checker is tested separately below).
bool body_is(const RawResponse& reply, const std::string& source) {
    const auto encoding = reply.headers.contains("content-encoding") ? reply.headers.at("content-encoding") : std::string();
    if (encoding.empty()) return reply.body == source;
    if (encoding == "br") return http::decodes_to(http::ContentCoding::Brotli, reply.body, source);
    if (encoding == "gzip") return http::decodes_to(http::ContentCoding::Gzip, reply.body, source);
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(static_encoding)

BOOST_AUTO_TEST_CASE(the_encoding_follows_accept_encoding_with_its_headers) {
    Site site;
    const std::string source = read_file(site.web / "app.js");
    const std::string brotli = read_file(site.web / "app.js.br");
    const std::string gzip = read_file(site.web / "app.js.gz");
    BOOST_TEST_REQUIRE(brotli.size() < source.size() / 4);
    struct Case {
        std::string accept, encoding;
    };
    const std::vector<Case> cases = {
        {"gzip, deflate, br", "br"},   // what Chromium sends
        {"gzip, deflate", "gzip"},     // a client without brotli
        {"br;q=0, gzip", "gzip"},      // brotli refused
        {"gzip;q=1.0, br;q=0.5", "gzip"},
        {"BR", "br"},
        {"*", "br"},
        {"*;q=0", ""},
        {"identity", ""},
        {"deflate", ""},
        {"", ""},
    };
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT("Accept-Encoding: " << entry.accept) {
            auto reply = site.get("/app.js", "Accept-Encoding: " + entry.accept + "\r\n");
            BOOST_TEST_REQUIRE(reply.has_value());
            BOOST_TEST(reply->status == 200);
            BOOST_TEST(reply->headers["content-type"] == "application/javascript");
            BOOST_TEST(reply->headers["vary"] == "Accept-Encoding");
            BOOST_TEST((reply->headers.contains("content-encoding") ? reply->headers["content-encoding"] : "") == entry.encoding);
            const std::string& expected = entry.encoding == "br" ? brotli : entry.encoding == "gzip" ? gzip : source;
            BOOST_TEST(reply->body == expected);
            BOOST_TEST(reply->headers["content-length"] == std::to_string(expected.size()));
            BOOST_TEST((reply->headers.contains("x-uncompressed-length") ? reply->headers["x-uncompressed-length"] : "") ==
                       (entry.encoding.empty() ? std::string() : std::to_string(source.size())));
            BOOST_TEST(reply->headers["etag"].find(entry.encoding.empty() ? "\"" : "-" + entry.encoding + "\"") != std::string::npos);
        }
    }
    // No Accept-Encoding header at all: the source.
    auto plain = site.get("/app.js");
    BOOST_TEST(plain->body == source);
    BOOST_TEST(!plain->headers.contains("content-encoding"));
}

BOOST_AUTO_TEST_CASE(huge_or_malformed_accept_encoding_still_gets_the_app) {
    Site site;
    const std::string source = read_file(site.web / "app.js");
    const std::vector<std::string> headers = {
        std::string(30000, 'b'),
        "br;" + std::string(20000, ';'),
        std::string(5000, ',') + "br",
        "br;q=abc", "br;q=2", "br;q=-1", "br;q=0.0001", "br;q=", "gzip;q=0.5;q=", ";;;", ",,,", "q=1", "br gzip",
        "\xff\xfe br", "gzip;level=9", "br;q=1.000000", "*;q=0, br;q=0.001",
    };
    for (const std::string& header : headers) {
        BOOST_TEST_CONTEXT("Accept-Encoding of " << header.size() << " bytes: " << header.substr(0, 40)) {
            auto reply = site.get("/app.js", "Accept-Encoding: " + header + "\r\n");
            BOOST_TEST_REQUIRE(reply.has_value());
            BOOST_TEST(reply->status == 200);
            BOOST_TEST(body_is(*reply, source));
        }
    }
    // The parser itself: an overlong header counts as absent; one bad element spoils only itself.
    BOOST_TEST(http::accepted_codings(std::string(http::kMaxAcceptEncoding + 1, ' ') + "br").empty());
    BOOST_TEST((http::accepted_codings("br;q=abc, gzip") == std::vector{http::ContentCoding::Gzip}));
    BOOST_TEST((http::accepted_codings("*;q=0, br;q=0.001") == std::vector{http::ContentCoding::Brotli}));
}

BOOST_AUTO_TEST_CASE(a_sibling_from_an_older_build_is_never_served) {
    Site site;
    auto first = site.get("/app.js", "Accept-Encoding: br, gzip\r\n");
    BOOST_TEST_REQUIRE(first->headers["content-encoding"] == "br");
    // A rebuild wrote a new app.js and did not (yet) compress it: .br and .gz are the old app.
    const std::string rebuilt = app_source("v2");
    write_file(site.web / "app.js", rebuilt);
    auto after = site.get("/app.js", "Accept-Encoding: br, gzip\r\n");
    BOOST_TEST(after->status == 200);
    BOOST_TEST(!after->headers.contains("content-encoding"));
    BOOST_TEST(after->body == rebuilt);
    BOOST_TEST(after->headers["etag"] != first->headers["etag"]);
    // Only the gzip sibling is brought up to date: it is served, the stale brotli one still not.
    compress_beside(site.web / "app.js");
    write_file(site.web / "app.js.br", read_file(site.web / "index.html.br"));  // another file's brotli
    auto mixed = site.get("/app.js", "Accept-Encoding: br, gzip\r\n");
    BOOST_TEST(mixed->headers["content-encoding"] == "gzip");
    BOOST_TEST(body_is(*mixed, rebuilt));
    // Truncated or garbage siblings are not served either.
    const std::string good_gzip = read_file(site.web / "app.js.gz");
    for (const std::string& broken : {good_gzip.substr(0, good_gzip.size() / 2), std::string("not gzip at all"), good_gzip + "trailing"}) {
        write_file(site.web / "app.js.gz", broken);
        auto reply = site.get("/app.js", "Accept-Encoding: gzip\r\n");
        BOOST_TEST(!reply->headers.contains("content-encoding"));
        BOOST_TEST(reply->body == rebuilt);
    }
}

BOOST_AUTO_TEST_CASE(compressed_suffixes_open_no_way_out_of_the_root) {
    Site site;
    // Bait outside the web root: a compressed copy of a secret, and a valid brotli of app.js.
    write_file(site.dir.path() / "secret.txt", "outside-secret\n");
    compress_beside(site.dir.path() / "secret.txt");
    std::filesystem::copy_file(site.web / "app.js.br", site.dir.path() / "outside-app.js.br");
    // A link named like a sibling, pointing outside; a link source with a real sibling beside it;
    // a sibling without a source.
    write_file(site.web / "linked.js", app_source("linked"));
    std::filesystem::create_symlink(site.dir.path() / "outside-app.js.br", site.web / "linked.js.br");
    std::filesystem::create_symlink(site.dir.path() / "secret.txt", site.web / "secret-link.txt");
    std::filesystem::copy_file(site.dir.path() / "secret.txt.br", site.web / "secret-link.txt.br");
    std::filesystem::copy_file(site.dir.path() / "secret.txt.gz", site.web / "orphan.txt.gz");
    const std::string accept = "Accept-Encoding: br, gzip\r\n";

    for (const char* target : {"/app.js.br", "/app.js.gz", "/index.html.br", "/%61pp.js.br", "/app.js%2ebr", "/orphan.txt",
                                      "/orphan.txt.gz", "/secret-link.txt", "/secret-link.txt.br", "/../secret.txt", "/../secret.txt.br",
                                      "/%2e%2e/secret.txt.gz", "/..%2fsecret.txt.br", "/%252e%252e/secret.txt.br", "/app.js/../../secret.txt.gz",
                                      "/.br", "/.gz", "/landing/../secret.txt.br"}) {
        BOOST_TEST_CONTEXT("GET " << target) {
            auto reply = site.get(target, accept);
            BOOST_TEST_REQUIRE(reply.has_value());
            BOOST_TEST(reply->status == 404);
            BOOST_TEST(reply->body.find("outside-secret") == std::string::npos);
            BOOST_TEST(!reply->headers.contains("content-encoding"));
        }
    }
    // The linked sibling is ignored: linked.js is served as itself, never as the outside file.
    auto linked = site.get("/linked.js", accept);
    BOOST_TEST(linked->status == 200);
    BOOST_TEST(!linked->headers.contains("content-encoding"));
    BOOST_TEST(linked->body == read_file(site.web / "linked.js"));
}

BOOST_AUTO_TEST_CASE(head_reports_the_length_a_get_sends_and_no_body) {
    Site site;
    for (const std::string& accept : {std::string("Accept-Encoding: br\r\n"), std::string("Accept-Encoding: gzip\r\n"), std::string()}) {
        BOOST_TEST_CONTEXT(accept) {
            auto get = site.get("/app.js", accept);
            RawConnection connection(site.server->port());
            BOOST_TEST_REQUIRE(connection.send_all("HEAD /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n" + accept + "Connection: close\r\n\r\n"));
            connection.closed_by_server(std::chrono::seconds(10));  // reads until the server closes
            const std::string& raw = connection.pending();
            const auto head_end = raw.find("\r\n\r\n");
            BOOST_TEST_REQUIRE(head_end != std::string::npos);
            BOOST_TEST(raw.size() == head_end + 4);  // nothing after the head
            BOOST_TEST(raw.starts_with("HTTP/1.1 200"));
            BOOST_TEST(raw.find("Content-Length: " + std::to_string(get->body.size()) + "\r\n") != std::string::npos);
            BOOST_TEST(raw.find("ETag: " + get->headers["etag"] + "\r\n") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_current_etag_gets_304_and_every_file_is_revalidated) {
    Site site;
    const std::string accept = "Accept-Encoding: gzip, deflate, br\r\n";
    auto first = site.get("/app.js", accept);
    const std::string etag = first->headers["etag"];
    BOOST_TEST(first->headers["cache-control"] == "no-cache");
    for (const std::string& if_none_match : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
        BOOST_TEST_CONTEXT("If-None-Match: " << if_none_match) {
            RawConnection connection(site.server->port());
            BOOST_TEST_REQUIRE(connection.send_all("GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n" + accept + "If-None-Match: " + if_none_match +
                                                   "\r\nConnection: close\r\n\r\n"));
            connection.closed_by_server(std::chrono::seconds(10));  // reads until the server closes
            const std::string& raw = connection.pending();
            BOOST_TEST(raw.starts_with("HTTP/1.1 304"));
            BOOST_TEST(raw.size() == raw.find("\r\n\r\n") + 4);  // no body
            BOOST_TEST(raw.find("Content-Length") == std::string::npos);
            BOOST_TEST(raw.find("ETag: " + etag + "\r\n") != std::string::npos);
            BOOST_TEST(raw.find("Vary: Accept-Encoding\r\n") != std::string::npos);
            // The page's own policy, as on the 200: a browser stores the 304's headers over the
            // 200's, and the strict default policy would sandbox the app on its next load.
            BOOST_TEST(raw.find("Content-Security-Policy: " + first->headers["content-security-policy"] + "\r\n") != std::string::npos);
            BOOST_TEST(first->headers["content-security-policy"].find("script-src 'self'") != std::string::npos);
        }
    }
    // Another representation's tag, a stale tag, or garbage: the full answer.
    for (const std::string& if_none_match : {std::string("\"0000000000000000-br\""), std::string("garbage"), std::string(20000, '"')}) {
        auto reply = site.get("/app.js", accept + "If-None-Match: " + if_none_match + "\r\n");
        BOOST_TEST(reply->status == 200);
        BOOST_TEST(reply->body == first->body);
    }
    // After a rebuild the old tag no longer matches.
    write_file(site.web / "app.js", app_source("v2"));
    auto rebuilt = site.get("/app.js", accept + "If-None-Match: " + etag + "\r\n");
    BOOST_TEST(rebuilt->status == 200);
    BOOST_TEST(rebuilt->body == app_source("v2"));

    // The page and the assets alike: always revalidated.
    BOOST_TEST(site.get("/", accept)->headers["cache-control"] == "no-cache");
    BOOST_TEST(rebuilt->headers["cache-control"] == "no-cache");
}

BOOST_AUTO_TEST_SUITE_END()
