// Billing-run approval (issue 20): with invoice_run_mode = approve the monthly run prepares drafts
// that nobody outside the run can see; an approved run numbers them in order and sends once, a
// discarded one leaves nothing behind.
#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"
#include "core/invoice_run_messages.hpp"
#include "services/invoice_runs.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void set_setting(TestServer& server, const std::string& key, const std::string& value) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::update_settings(context, {{key, value}}).ok());
}

// Every row and counter a run could leave behind, in one string.
std::string footprint(TestServer& server) {
    std::string out;
    for (const char* table : {"invoices", "invoice_lines", "notifications", "sequences", "invoice_runs", "invoice_run_items", "payments",
                              "customer_credit", "dunning_actions"})
        out += std::string(table) + "=" + server.scalar(std::string("SELECT COUNT(*) FROM ") + table) + " ";
    out += "seq=" + server.scalar("SELECT COALESCE(SUM(last_number), 0) FROM sequences");
    return out;
}

std::int64_t prepare(TestServer& server, const std::string& token, const std::string& period) {
    auto prepared = server.post("/api/invoice-runs", api::Json{{"period", period}}.dump(), token);
    BOOST_TEST_REQUIRE(prepared.status == 201, prepared.body);
    return prepared.json()["data"]["id"].get<std::int64_t>();
}

std::string run_path(std::int64_t run_id, const std::string& tail = "") { return "/api/invoice-runs/" + std::to_string(run_id) + tail; }

// The change row of one customer in the run.
api::Json change_of(TestServer& server, const std::string& token, std::int64_t run_id, std::int64_t customer_id, const std::string& reason) {
    auto page = server.get(run_path(run_id, "/changes?per_page=200&reason=" + reason), token);
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    const api::Json body = page.json();
    for (const auto& row : body["data"])
        if (row["customer_id"] == customer_id) return row;
    return api::Json();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_runs)

BOOST_AUTO_TEST_CASE(the_generate_button_prepares_then_approval_numbers_in_order_and_sends_once) {
    TestServer server;
    set_setting(server, "invoice_run_mode", "approve");
    const std::string finance = server.login("finance");
    const std::string before = footprint(server);
    auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":true})", finance);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    BOOST_TEST(generated.json()["prepared"] == true);
    const std::int64_t run_id = generated.json()["run_id"];
    const std::int64_t expected = billable_count(server, "2026-01");
    BOOST_TEST(generated.json()["drafts"] == expected);
    // Prepared: nothing numbered, nothing queued.
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices") == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM sequences WHERE name = 'invoice:2026-01'") == 0);
    BOOST_TEST(footprint(server) != before);  // the drafts are there, in their own tables

    // The operator leaves one customer out before approving.
    const std::int64_t left_out = scalar_int(server, "SELECT MIN(customer_id) FROM invoice_run_items WHERE run_id = " + std::to_string(run_id));
    const std::int64_t left_out_total = scalar_int(server, "SELECT total FROM invoice_run_items WHERE customer_id = " + std::to_string(left_out));
    const std::int64_t prepared_total = server.get(run_path(run_id), finance).json()["data"]["total_amount"];
    auto excluded = server.post(run_path(run_id, "/exclude"), api::Json{{"customer_id", left_out}, {"excluded", true}}.dump(), finance);
    BOOST_TEST_REQUIRE(excluded.status == 200, excluded.body);
    BOOST_TEST(excluded.json()["data"]["state"] == "excluded");
    const api::Json summary = server.get(run_path(run_id), finance).json()["data"];
    BOOST_TEST(summary["invoice_count"] == expected - 1);
    BOOST_TEST(summary["total_amount"] == prepared_total - left_out_total);
    BOOST_TEST(summary["excluded"] == 1);

    auto approved = server.post(run_path(run_id, "/approve"), "{}", finance);
    BOOST_TEST_REQUIRE(approved.status == 200, approved.body);
    BOOST_TEST(approved.json()["data"]["status"] == "approved");
    BOOST_TEST(approved.json()["data"]["issued"] == expected - 1);
    const std::string where = " FROM invoices WHERE period = '2026-01' AND kind = 'monthly'";
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*)" + where) == expected - 1);
    BOOST_TEST(scalar_int(server, "SELECT MIN(sequence)" + where) == 1);
    BOOST_TEST(scalar_int(server, "SELECT MAX(sequence)" + where) == expected - 1);
    BOOST_TEST(scalar_int(server, "SELECT last_number FROM sequences WHERE name = 'invoice:2026-01'") == expected - 1);
    BOOST_TEST(scalar_int(server, "SELECT SUM(total)" + where) == summary["total_amount"].get<std::int64_t>());
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*)" + where + " AND customer_id = " + std::to_string(left_out)) == 0);
    // Numbered in customer order: no later customer has an earlier number.
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices a JOIN invoices b ON a.customer_id < b.customer_id AND a.sequence > b.sequence "
                                  "WHERE a.period = '2026-01' AND b.period = '2026-01'") == 0);
    // Every issued draft points at its invoice; the new-invoice message is queued once per invoice.
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoice_run_items it JOIN invoices i ON i.id = it.invoice_id AND i.customer_id = it.customer_id "
                                  "WHERE it.state = 'issued'") == expected - 1);
    const std::int64_t messages = scalar_int(server, "SELECT COUNT(*) FROM notifications WHERE template = 'invoice_new'");
    BOOST_TEST(messages == scalar_int(server, "SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.phone <> ''"));
    BOOST_TEST(messages > 0);

    // Approving again numbers nothing and sends nothing again; the run can no longer be discarded or edited.
    const std::string after = footprint(server);
    auto again = server.post(run_path(run_id, "/approve"), "{}", finance);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(footprint(server) == after);
    BOOST_TEST(server.post(run_path(run_id, "/discard"), "{}", finance).status == 409);
    BOOST_TEST(server.post(run_path(run_id, "/exclude"), api::Json{{"customer_id", left_out}, {"excluded", false}}.dump(), finance).status == 409);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM activity_log WHERE action = 'invoice_run.approve'") == 1);
}

