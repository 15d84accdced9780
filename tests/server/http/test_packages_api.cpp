// /api/packages over real HTTP.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

Json new_package(const std::string& name = "Gamer 100 Mbps") {
    return Json{{"name", name}, {"download_kbps", 100000}, {"upload_kbps", 50000}, {"price", 450000}, {"mikrotik_profile", "GAMER-100M"}};
}

struct AdminSession {
    TestServer server;
    std::string token = server.login("admin");
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(packages_api, AdminSession)

BOOST_AUTO_TEST_CASE(lists_the_demo_packages) {
    auto body = server.get("/api/packages", token).json();
    BOOST_TEST(body["total"] == 4);
    BOOST_TEST(body["data"].size() == 4u);
    BOOST_TEST(body["data"][0].contains("price"));
    BOOST_TEST(body["data"][0].contains("mikrotik_profile"));
}

BOOST_AUTO_TEST_CASE(create_returns_201_and_the_stored_package) {
    auto reply = server.post("/api/packages", new_package().dump(), token);
    BOOST_TEST_REQUIRE(reply.status == 201);
    auto data = reply.json()["data"];
    BOOST_TEST(data["price"] == 450000);
    BOOST_TEST(data["active"] == true);
    const std::string id = std::to_string(data["id"].get<std::int64_t>());
    auto stored = server.get("/api/packages/" + id, token).json()["data"];
    BOOST_TEST(stored == data);
    BOOST_TEST(server.scalar("SELECT price FROM internet_packages WHERE id = " + id) == "450000");
}

BOOST_AUTO_TEST_CASE(duplicate_name_is_409_with_the_field) {
    const std::string before = server.snapshot();
    auto reply = server.post("/api/packages", new_package("Home 10 Mbps").dump(), token);
    BOOST_TEST(reply.status == 409);
    BOOST_TEST(reply.json()["error"]["fields"].contains("name"));
    BOOST_TEST(server.put("/api/packages/2", R"({"name":"Home 10 Mbps"})", token).status == 409);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(invalid_values_are_422_per_field) {
    const std::string before = server.snapshot();
    auto reply = server.post("/api/packages", R"({"name":"X","download_kbps":0,"upload_kbps":-5,"price":"abc","mikrotik_profile":"a/b"})", token);
    BOOST_TEST(reply.status == 422);
    const auto fields = reply.json()["error"]["fields"];
    for (const char* field : {"download_kbps", "upload_kbps", "price", "mikrotik_profile"}) BOOST_TEST(fields.contains(field), field);
    BOOST_TEST(!fields.contains("name"));
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(update_applies_over_the_stored_package) {
    const auto before = server.get("/api/packages/1", token).json()["data"];
    auto reply = server.put("/api/packages/1", R"({"price":175000})", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    auto expected = before;
    expected["price"] = 175000;
    BOOST_TEST(reply.json()["data"] == expected);
    BOOST_TEST(server.get("/api/packages/1", token).json()["data"] == expected);
}

BOOST_AUTO_TEST_CASE(delete_deactivates_and_active_filter_hides_it) {
    auto reply = server.del("/api/packages/4", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.json()["data"]["active"] == false);
    BOOST_TEST(server.get("/api/packages", token).json()["total"] == 4);
    auto active = server.get("/api/packages?active=true", token).json();
    BOOST_TEST(active["total"] == 3);
    for (const auto& row : active["data"]) BOOST_TEST(row["id"] != 4);
    // Customers on the package keep it.
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM customers WHERE package_id = 4") != "0");
}

BOOST_AUTO_TEST_CASE(unknown_package_is_404) {
    BOOST_TEST(server.get("/api/packages/999", token).status == 404);
    BOOST_TEST(server.put("/api/packages/999", R"({"price":1})", token).status == 404);
    BOOST_TEST(server.del("/api/packages/999", token).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
