#include <boost/test/unit_test.hpp>

#include "messaging/wait_reason.hpp"

using namespace kimonet::messaging;

BOOST_AUTO_TEST_SUITE(wait_reason)

BOOST_AUTO_TEST_CASE(says_why_messages_wait_in_the_order_to_look) {
    OutboxState state;
    state.queued = 12;
    state.configured = true;
    state.quiet = *parse_quiet_hours("21:00-07:00");
    state.minute_of_day = 23 * 60;
    state.rate_seconds = 2;
    WaitReason quiet = why_messages_wait(state);
    BOOST_TEST((quiet.kind == WaitKind::QuietHours));
    BOOST_TEST(quiet.until == "07:00");
    BOOST_TEST(std::string(to_string(quiet.kind)) == "quiet_hours");

    state.minute_of_day = 10 * 60;
    WaitReason rate = why_messages_wait(state);
    BOOST_TEST((rate.kind == WaitKind::RateLimit));
    BOOST_TEST(rate.seconds == 2);

    state.last_retry_error = "HTTP 503";
    WaitReason provider = why_messages_wait(state);
    BOOST_TEST((provider.kind == WaitKind::Provider));
    BOOST_TEST(provider.error == "HTTP 503");

    state.configured = false;
    BOOST_TEST((why_messages_wait(state).kind == WaitKind::Unconfigured));
    state.queued = 0;
    BOOST_TEST((why_messages_wait(state).kind == WaitKind::None));
}

BOOST_AUTO_TEST_SUITE_END()