BOOST_AUTO_TEST_CASE(a_discarded_run_leaves_nothing_and_an_open_run_blocks_the_period) {
    TestServer server;
    const std::string finance = server.login("finance");
    const std::string before = footprint(server);
    const std::int64_t run_id = prepare(server, finance, "2026-01");
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoice_run_items WHERE run_id = " + std::to_string(run_id)) ==
               billable_count(server, "2026-01"));
    // While it is open: no second prepare, no direct run, and a payment does not bill the period ahead.
    auto second = server.post("/api/invoice-runs", R"({"period":"2026-01"})", finance);
    BOOST_TEST(second.status == 409);
    BOOST_TEST(second.json()["error"]["message"].get<std::string>().find("#" + std::to_string(run_id)) != std::string::npos);
    BOOST_TEST(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 409);
    BOOST_TEST(server.post("/api/invoices/prorate", R"({"period":"2026-01"})", finance).status == 409);
    BOOST_TEST(server.post("/api/invoices/generate", R"({"period":"2026-01","dry_run":true})", finance).status == 200);
    BOOST_TEST(footprint(server) != before);

    auto discarded = server.post(run_path(run_id, "/discard"), "{}", finance);
    BOOST_TEST_REQUIRE(discarded.status == 200, discarded.body);
    // Only the audit trail remembers it: no rows, no numbers, no messages.
    BOOST_TEST(footprint(server) == before);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM activity_log WHERE action = 'invoice_run.discard'") == 1);
    BOOST_TEST(server.post(run_path(run_id, "/discard"), "{}", finance).status == 404);
    BOOST_TEST(server.post(run_path(run_id, "/approve"), "{}", finance).status == 404);
    BOOST_TEST(server.get(run_path(run_id), finance).status == 404);
    // The period is free again, and its numbers still start at 1.
    auto direct = server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance);
    BOOST_TEST_REQUIRE(direct.status == 200, direct.body);
    check_complete_and_gap_free(server, "2026-01");
}

