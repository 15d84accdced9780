// The browser app shows times in the ISP's zone, which the server names at sign-in (/api/auth/login
// and /api/me: "time_zone"): staff in Makassar read WITA, not Jakarta's WIB.
#include <boost/test/unit_test.hpp>

#include "i18n.hpp"
#include "session.hpp"
#include "view_harness.hpp"
#include "views/admin_widgets.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;

BOOST_AUTO_TEST_SUITE(local_times)

BOOST_AUTO_TEST_CASE(a_makassar_session_shows_times_in_wita) {
    ViewHarness harness;
    const auto user = kimonet::session_user_from_json(Json{{"id", 1}, {"username", "admin"}, {"role", "admin"}, {"time_zone", "+08:00"}});
    BOOST_TEST_REQUIRE(user.has_value());
    BOOST_TEST(user->time_zone.minutes == 8 * 60);
    harness.app().sign_in("test-token", *user);
    // 15 January 2026 16:30 UTC: 23:30 in Jakarta, already 16 January in Makassar.
    const std::int64_t moment = 1768494600;
    BOOST_TEST(kimonet::format_unix_time(moment) == "16 Januari 2026 00:30");
    BOOST_TEST(kimonet::i18n::format_date_time(moment) == "16 Januari 2026 00:30");

    // A server that names no zone (older) is WIB, as it was.
    const auto plain = kimonet::session_user_from_json(Json{{"id", 1}, {"username", "admin"}, {"role", "admin"}});
    BOOST_TEST_REQUIRE(plain.has_value());
    harness.app().sign_in("test-token", *plain);
    BOOST_TEST(kimonet::format_unix_time(moment) == "15 Januari 2026 23:30");
}

BOOST_AUTO_TEST_SUITE_END()
