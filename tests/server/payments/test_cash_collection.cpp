// Cash collection from the collector's and the cashier's side (issue 20): a collector's route is
// their areas' open invoices; a cash payment in the field pays the invoice, queues its WhatsApp
// receipt and adds a ledger row; the day's total; the remittance (setoran) and its confirmation
// with the differences shown; a replayed request from a phone on bad signal records nothing twice.
#include <boost/test/unit_test.hpp>

#include <set>

#include "cash_field.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

BOOST_AUTO_TEST_SUITE(cash_collection)

BOOST_AUTO_TEST_CASE(a_collectors_day_ends_in_a_remittance_confirmed_with_the_difference_shown) {
    CashField field;
    const auto first = field.invoice(1, 150000), second = field.invoice(2, 200000);
    field.invoice(3, 175000);  // in the other collector's area
    const Money first_total = field.total_of(first), second_total = field.total_of(second);

    auto route = field.server.get("/api/cash/route", field.west);
    BOOST_TEST_REQUIRE(route.status == 200, route.body);
    BOOST_TEST(route.json()["data"]["areas"] == Json::array({"RW 03"}));
    std::set<std::int64_t> customers, invoices;
    const Json stops = route.json()["data"]["stops"];
    for (const auto& stop : stops) {
        customers.insert(stop["customer_id"].get<std::int64_t>());
        invoices.insert(stop["invoice_id"].get<std::int64_t>());
    }
    BOOST_TEST((customers == std::set<std::int64_t>{1, 2}), route.body);
    BOOST_TEST(invoices.contains(first));
    BOOST_TEST(invoices.contains(second));

    auto paid = field.collect(first, first_total, field.west, "hp-barat-0001");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["data"]["method"] == "cash");
    BOOST_TEST(paid.json()["data"]["invoice"]["status"] == "paid");
    BOOST_TEST(paid.json()["data"]["ledger_seq"] == 1);
    const auto payment_id = paid.json()["data"]["id"].get<std::int64_t>();
    BOOST_TEST(field.server.scalar("SELECT COUNT(*) FROM notifications WHERE idempotency_key = 'payment:" + std::to_string(payment_id) + "'") == "1",
               "the WhatsApp receipt is in the outbox at once");
    BOOST_TEST_REQUIRE(field.collect(second, second_total, field.west, "hp-barat-0002").status == 201);

    auto day = field.server.get("/api/cash/day", field.west);
    BOOST_TEST_REQUIRE(day.status == 200, day.body);
    BOOST_TEST(day.json()["data"]["collected"] == first_total + second_total);
    BOOST_TEST(day.json()["data"]["collections"] == 2);
    BOOST_TEST(day.json()["data"]["unremitted"] == first_total + second_total);
    BOOST_TEST(day.json()["data"]["date"] == "2026-01-15");

    // The collector hands over Rp 5.000 less than collected; the cashier counts Rp 5.000 less again.
    const Money declared = first_total + second_total - 5000, received = declared - 5000;
    auto remittance = field.keyed("/api/cash/remittances", {{"amount", declared}, {"note", "setoran sore"}}, field.west, "setor-0001");
    BOOST_TEST_REQUIRE(remittance.status == 201, remittance.body);
    const Json declared_json = remittance.json()["data"];
    BOOST_TEST(declared_json["expected"] == first_total + second_total);
    BOOST_TEST(declared_json["declared_minus_expected"] == -5000);
    BOOST_TEST(declared_json["status"] == "declared");
    const auto seq = declared_json["seq"].get<std::int64_t>();

    auto pending = field.server.get("/api/cash/remittances?status=declared", field.finance);
    BOOST_TEST_REQUIRE(pending.status == 200, pending.body);
    BOOST_TEST_REQUIRE(pending.json()["data"].size() == 1u);
    BOOST_TEST(pending.json()["data"][0]["collector"] == "kolektor.barat");

    auto confirmed = field.keyed("/api/cash/remittances/" + std::to_string(seq) + "/confirm", {{"received_amount", received}}, field.finance, "");
    BOOST_TEST_REQUIRE(confirmed.status == 201, confirmed.body);
    BOOST_TEST(confirmed.json()["data"]["status"] == "confirmed");
    BOOST_TEST(confirmed.json()["data"]["received_minus_declared"] == -5000);
    BOOST_TEST(confirmed.json()["data"]["confirmed_by"] == "finance");

    auto report = field.server.get("/api/cash/report?from=2026-01-15&to=2026-01-15", field.finance);
    BOOST_TEST_REQUIRE(report.status == 200, report.body);
    BOOST_TEST_REQUIRE(report.json()["data"].size() == 1u, report.body);
    const Json row = report.json()["data"][0];
    BOOST_TEST(row["collector"] == "kolektor.barat");
    BOOST_TEST(row["collected"] == first_total + second_total);
    BOOST_TEST(row["remitted"] == declared);
    BOOST_TEST(row["confirmed"] == received);
    BOOST_TEST(row["remitted_minus_collected"] == -5000);
    BOOST_TEST(row["confirmed_minus_remitted"] == -5000);
    BOOST_TEST(row["unconfirmed_remittances"] == 0);

    const auto verified = field.verify();
    BOOST_TEST(verified["ok"] == true, verified.dump());
    BOOST_TEST(verified["rows"] == 4);  // two collections, the remittance, its confirmation
    BOOST_TEST(field.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'cash_ledger.anchor'") == "2");
    BOOST_TEST(field.server.get("/api/cash/day", field.west).json()["data"]["unremitted"] == 0);
}

