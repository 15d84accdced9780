// Item 1 of issue #14, from the attacker's side: no request path reaches a file outside the
// web root or the landing root -- not the database, its WAL, the secret key, /etc/passwd or
// /proc/self/environ -- whatever its shape (absolute, dot segments, encoded slashes and
// backslashes, double encoding, NUL, symlinks, dotfiles). Sent as raw bytes: curl would
// normalise most of these shapes away before they reach the server.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "raw_http.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A server whose web and landing roots sit next to (not around) its data directory, with bait:
// dotfiles inside the roots and symlinks that lead out of them.
struct ServedRoots {
    TempDir dir;
    std::filesystem::path data = dir.path() / "data";
    std::filesystem::path web = dir.path() / "web";
    std::filesystem::path landing = dir.path() / "landing";
    std::unique_ptr<app::App> app;
    std::unique_ptr<http::HttpServer> server;

    ServedRoots() {
        ::setenv("KIMONET_PASSWORD_COST", "min", 1);
        write_file(web / "index.html", "<!doctype html><title>app</title>");
        write_file(web / "app.js", "console.log('app')");
        write_file(web / "assets" / "app.css", "body{}");
        write_file(web / ".env", "KIMONET_SECRET_KEY=dotfile-secret");
        write_file(web / ".git" / "config", "[core] dot-directory-secret");
        write_file(landing / "index.html", "<!doctype html><title>landing</title>");
        write_file(landing / ".htpasswd", "admin:dotfile-secret");
        std::filesystem::create_directory_symlink("/etc", web / "etc-link");
        std::filesystem::create_symlink("/etc/passwd", web / "passwd-link");
        std::filesystem::create_directory_symlink(data, web / "data-link");
        std::filesystem::create_directory_symlink(data, landing / "data-link");
        std::filesystem::create_symlink(data / "secret.key", landing / "key-link.txt");
        app::Config config;
        config.db_path = (data / "kimonet.db").string();
        config.secret_key_file = (data / "secret.key").string();
        config.web_dir = web.string();
        config.landing_dir = landing.string();
        config.threads = 2;
        auto opened = app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400));
        BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
        app = std::move(opened).value();
        BOOST_TEST_REQUIRE(seed_demo_data(*app).ok());
        server = std::make_unique<http::HttpServer>(*app);
        BOOST_TEST_REQUIRE(server->start("127.0.0.1", 0, 2).ok());
    }
    ~ServedRoots() { server->stop(); }
};

// Every shape of "somewhere else" an attacker tries; `{db}` is the database's absolute path.
const std::vector<std::string> kEscapes = {
    "//etc/passwd",
    "///etc/passwd",
    "//proc/self/environ",
    "//{db}",
    "//{db}-wal",
    "//{key}",
    "/../data/kimonet.db",
    "/../../../../../../etc/passwd",
    "/./../data/secret.key",
    "/assets/../../data/kimonet.db",
    "/..",
    "/.",
    "/%2e%2e/data/kimonet.db",
    "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
    "/.%2e/data/kimonet.db",
    "/%2e./data/kimonet.db",
    "/..%2fdata%2fkimonet.db",
    "/%2e%2e%2fdata%2fsecret.key",
    "/%2fetc%2fpasswd",
    "/%2Fproc%2Fself%2Fenviron",
    "/%252e%252e/data/kimonet.db",
    "/%252e%252e%252fdata%252fkimonet.db",
    "/%25252e%25252e/data/kimonet.db",
    "/..%5cdata%5ckimonet.db",
    "/%5c..%5c..%5cetc%5cpasswd",
    "/..\\data\\kimonet.db",
    "/\\etc\\passwd",
    "/..%255cdata%255ckimonet.db",
    "/index.html%00",
    "/%00../data/kimonet.db",
    "/..%00/data/kimonet.db",
    "/..;/data/kimonet.db",
    "/%c0%ae%c0%ae/data/kimonet.db",
    "/%c0%af..%c0%afetc/passwd",
    "/%",
    "/%2",
    "/%zz",
    "/etc-link/passwd",
    "/passwd-link",
    "/data-link/kimonet.db",
    "/data-link/kimonet.db-wal",
    "/data-link/secret.key",
    "/key-link.txt",
    "/.env",
    "/%2eenv",
    "/.git/config",
    "/.%67it/config",
    "/assets/../.env",
    "/.htpasswd",
    "/assets/./app.css",
    "/assets//app.css",
    "/file:///etc/passwd",
    "/C:/Windows/win.ini",
};

