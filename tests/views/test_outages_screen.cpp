// Gangguan jaringan (issue 21, docs/outages.md): a technician on a phone (390 px) opens an outage
// on a router, sees the server's field message, sees how many customers it affects and closes it;
// finance only reads. The answers are the server's own serialiser (api::to_json of OutageResource).
#include <boost/test/unit_test.hpp>

#include "api/outage_dto.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;

namespace {

Json outage_list(bool ended = false) {
    kimonet::api::OutageResource outage;
    outage.id = 5;
    outage.title = "Kabel fiber putus";
    outage.cause = "digigit tikus";
    outage.target_kind = "router";
    outage.target_id = 2;
    outage.area_name = "Router Cabang";
    outage.started_at = 1768442400;
    outage.started_at_text = "2026-01-15 09:00";
    outage.ongoing = !ended;
    if (ended) {
        outage.ended_at = 1768456800;
        outage.ended_at_text = "2026-01-15 13:00";
        outage.duration_seconds = 4 * 3600;
    }
    outage.affected_count = 24;
    outage.start_notices = 24;
    outage.end_notices = ended ? 24 : 0;
    outage.credit_total = ended ? 16800 : 0;
    outage.phase = ended ? "ended" : "started";
    return {{"success", true}, {"data", Json::array({kimonet::api::to_json(outage)})}, {"total", 1}};
}

std::vector<Json> bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(sent.body.empty() ? Json::object() : Json::parse(sent.body));
    return out;
}

void choose(ViewHarness& harness, const std::string& select, int option) {
    harness.click(select);
    harness.frames(2);
    harness.click(select + ".option." + std::to_string(option));
    harness.frames(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outages_screen)

BOOST_AUTO_TEST_CASE(a_technician_opens_an_outage_on_a_router_and_closes_it_on_a_phone) {
    ViewHarness harness("outages");
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/outages", outage_list());
    harness.api().answer("GET", "/api/routers",
                         {{"success", true}, {"data", {{{"id", 1}, {"name", "Router Pusat"}}, {{"id", 2}, {"name", "Router Cabang"}}}}});
    harness.sign_in_staff({"outages.read", "outages.manage", "routers.read"}, "technician");
    harness.settle();
    BOOST_TEST(harness.value("outages.5.title") == "Kabel fiber putus");
    BOOST_TEST(harness.value("outages.5.status") == "Berlangsung");
    BOOST_TEST(harness.value("outages.5.area") == "Area: Router Cabang (Router)");
    BOOST_TEST(harness.value("outages.5.counts") ==
               "24 pelanggan terdampak · 24 pemberitahuan mulai · 0 pemberitahuan selesai · kompensasi Rp 0");

    // The server's field message shows under the field; then a good request.
    harness.click("outages.new.title");
    harness.type("Listrik padam di Cabang");
    choose(harness, "outages.new.router", 1);
    harness.api().answer_error("POST", "/api/outages", 422, "validation_failed", "Data tidak valid",
                               {{"started_at", "waktu mulai paling lama 48 jam yang lalu dan tidak di masa depan"}});
    harness.click("outages.new.started_at");
    harness.type("2026-01-10 08:00");
    harness.click("outages.open");
    harness.settle();
    BOOST_TEST(harness.value("outages.new.started_at.error") == "waktu mulai paling lama 48 jam yang lalu dan tidak di masa depan");
    harness.click("outages.new.started_at");
    harness.select_all();
    harness.type("2026-01-15 08:30");
    harness.api().answer("POST", "/api/outages", {{"success", true}, {"data", outage_list()["data"][0]}}, 201);
    harness.click("outages.open");
    harness.settle();
    const auto opened = bodies(harness, "POST", "/api/outages");
    BOOST_TEST_REQUIRE(opened.size() == 2u);
    BOOST_TEST(opened[1] == (Json{{"title", "Listrik padam di Cabang"}, {"cause", ""}, {"target_kind", "router"}, {"target_id", 2},
                                  {"started_at", "2026-01-15 08:30"}}));
    BOOST_TEST(harness.values("toast.ok").back() == "Gangguan dibuka: 24 pelanggan terdampak");

    harness.click("outages.5.close");
    harness.settle();
    BOOST_TEST(harness.find("outages.5.ended_at").has_value());
    harness.api().answer("POST", "/api/outages/5/close", {{"success", true}, {"data", outage_list(true)["data"][0]}});
    harness.api().answer("GET", "/api/outages", outage_list(true));
    harness.click("outages.5.close");
    harness.settle();
    const auto closed = bodies(harness, "POST", "/api/outages/5/close");
    BOOST_TEST_REQUIRE(closed.size() == 1u);
    BOOST_TEST(closed[0] == Json::object());
    BOOST_TEST(harness.value("outages.5.status") == "Selesai");
    BOOST_TEST(harness.value("outages.5.counts") ==
               "24 pelanggan terdampak · 24 pemberitahuan mulai · 24 pemberitahuan selesai · kompensasi Rp 16.800");
    for (const auto& widget : harness.widgets()) {
        if (widget.value("kind", "") != "button" || !widget.value("visible", false)) continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>();
        BOOST_TEST((x >= -0.5f && x + w <= 390.5f), widget.value("id", "") << " at " << x << ".." << x + w);
    }
}

BOOST_AUTO_TEST_CASE(finance_reads_outages_but_cannot_open_or_close_one) {
    ViewHarness harness("outages");
    harness.api().answer("GET", "/api/outages", outage_list());
    harness.sign_in_staff({"outages.read", "routers.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("outages.5.title") == "Kabel fiber putus");
    BOOST_TEST(!harness.find("outages.open").has_value());
    BOOST_TEST(!harness.find("outages.5.close").has_value());
    for (const auto& sent : harness.api().sent()) BOOST_TEST(sent.method == "GET", sent.method << " " << sent.path);
}

BOOST_AUTO_TEST_SUITE_END()
