// `kimonet seed-demo`'s year of history, as an evaluator meets it on the first run: twelve months
// of invoices ending with the Clock's month, most paid, some late, some online through a gateway,
// the customers who stopped paying isolated — the same data every time for the same Clock.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "cli/seed_demo.hpp"
#include "core/natural_order.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Seeded {
    cli::DemoHistory history;
    double seconds = 0;
};

Seeded seed_history(TestServer& server) {
    // The Clock in December 2026: every demo customer (joined 2025-2026) has a bill by then.
    server.clock().set(unix_from_local(LocalDateTime{{2026, 12, 20}, 9, 0, 0}, UtcOffset{420}));
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "seed-demo", ""});
    Seeded seeded;
    const auto started = std::chrono::steady_clock::now();
    auto made = (*lease)->transaction([&]() -> Result<void> {
        seeded.history = TRY(cli::seed_demo_history(context));
        return {};
    });
    seeded.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST_REQUIRE(made.ok(), (made.ok() ? std::string() : made.error().message()));
    return seeded;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(seed_demo_history)

BOOST_AUTO_TEST_CASE(a_year_of_invoices_payments_late_payers_and_isolated_customers) {
    TestServer server;
    const Seeded seeded = seed_history(server);
    const auto& months = seeded.history.months;
    BOOST_TEST_REQUIRE(months.size() == 12u);
    BOOST_TEST(months.front().period.year == 2026);
    BOOST_TEST(months.front().period.month == 1);
    BOOST_TEST(months.back().period.month == 12);
    for (const auto& month : months) {
        const std::string period = to_string(month.period);
        const std::string invoices = server.scalar("SELECT COUNT(*) FROM invoices WHERE period = '" + period + "' AND status <> 'void'");
        BOOST_TEST(std::stoll(invoices) >= 30, period);  // every billable customer who had joined by then
        BOOST_TEST(month.invoices == std::stoll(invoices), period);
        if (month.period.month <= 10) BOOST_TEST(month.payments >= 25, period);  // most bills of past months are paid
    }
    // The Clock's month is still open for most; the last three months hold the customers who stopped paying.
    BOOST_TEST(months.back().payments < months[6].payments);
    std::int64_t late = 0, online = 0;
    for (const auto& month : months) late += month.late, online += month.gateway_transactions;
    BOOST_TEST(late >= 20);
    BOOST_TEST(online >= 50);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM gateway_transactions WHERE status = 'paid'") == std::to_string(online));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM payments WHERE method = 'gateway'") == std::to_string(online));
    BOOST_TEST(seeded.history.isolated >= 2);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM customers WHERE status = 'isolated'") == std::to_string(seeded.history.isolated));
    // Payments are dated in their months, never after the Clock.
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM payments WHERE paid_at > " + std::to_string(server.clock().now())) == "0");
    // Trouble tickets of the last two weeks: closed ones with causes, one in progress, one waiting past its response target.
    BOOST_TEST(seeded.history.tickets == 7);
    // The street side: forty customers on ODP ports, with coordinates, so the map shows a network.
    BOOST_TEST(seeded.history.placed == 40);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM odp_ports") == "40");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM customers WHERE latitude IS NOT NULL") == "40");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM odps") == "5");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM tickets WHERE status = 'closed' AND close_cause IS NOT NULL") == "5");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM tickets WHERE status = 'in_progress' AND assignee_user_id IS NOT NULL") == "1");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM tickets WHERE status = 'open' AND response_due_at < " + std::to_string(server.clock().now())) == "1");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM notifications WHERE idempotency_key LIKE 'ticket:%'") == "0");
    // The technician signs in to today's work, not an empty screen: the repair of the ticket they
    // have in progress and an installation; tomorrow a relocation, and a dismantle left to assign.
    BOOST_TEST(seeded.history.jobs == 4);
    const std::string technician = "(SELECT id FROM users WHERE username = 'technician')";
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM technician_jobs WHERE status = 'scheduled' AND scheduled_date = '2026-12-20' AND technician_id = " +
                             technician) == "2");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM technician_jobs j JOIN tickets t ON t.id = j.ticket_id WHERE j.kind = 'repair' AND "
                             "t.status = 'in_progress' AND t.customer_id = j.customer_id AND t.assignee_user_id = j.technician_id") == "1");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM technician_jobs WHERE scheduled_date = '2026-12-21' AND technician_id IS NULL") == "1");
    // The collector signs in to a round, not an empty route: the open invoices of the customers of
    // their area's two streets, each stop on one of those streets.
    BOOST_TEST(seeded.history.collector_customers == 17);
    const auto route = server.get("/api/cash/route", server.login("collector"));
    BOOST_TEST_REQUIRE(route.status == 200, route.body);
    const auto round = api::Json::parse(route.body)["data"];
    BOOST_TEST(round["areas"] == api::Json::array({"Jl. Merdeka & Jl. Sudirman"}));
    BOOST_TEST(round["stops"].size() >= 10u, route.body.substr(0, 300));
    // In walking order: Jl. Merdeka No. 6, 12, … 48, then Jl. Sudirman (by name it was Agus at
    // No. 36 first, then Ayu at No. 6).
    std::string previous;
    for (const auto& stop : round["stops"]) {
        const std::string address = stop["address"].get<std::string>();
        BOOST_TEST(!natural_less(address, previous), previous << " came before " << address);
        previous = address;
        BOOST_TEST((address.starts_with("Jl. Merdeka") || address.starts_with("Jl. Sudirman")), address);
        BOOST_TEST(stop["outstanding"].get<std::int64_t>() > 0);
    }
    BOOST_TEST_MESSAGE("seed_demo_history: " << seeded.seconds << " s");
    BOOST_TEST(seeded.seconds < 30.0);
}

BOOST_AUTO_TEST_CASE(the_same_clock_gives_the_same_history) {
    TestServer first, second;
    const Seeded a = seed_history(first), b = seed_history(second);
    BOOST_TEST_REQUIRE(a.history.months.size() == b.history.months.size());
    for (std::size_t i = 0; i < a.history.months.size(); ++i) {
        BOOST_TEST(a.history.months[i].invoices == b.history.months[i].invoices);
        BOOST_TEST(a.history.months[i].payments == b.history.months[i].payments);
        BOOST_TEST(a.history.months[i].late == b.history.months[i].late);
    }
    const std::string sums = "SELECT COUNT(*) || ':' || SUM(amount) || ':' || SUM(paid_at) FROM payments";
    BOOST_TEST(first.scalar(sums) == second.scalar(sums));
}

BOOST_AUTO_TEST_SUITE_END()
