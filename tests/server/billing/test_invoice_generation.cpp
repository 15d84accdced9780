#include <boost/test/unit_test.hpp>
#include <thread>

#include "billing_test_support.hpp"
#include "support/column_values.hpp"
#include "services/invoice_generation.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

Result<services::GenerateSummary> generate(app::App& app, const std::string& period, bool dry_run = false, int batch = 1000,
                                           bool joined_only = false) {
    auto lease = TRY(app.database());
    app::Context context = app.context(*lease, app::Actor{"system", 0, "test", ""});
    services::GenerateOptions options;
    options.period = *parse_period(period);
    options.dry_run = dry_run;
    options.batch_size = batch;
    options.joined_in_period_only = joined_only;
    return services::generate_invoices(context, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_generation)

BOOST_AUTO_TEST_CASE(generating_twice_creates_the_same_invoices_once) {
    TestServer server;
    auto first = generate(server.app(), "2026-01", false, 7);
    BOOST_TEST_REQUIRE(first.ok(), (first ? "" : first.error().message()));
    const std::int64_t expected = billable_count(server, "2026-01");
    BOOST_TEST(first->created == expected);
    BOOST_TEST(first->skipped == scalar_int(server, "SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated')") - expected);
    BOOST_TEST(first->total_amount == scalar_int(server, "SELECT SUM(total) FROM invoices"));
    const std::string before = server.snapshot();

    auto second = generate(server.app(), "2026-01");
    BOOST_TEST_REQUIRE(second.ok());
    BOOST_TEST(second->created == 0);
    BOOST_TEST(second->total_amount == 0);
    BOOST_TEST(server.snapshot() == before);
    check_complete_and_gap_free(server, "2026-01");
    BOOST_TEST(server.scalar("SELECT invoice_no FROM invoices ORDER BY sequence LIMIT 1") == "INV-202601-00001");
    // Each batch is logged.
    const std::int64_t logged = scalar_int(server, "SELECT COUNT(*) FROM activity_log WHERE action = 'invoice.generate'");
    BOOST_TEST(logged >= (expected + 6) / 7);
    std::int64_t logged_created = 0;
    for (const auto& after : column_values(server, "SELECT after_json FROM activity_log WHERE action = 'invoice.generate'"))
        logged_created += api::parse_json(after)["created"].get<std::int64_t>();
    BOOST_TEST(logged_created == expected);
}

BOOST_AUTO_TEST_CASE(join_month_is_prorated_and_later_months_full) {
    TestServer server;
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    BOOST_TEST_REQUIRE((*db)->execute("UPDATE customers SET join_date = '2026-01-15', package_id = "
                                      "(SELECT id FROM internet_packages WHERE price = 300000) WHERE service_number = 'CUST012'").ok());
    BOOST_TEST_REQUIRE(generate(server.app(), "2026-01").ok());
    BOOST_TEST_REQUIRE(generate(server.app(), "2026-02").ok());
    const std::string customer = "(SELECT id FROM customers WHERE service_number = 'CUST012')";
    BOOST_TEST(scalar_int(server, "SELECT total FROM invoices WHERE period = '2026-01' AND customer_id = " + customer) == 164516);
    BOOST_TEST(server.scalar("SELECT l.kind FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.period = '2026-01' "
                             "AND i.customer_id = " + customer) == "prorated_package");
    BOOST_TEST(scalar_int(server, "SELECT total FROM invoices WHERE period = '2026-02' AND customer_id = " + customer) == 300000);
    BOOST_TEST(server.scalar("SELECT due_date FROM invoices WHERE period = '2026-02' AND customer_id = " + customer) == "2026-02-10");
}

BOOST_AUTO_TEST_CASE(dry_run_counts_without_writing) {
    TestServer server;
    const std::string before = server.snapshot();
    auto preview = generate(server.app(), "2026-01", true, 5);
    BOOST_TEST_REQUIRE(preview.ok());
    BOOST_TEST(preview->created == billable_count(server, "2026-01"));
    BOOST_TEST(preview->total_amount > 0);
    BOOST_TEST(server.snapshot() == before);
    auto real = generate(server.app(), "2026-01");
    BOOST_TEST_REQUIRE(real.ok());
    BOOST_TEST(real->created == preview->created);
    BOOST_TEST(real->total_amount == preview->total_amount);
}

BOOST_AUTO_TEST_CASE(prorate_bills_only_customers_who_joined_in_the_period) {
    TestServer server;
    auto prorated = generate(server.app(), "2026-01", false, 1000, true);
    BOOST_TEST_REQUIRE(prorated.ok());
    const std::int64_t joined = scalar_int(
        server, "SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated') AND join_date BETWEEN '2026-01-01' AND '2026-01-31'");
    BOOST_TEST(joined > 0);
    BOOST_TEST(prorated->created == joined);
    auto rest = generate(server.app(), "2026-01");
    BOOST_TEST_REQUIRE(rest.ok());
    BOOST_TEST(rest->created == billable_count(server, "2026-01") - joined);
    check_complete_and_gap_free(server, "2026-01");
}

BOOST_AUTO_TEST_CASE(tax_and_number_format_settings_apply) {
    TestServer server;
    {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = server.app().context(**lease, app::Actor{});
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"tax_rate", "11%"}, {"invoice_number_format", "KMN/{YY}{MM}/{NNNN}"}}).ok());
        auto rejected = services::update_settings(context, {{"tax_rate", "111"}, {"invoice_number_format", "X-{NNN}"}});
        BOOST_TEST_REQUIRE(!rejected.ok());
        BOOST_TEST(rejected.error().fields.size() == 2u);
    }
    BOOST_TEST_REQUIRE(generate(server.app(), "2026-02").ok());
    BOOST_TEST(server.scalar("SELECT invoice_no FROM invoices WHERE sequence = 1") == "KMN/2602/0001");
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE tax * 100 != subtotal * 11 OR total != subtotal + tax") == 0);
}

BOOST_AUTO_TEST_CASE(two_generators_at_once_neither_duplicate_nor_leave_gaps) {
    TestServer server;
    add_bulk_customers(server, 5000);
    app::Config config;
    config.db_path = server.db_path();
    config.secret_key_file = server.app().config().secret_key_file;  // beside the SQLite file; a temp dir on PostgreSQL
    auto other = app::App::open(config, std::make_shared<app::ManualClock>(server.clock().now()));
    BOOST_TEST_REQUIRE(other.ok());
    Result<services::GenerateSummary> first = make_error(ErrorCode::Internal), second = make_error(ErrorCode::Internal);
    std::thread a([&] { first = generate(server.app(), "2026-03", false, 100); });
    std::thread b([&] { second = generate(**other, "2026-03", false, 100); });
    a.join();
    b.join();
    BOOST_TEST_REQUIRE(first.ok(), (first ? "" : first.error().message()));
    BOOST_TEST_REQUIRE(second.ok(), (second ? "" : second.error().message()));
    BOOST_TEST(first->created + second->created == billable_count(server, "2026-03"));
    check_complete_and_gap_free(server, "2026-03");
}

BOOST_AUTO_TEST_SUITE_END()