BOOST_AUTO_TEST_CASE(drafts_are_invisible_to_portal_bill_check_dunning_and_reports) {
    TestServer server;
    const std::string finance = server.login("finance");
    const std::string admin = server.login("admin");
    const std::string number = server.scalar("SELECT service_number FROM customers WHERE status = 'active' AND join_date < '2026-01-01' ORDER BY id LIMIT 1");
    const std::string customer = server.login(number);
    const std::string bill_check = api::Json{{"customer_number", number}}.dump();
    auto views = [&] {
        return server.get("/api/portal/invoices?per_page=100", customer).body + server.post("/billing/check", bill_check).body +
               server.get("/api/reports/billing?from=2026-01-01&to=2026-01-31", finance).body + server.get("/api/invoices?per_page=100", finance).body +
               server.get("/api/dashboard", finance).body;
    };
    const std::string before = views();
    const std::int64_t run_id = prepare(server, finance, "2026-01");
    BOOST_TEST(views() == before);
    auto dunning = server.post("/api/dunning/run", "{}", admin);
    BOOST_TEST_REQUIRE(dunning.status == 200, dunning.body);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM dunning_actions") == 0);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == 0);
    // The same views see the invoices once approved (so the comparison above could fail).
    BOOST_TEST_REQUIRE(server.post(run_path(run_id, "/approve"), "{}", admin).status == 200);
    BOOST_TEST(views() != before);
    BOOST_TEST(server.post("/billing/check", bill_check).body.find(server.scalar(
                   "SELECT i.invoice_no FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.service_number = '" + number + "'")) !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_summary_names_package_changes_prorations_new_and_leaving_customers) {
    TestServer server;
    const std::string finance = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2025-12"})", finance).status == 200);
    // One customer changes package, one leaves, one joins in the middle of January.
    const std::string billed = "SELECT customer_id FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period = '2025-12' "
                               "AND c.status = 'active' AND i.total = (SELECT price FROM internet_packages p WHERE p.id = c.package_id)";
    const std::int64_t changer = scalar_int(server, billed + " ORDER BY customer_id LIMIT 1");
    const std::int64_t leaver = scalar_int(server, billed + " ORDER BY customer_id DESC LIMIT 1");
    BOOST_TEST_REQUIRE(changer != leaver);
    const std::int64_t other_package =
        scalar_int(server, "SELECT id FROM internet_packages WHERE price <> (SELECT p.price FROM customers c JOIN internet_packages p ON p.id = c.package_id "
                           "WHERE c.id = " + std::to_string(changer) + ") ORDER BY id LIMIT 1");
    auto changed = server.put("/api/customers/" + std::to_string(changer), api::Json{{"package_id", other_package}}.dump(), server.login("admin"));
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    BOOST_TEST_REQUIRE(server.del("/api/customers/" + std::to_string(leaver), server.login("admin")).status == 200);  // deactivates
    auto joined = server.post("/api/customers",
                              api::Json{{"name", "Pelanggan Baru"}, {"phone", "081299990001"}, {"package_id", other_package}, {"join_date", "2026-01-16"}}.dump(),
                              server.login("admin"));
    BOOST_TEST_REQUIRE(joined.status == 201, joined.body);
    const std::int64_t newcomer = joined.json()["data"]["id"];
    const std::int64_t leaver_december = scalar_int(server, "SELECT total FROM invoices WHERE period = '2025-12' AND customer_id = " + std::to_string(leaver));

    const std::int64_t run_id = prepare(server, finance, "2026-01");
    const api::Json summary = server.get(run_path(run_id), finance).json()["data"];
    const std::string items = "SELECT COUNT(*) FROM invoice_run_items WHERE run_id = " + std::to_string(run_id);
    BOOST_TEST(summary["invoice_count"] == scalar_int(server, items + " AND state = 'draft'"));
    BOOST_TEST(summary["invoice_count"] == billable_count(server, "2026-01"));
    BOOST_TEST(summary["total_amount"] == scalar_int(server, "SELECT SUM(total) FROM invoice_run_items WHERE state = 'draft'"));
    // New: joined in January (the seed's and ours); prorated: joined after the 1st of January or in December.
    BOOST_TEST(summary["new_customers"] ==
               scalar_int(server, "SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated') AND join_date BETWEEN '2026-01-01' AND '2026-01-31'"));
    BOOST_TEST(summary["prorations"] == scalar_int(server, "SELECT COUNT(*) FROM customers WHERE status IN ('active','isolated') AND "
                                                           "join_date BETWEEN '2026-01-02' AND '2026-01-31'"));
    BOOST_TEST(summary["leaving"] == scalar_int(server, "SELECT COUNT(*) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                                        "WHERE i.period = '2025-12' AND c.status NOT IN ('active','isolated')"));
    BOOST_TEST(summary["package_changes"] == 1);
    BOOST_TEST(summary["same"].get<std::int64_t>() > 0);

    const api::Json package_change = change_of(server, finance, run_id, changer, "package_change");
    BOOST_TEST_REQUIRE(package_change.is_object());
    BOOST_TEST(package_change["previous_amount"] != package_change["amount"]);
    BOOST_TEST(package_change["amount"] == scalar_int(server, "SELECT price FROM internet_packages WHERE id = " + std::to_string(other_package)));
    const api::Json leaving = change_of(server, finance, run_id, leaver, "leaving");
    BOOST_TEST_REQUIRE(leaving.is_object());
    BOOST_TEST(leaving["previous_amount"] == leaver_december);
    BOOST_TEST(leaving["amount"] == 0);
    BOOST_TEST(leaving["state"] == "none");
    const api::Json newcomer_row = change_of(server, finance, run_id, newcomer, "new");
    BOOST_TEST_REQUIRE(newcomer_row.is_object());
    BOOST_TEST(newcomer_row["prorated"] == true);
    BOOST_TEST(newcomer_row["previous_amount"].is_null());
    BOOST_TEST(newcomer_row["amount"].get<std::int64_t>() < package_change["amount"].get<std::int64_t>());
    // The filters: "changes" leaves out unchanged customers, "prorated" lists the prorated drafts; bad filters are refused.
    auto changes = server.get(run_path(run_id, "/changes?reason=changes&per_page=5"), finance).json();
    BOOST_TEST(changes["total"] == scalar_int(server, items + " AND reason <> 'same'"));
    BOOST_TEST(changes["data"].size() == std::min<std::size_t>(5, changes["total"].get<std::size_t>()));
    BOOST_TEST(server.get(run_path(run_id, "/changes?reason=prorated"), finance).json()["total"] == summary["prorations"]);
    BOOST_TEST(server.get(run_path(run_id, "/changes?reason=bogus"), finance).status == 422);
    BOOST_TEST(server.get(run_path(run_id, "/changes?state=bogus"), finance).status == 422);
    BOOST_TEST(server.get(run_path(run_id, "/changes?per_page=0"), finance).status == 422);
    BOOST_TEST(server.get(run_path(999999, "/changes"), finance).status == 404);
}

BOOST_AUTO_TEST_CASE(an_interrupted_approval_resumes_without_gaps_or_doubles) {
    TestServer server;
    const std::string finance = server.login("finance");
    const std::int64_t run_id = prepare(server, finance, "2026-01");
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"user", 0, "test", ""});
    // The process "dies" after the first committed batch of 7.
    services::ApproveRunOptions options;
    options.batch_size = 7;
    options.after_batch = []() -> Result<void> { return make_error(ErrorCode::Internal); };
    BOOST_TEST(!services::approve_invoice_run(context, run_id, options).ok());
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices") == 7);
    BOOST_TEST(server.scalar("SELECT status FROM invoice_runs WHERE id = " + std::to_string(run_id)) == "approving");
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications") == 0);
    // Half-approved: it cannot be discarded or edited, only finished.
    BOOST_TEST(server.post(run_path(run_id, "/discard"), "{}", finance).status == 409);
    BOOST_TEST(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 409);
    auto resumed = server.post(run_path(run_id, "/approve"), "{}", finance);
    BOOST_TEST_REQUIRE(resumed.status == 200, resumed.body);
    check_complete_and_gap_free(server, "2026-01");
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications WHERE template = 'invoice_new'") ==
               scalar_int(server, "SELECT COUNT(*) FROM invoices"));
}

