#include <boost/test/unit_test.hpp>

#include "tickets/ticket_rules.hpp"

using namespace kimonet::tickets;

BOOST_AUTO_TEST_SUITE(ticket_rules)

BOOST_AUTO_TEST_CASE(sla_hours_name_every_priority_once_within_1_to_720) {
    const auto hours = parse_sla_hours("urgent=1,high=2,normal=4,low=8");
    BOOST_TEST_REQUIRE(hours.ok());
    BOOST_TEST(hours->for_priority("urgent") == 1);
    BOOST_TEST(hours->for_priority("low") == 8);
    BOOST_TEST(parse_sla_hours("low=72,normal=24,high=8,urgent=4").ok());
    BOOST_TEST(parse_sla_hours(kDefaultResponseHours).ok());
    BOOST_TEST(parse_sla_hours(kDefaultResolveHours).ok());
    for (const char* bad : {"", "urgent=1,high=2,normal=4", "urgent=1,high=2,normal=4,low=8,low=9", "urgent=0,high=2,normal=4,low=8",
                            "urgent=721,high=2,normal=4,low=8", "urgent=1,high=2,normal=4,later=8", "urgent=1,high=2,normal=4,low=",
                            "urgent=-1,high=2,normal=4,low=8", "urgent=1;high=2;normal=4;low=8", "urgent=1,,high=2,normal=4,low=8"})
        BOOST_TEST(!parse_sla_hours(bad).ok(), bad);
}

BOOST_AUTO_TEST_CASE(a_ticket_misses_its_response_when_unanswered_past_the_target_and_its_resolution_when_still_open_after_it) {
    const SlaInput ticket{1000, 5000, std::nullopt, std::nullopt};
    auto state = sla_state(ticket, 400);
    BOOST_TEST(!state.breached());
    BOOST_TEST(*state.seconds_left == 600);  // to the response target first
    state = sla_state(ticket, 1001);
    BOOST_TEST(state.response_breached);
    BOOST_TEST(!state.resolve_breached);
    BOOST_TEST(state.breach() == "response");
    BOOST_TEST(*state.seconds_left == 3999);  // the resolution target is still ahead
    // Answered in time: only the resolution counts.
    state = sla_state({1000, 5000, 900, std::nullopt}, 2000);
    BOOST_TEST(!state.breached());
    BOOST_TEST(*state.seconds_left == 3000);
    state = sla_state({1000, 5000, 900, std::nullopt}, 5001);
    BOOST_TEST(state.breach() == "resolve");
    BOOST_TEST(!state.seconds_left.has_value());
    // A closed ticket is judged at its closing, whatever the time now.
    state = sla_state({1000, 5000, 900, 4000}, 999999);
    BOOST_TEST(!state.breached());
    BOOST_TEST(!state.seconds_left.has_value());
    state = sla_state({1000, 5000, std::nullopt, 1200}, 999999);
    BOOST_TEST(state.breach() == "response");  // closed after the response target without an answer
}

BOOST_AUTO_TEST_CASE(words_numbers_and_the_category_a_message_means) {
    BOOST_TEST(ticket_number(42) == "TKT-000042");
    BOOST_TEST(ticket_number(1234567) == "TKT-1234567");
    BOOST_TEST(default_priority("no_connection") == "high");
    BOOST_TEST(default_priority("slow") == "normal");
    BOOST_TEST(category_label("no_connection") == "Internet mati");
    BOOST_TEST(close_cause_label("fiber_cut") == "Kabel FO putus");
    BOOST_TEST(category_from_text("Gangguan, internet mati dari pagi") == "no_connection");
    BOOST_TEST(category_from_text("LAPOR sudah bayar kok diisolir") == "billing");
    BOOST_TEST(category_from_text("internet LEMOT banget") == "slow");
    BOOST_TEST(category_from_text("putus nyambung terus") == "intermittent");
    BOOST_TEST(category_from_text("router rusak") == "device");
    BOOST_TEST(is_category("other"));
    BOOST_TEST(!is_category("Other"));
    BOOST_TEST(is_close_cause("duplicate"));
    BOOST_TEST(!is_status("reopened"));
}

BOOST_AUTO_TEST_SUITE_END()
