// Leads over real HTTP: staff list registrations, convert one into a customer (through the
// customer service, in one transaction) or reject it; decisions are final.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

struct LeadSession {
    TestServer server;
    std::string token = server.login("admin");

    std::string register_lead(const std::string& name, const std::string& phone) {
        const Json input{{"name", name}, {"phone", phone}, {"email", "calon@example.id"}, {"address", "Jl. Kenanga 3, Cimahi"}, {"package_id", 1}};
        auto reply = server.post("/api/register", input.dump());
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return server.scalar("SELECT MAX(id) FROM leads");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(leads, LeadSession)

BOOST_AUTO_TEST_CASE(staff_list_new_leads_first_with_the_package_name) {
    register_lead("Andi", "081211110001");
    const std::string rejected = register_lead("Budi", "081211110002");
    BOOST_TEST_REQUIRE(server.post("/api/leads/" + rejected + "/reject", R"({"reason":"di luar area"})", token).status == 200);
    auto list = server.get("/api/leads", token).json();
    BOOST_TEST(list["total"] == 2);
    BOOST_TEST(list["data"][0]["name"] == "Andi");
    BOOST_TEST(list["data"][0]["package_name"] == "Home 10 Mbps");
    BOOST_TEST(list["data"][1]["status"] == "rejected");
    BOOST_TEST(list["data"][1]["reject_reason"] == "di luar area");
    auto only_new = server.get("/api/leads?status=new", token).json();
    BOOST_TEST(only_new["total"] == 1);
    BOOST_TEST(server.get("/api/leads?status=bogus", token).status == 422);
    BOOST_TEST(server.get("/api/leads", server.login("finance")).status == 200);
}

BOOST_AUTO_TEST_CASE(convert_creates_the_customer_and_marks_the_lead_converted) {
    const std::string id = register_lead("Citra Lestari", "081211110003");
    const std::string customers_before = server.scalar("SELECT COUNT(*) FROM customers");
    const auto logged = [&] {
        return std::stoi(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action IN ('lead.convert', 'customer.create')"));
    };
    const int logged_before = logged();
    auto reply = server.post("/api/leads/" + id + "/convert", R"({"router_id":1,"pppoe_username":"citra"})", token);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    const Json data = reply.json()["data"];
    BOOST_TEST(data["lead"]["status"] == "converted");
    BOOST_TEST(data["customer"]["name"] == "Citra Lestari");
    BOOST_TEST(data["customer"]["phone"] == "6281211110003");
    BOOST_TEST(data["customer"]["router_id"] == 1);
    const std::string customer_id = std::to_string(data["customer"]["id"].get<std::int64_t>());
    BOOST_TEST(std::stoi(server.scalar("SELECT COUNT(*) FROM customers")) == std::stoi(customers_before) + 1);
    BOOST_TEST(server.scalar("SELECT customer_id || '|' || status || '|' || decided_by FROM leads WHERE id = " + id) ==
               customer_id + "|converted|admin");
    BOOST_TEST(data["lead"]["service_number"] == server.scalar("SELECT service_number FROM customers WHERE id = " + customer_id));
    BOOST_TEST(logged() == logged_before + 2);  // the conversion and the customer it created
    // A decision is final.
    BOOST_TEST(server.post("/api/leads/" + id + "/convert", "{}", token).status == 409);
    BOOST_TEST(server.post("/api/leads/" + id + "/reject", "{}", token).status == 409);
}

BOOST_AUTO_TEST_CASE(a_conversion_the_customer_rules_refuse_changes_nothing) {
    const std::string id = register_lead("Dewi", "081211110004");
    const std::string before = server.snapshot();
    auto reply = server.post("/api/leads/" + id + "/convert", R"({"due_day":40})", token);
    BOOST_TEST(reply.status == 422);
    const Json fields = reply.json()["error"]["fields"];
    BOOST_TEST(fields["due_day"] == "tanggal jatuh tempo 1-31");
    BOOST_TEST(server.post("/api/leads/" + id + "/convert", R"({"router_id":99})", token).json()["error"]["fields"]["router_id"] ==
               "router tidak ditemukan");
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.scalar("SELECT status FROM leads WHERE id = " + id) == "new");
}

BOOST_AUTO_TEST_CASE(reject_keeps_the_reason_and_unknown_leads_are_404) {
    const std::string id = register_lead("Eko", "081211110005");
    auto reply = server.post("/api/leads/" + id + "/reject", R"({"reason":"alamat tidak terjangkau"})", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    BOOST_TEST(reply.json()["data"]["status"] == "rejected");
    BOOST_TEST(server.scalar("SELECT reject_reason FROM leads WHERE id = " + id) == "alamat tidak terjangkau");
    BOOST_TEST(server.post("/api/leads/999/convert", "{}", token).status == 404);
    BOOST_TEST(server.post("/api/leads/999/reject", "{}", token).status == 404);
    // The technician may read leads but not decide on them.
    BOOST_TEST(server.post("/api/leads/" + id + "/reject", "{}", server.login("technician")).status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
