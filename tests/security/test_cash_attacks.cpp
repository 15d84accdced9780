// Cash collection from the attacker's side (issue 20): each lower or other role is refused the
// cash routes it does not hold; a collector cannot collect outside their areas, see another
// collector's day, or confirm a remittance (nor can anyone confirm their own); a replayed key on
// another request, bad amounts and malformed keys are refused. Every refusal leaves the database
// exactly as it was.
#include <boost/test/unit_test.hpp>

#include "server/payments/cash_field.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

BOOST_AUTO_TEST_SUITE(cash_attacks)

BOOST_AUTO_TEST_CASE(each_role_is_refused_the_cash_routes_it_does_not_hold) {
    CashField field;
    const auto invoice = field.invoice(1, 150000);
    const std::string technician = field.server.login("technician");
    const std::string before = field.server.snapshot();
    const std::string collection = Json{{"invoice_id", invoice}, {"amount", 150000}}.dump();
    struct Attempt {
        const char* method;
        std::string path;
        std::string body;
        std::string token;
        int status;
    };
    const Attempt attempts[] = {
        {"POST", "/api/cash/collections", collection, "", 401},
        {"POST", "/api/cash/collections", collection, technician, 403},
        {"POST", "/api/cash/collections", collection, field.finance, 403},
        {"GET", "/api/cash/route", "", field.finance, 403},
        {"GET", "/api/cash/day", "", technician, 403},
        {"POST", "/api/cash/remittances", "{}", field.finance, 403},
        // A collector reaches nothing but their route, collections, day and remittances.
        {"GET", "/api/customers", "", field.west, 403},
        {"GET", "/api/invoices", "", field.west, 403},
        {"GET", "/api/payments", "", field.west, 403},
        {"POST", "/api/payments", Json{{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}}.dump(), field.west, 403},
        {"GET", "/api/cash/remittances", "", field.west, 403},
        {"POST", "/api/cash/remittances/1/confirm", R"({"received_amount":1})", field.west, 403},
        {"GET", "/api/cash/report", "", field.west, 403},
        {"GET", "/api/cash/ledger/verify", "", field.west, 403},
        {"GET", "/api/cash/areas", "", field.west, 403},
        {"PUT", "/api/cash/areas/1/customers", R"({"customer_ids":[3]})", field.west, 403},
        {"PUT", "/api/cash/areas/1/collectors", R"({"user_ids":[1]})", field.finance, 403},
        {"GET", "/api/activity", "", field.west, 403},
    };
    for (const auto& attempt : attempts) {
        auto reply = field.server.call(attempt.method, attempt.path, attempt.body, attempt.token);
        BOOST_TEST(reply.status == attempt.status, attempt.method << " " << attempt.path << ": " << reply.body);
    }
    BOOST_TEST(field.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_collector_cannot_collect_outside_their_areas_or_see_another_day) {
    CashField field;
    const auto east_invoice = field.invoice(3, 175000), no_area_invoice = field.invoice(4, 90000);
    BOOST_TEST_REQUIRE(field.collect(east_invoice, field.total_of(east_invoice), field.east).status == 201);
    const std::string before = field.server.snapshot();
    for (const auto invoice : {east_invoice, no_area_invoice}) {
        auto refused = field.collect(invoice, 1000, field.west, "coba-" + std::to_string(invoice));
        BOOST_TEST(refused.status == 403, refused.body);
        BOOST_TEST(refused.error_code() == "forbidden");
    }
    BOOST_TEST(field.server.snapshot() == before);
    auto day = field.server.get("/api/cash/day?collector_id=" + std::to_string(field.east_id), field.west);
    BOOST_TEST_REQUIRE(day.status == 200, day.body);
    BOOST_TEST(day.json()["data"]["entries"].empty(), "the west collector's day holds none of the east collector's rows");
    BOOST_TEST(day.json()["data"]["collected"] == 0);
    const Json stops = field.server.get("/api/cash/route", field.west).json()["data"]["stops"];
    for (const auto& stop : stops)
        BOOST_TEST(stop["customer_id"] != 3);
}

BOOST_AUTO_TEST_CASE(nobody_confirms_their_own_remittance) {
    CashField field;
    // The admin holds cash.collect too; made a collector of RW 03, they collect and remit.
    const auto admin_id = std::stoll(field.server.scalar("SELECT id FROM users WHERE username = 'superadmin'"));
    field.put(std::stoll(field.server.scalar("SELECT id FROM areas WHERE name = 'RW 03'")), "collectors", "user_ids", {field.west_id, admin_id});
    const auto invoice = field.invoice(2, 80000);
    BOOST_TEST_REQUIRE(field.collect(invoice, field.total_of(invoice), field.admin).status == 201);
    auto declared = field.keyed("/api/cash/remittances", Json::object(), field.admin, "");
    BOOST_TEST_REQUIRE(declared.status == 201, declared.body);
    const std::string confirm = "/api/cash/remittances/" + declared.json()["data"]["seq"].dump() + "/confirm";
    const std::string before = field.server.snapshot();
    auto own = field.keyed(confirm, {{"received_amount", 1}}, field.admin, "");
    BOOST_TEST(own.status == 403, own.body);
    BOOST_TEST(field.server.snapshot() == before);
    BOOST_TEST(field.keyed(confirm, {{"received_amount", 1}}, field.finance, "").status == 201);
}

BOOST_AUTO_TEST_CASE(replayed_keys_on_other_requests_and_bad_input_change_nothing) {
    CashField field;
    const auto first = field.invoice(1, 150000), second = field.invoice(2, 90000);
    BOOST_TEST_REQUIRE(field.collect(first, 50000, field.west, "kunci-1").status == 409, "a partial amount needs confirm");
    BOOST_TEST_REQUIRE(field.keyed("/api/cash/collections", {{"invoice_id", first}, {"amount", 50000}, {"confirm", "partial"}}, field.west,
                                   "kunci-1").status == 201);
    BOOST_TEST_REQUIRE(field.keyed("/api/cash/remittances", {{"amount", 50000}}, field.west, "setor-1").status == 201);
    const std::string before = field.server.snapshot();
    const Json bad_collections[] = {
        {{"invoice_id", first}, {"amount", -1}},
        {{"invoice_id", first}, {"amount", 0}},
        {{"invoice_id", first}, {"amount", "abc"}},
        {{"invoice_id", first}, {"amount", 10'000'000'000'000}},
        {{"invoice_id", "1"}, {"amount", 1000}},
        {{"invoice_id", 999999}, {"amount", 1000}},
        {{"invoice_id", first}, {"amount", 1000}, {"note", std::string(501, 'x')}},
        {{"invoice_id", first}, {"amount", 1000}, {"idempotency_key", "spasi tidak boleh"}},
        Json::array({1, 2}),
    };
    for (const auto& body : bad_collections) {
        auto reply = field.keyed("/api/cash/collections", body, field.west, "");
        BOOST_TEST((reply.status == 400 || reply.status == 422), body.dump() << ": " << reply.body);
    }
    auto reused = field.keyed("/api/cash/collections", {{"invoice_id", second}, {"amount", 90000}}, field.west, "kunci-1");
    BOOST_TEST(reused.status == 409, reused.body);
    auto reused_remittance = field.keyed("/api/cash/remittances", {{"amount", 1}}, field.west, "setor-1");
    BOOST_TEST(reused_remittance.status == 409, reused_remittance.body);
    const std::string seq = field.server.scalar("SELECT seq FROM cash_ledger WHERE kind = 'remittance'");
    for (const Json& body : {Json{{"received_amount", -1}}, Json::object(), Json{{"received_amount", true}}}) {
        auto reply = field.keyed("/api/cash/remittances/" + seq + "/confirm", body, field.finance, "");
        BOOST_TEST(reply.status == 422, body.dump() << ": " << reply.body);
    }
    BOOST_TEST(field.keyed("/api/cash/remittances/1/confirm", {{"received_amount", 1}}, field.finance, "").status == 404,
               "row 1 is a collection, not a remittance");
    BOOST_TEST(field.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_user_who_cannot_collect_cannot_make_a_collector) {
    CashField field;
    auto role = field.server.post("/api/roles", R"({"name":"hr","permissions":["users.read","users.create"]})", field.admin);
    BOOST_TEST_REQUIRE(role.status == 201, role.body);
    auto user = field.server.post("/api/users", R"({"username":"hrd","password":"Sumber-Daya-2026","role":"hr"})", field.admin);
    BOOST_TEST_REQUIRE(user.status == 201, user.body);
    const std::string first = field.server.login("hrd", "Sumber-Daya-2026");
    BOOST_TEST_REQUIRE(field.server.post("/api/auth/password", R"({"current_password":"Sumber-Daya-2026","new_password":"Sapu-Lidi-Merah-93"})", first).status == 200);
    const std::string hr = field.server.login("hrd", "Sapu-Lidi-Merah-93");
    const std::string before = field.server.snapshot();
    auto refused = field.server.post("/api/users", R"({"username":"kolektor.liar","password":"Tagih-Tunai-2026","role":"collector"})", hr);
    BOOST_TEST(refused.status == 403, refused.body);
    BOOST_TEST(field.server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