BOOST_AUTO_TEST_CASE(a_phone_retrying_on_bad_signal_records_nothing_twice) {
    CashField field;
    const auto invoice = field.invoice(1, 150000);
    const Money total = field.total_of(invoice);
    auto first = field.collect(invoice, total, field.west, "hp-barat-7");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::string after_first = field.server.snapshot();
    auto again = field.collect(invoice, total, field.west, "hp-barat-7");
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["repeated"] == true);
    BOOST_TEST(again.json()["data"]["ledger_seq"] == first.json()["data"]["ledger_seq"]);
    BOOST_TEST(field.server.snapshot() == after_first, "no payment, ledger row or message was added");
    // The same key with another note is another collection: refused, not answered with the first.
    Json noted = {{"invoice_id", invoice}, {"amount", total}, {"note", "dibayar anaknya"}};
    auto other_note = field.keyed("/api/cash/collections", noted, field.west, "hp-barat-7");
    BOOST_TEST(other_note.status == 409, other_note.body);
    BOOST_TEST(other_note.json()["error"]["fields"].contains("idempotency_key"), other_note.body);

    auto declared = field.keyed("/api/cash/remittances", Json::object(), field.west, "setor-7");
    BOOST_TEST_REQUIRE(declared.status == 201, declared.body);
    BOOST_TEST(declared.json()["data"]["declared"] == total);
    const std::string after_declared = field.server.snapshot();
    auto declared_again = field.keyed("/api/cash/remittances", Json::object(), field.west, "setor-7");
    BOOST_TEST_REQUIRE(declared_again.status == 200, declared_again.body);
    BOOST_TEST(declared_again.json()["repeated"] == true);
    BOOST_TEST(declared_again.json()["data"]["seq"] == declared.json()["data"]["seq"]);
    auto declared_otherwise = field.keyed("/api/cash/remittances", {{"note", "kurang 5rb"}}, field.west, "setor-7");
    BOOST_TEST(declared_otherwise.status == 409, declared_otherwise.body);
    BOOST_TEST(declared_otherwise.json()["error"]["fields"].contains("idempotency_key"), declared_otherwise.body);
    // Without its key, a second remittance finds nothing left to remit.
    auto nothing = field.keyed("/api/cash/remittances", Json::object(), field.west, "");
    BOOST_TEST(nothing.status == 409, nothing.body);
    BOOST_TEST(field.server.snapshot() == after_declared);

    const std::string confirm = "/api/cash/remittances/" + declared.json()["data"]["seq"].dump() + "/confirm";
    BOOST_TEST_REQUIRE(field.keyed(confirm, {{"received_amount", total}}, field.finance, "kasir-1").status == 201);
    const std::string after_confirmed = field.server.snapshot();
    auto confirmed_again = field.keyed(confirm, {{"received_amount", total}}, field.finance, "kasir-1");
    BOOST_TEST(confirmed_again.status == 200, confirmed_again.body);
    BOOST_TEST(confirmed_again.json()["repeated"] == true);
    auto confirmed_noted = field.keyed(confirm, {{"received_amount", total}, {"note", "uang sobek"}}, field.finance, "kasir-1");
    BOOST_TEST(confirmed_noted.status == 409, confirmed_noted.body);
    BOOST_TEST(confirmed_noted.json()["error"]["fields"].contains("idempotency_key"), confirmed_noted.body);
    auto otherwise = field.keyed(confirm, {{"received_amount", total - 1000}}, field.admin, "");
    BOOST_TEST(otherwise.status == 409, otherwise.body);
    BOOST_TEST(field.server.snapshot() == after_confirmed);
}

