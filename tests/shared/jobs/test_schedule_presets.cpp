#include <boost/test/unit_test.hpp>

#include "jobs/cron.hpp"
#include "jobs/schedule_presets.hpp"

using namespace kimonet::jobs;

BOOST_AUTO_TEST_SUITE(schedule_presets)

BOOST_AUTO_TEST_CASE(the_default_schedules_read_as_people_say_them) {
    BOOST_TEST(describe_schedule("1 0 1 * *") == "setiap tanggal 1 jam 00:01");
    BOOST_TEST(describe_schedule("0 8 * * *") == "setiap hari jam 08:00");
    BOOST_TEST(describe_schedule("0 9 * * *") == "setiap hari jam 09:00");
    BOOST_TEST(describe_schedule("* * * * *") == "setiap menit");
    BOOST_TEST(describe_schedule("*/5 * * * *") == "setiap 5 menit");
    BOOST_TEST(describe_schedule("30 7 * * 1") == "setiap Senin jam 07:30");
}

BOOST_AUTO_TEST_CASE(a_preset_maps_to_one_cron_and_back) {
    SchedulePreset monthly;
    monthly.kind = PresetKind::Monthly;
    monthly.day = 1;
    monthly.hour = 0;
    monthly.minute = 1;
    BOOST_TEST(cron_from_preset(monthly) == "1 0 1 * *");
    BOOST_TEST((preset_from_cron("1 0 1 * *") == monthly));
    for (const char* cron : {"1 0 1 * *", "0 8 * * *", "* * * * *", "*/5 * * * *", "*/15 * * * *", "30 7 * * 1", "0 0 28 * *", "59 23 * * 0"}) {
        BOOST_TEST(cron_from_preset(preset_from_cron(cron)) == cron, cron);
        BOOST_TEST(parse_cron(cron_from_preset(preset_from_cron(cron))).ok(), cron);
    }
}

BOOST_AUTO_TEST_CASE(any_other_cron_stays_advanced_and_unchanged) {
    for (const char* cron : {"0 8 * * 1-5", "0 8,20 * * *", "0 8 31 * *", "0 08 * * *", "*/7 * * * *", "0 0 1 1 *", "0 8 1 * 1", "nonsense"}) {
        const SchedulePreset preset = preset_from_cron(cron);
        BOOST_TEST((preset.kind == PresetKind::Advanced), cron);
        BOOST_TEST(cron_from_preset(preset) == cron, cron);
        BOOST_TEST(describe_schedule(cron) == std::string("Lanjutan: ") + cron);
    }
    BOOST_TEST(describe_schedule("  0 8 * * 1-5 ") == "Lanjutan: 0 8 * * 1-5");
}

BOOST_AUTO_TEST_CASE(out_of_range_fields_are_clamped_to_a_valid_cron) {
    SchedulePreset wild;
    wild.kind = PresetKind::Monthly;
    wild.day = 31;
    wild.hour = 25;
    wild.minute = -3;
    BOOST_TEST(cron_from_preset(wild) == "0 23 28 * *");
    wild.kind = PresetKind::EveryMinutes;
    wild.every_minutes = 0;
    BOOST_TEST(cron_from_preset(wild) == "* * * * *");
}

BOOST_AUTO_TEST_SUITE_END()
