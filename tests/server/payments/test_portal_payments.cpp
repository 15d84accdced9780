// The customer's side of paying (issue 18, "the customer sees the truth"), against the in-process
// gateway simulator: what the portal asks for at login is all readable by a customer; each method
// is offered once (the cheapest gateway's) with its fee; a QRIS payment carries the QR's modules;
// a second request for the same invoice and method is the same pending charge (no second gateway
// charge) and the portal finds it again; after the callback pays the bill, the public bill page
// says "Lunas" and shows the next bill as information; /isolir offers the bill check.
#include <boost/test/unit_test.hpp>

#include <qrencode.h>

#include <memory>

#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Portal {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    std::string finance;

    Portal() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        configure({});
        finance = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", finance);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    void configure(std::map<std::string, std::string> extra) {
        auto values = gateway_simulator_settings(simulator, server.url(""));
        for (auto& [key, value] : extra) values[key] = value;
        apply_settings(server, values);
    }

    // The first January invoice and its customer's service number (the customer's portal login).
    std::pair<api::Json, std::string> january() {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=1", finance);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        const api::Json invoice = list.json()["data"][0];
        const std::string number =
            server.scalar("SELECT service_number FROM customers WHERE id = " + std::to_string(invoice["customer_id"].get<std::int64_t>()));
        return {invoice, number};
    }
    HttpReply pay(std::int64_t invoice_id, const std::string& gateway, const std::string& method) {
        return server.post("/billing/pay", api::Json{{"invoice_id", invoice_id}, {"gateway", gateway}, {"method", method}}.dump());
    }
    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
};