std::string expand(std::string shape, const ServedRoots& roots) {
    const auto replace = [&](const std::string& name, const std::string& value) {
        if (auto at = shape.find(name); at != std::string::npos) shape.replace(at, name.size(), value);
    };
    replace("{db}", (roots.data / "kimonet.db").string().substr(1));
    replace("{key}", (roots.data / "secret.key").string().substr(1));
    return shape;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(static_traversal)

BOOST_AUTO_TEST_CASE(no_path_shape_reaches_a_file_outside_either_root) {
    ServedRoots roots;
    const int port = roots.server->port();
    // What must never leave: bytes that only exist in those files.
    const std::string key = read_file(roots.data / "secret.key").substr(0, 64);
    BOOST_TEST_REQUIRE(key.size() == 64u);
    const std::vector<std::string> secrets = {key, "SQLite format 3", "root:x:0:0", "dotfile-secret", "dot-directory-secret", "PATH="};

    // Positive controls: the roots do serve their own files.
    BOOST_TEST(raw_exchange(port, raw_get("/"))->status == 200);
    BOOST_TEST(raw_exchange(port, raw_get("/app.js"))->status == 200);
    BOOST_TEST(raw_exchange(port, raw_get("/assets/app.css"))->status == 200);
    BOOST_TEST(raw_exchange(port, raw_get("/landing/"))->body.find("landing") != std::string::npos);

    int cases = 0;
    for (const std::string& prefix : {std::string(), std::string("/landing")}) {
        for (const std::string& shape : kEscapes) {
            // "/landing" + "/x" is "/landing/x"; an escape under the landing root keeps its shape.
            const std::string target = prefix + expand(shape, roots);
            BOOST_TEST_CONTEXT("GET " << target) {
                auto reply = raw_exchange(port, raw_get(target));
                BOOST_TEST_REQUIRE(reply.has_value());
                // Shapes that are not even a valid request line (raw control bytes) get 400;
                // everything else is simply not found.
                BOOST_TEST(reply->status == 404);
                for (const std::string& secret : secrets) BOOST_TEST(reply->body.find(secret) == std::string::npos);
                ++cases;
            }
        }
    }
    // Raw (unencoded) NUL and other control bytes in the target are not a request at all.
    for (const std::string& target : {std::string("/index.html\0.js", 15), std::string("/..\0/data/kimonet.db", 20),
                                      std::string("/landing/\x01../data/kimonet.db")}) {
        auto reply = raw_exchange(port, raw_get(target));
        BOOST_TEST_REQUIRE(reply.has_value());
        BOOST_TEST(reply->status == 400);
        for (const std::string& secret : secrets) BOOST_TEST(reply->body.find(secret) == std::string::npos);
    }
    BOOST_TEST_MESSAGE(cases << " traversal shapes refused across both roots");
}

BOOST_AUTO_TEST_CASE(database_wal_and_key_are_owner_only) {
    ServedRoots roots;
    // A write so that the WAL and shared-memory files exist.
    BOOST_TEST(raw_exchange(roots.server->port(), raw_get("/api/health"))->status == 200);
    int checked = 0;
    for (const char* name : {"kimonet.db", "kimonet.db-wal", "kimonet.db-shm", "secret.key"}) {
        struct stat info{};
        if (::stat((roots.data / name).c_str(), &info) != 0) continue;
        BOOST_TEST_CONTEXT(name) { BOOST_TEST((info.st_mode & 0777) == 0600u); }
        ++checked;
    }
    BOOST_TEST(checked >= 3);  // the database, its WAL and the key at least
}

BOOST_AUTO_TEST_CASE(files_left_readable_by_others_are_tightened_at_start) {
    TempDir dir;
    ::setenv("KIMONET_PASSWORD_COST", "min", 1);
    app::Config config;
    config.db_path = dir.file("kimonet.db");
    config.secret_key_file = dir.file("secret.key");
    { BOOST_TEST_REQUIRE(app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400)).ok()); }
    ::chmod(config.db_path.c_str(), 0644);
    ::chmod(config.secret_key_file.c_str(), 0644);
    { BOOST_TEST_REQUIRE(app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400)).ok()); }
    for (const std::string& path : {config.db_path, config.secret_key_file}) {
        struct stat info{};
        BOOST_TEST_REQUIRE(::stat(path.c_str(), &info) == 0);
        BOOST_TEST((info.st_mode & 0777) == 0600u, path);
    }
}

BOOST_AUTO_TEST_CASE(start_is_refused_when_a_web_root_contains_the_data) {
    TempDir dir;
    ::setenv("KIMONET_PASSWORD_COST", "min", 1);
    struct Case {
        std::string label, web, landing, db, key;
    };
    const std::string root = dir.path().string();
    const std::vector<Case> cases = {
        {"web dir is the database dir", root, "", root + "/kimonet.db", ""},
        {"web dir is above the database dir", root, "", root + "/data/kimonet.db", ""},
        {"landing dir is above the database dir", "", root, root + "/data/kimonet.db", ""},
        {"web dir given with a trailing ./", root + "/./", "", root + "/data/kimonet.db", ""},
        {"key file inside the landing dir", "", root + "/landing", root + "/elsewhere/kimonet.db", root + "/landing/secret.key"},
    };
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.label) {
            std::filesystem::create_directories(root + "/landing");
            app::Config config;
            config.web_dir = entry.web;
            config.landing_dir = entry.landing;
            config.db_path = entry.db;
            config.secret_key_file = entry.key;
            auto opened = app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400));
            BOOST_TEST_REQUIRE(!opened.ok());
            BOOST_TEST(opened.error().message().find("server menolak mulai: direktori web memuat") != std::string::npos, opened.error().message());
            // Refused before anything was created.
            BOOST_TEST(!std::filesystem::exists(entry.db));
        }
    }
    // Side by side is fine.
    app::Config config;
    config.web_dir = root + "/web";
    config.landing_dir = root + "/landing";
    config.db_path = root + "/data/kimonet.db";
    std::filesystem::create_directories(config.web_dir);
    BOOST_TEST(app::App::open(config, std::make_shared<app::ManualClock>(1'768'442'400)).ok());
}

BOOST_AUTO_TEST_SUITE_END()
