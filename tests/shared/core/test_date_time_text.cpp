// A moment as Indonesians read it on customers' pages (core/date_time_text.hpp).
#include <boost/test/unit_test.hpp>

#include "core/date_time_text.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(date_time_text)

BOOST_AUTO_TEST_CASE(a_moment_reads_as_date_pukul_hours_dot_minutes_and_the_zone) {
    // 2026-12-06 16:57:47 UTC.
    const std::int64_t moment = unix_from_local({{2026, 12, 6}, 16, 57, 47}, UtcOffset{0});
    BOOST_TEST(format_moment_indonesian(moment, UtcOffset{420}) == "6 Desember 2026 pukul 23.57 WIB");
    BOOST_TEST(format_moment_indonesian(moment, UtcOffset{480}) == "7 Desember 2026 pukul 00.57 WITA");
    BOOST_TEST(format_moment_indonesian(moment, UtcOffset{540}) == "7 Desember 2026 pukul 01.57 WIT");
    BOOST_TEST(format_moment_indonesian(moment, UtcOffset{0}) == "6 Desember 2026 pukul 16.57 UTC");
    BOOST_TEST(format_moment_indonesian(moment, UtcOffset{330}) == "6 Desember 2026 pukul 22.27 UTC+05:30");
    // Minutes and hours keep their leading zero; the seconds are not shown.
    BOOST_TEST(format_moment_indonesian(unix_from_local({{2027, 1, 1}, 0, 5, 59}, UtcOffset{420}), UtcOffset{420}) ==
               "1 Januari 2027 pukul 00.05 WIB");
}

BOOST_AUTO_TEST_SUITE_END()
