#include <boost/test/unit_test.hpp>

#include "api/dunning_dto.hpp"
#include "dunning/schedule.hpp"

using namespace kimonet;
using namespace kimonet::dunning;

BOOST_AUTO_TEST_SUITE(dunning_schedule)

BOOST_AUTO_TEST_CASE(default_schedule_is_h7_h3_h1_h0_warning_fee_off_and_isolate_at_h7) {
    const Schedule schedule = default_schedule();
    std::string shape;
    for (const auto& step : schedule.steps)
        shape += day_label(step.day_offset) + ":" + std::string(to_string(step.action)) + (step.enabled ? "" : "(off)") + " ";
    BOOST_TEST(shape == "H-7:remind H-3:remind H-1:remind H0:remind H+1:warn H+3:late_fee(off) H+7:isolate ");
    BOOST_TEST(validate_schedule(schedule).ok());
}

BOOST_AUTO_TEST_CASE(percentage_fee_rounds_to_the_rupiah_and_respects_the_cap) {
    Step step;
    step.action = StepAction::LateFee;
    step.fee_kind = FeeKind::Percent;
    step.fee_percent_bp = 250;  // 2,5 %
    BOOST_TEST(late_fee_amount(step, 166500) == 4163);  // 4162,5 rounds half up
    step.fee_cap = 4000;
    BOOST_TEST(late_fee_amount(step, 166500) == 4000);
    BOOST_TEST(late_fee_amount(step, 0) == 0);
    step.fee_kind = FeeKind::Fixed;
    step.fee_amount = 15000;
    BOOST_TEST(late_fee_amount(step, 1) == 15000);
}

BOOST_AUTO_TEST_CASE(invalid_schedules_name_every_bad_field) {
    const auto json = api::parse_json(R"({"name":" ","steps":[
        {"day_offset":-100,"action":"remind","template_key":"reminder"},
        {"day_offset":1,"action":"shout"},
        {"day_offset":3,"action":"late_fee","fee_kind":"percent","fee_percent_bp":0,"channel":"none"},
        {"day_offset":2,"action":"remind","template_key":"no_such_template"},
        {"day_offset":"7","action":"isolate"}]})");
    auto parsed = api::schedule_from_json(json);
    BOOST_TEST_REQUIRE(!parsed.ok());
    const auto& fields = parsed.error().fields;
    // Type errors first: the wrong action and the string day stop before the schedule rules.
    BOOST_TEST(fields.count("steps.1.action") == 1u);
    BOOST_TEST(fields.count("steps.4.day_offset") == 1u);

    auto rules = api::schedule_from_json(api::parse_json(R"({"name":" ","steps":[
        {"day_offset":-100,"action":"remind","template_key":"reminder"},
        {"day_offset":3,"action":"late_fee","fee_kind":"percent","fee_percent_bp":0,"channel":"none"},
        {"day_offset":2,"action":"remind","template_key":"no_such_template"},
        {"day_offset":5,"action":"remind","channel":"none"},
        {"day_offset":7,"action":"isolate","channel":"none"},
        {"day_offset":9,"action":"isolate","channel":"none"}]})"));
    BOOST_TEST_REQUIRE(!rules.ok());
    const auto& rule_fields = rules.error().fields;
    BOOST_TEST(rule_fields.count("name") == 1u);
    BOOST_TEST(rule_fields.count("steps.0.day_offset") == 1u);
    BOOST_TEST(rule_fields.count("steps.1.fee_percent_bp") == 1u);
    BOOST_TEST(rule_fields.count("steps.2.template_key") == 1u);
    BOOST_TEST(rule_fields.count("steps.3.channel") == 1u);
    BOOST_TEST(rule_fields.count("steps") == 1u);  // two isolate steps
}

BOOST_AUTO_TEST_CASE(duplicate_steps_on_the_same_day_are_refused) {
    Schedule schedule = default_schedule();
    schedule.steps.push_back(schedule.steps.front());
    auto valid = validate_schedule(schedule);
    BOOST_TEST_REQUIRE(!valid.ok());
    BOOST_TEST(valid.error().fields.count("steps.7.day_offset") == 1u);
}

BOOST_AUTO_TEST_CASE(json_round_trip_keeps_every_step_field) {
    Schedule schedule = default_schedule();
    schedule.steps[5].fee_kind = FeeKind::Percent;
    schedule.steps[5].fee_percent_bp = 200;
    schedule.steps[5].fee_cap = 25000;
    auto parsed = api::schedule_from_json(api::to_json(schedule));
    BOOST_TEST_REQUIRE(parsed.ok());
    BOOST_TEST(parsed->name == schedule.name);
    BOOST_TEST_REQUIRE(parsed->steps.size() == schedule.steps.size());
    for (std::size_t index = 0; index < schedule.steps.size(); ++index) BOOST_TEST((parsed->steps[index] == schedule.steps[index]));
}

BOOST_AUTO_TEST_SUITE_END()
