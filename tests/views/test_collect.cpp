// The collector's phone screen (Tagih tunai) and the cashier's Setoran kas, headless at 390 px
// (issue 20): a collector signs in and lands on their route; "Terima tunai" is prefilled with what
// is owed and sends the payment with an Idempotency-Key that a retry keeps; a different amount is
// sent only once confirmed; "Setor ke kasir" declares the day's cash; the cashier confirms what
// was counted. The answers are the JSON the server's own serialisers write (api::to_json).
#include <boost/test/unit_test.hpp>

#include "api/cash_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

api::CashRoute route() {
    api::CashRoute route;
    route.areas = {"RW 03"};
    route.stops.push_back({1, "Budi Santoso", "KMN-0001", "Jl. Melati 3", "081234567890", "RW 03", 7, "INV-202601-0007", "2026-01",
                           "2026-01-10", 166500});
    route.stops.push_back({2, "Siti Aminah", "KMN-0002", "Jl. Mawar 9", "081298765432", "RW 03", 8, "INV-202601-0008", "2026-01",
                           "2026-01-10", 200000});
    return route;
}

api::CashDay day(kimonet::Money unremitted) {
    api::CashDay day;
    day.date = "2026-01-15";
    day.collector = "kolektor.barat";
    day.collected = unremitted;
    day.collections = unremitted > 0 ? 1 : 0;
    day.unremitted = unremitted;
    return day;
}

// A collector (cash.collect only) signed in with no address, at phone width.
void open_as_collector(ViewHarness& harness, kimonet::Money unremitted = 0, float width = 390.f) {
    kimonet::testing::set_canvas_width(width);
    harness.api().answer("GET", "/api/cash/route", {{"success", true}, {"data", api::to_json(route())}});
    harness.api().answer("GET", "/api/cash/day", {{"success", true}, {"data", api::to_json(day(unremitted))}});
    harness.sign_in_staff({"cash.collect"}, "collector");
    harness.settle();
}