BOOST_AUTO_TEST_CASE(lower_roles_are_refused_and_four_eyes_is_an_option) {
    TestServer server;
    const std::string finance = server.login("finance");
    const std::string technician = server.login("technician");
    BOOST_TEST(server.post("/api/invoice-runs", R"({"period":"2026-01"})", technician).status == 403);
    BOOST_TEST(server.post("/api/invoice-runs", R"({"period":"2026-01"})").status == 401);
    BOOST_TEST(server.post("/api/invoice-runs", R"({"period":"2026-13"})", finance).status == 422);
    BOOST_TEST(server.post("/api/invoice-runs", R"({"period":"2027-01"})", finance).status == 422);
    BOOST_TEST(server.post("/api/invoice-runs", "[", finance).status == 400);
    const std::int64_t run_id = prepare(server, finance, "2026-01");
    BOOST_TEST(server.post(run_path(run_id, "/approve"), "{}", technician).status == 403);
    BOOST_TEST(server.post(run_path(run_id, "/discard"), "{}", technician).status == 403);
    BOOST_TEST(server.post(run_path(run_id, "/exclude"), R"({"customer_id":1})", technician).status == 403);
    BOOST_TEST(server.post(run_path(run_id, "/approve"), "{}").status == 401);
    BOOST_TEST(server.get(run_path(run_id), "").status == 401);
    BOOST_TEST(server.post(run_path(run_id, "/exclude"), R"({"customer_id":0})", finance).status == 422);
    BOOST_TEST(server.post(run_path(run_id, "/exclude"), R"({"customer_id":999999})", finance).status == 404);
    // A customer's portal login reaches none of it.
    const std::string customer = server.login(server.scalar("SELECT service_number FROM customers WHERE status = 'active' ORDER BY id LIMIT 1"));
    BOOST_TEST(server.get(run_path(run_id), customer).status == 403);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices") == 0);

    // Four eyes: the preparer may not approve; another approver may.
    set_setting(server, "invoice_run_four_eyes", "1");
    auto own = server.post(run_path(run_id, "/approve"), "{}", finance);
    BOOST_TEST(own.status == 403);
    BOOST_TEST(own.json()["error"]["message"] == messages::kInvoiceRunFourEyes);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM invoices") == 0);
    BOOST_TEST(server.post(run_path(run_id, "/approve"), "{}", server.login("admin")).status == 200);
    BOOST_TEST(server.scalar("SELECT approved_by_name FROM invoice_runs WHERE id = " + std::to_string(run_id)) == "admin");
}

BOOST_AUTO_TEST_SUITE_END()
