// /api/routers over real HTTP: passwords are write-only and encrypted at rest.
#include <boost/test/unit_test.hpp>

#include "security/crypto.hpp"
#include "store/router_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

constexpr const char* kPassword = "Rahasia-Router-42!";

Json new_router() {
    return Json{{"name", "Router Cimahi"}, {"host", "10.20.30.1"}, {"port", 8729}, {"username", "billing"},
                {"password", kPassword}, {"isolir_profile", "ISOLIR"}, {"tls", true}};
}

struct AdminSession {
    TestServer server;
    std::string token = server.login("admin");

    // The router's password as the server would use it to connect: decrypted with the app's key.
    std::string decrypted_password(std::int64_t id) {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        auto router = store::find_router(**lease, id, &server.app().secrets());
        BOOST_TEST_REQUIRE(router.ok());
        BOOST_TEST_REQUIRE(router->has_value());
        return (*router)->password;
    }
    std::int64_t create() {
        auto reply = server.post("/api/routers", new_router().dump(), token);
        BOOST_TEST_REQUIRE(reply.status == 201);
        return reply.json()["data"]["id"].get<std::int64_t>();
    }
    std::string count_rows_containing(const std::string& text) {
        // The stored bytes searched in C++: the same check on both engines.
        return std::to_string(server.count_containing("SELECT password_encrypted FROM routers", text));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(routers_api, AdminSession)

BOOST_AUTO_TEST_CASE(password_never_appears_in_any_response) {
    auto created = server.post("/api/routers", new_router().dump(), token);
    BOOST_TEST_REQUIRE(created.status == 201);
    const auto id = std::to_string(created.json()["data"]["id"].get<std::int64_t>());
    for (const auto& reply : {created, server.get("/api/routers", token), server.get("/api/routers/" + id, token),
                              server.put("/api/routers/" + id, Json{{"port", 8730}, {"password", kPassword}}.dump(), token),
                              server.get("/api/activity?subject_type=router&subject_id=" + id, token)}) {
        BOOST_TEST((reply.status == 200 || reply.status == 201));
        BOOST_TEST(reply.body.find(kPassword) == std::string::npos);
        BOOST_TEST(reply.body.find("\"password\"") == std::string::npos);
    }
    BOOST_TEST(created.json()["data"]["has_password"] == true);
    BOOST_TEST(created.json()["data"]["tls"] == true);
}

BOOST_AUTO_TEST_CASE(password_is_encrypted_at_rest_and_decrypts_with_the_key) {
    const auto id = create();
    BOOST_TEST(count_rows_containing(kPassword) == "0");
    BOOST_TEST(count_rows_containing("Rahasia") == "0");
    BOOST_TEST(decrypted_password(id) == kPassword);
    // Two routers with the same password do not share a ciphertext (random nonce).
    const auto seeded_a = security::to_hex(server.scalar("SELECT password_encrypted FROM routers WHERE name = 'Router Pusat'"));
    const auto seeded_b = security::to_hex(server.scalar("SELECT password_encrypted FROM routers WHERE name = 'Router Cabang'"));
    BOOST_TEST(seeded_a != seeded_b);
    BOOST_TEST(decrypted_password(1) == decrypted_password(2));
}

BOOST_AUTO_TEST_CASE(empty_or_absent_password_on_update_keeps_the_old_one) {
    const auto id = create();
    const std::string path = "/api/routers/" + std::to_string(id);
    const std::string sealed = security::to_hex(server.scalar("SELECT password_encrypted FROM routers WHERE id = " + std::to_string(id)));
    BOOST_TEST(server.put(path, R"({"password":"","isolir_profile":"ISOLIR-2"})", token).status == 200);
    BOOST_TEST(server.put(path, R"({"name":"Router Cimahi 2"})", token).status == 200);
    BOOST_TEST(decrypted_password(id) == kPassword);
    BOOST_TEST(security::to_hex(server.scalar("SELECT password_encrypted FROM routers WHERE id = " + std::to_string(id))) == sealed);
    BOOST_TEST(server.get(path, token).json()["data"]["isolir_profile"] == "ISOLIR-2");
}

BOOST_AUTO_TEST_CASE(moving_a_router_needs_its_password_again) {
    // The stored password only goes where it went before (tests/security/test_secret_redirect.cpp).
    const auto id = create();
    const std::string path = "/api/routers/" + std::to_string(id);
    const std::string before = server.snapshot();
    auto reply = server.put(path, R"({"password":"","port":8728})", token);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.json()["error"]["fields"].contains("password"));
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.put(path, R"({"password":"sandi-pindah-1","port":8728})", token).status == 200);
    BOOST_TEST(decrypted_password(id) == "sandi-pindah-1");
}

BOOST_AUTO_TEST_CASE(new_password_on_update_replaces_it) {
    const auto id = create();
    BOOST_TEST(server.put("/api/routers/" + std::to_string(id), R"({"password":"ganti-sandi-2026"})", token).status == 200);
    BOOST_TEST(decrypted_password(id) == "ganti-sandi-2026");
    BOOST_TEST(count_rows_containing("ganti-sandi") == "0");
}

BOOST_AUTO_TEST_CASE(create_without_password_is_422) {
    Json input = new_router();
    input.erase("password");
    const std::string before = server.snapshot();
    auto reply = server.post("/api/routers", input.dump(), token);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.json()["error"]["fields"].contains("password"));
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(duplicate_name_is_409) {
    Json input = new_router();
    input["name"] = "Router Pusat";
    auto reply = server.post("/api/routers", input.dump(), token);
    BOOST_TEST(reply.status == 409);
    BOOST_TEST(reply.json()["error"]["fields"].contains("name"));
}

BOOST_AUTO_TEST_CASE(router_in_use_cannot_be_deleted_an_unused_one_can) {
    const std::string before = server.snapshot();
    auto used = server.del("/api/routers/1", token);
    BOOST_TEST(used.status == 409);
    BOOST_TEST(used.is_error_envelope());
    BOOST_TEST(server.snapshot() == before);

    const auto id = std::to_string(create());
    BOOST_TEST(server.del("/api/routers/" + id, token).status == 200);
    BOOST_TEST(server.get("/api/routers/" + id, token).status == 404);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM routers WHERE id = " + id) == "0");
}

BOOST_AUTO_TEST_SUITE_END()