std::vector<Json> bodies(ViewHarness& harness, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == "POST" && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

// Buttons, and checkboxes with their labels: a confirmation cut at the screen's edge does not say
// what the collector agrees to.
void every_button_inside_the_phone(ViewHarness& harness, float width = 390.f) {
    for (const auto& widget : harness.widgets()) {
        const std::string kind = widget.value("kind", "");
        if ((kind != "button" && kind != "checkbox") || !widget.value("visible", false)) continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>();
        BOOST_TEST((x >= -0.5f && x + w <= width + 0.5f), widget.value("id", "") << " at " << x << ".." << x + w);
        // Nor cut by the card it is in (what is on screen of it, `hit`, ends where it ends).
        const float shown_right = widget["hit"]["x"].get<float>() + widget["hit"]["w"].get<float>();
        BOOST_TEST(x + w <= shown_right + 0.5f, widget.value("id", "") << " ends at " << x + w << ", cut at " << shown_right);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(collect)

BOOST_AUTO_TEST_CASE(a_collector_lands_on_the_route_and_takes_cash_with_a_key_a_retry_keeps) {
    ViewHarness harness;
    open_as_collector(harness);
    BOOST_TEST(kimonet::testing::written_route() == "collect");
    BOOST_TEST(harness.value("collect.areas") == "Area: RW 03");
    BOOST_TEST(harness.value("collect.stop.7.name") == "Budi Santoso");
    BOOST_TEST(harness.value("collect.stop.7.outstanding") == "Sisa tagihan: Rp 166.500");
    BOOST_TEST(harness.api().count("GET", "/api/dashboard") == 0, "a collector asks nothing it would get 403 for");
    every_button_inside_the_phone(harness);

    harness.click("collect.stop.7.pay");
    harness.settle();
    BOOST_TEST(harness.value("collect.pay.amount") == "166500");
    BOOST_TEST_REQUIRE(harness.find("collect.pay.confirm").has_value());
    every_button_inside_the_phone(harness);
    // The first answer is lost to a bad signal: the server's 503.
    harness.api().answer_error("POST", "/api/cash/collections", 503, "unavailable", "Layanan sedang sibuk");
    harness.click("collect.pay.save");
    harness.settle();
    harness.api().answer("POST", "/api/cash/collections", {{"success", true}, {"data", {{"id", 41}, {"repeated", false}}}}, 201);
    harness.click("collect.pay.save");
    harness.settle();
    const auto sent = bodies(harness, "/api/cash/collections");
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(sent[0]["invoice_id"] == 7);
    BOOST_TEST(sent[0]["amount"] == 166500);
    BOOST_TEST(!sent[0].contains("confirm"));
    BOOST_TEST(!sent[0]["idempotency_key"].get<std::string>().empty());
    BOOST_TEST(sent[1]["idempotency_key"] == sent[0]["idempotency_key"], "the retry is the same payment");
    BOOST_TEST(harness.values("toast.ok").size() == 1u);
    every_button_inside_the_phone(harness);
}

// Many of the phones collectors carry are 360 CSS px wide: the confirmation's words wrap inside
// the card instead of running out of it ("…saya yaki" was all a 390 px Chromium showed).
BOOST_AUTO_TEST_CASE(on_a_360_px_phone_the_difference_confirmation_reads_whole) {
    ViewHarness harness;
    open_as_collector(harness, 0, 360.f);
    harness.click("collect.stop.7.pay");
    harness.settle();
    BOOST_TEST_REQUIRE(harness.find("collect.pay.confirm").has_value());
    every_button_inside_the_phone(harness, 360.f);
    // The words still tick the box, as a label does.
    harness.click("collect.pay.confirm");
    harness.settle();
    BOOST_TEST(harness.value("collect.pay.confirm") == "true");
}

// On a 360 px phone the header says which screen this is in full ("Tagih tun…" beside four
// buttons); the language buttons are in the menu, and still switch the language.
BOOST_AUTO_TEST_CASE(on_a_360_px_phone_the_header_names_the_screen_whole_and_the_menu_holds_the_language) {
    ViewHarness harness;
    open_as_collector(harness, 0, 360.f);
    BOOST_TEST(harness.value("header.title") == "Tagih tunai");
    BOOST_TEST(!harness.find("lang.en").has_value(), "not in the header");
    harness.click("shell.menu");
    harness.settle();
    harness.click("lang.en");
    harness.settle();
    harness.click("shell.menu");
    harness.settle();
    const std::string english = harness.value("header.title");
    BOOST_TEST(english != "Tagih tunai");
    BOOST_TEST(!english.ends_with("…"), english);
    every_button_inside_the_phone(harness, 360.f);
    harness.click("shell.menu");  // back to Indonesian: the language outlives the harness
    harness.settle();
    harness.click("lang.id");
    harness.settle();
    BOOST_TEST(harness.value("header.title") == "Tagih tunai");
}

// At the door nobody opens: the collector calls the number the stop carries, or finds the way to
// the address, as the technician's card offers; the day reads as a date, not "2026-01-15".
BOOST_AUTO_TEST_CASE(a_stop_offers_the_way_to_the_door_and_a_call) {
    ViewHarness harness;
    open_as_collector(harness);
    BOOST_TEST(harness.value("collect.day.label") == "Hari ini · 15 Januari 2026");
    harness.click("collect.stop.7.call");
    harness.settle();
    harness.click("collect.stop.8.navigate");
    harness.settle();
    const auto opened = kimonet::testing::opened_urls();
    BOOST_TEST_REQUIRE(opened.size() == 2u);
    BOOST_TEST(opened[0] == "tel:+6281234567890");
    BOOST_TEST(opened[1].find("Jl.%20Mawar%209") != std::string::npos, opened[1]);
    BOOST_TEST(harness.api().count("POST", "/api/cash/collections") == 0, "neither records anything");
}

BOOST_AUTO_TEST_CASE(a_different_amount_is_sent_only_once_confirmed) {
    ViewHarness harness;
    open_as_collector(harness);
    harness.click("collect.stop.8.pay");
    harness.settle();
    harness.click("collect.pay.amount");
    harness.select_all();
    harness.type("100rb");
    harness.settle();
    harness.click("collect.pay.save");
    harness.settle();
    BOOST_TEST(bodies(harness, "/api/cash/collections").empty());
    BOOST_TEST(harness.find("collect.pay.confirm").has_value());
    harness.click("collect.pay.confirm");
    harness.api().answer("POST", "/api/cash/collections", {{"success", true}, {"data", {{"id", 42}}}}, 201);
    harness.click("collect.pay.save");
    harness.settle();
    const auto sent = bodies(harness, "/api/cash/collections");
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0]["amount"] == 100000);
    BOOST_TEST(sent[0]["confirm"] == "partial");
}

BOOST_AUTO_TEST_CASE(the_days_cash_is_remitted_to_the_cashier) {
    ViewHarness harness;
    open_as_collector(harness, 366500);
    BOOST_TEST(harness.value("collect.unremitted") == "Belum disetor: Rp 366.500");
    harness.click("collect.remit");
    harness.settle();
    harness.api().answer("POST", "/api/cash/remittances", {{"success", true}, {"data", Json::object()}}, 201);
    harness.click("collect.remit.save");
    harness.settle();
    const auto remitted = bodies(harness, "/api/cash/remittances");
    BOOST_TEST_REQUIRE(remitted.size() == 1u);
    BOOST_TEST(remitted[0]["amount"] == 366500);
    BOOST_TEST(!remitted[0]["idempotency_key"].get<std::string>().empty());
}

BOOST_AUTO_TEST_CASE(the_cashier_sees_the_difference_and_confirms_what_was_counted) {
    ViewHarness desk("cash");
    kimonet::testing::set_canvas_width(390.f);
    api::RemittanceResource waiting;
    waiting.seq = 12;
    waiting.collector = "kolektor.barat";
    waiting.business_date = "2026-01-15";
    waiting.expected = 366500;
    waiting.declared = 361500;
    desk.api().answer("GET", "/api/cash/remittances", {{"success", true}, {"data", Json::array({api::to_json(waiting)})}, {"total", 1}});
    api::CashReportRow row{5, "kolektor.barat", "2026-01-15", 366500, 361500, 0, 1};
    desk.api().answer("GET", "/api/cash/report", {{"success", true}, {"data", Json::array({api::to_json(row)})}, {"total", 1}});
    std::vector<std::string> finance{"cash.confirm", "customers.read"};
    desk.sign_in_staff(finance, "finance");
    desk.settle();
    BOOST_TEST(desk.value("cash_desk.12.difference") == "Selisih: -Rp 5.000");
    BOOST_TEST(desk.value("cash_desk.report.5.2026-01-15.remitted") == "Disetor: Rp 361.500 (-Rp 5.000)");
    desk.click("cash_desk.12.received");
    desk.select_all();
    desk.type("356500");
    desk.api().answer("POST", "/api/cash/remittances/12/confirm", {{"success", true}, {"data", Json::object()}}, 201);
    desk.click("cash_desk.12.confirm");
    desk.settle();
    const auto confirmed = bodies(desk, "/api/cash/remittances/12/confirm");
    BOOST_TEST_REQUIRE(confirmed.size() == 1u);
    BOOST_TEST(confirmed[0]["received_amount"] == 356500);
    every_button_inside_the_phone(desk);
}

BOOST_AUTO_TEST_SUITE_END()