BOOST_AUTO_TEST_CASE(a_void_is_a_new_row_and_lowers_what_the_collector_owes) {
    CashField field;
    const auto first = field.invoice(1, 150000), second = field.invoice(2, 90000);
    const Money first_total = field.total_of(first), second_total = field.total_of(second);
    auto paid = field.collect(first, first_total, field.west);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(field.collect(second, second_total, field.west).status == 201);
    const std::string hash_before = field.server.scalar("SELECT hash FROM cash_ledger WHERE seq = 1");
    auto voided = field.server.post("/api/payments/" + paid.json()["data"]["id"].dump() + "/void",
                                    Json{{"reason", "salah pelanggan"}}.dump(), field.admin);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(field.server.scalar("SELECT hash FROM cash_ledger WHERE seq = 1") == hash_before, "the collection row is never updated");
    BOOST_TEST(field.server.scalar("SELECT kind FROM cash_ledger WHERE seq = 3") == "void");
    BOOST_TEST(field.server.scalar("SELECT refers_to FROM cash_ledger WHERE seq = 3") == "1");
    auto day = field.server.get("/api/cash/day", field.west).json()["data"];
    BOOST_TEST(day["collected"] == second_total);
    BOOST_TEST(day["unremitted"] == second_total);
    auto declared = field.keyed("/api/cash/remittances", Json::object(), field.west, "");
    BOOST_TEST_REQUIRE(declared.status == 201, declared.body);
    BOOST_TEST(declared.json()["data"]["expected"] == second_total);
    BOOST_TEST(field.verify()["ok"] == true);
}

// The areas screen's requests (issue 20): rename (unique), customers by nomor layanan (an unknown
// one named, nothing moved), the area's customers, the staff who may collect; a collector may not.
BOOST_AUTO_TEST_CASE(the_areas_screen_renames_an_area_and_fills_it_by_service_number) {
    CashField field;
    auto& server = field.server;
    const std::string rw03 = server.scalar("SELECT id FROM areas WHERE name = 'RW 03'");
    const std::string rw05 = server.scalar("SELECT id FROM areas WHERE name = 'RW 05'");
    BOOST_TEST(server.put("/api/cash/areas/" + rw03, R"({"name":"RW 05"})", field.admin).status == 409);
    BOOST_TEST(server.put("/api/cash/areas/" + rw03, R"({"name":"  "})", field.admin).status == 422);
    BOOST_TEST(server.put("/api/cash/areas/9999", R"({"name":"RW 09"})", field.admin).status == 404);
    auto renamed = server.put("/api/cash/areas/" + rw03, R"({"name":"RW 03 Sukamaju"})", field.admin);
    BOOST_TEST_REQUIRE(renamed.status == 200, renamed.body);
    BOOST_TEST(server.scalar("SELECT name FROM areas WHERE id = " + rw03) == "RW 03 Sukamaju");

    const std::string third = server.scalar("SELECT service_number FROM customers WHERE id = 3");
    const std::string before = server.snapshot();
    auto unknown = server.put("/api/cash/areas/" + rw03 + "/customers", api::Json{{"service_numbers", {third, "TIDAK-ADA"}}}.dump(), field.admin);
    BOOST_TEST(unknown.status == 422);
    BOOST_TEST(unknown.json()["error"]["fields"]["service_numbers"] == "pelanggan tidak ditemukan: TIDAK-ADA");
    BOOST_TEST(server.snapshot() == before);
    auto moved = server.put("/api/cash/areas/" + rw03 + "/customers", api::Json{{"service_numbers", {" " + third + " "}}}.dump(), field.admin);
    BOOST_TEST_REQUIRE(moved.status == 200, moved.body);
    BOOST_TEST(server.scalar("SELECT area_id FROM customer_areas WHERE customer_id = 3") == rw03);  // out of RW 05
    auto members = server.get("/api/cash/areas/" + rw03 + "/customers", field.admin);
    BOOST_TEST_REQUIRE(members.status == 200);
    BOOST_TEST(members.json()["data"].size() == 3u);
    BOOST_TEST(server.get("/api/cash/areas/" + rw05 + "/customers", field.admin).json()["data"].size() == 0u);

    std::set<std::string> collectors;
    auto listed = server.get("/api/cash/collectors", field.admin);
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    const api::Json users = listed.json();
    for (const auto& user : users["data"]) collectors.insert(user["username"].get<std::string>());
    BOOST_TEST(collectors.count("kolektor.barat") == 1u, listed.body);
    BOOST_TEST(collectors.count("kolektor.timur") == 1u);
    BOOST_TEST(collectors.count("finance") == 0u);  // finance holds cash.confirm, not cash.collect

    const std::string snapshot = server.snapshot();
    BOOST_TEST(server.put("/api/cash/areas/" + rw03, R"({"name":"Milik saya"})", field.west).status == 403);
    BOOST_TEST(server.get("/api/cash/collectors", field.west).status == 403);
    BOOST_TEST(server.get("/api/cash/areas/" + rw03 + "/customers", field.finance).status == 403);
    BOOST_TEST(server.snapshot() == snapshot);
}

BOOST_AUTO_TEST_SUITE_END()
