// Mutasi bank (issue 20), headless: the lines waiting for review as the server writes them
// (api::to_json(BankStatementLineResource)), paying one to its suggested invoice or to a typed
// invoice number, ignoring one, the server's "confirm" answer, and a role that may only read.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/bank_statement_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

api::BankStatementLineResource waiting(std::int64_t id, const std::string& reason, const std::string& suggested) {
    api::BankStatementLineResource line;
    line.id = id;
    line.bank = "bca";
    line.account = "1234567890";
    line.posted_on = "2026-01-07";
    line.amount = 175000;
    line.description = "TRSF E-BANKING CR 0701 BAYAR INTERNET";
    line.file_row = 8 + static_cast<int>(id);
    line.status = "review";
    line.review_reason = reason;
    if (!suggested.empty()) {
        line.suggested_invoice_id = 7;
        line.invoice_no = suggested;
        line.customer_name = "Joko";
        line.service_number = "CUST003";
    }
    return line;
}

Json list_answer() {
    return {{"success", true},
            {"data", Json::array({api::to_json(waiting(2, "ambiguous", "INV-202601-00003")), api::to_json(waiting(1, "no_match", ""))})},
            {"total", 2}};
}

const kimonet::testing::SentRequest* sent_to(ViewHarness& harness, const std::string& path) {
    const auto& sent = harness.api().sent();
    auto found = std::find_if(sent.begin(), sent.end(), [&](const auto& request) { return request.method == "POST" && request.path == path; });
    return found == sent.end() ? nullptr : &*found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bank_statements)

BOOST_AUTO_TEST_CASE(a_cashier_sees_why_each_line_waits_and_pays_one_to_its_suggested_invoice) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/bank-statements/lines", list_answer());
    api::BankStatementLineResource paid = waiting(2, "", "INV-202601-00003");
    paid.status = "paid";
    harness.api().answer("POST", "/api/bank-statements/lines/2/match", {{"success", true}, {"data", api::to_json(paid)}});
    harness.sign_in_staff({"payments.read", "payments.create"}, "finance");
    harness.app().navigate(kimonet::Screen{"bank"});
    harness.settle();
    BOOST_TEST(harness.value("bank.line.2.amount") == "Rp 175.000");
    BOOST_TEST(harness.value("bank.line.2.reason") == "Cocok dengan lebih dari satu tagihan");
    BOOST_TEST(harness.value("bank.line.1.reason") == "Tidak cocok dengan tagihan mana pun");
    BOOST_TEST(harness.find("bank.import").has_value());
    BOOST_TEST(!harness.find("bank.line.1.pay_suggested").has_value(), "no suggestion, no pay button");

    harness.click("bank.line.2.pay_suggested");
    harness.settle();
    const auto* match = sent_to(harness, "/api/bank-statements/lines/2/match");
    BOOST_TEST_REQUIRE(match != nullptr);
    BOOST_TEST(api::parse_json(match->body)["invoice_no"] == "INV-202601-00003");
    BOOST_TEST(harness.value("bank.notice") == "Dicatat sebagai pembayaran INV-202601-00003.");
}

BOOST_AUTO_TEST_CASE(another_invoice_is_typed_and_an_amount_the_server_questions_is_confirmed) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/bank-statements/lines", list_answer());
    harness.api().answer_error("POST", "/api/bank-statements/lines/1/match", 409, "conflict",
                               "jumlah berbeda dari sisa tagihan: kurang bayar", Json{{"confirm", "partial"}});
    harness.sign_in_staff({"payments.read", "payments.create"}, "finance");
    harness.app().navigate(kimonet::Screen{"bank"});
    harness.settle();
    harness.click("bank.line.1.other");
    harness.settle();
    harness.click("bank.line.1.invoice_no");
    harness.type("INV-202601-00009");
    harness.frames(2);
    harness.click("bank.line.1.match");
    harness.settle();
    BOOST_TEST(harness.label("bank.line.1.match") == "Tetap catat");
    harness.click("bank.line.1.match");
    harness.settle();
    int confirmed = 0;
    for (const auto& request : harness.api().sent())
        if (request.path == "/api/bank-statements/lines/1/match" && api::parse_json(request.body).value("confirm", "") == "partial") ++confirmed;
    BOOST_TEST(confirmed == 1);

    harness.click("bank.line.1.ignore");
    harness.settle();
    BOOST_TEST(sent_to(harness, "/api/bank-statements/lines/1/ignore") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_role_that_may_only_read_payments_sees_the_lines_without_import_or_actions_also_on_a_phone) {
    ViewHarness harness;
    kimonet::testing::set_canvas_width(390);
    harness.api().answer("GET", "/api/bank-statements/lines", list_answer());
    harness.sign_in_staff({"payments.read"}, "viewer");
    harness.app().navigate(kimonet::Screen{"bank"});
    harness.settle();
    BOOST_TEST(harness.value("bank.line.2.description") == "TRSF E-BANKING CR 0701 BAYAR INTERNET");
    BOOST_TEST(!harness.find("bank.import").has_value());
    BOOST_TEST(harness.find_prefix("bank.line.2.pay").empty());
    BOOST_TEST(!harness.find("bank.line.2.ignore").has_value());
    BOOST_TEST(harness.api().count("POST", "/api/bank-statements") == 0);
    kimonet::testing::set_canvas_width(1280);
}

BOOST_AUTO_TEST_SUITE_END()
