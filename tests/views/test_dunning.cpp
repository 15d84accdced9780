// Penagihan, headless: the schedules as the server writes them (api::to_json(ScheduleResource)),
// read with shared/api's reader, and the editor sending back a schedule the server's own input
// parser (api::schedule_from_json) accepts.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/dunning_dto.hpp"
#include "core/date.hpp"
#include "customer_world.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

Json schedules_answer() {
    api::ScheduleResource row{kimonet::dunning::default_schedule(), {1}, 0};
    row.schedule.id = 1;
    row.schedule.name = "Standar";
    row.schedule.is_default = true;
    for (std::size_t index = 0; index < row.schedule.steps.size(); ++index)
        row.schedule.steps[index].id = static_cast<std::int64_t>(index) + 1;
    return {{"success", true}, {"data", Json::array({api::to_json(row)})}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dunning)

BOOST_AUTO_TEST_CASE(the_steps_of_a_schedule_show_from_the_server_json_and_an_edit_goes_back_in_the_input_shape) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/dunning/schedules", schedules_answer());
    harness.api().answer("GET", "/api/packages", {{"success", true}, {"data", Json::array({Json{{"id", 1}, {"name", "Paket 20 Mbps"}}})}});
    harness.api().answer("PUT", "/api/dunning/schedules/1", {{"success", true}, {"data", Json::object()}});
    harness.sign_in_staff({"dunning.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"dunning"});
    harness.settle();
    const auto steps = kimonet::dunning::default_schedule().steps;
    std::string late_fee_id, isolate_id;
    for (std::size_t index = 0; index < steps.size(); ++index) {
        if (steps[index].action == kimonet::dunning::StepAction::LateFee) late_fee_id = std::to_string(index + 1);
        if (steps[index].action == kimonet::dunning::StepAction::Isolate) isolate_id = std::to_string(index + 1);
    }
    BOOST_TEST(harness.value("dunning.step." + isolate_id + ".label") == "H+7");
    BOOST_TEST(harness.value("dunning.step." + late_fee_id + ".fee") == "Rp 10.000");
    BOOST_TEST(harness.value("dunning.step." + late_fee_id + ".enabled") == "Tidak", "the default late fee step is disabled");

    harness.click("dunning.edit");
    harness.settle();
    harness.click("dunning.editor.add");
    harness.settle();
    harness.click("dunning.editor.save");
    harness.settle();
    const auto& sent = harness.api().sent();
    auto put = std::find_if(sent.begin(), sent.end(), [](const auto& request) { return request.method == "PUT"; });
    BOOST_TEST_REQUIRE((put != sent.end()));
    BOOST_TEST(put->path == "/api/dunning/schedules/1");
    Json body = api::parse_json(put->body);
    BOOST_TEST_REQUIRE(body["steps"].size() == steps.size() + 1, "the added step is sent");
    BOOST_TEST(body["steps"].back()["id"] == 0, "a new step has no id yet");
    BOOST_TEST(body["steps"].back()["action"] == "remind");
    // Without the new step (a second H0 reminder, which the server refuses as a duplicate) the
    // body is the schedule as it was, in the shape the server's input parser reads.
    body["steps"].erase(body["steps"].size() - 1);
    auto parsed = api::schedule_from_json(body);
    BOOST_TEST_REQUIRE(parsed.ok(), put->body);
    BOOST_TEST(parsed->name == "Standar");
    BOOST_TEST(parsed->steps.size() == steps.size());
    BOOST_TEST(parsed->steps[0].id == 1);
}

// A customer's promises on the detail screen: the one that holds, the history with channel, who and
// kept/broken; finance grants a longer one with a reason, sent as the server's grant reads it.
BOOST_AUTO_TEST_CASE(the_customer_screen_shows_promises_and_finance_grants_one) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    const Json active = {{"id", 2}, {"made_on", "2025-12-04"}, {"promised_until", "2025-12-07"}, {"channel", "whatsapp"}, {"by", "CUST042"}, {"status", "active"}};
    const Json broken = {{"id", 1}, {"made_on", "2025-11-12"}, {"promised_until", "2025-11-15"}, {"channel", "isolir_page"}, {"by", "CUST042"}, {"status", "broken"}};
    harness.api().answer("GET", "/api/customers/42/dunning",
                         {{"success", true}, {"data", {{"timeline", Json::array()}, {"outstanding", 166500}, {"isolation_date", "2025-12-08"},
                                                       {"promise", active}, {"promises", Json::array({active, broken})}}}});
    harness.api().answer("POST", "/api/customers/42/promises", {{"success", true}, {"data", {{"promised_until", "2025-12-15"}}}, {"created", true}}, 201);
    harness.sign_in_staff({"customers.read", "invoices.read", "payments.read", "dunning.read", "dunning.promise_grant"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("promise.active") == "Janji bayar berlaku sampai 7 Desember 2025");
    BOOST_TEST(harness.value("promise.2") == "4 Desember 2025 · WhatsApp · CUST042 · sampai 7 Desember 2025 · berlaku");
    BOOST_TEST(harness.value("promise.1") == "12 November 2025 · halaman isolir · CUST042 · sampai 15 November 2025 · tidak ditepati");
    harness.click("promise.grant.reason");
    harness.type("gaji telat");
    harness.click("promise.grant.submit");
    harness.settle();
    const auto& sent = harness.api().sent();
    const auto post = std::find_if(sent.begin(), sent.end(), [](const auto& request) { return request.method == "POST"; });
    BOOST_TEST_REQUIRE((post != sent.end()));
    BOOST_TEST(api::parse_json(post->body) == (Json{{"days", 7}, {"reason", "gaji telat"}}));
    BOOST_TEST(harness.value("promise.grant.done") == "Janji bayar sampai 15 Desember 2025");
}

BOOST_AUTO_TEST_CASE(without_the_grant_permission_there_is_no_grant_form) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    harness.sign_in_staff({"customers.read", "invoices.read", "dunning.read"}, "technician");
    harness.settle();
    BOOST_TEST(harness.value("promise.none") == "Belum ada janji bayar.");
    BOOST_TEST(!harness.find("promise.grant.submit").has_value());
}

// Issue 21: under an outage the customer's timeline says the step is paused, by which outage and
// since when, and that the isolation waits (the server's words from customer_dunning_today).
BOOST_AUTO_TEST_CASE(an_outage_pausing_the_customer_shows_on_the_timeline) {
    ViewHarness harness("customers/42");
    kimonet::testing::answer_customer_world(harness.api());
    kimonet::dunning::TimelineEntry step;
    step.invoice_id = 7;
    step.invoice_no = "INV/2025/12/0007";
    step.step = kimonet::dunning::default_schedule().steps.back();
    step.step.id = 4;
    step.date = *kimonet::parse_date("2025-12-05");
    step.amount = 166500;
    step.state = kimonet::dunning::TimelineState::DueToday;
    Json entry = api::to_json(step);
    entry["state"] = "paused";
    entry["reason"] = "ditahan: gangguan Kabel putus ODP-A1 sejak 5 Desember 2025 pukul 08.10";
    const Json pause = {{"id", 3}, {"title", "Kabel putus ODP-A1"}, {"area_name", "Jl. Merdeka"}, {"started_at", 1764897000},
                        {"started_at_text", "5 Desember 2025 pukul 08.10"}, {"ended_at", nullptr}, {"ended_at_text", ""}};
    harness.api().answer("GET", "/api/customers/42/dunning",
                         {{"success", true}, {"data", {{"timeline", Json::array({entry})}, {"outstanding", 166500}, {"isolation_date", nullptr},
                                                       {"isolation_paused", true}, {"outage_pauses", Json::array({pause})},
                                                       {"promises", Json::array()}}}});
    harness.sign_in_staff({"customers.read", "invoices.read", "dunning.read"}, "finance");
    harness.settle();
    BOOST_TEST(harness.value("dunning.customer.outage.3") ==
               "Penagihan dan isolir ditahan: gangguan Kabel putus ODP-A1 (Jl. Merdeka) sejak 5 Desember 2025 pukul 08.10");
    BOOST_TEST(harness.value("dunning.customer.isolation_paused") == "Isolir menunggu sampai gangguan selesai.");
    BOOST_TEST(!harness.find("dunning.customer.isolation").has_value());
    BOOST_TEST(harness.value("dunning.customer.7.4.state") == "Ditahan (gangguan)");
}

BOOST_AUTO_TEST_SUITE_END()
