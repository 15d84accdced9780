// Dunning schedules and timelines on the wire: what dunning_dto's to_json writes, its output
// readers read back to the same value (the Penagihan screen and the portal read them), and a
// missing or mistyped field keeps the domain default instead of throwing.
#include <boost/test/unit_test.hpp>

#include "api/dunning_dto.hpp"

using namespace kimonet;
using api::Json;

BOOST_AUTO_TEST_SUITE(dunning_wire)

BOOST_AUTO_TEST_CASE(a_schedule_reads_back_to_the_same_schedule) {
    dunning::Schedule original = dunning::default_schedule();
    original.id = 3;
    original.name = "Ketat";
    original.description = "isolir H+3";
    original.is_default = true;
    for (std::size_t index = 0; index < original.steps.size(); ++index) original.steps[index].id = static_cast<std::int64_t>(index) + 10;
    original.steps.push_back({30, 5, dunning::StepAction::LateFee, "none", "late_fee", false, dunning::FeeKind::Percent, 0, 250, 20000});
    const Json written = api::to_json(original);
    const dunning::Schedule read = api::schedule_from_output_json(written);
    BOOST_TEST(read.id == 3);
    BOOST_TEST(read.name == "Ketat");
    BOOST_TEST(read.is_default);
    BOOST_TEST((read.steps == original.steps));
    BOOST_TEST(api::to_json(read) == written, api::to_json(read).dump() + " vs " + written.dump());
}

BOOST_AUTO_TEST_CASE(a_timeline_entry_reads_back_to_the_same_json) {
    dunning::TimelineEntry original;
    original.invoice_id = 41;
    original.invoice_no = "INV-202601-0007";
    original.step = {12, 7, dunning::StepAction::Isolate, "whatsapp", "isolir"};
    original.date = {2026, 1, 17};
    original.amount = 166500;
    original.state = dunning::TimelineState::DueToday;
    original.reason = "sudah diisolir";
    const Json written = api::to_json(original);
    const dunning::TimelineEntry read = api::timeline_entry_from_json(written);
    BOOST_TEST((read.state == dunning::TimelineState::DueToday));
    BOOST_TEST((read.step.action == dunning::StepAction::Isolate));
    BOOST_TEST((read.date == Date{2026, 1, 17}));
    BOOST_TEST(api::to_json(read) == written, api::to_json(read).dump() + " vs " + written.dump());
}

BOOST_AUTO_TEST_CASE(missing_or_mistyped_dunning_fields_keep_the_domain_defaults) {
    const dunning::Schedule schedule = api::schedule_from_output_json(
        Json{{"id", "3"}, {"name", 5}, {"is_default", 1}, {"steps", Json::array({Json{{"action", "explode"}, {"enabled", "no"}}, Json(7)})}});
    BOOST_TEST(schedule.id == 0);
    BOOST_TEST(schedule.name == "");
    BOOST_TEST(!schedule.is_default);
    BOOST_TEST_REQUIRE(schedule.steps.size() == 1u, "a step that is not an object is skipped");
    BOOST_TEST((schedule.steps[0] == dunning::Step{}));
    BOOST_TEST(api::schedule_from_output_json(Json("x")).steps.empty());
    const dunning::TimelineEntry entry = api::timeline_entry_from_json(Json{{"state", "later"}, {"date", 20260117}, {"amount", "Rp 1"}});
    BOOST_TEST((entry.state == dunning::TimelineState::Upcoming));
    BOOST_TEST((entry.date == Date{}));
    BOOST_TEST(entry.amount == 0);
}

BOOST_AUTO_TEST_CASE(a_schedule_row_reads_back_with_its_packages_and_overrides) {
    api::ScheduleResource original{dunning::default_schedule(), {2, 5}, 3};
    original.schedule.id = 1;
    const Json written = api::to_json(original);
    const auto rows = api::schedule_resources_from_list(Json{{"data", Json::array({written, Json("x")})}});
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0].package_ids == std::vector<std::int64_t>{2, 5}));
    BOOST_TEST(rows[0].customer_overrides == 3);
    BOOST_TEST(api::to_json(rows[0]) == written);
    const auto odd = api::schedule_resource_from_json(Json{{"package_ids", Json::array({1, "2", 3.5})}, {"customer_overrides", "many"}});
    BOOST_TEST((odd.package_ids == std::vector<std::int64_t>{1}));
    BOOST_TEST(odd.customer_overrides == 0);
}

BOOST_AUTO_TEST_SUITE_END()