// The modules libqrencode gives `text` (the encoder the server uses, asked here directly).
std::vector<std::string> qr_rows(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    std::vector<std::string> rows;
    if (!code) return rows;
    for (int y = 0; y < code->width; ++y) {
        std::string row;
        for (int x = 0; x < code->width; ++x) row += (code->data[y * code->width + x] & 1) ? '1' : '0';
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portal_payments)

BOOST_AUTO_TEST_CASE(everything_the_portal_asks_for_at_login_is_readable_by_a_customer) {
    Portal fixture;
    const auto [invoice, number] = fixture.january();
    const std::string token = fixture.server.login(number);
    // The portal's requests (wasm/app.cpp sign_in, the home and pay screens): none may fail.
    for (const char* path : {"/api/me", "/api/portal/me", "/api/portal/invoices?per_page=24", "/api/portal/dunning",
                             "/api/portal/invoices?per_page=100", "/api/payment-methods", "/api/portal/payments/pending"}) {
        auto reply = fixture.server.get(path, token);
        BOOST_TEST(reply.status == 200, path << ": " << reply.body);
    }
    // The staff package list it used to ask for (a 403, shown as an error toast at every login).
    BOOST_TEST(fixture.server.get("/api/packages", token).status == 403);
}

BOOST_AUTO_TEST_CASE(each_method_is_offered_once_through_its_cheapest_gateway_with_the_fee) {
    Portal fixture;
    // BNI: flip 5000, midtrans 4000, duitku 3000 → duitku. BCA: 2500 everywhere → flip (the first on a tie).
    fixture.configure({{"flip_methods", "bca_va:2500,bni_va:5000,qris:0"},
                       {"midtrans_methods", "bca_va:2500,bni_va:4000,qris:700"},
                       {"duitku_methods", "bca_va:2500,bni_va:3000,alfamart:2500"}});
    auto reply = fixture.server.get("/api/payment-methods");
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    std::map<std::string, api::Json> by_code;
    const api::Json data = reply.json()["data"];
    for (const auto& method : data) {
        BOOST_TEST(by_code.count(method["code"].get<std::string>()) == 0u, "listed twice: " << method.dump());
        by_code[method["code"].get<std::string>()] = method;
    }
    BOOST_TEST(by_code.size() == 4u);
    BOOST_TEST(by_code["bni_va"]["gateway"] == "duitku");
    BOOST_TEST(by_code["bni_va"]["fee"] == 3000);
    BOOST_TEST(by_code["bni_va"]["name"] == "BNI Virtual Account");
    BOOST_TEST(by_code["bca_va"]["gateway"] == "flip");
    BOOST_TEST(by_code["bca_va"]["fee"] == 2500);
    BOOST_TEST(by_code["qris"]["gateway"] == "flip");
    BOOST_TEST(by_code["qris"]["type"] == "qris");
    BOOST_TEST(by_code["alfamart"]["gateway"] == "duitku");
    // One gateway's own list is unchanged.
    BOOST_TEST(fixture.server.get("/api/payment-methods?gateway=midtrans").json()["data"].size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_pending_qris_payment_is_the_same_charge_when_asked_again_and_the_portal_finds_it) {
    Portal fixture;
    const auto [invoice, number] = fixture.january();
    const std::int64_t id = invoice["id"];
    HttpReply first = fixture.pay(id, "flip", "qris");
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    const std::string qr_string = first.json()["qr_string"];
    BOOST_TEST_REQUIRE(!qr_string.empty());
    // The QR the app draws: libqrencode's modules for exactly the QRIS string.
    const api::Json qr = first.json()["qr"];
    const std::vector<std::string> expected = qr_rows(qr_string);
    BOOST_TEST_REQUIRE(!expected.empty());
    BOOST_TEST(qr["size"] == expected.size());
    BOOST_TEST(qr["rows"].get<std::vector<std::string>>() == expected, qr.dump());
    // A VA payment has no QR.
    BOOST_TEST(fixture.pay(id, "flip", "bni_va").json()["qr"].is_null());

    // The customer comes back and asks again: the same pending charge, no second one at the gateway.
    const std::size_t charged = fixture.simulator.transactions().size();
    HttpReply again = fixture.pay(id, "flip", "qris");
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["order_id"] == first.json()["order_id"]);
    BOOST_TEST(again.json()["reused"] == true);
    BOOST_TEST(fixture.simulator.transactions().size() == charged);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM gateway_transactions WHERE method = 'qris' AND invoice_id = " + std::to_string(id)) == 1);

    // The portal's list of pending payments has it, with its QR and expiry; another customer's has nothing.
    auto pending = fixture.server.get("/api/portal/payments/pending", fixture.server.login(number));
    BOOST_TEST_REQUIRE(pending.status == 200, pending.body);
    const api::Json rows = pending.json()["data"];
    BOOST_TEST_REQUIRE(rows.size() == 2u, rows.dump());  // the QRIS and the BNI VA, newest first
    BOOST_TEST(rows[0]["method"] == "bni_va");
    BOOST_TEST(rows[0]["method_name"] == "BNI Virtual Account");
    BOOST_TEST(rows[1]["order_id"] == first.json()["order_id"]);
    BOOST_TEST(rows[1]["invoice_id"] == id);
    BOOST_TEST(rows[1]["invoice_no"] == invoice["invoice_no"]);
    BOOST_TEST(rows[1]["qr"]["rows"].get<std::vector<std::string>>() == expected);
    BOOST_TEST(!rows[1]["expires_at"].get<std::string>().empty());
    const std::string other = fixture.server.scalar("SELECT service_number FROM customers WHERE id <> " +
                                                    std::to_string(invoice["customer_id"].get<std::int64_t>()) + " ORDER BY id LIMIT 1");
    BOOST_TEST(fixture.server.get("/api/portal/payments/pending", fixture.server.login(other)).json()["data"].empty());
    // Staff have no portal.
    BOOST_TEST(fixture.server.get("/api/portal/payments/pending", fixture.finance).status == 403);
}

// A customer whose one bill is not due yet (CUST010 pays on the 20th; the clock is at 15 January)
// is told it is not due, not that it is the "next" bill: there is no other.
BOOST_AUTO_TEST_CASE(a_lone_bill_not_due_yet_is_not_called_the_next_one) {
    Portal fixture;
    BOOST_TEST_REQUIRE(fixture.server.scalar("SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                             "WHERE c.service_number = 'CUST010' AND i.due_date > '2026-01-15'") == "1");
    BOOST_TEST_REQUIRE(fixture.server.scalar("SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.service_number = 'CUST010'") == "1");
    auto page = fixture.server.get("/billing/CUST010");
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find("Belum jatuh tempo<br>") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("Tagihan berikutnya") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(after_the_callback_pays_the_bill_the_public_page_says_lunas_and_the_next_bill_is_information) {
    Portal fixture;
    const auto [invoice, number] = fixture.january();
    const std::int64_t id = invoice["id"];
    // February's bill exists already and is not due yet (the clock is at 15 January).
    auto february = fixture.server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false,"dry_run":false})", fixture.finance);
    BOOST_TEST_REQUIRE(february.status == 200, february.body);

    HttpReply paid = fixture.pay(id, "flip", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST_REQUIRE(fixture.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(fixture.simulator.wait_idle());
    BOOST_TEST_REQUIRE(fixture.server.callbacks_settled());
    BOOST_TEST_REQUIRE(fixture.server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(id)) == "paid");

    auto page = fixture.server.get("/billing/" + number);
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find("LUNAS") != std::string::npos);
    // January's card says LUNAS; no summary claims more ("Lunas" is not true of February's bill).
    const std::string january_card = page.body.substr(page.body.find("<b>" + invoice["invoice_no"].get<std::string>() + "</b>"));
    BOOST_TEST(january_card.substr(0, january_card.find("</div>")).find("LUNAS") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("Lunas. Tidak ada") == std::string::npos);
    BOOST_TEST(page.body.find("Tagihan berikutnya, belum jatuh tempo") != std::string::npos);
    BOOST_TEST(page.body.find("Februari 2026</b>") != std::string::npos, page.body);  // its due date, in words
    // No red amount: nothing is due.
    BOOST_TEST(page.body.find("<span class=\"due\">") == std::string::npos);
    // The portal's own view of it: January paid, February open and not overdue.
    const api::Json mine = fixture.server.get("/api/portal/invoices?per_page=24", fixture.server.login(number)).json()["data"];
    BOOST_TEST(mine.size() == 2u);
    for (const auto& row : mine) {
        if (row["id"] == id) BOOST_TEST(row["status"] == "paid");
        else BOOST_TEST(row["overdue"] == false, row.dump());
    }

    // A customer with a January bill still open (due 10 January) sees it in red.
    const std::string late = fixture.server.scalar(
        "SELECT c.service_number FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.status = 'unpaid' AND i.period = '2026-01' "
        "ORDER BY c.id LIMIT 1");
    BOOST_TEST(fixture.server.get("/billing/" + late).body.find("<span class=\"due\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(isolir_offers_an_unknown_visitor_the_bill_check_and_writes_the_phone_as_indonesians_do) {
    Portal fixture;
    fixture.configure({{"company_phone", "6281210023757"}});
    auto page = fixture.server.get("/isolir");
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find("<form method=\"get\" action=\"/billing\">") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("name=\"nomor_layanan\"") != std::string::npos);
    BOOST_TEST(page.body.find(">0812-1002-3757</a>") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("https://wa.me/6281210023757") != std::string::npos);
    // The form's answer is the bill page of that number.
    const auto [invoice, number] = fixture.january();
    auto checked = fixture.server.get("/billing?nomor_layanan=" + number);
    BOOST_TEST(checked.status == 200);
    BOOST_TEST(checked.body.find(invoice["invoice_no"].get<std::string>()) != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
