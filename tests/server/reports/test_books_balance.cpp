// Do the books balance? One messy month (February 2026, Asia/Jakarta) played through the HTTP API
// as the staff play it — an invoice run with prorated newcomers, cash at the desk and by a collector
// with a remittance, bank transfers, a gateway callback through the simulator, a partial payment, an
// overpayment that becomes credit and pays the next invoice, a voided payment, credit notes and a
// refund, a discount, PPN for a PKP company, a promise to pay, an isolated and restored customer —
// and then what an owner and an accountant check: every report agrees with every other report, with
// the exports, with the customer's own view, and with the money (the payments, credit notes and
// credit rows themselves, summed here independently of the product's queries).
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "core/csv.hpp"
#include "reports/report_rows.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "spreadsheets/xlsx_reader.hpp"
#include "support/column_values.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

constexpr int kWib = 7 * 60;  // Asia/Jakarta, minutes east of UTC

std::int64_t wib(int year, int month, int day, int hour, int minute) {
    return unix_from_local(LocalDateTime{{year, month, day}, hour, minute, 0}, UtcOffset{kWib});
}

std::int64_t number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

struct Payment {
    std::int64_t id = 0, invoice_id = 0, customer_id = 0, paid_at = 0, amount = 0, applied = 0;
    std::string method;
    bool collector = false;  // recorded by a collector in the field (a cash_ledger collection row)
};

// The rows of the table of a report CSV that starts with `header` (the first cell of its header
// row), up to the blank line that ends it.
std::vector<std::vector<std::string>> csv_table(const std::string& body, const std::string& header) {
    auto rows = parse_csv(body);
    BOOST_TEST_REQUIRE(rows.ok());
    std::vector<std::vector<std::string>> table;
    bool inside = false;
    for (auto& row : *rows) {
        std::string first = row.empty() ? "" : row[0];
        if (first.starts_with("\xEF\xBB\xBF")) first = first.substr(3);
        if (!inside) {
            inside = first == header;
            continue;
        }
        if (row.size() <= 1 && first.empty()) break;
        table.push_back(std::move(row));
    }
    return table;
}

struct Books {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};
    std::string admin, finance, collector;
    std::int64_t collector_id = 0;
    std::int64_t newcomer_early = 0, newcomer_late = 0;

    Books() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        apply_settings(server, gateway_simulator_settings(simulator, server.url("")));
        sign_in();
        // A PKP: PPN on every invoice; customer 1 is a company that wants its faktur.
        ok(server.put("/api/settings", Json{{"pkp", "on"}, {"company_npwp", "0012345678901000"}}.dump(), admin), 200);
        ok(server.put("/api/customers/1", Json{{"npwp", "0123456789012345"}, {"needs_faktur", true}}.dump(), admin), 200);
        // A collector who walks customers 5 and 10's street.
        collector_id = ok(server.post("/api/users", Json{{"username", "kolektor.buku"}, {"full_name", "Kolektor Buku"},
                                                        {"password", "Tagih-Tunai-2026"}, {"role", "collector"}}.dump(), admin), 201)["data"]["id"];
        const std::int64_t area = ok(server.post("/api/cash/areas", R"({"name":"RW 07"})", admin), 201)["data"]["id"];
        ok(server.put("/api/cash/areas/" + std::to_string(area) + "/customers", R"({"customer_ids":[5,10]})", admin), 200);
        ok(server.put("/api/cash/areas/" + std::to_string(area) + "/collectors", Json{{"user_ids", {collector_id}}}.dump(), admin), 200);
        const std::string first = server.login("kolektor.buku", "Tagih-Tunai-2026");
        ok(server.post("/api/auth/password", R"({"current_password":"Tagih-Tunai-2026","new_password":"Jalan-Keliling-77"})", first), 200);
        // Two customers who join in February: the run bills them from their join date.
        newcomer_early = ok(server.post("/api/customers", Json{{"name", "Baru Sepuluh"}, {"phone", "081299990010"}, {"package_id", 1},
                                                               {"join_date", "2026-02-10"}}.dump(), admin), 201)["data"]["id"];
        newcomer_late = ok(server.post("/api/customers", Json{{"name", "Baru Duapuluh"}, {"phone", "081299990020"}, {"package_id", 2},
                                                              {"join_date", "2026-02-20"}}.dump(), admin), 201)["data"]["id"];
    }

    Json ok(const HttpReply& reply, int status) {
        BOOST_TEST_REQUIRE(reply.status == status, reply.status << " " << reply.body);
        return reply.body.empty() ? Json() : reply.json();
    }
    void sign_in() {
        admin = server.login("superadmin");
        finance = server.login("finance");
    }
    // Moves the clock to a WIB time (sessions last 12 hours: everyone signs in again).
    void at(int month, int day, int hour, int minute = 0) {
        server.clock().set(wib(2026, month, day, hour, minute));
        sign_in();
        collector = server.login("kolektor.buku", "Jalan-Keliling-77");
    }
    std::int64_t invoice_of(std::int64_t customer, const std::string& period) {
        return number(server.scalar("SELECT id FROM invoices WHERE customer_id = " + std::to_string(customer) + " AND period = '" + period +
                                    "' AND status <> 'void' ORDER BY id LIMIT 1"));
    }
    std::int64_t outstanding(std::int64_t invoice) {
        return number(server.scalar("SELECT total - paid_amount FROM invoices WHERE id = " + std::to_string(invoice)));
    }
    std::int64_t pay(std::int64_t invoice, Json amount, const std::string& method, const std::string& confirm = {}, const std::string& paid_at = {}) {
        Json body = {{"invoice_id", invoice}, {"amount", std::move(amount)}, {"method", method}};
        if (!confirm.empty()) body["confirm"] = confirm;
        if (!paid_at.empty()) body["paid_at"] = paid_at;
        if (method == "bank_transfer") body["note"] = "transfer BCA";
        return ok(server.post("/api/payments", body.dump(), finance), 201)["data"]["id"];
    }
    HttpReply keyed(const std::string& path, const Json& body, const std::string& token, const std::string& key) {
        return http_request("POST", server.url(path), body.dump(),
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
    }
    Json report(const std::string& name, const std::string& from, const std::string& to, const std::string& extra = {}) {
        return ok(server.get("/api/reports/" + name + "?from=" + from + "&to=" + to + extra, finance), 200)["data"];
    }

    // Every live payment, read from the table itself.
    std::vector<Payment> live_payments() {
        const std::string where = " FROM payments WHERE voided_at IS NULL ORDER BY id";
        const auto ids = column_values(server, "SELECT id" + where), invoices = column_values(server, "SELECT invoice_id" + where),
                   customers = column_values(server, "SELECT customer_id" + where), at = column_values(server, "SELECT paid_at" + where),
                   amounts = column_values(server, "SELECT amount" + where), applied = column_values(server, "SELECT applied_amount" + where),
                   methods = column_values(server, "SELECT method" + where);
        const auto collected = column_values(server, "SELECT payment_id FROM cash_ledger WHERE kind = 'collection' AND payment_id IS NOT NULL");
        const std::set<std::string> by_collector(collected.begin(), collected.end());
        std::vector<Payment> out;
        for (std::size_t i = 0; i < ids.size(); ++i)
            out.push_back({number(ids[i]), number(invoices[i]), number(customers[i]), number(at[i]), number(amounts[i]), number(applied[i]),
                           methods[i], by_collector.contains(ids[i])});
        return out;
    }
    // What each customer still owes, from first principles: the live invoices' totals less the live
    // payments applied to them and the credit notes' applied parts.
    std::map<std::int64_t, std::int64_t> owed_by_customer() {
        std::map<std::int64_t, std::int64_t> owed;
        const std::string live = " FROM invoices WHERE status <> 'void' ORDER BY id";
        const auto ids = column_values(server, "SELECT id" + live), customers = column_values(server, "SELECT customer_id" + live),
                   totals = column_values(server, "SELECT total" + live);
        std::map<std::int64_t, std::int64_t> customer_of;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            customer_of[number(ids[i])] = number(customers[i]);
            owed[number(customers[i])] += number(totals[i]);
        }
        for (const auto& payment : live_payments())
            if (customer_of.contains(payment.invoice_id)) owed[customer_of[payment.invoice_id]] -= payment.applied;
        const auto notes = column_values(server, "SELECT invoice_id FROM credit_notes ORDER BY id"),
                   applied = column_values(server, "SELECT applied_amount FROM credit_notes ORDER BY id");
        for (std::size_t i = 0; i < notes.size(); ++i)
            if (customer_of.contains(number(notes[i]))) owed[customer_of[number(notes[i])]] -= number(applied[i]);
        return owed;
    }
    // A customer's credit from first principles: overpayments and credit notes in, credit used and
    // refunds out.
    std::int64_t credit_of(std::int64_t customer) {
        std::int64_t credit = 0;
        for (const auto& payment : live_payments()) {
            if (payment.customer_id != customer) continue;
            if (payment.method == "credit") credit -= payment.applied;
            else credit += payment.amount - payment.applied;
        }
        const std::string who = " WHERE customer_id = " + std::to_string(customer);
        credit += number(server.scalar("SELECT COALESCE(SUM(credit_amount), 0) FROM credit_notes" + who));
        credit -= number(server.scalar("SELECT COALESCE(SUM(amount), 0) FROM refunds" + who));
        return credit;
    }

    // Credit the customer's later invoices took (payments by method "credit").
    std::int64_t applied_credit(std::int64_t customer) {
        return number(server.scalar("SELECT COALESCE(SUM(applied_amount), 0) FROM payments WHERE method = 'credit' AND voided_at IS NULL AND customer_id = " +
                                    std::to_string(customer)));
    }

    void check_payments_agree(const std::string& from, const std::string& to);
    void check_invoices_agree(const std::string& from, const std::string& to);
    void check_customers_agree(const std::vector<std::int64_t>& customers, const std::set<std::int64_t>& without_portal);
    void check_exports_agree(const std::string& from, const std::string& to);
};

// Revenue (cash basis) == the live payments of the range, in total, per method, per WIB day and per
// month; the gateways' slice == the gateway method's; the dashboard's months say the same; the
// collectors' cash report == the collectors' payments; the payments export == the same rows.
void Books::check_payments_agree(const std::string& from, const std::string& to) {
    const auto range = reports::parse_month_range(from, to, Period{2026, 3});
    BOOST_TEST_REQUIRE(range.ok());
    const std::int64_t start = wib(range->from.year, range->from.month, 1, 0, 0);
    const Period after = next_period(range->to);
    const std::int64_t end = wib(after.year, after.month, 1, 0, 0);
    std::map<std::string, std::int64_t> by_method, by_method_count, by_day, by_month, received_by_month, credit_by_month, collector_by_day;
    std::int64_t collected = 0, count = 0, received = 0, applied_total = 0, by_collector = 0;
    for (const auto& payment : live_payments()) {
        if (payment.paid_at < start || payment.paid_at >= end) continue;
        const Date day = local_from_unix(payment.paid_at, UtcOffset{kWib}).date;
        collected += payment.applied;
        applied_total += payment.applied;
        received += payment.amount;
        ++count;
        by_method[payment.method] += payment.applied;
        by_method_count[payment.method] += 1;
        by_day[to_string(day)] += payment.applied;
        by_month[to_string(period_of(day))] += payment.applied;
        if (payment.method == "credit") credit_by_month[to_string(period_of(day))] += payment.applied;
        else received_by_month[to_string(period_of(day))] += payment.amount;
        if (payment.collector) {
            by_collector += payment.amount;
            collector_by_day[to_string(day)] += payment.amount;
        }
    }
    const Json revenue = report("revenue", from, to);
    BOOST_TEST(revenue["totals"]["collected"].get<std::int64_t>() == collected);
    std::map<std::string, std::int64_t> reported_methods, reported_counts, reported_days;
    for (const auto& slice : revenue["by_method"]) {
        reported_methods[slice["key"]] = slice["collected"];
        reported_counts[slice["key"]] = slice["count"];
    }
    BOOST_TEST(reported_methods == by_method);
    BOOST_TEST(reported_counts == by_method_count);
    for (const auto& day : revenue["daily"]) reported_days[day["day"]] = day["collected"];
    BOOST_TEST(reported_days == by_day);
    std::int64_t gateways = 0;
    for (const auto& slice : revenue["by_gateway"]) gateways += slice["collected"].get<std::int64_t>();
    BOOST_TEST(gateways == by_method["gateway"]);
    // What the gateways settled (their paid transactions) == the live gateway payments, all time.
    BOOST_TEST(number(server.scalar("SELECT COALESCE(SUM(g.amount), 0) FROM gateway_transactions g JOIN payments p ON p.id = g.payment_id "
                                    "WHERE g.status = 'paid' AND p.voided_at IS NULL")) ==
               number(server.scalar("SELECT COALESCE(SUM(amount), 0) FROM payments WHERE method = 'gateway' AND voided_at IS NULL")));
    for (const auto& month : revenue["months"]) {
        const std::string period = month["period"];
        BOOST_TEST(month["collected"].get<std::int64_t>() == by_month[period], period);
        BOOST_TEST(month["cash_received"].get<std::int64_t>() == received_by_month[period], period);
        BOOST_TEST(month["credit_applied"].get<std::int64_t>() == credit_by_month[period], period);
    }

    // The dashboard's chart of the same months: the revenue report's "collected".
    const Json dashboard = ok(server.get("/api/dashboard", finance), 200)["data"]["billing"];
    std::map<std::string, Json> revenue_months;
    for (const auto& month : revenue["months"]) revenue_months[month["period"]] = month;
    for (const auto& month : dashboard["months"]) {
        const std::string period = month["period"];
        if (!revenue_months.contains(period)) continue;
        BOOST_TEST(month["collected"] == revenue_months[period]["collected"], "dashboard collected " << period << " " << month["collected"] << " vs " << revenue_months[period]["collected"]);
        BOOST_TEST(month["billed"] == revenue_months[period]["billed"], "dashboard billed " << period);
    }

    // The collectors' cash: the cash report's collected == the collectors' live payments, and every
    // remittance confirmed equals what was remitted here.
    const Json cash = ok(server.get("/api/cash/report?from=" + to_string(first_day(range->from)) + "&to=" + to_string(last_day(range->to)), finance), 200);
    std::int64_t cash_collected = 0;
    std::map<std::string, std::int64_t> cash_by_day;
    for (const auto& row : cash["data"]) {
        cash_collected += row["collected"].get<std::int64_t>();
        if (row["collected"].get<std::int64_t>() != 0) cash_by_day[row["date"]] += row["collected"].get<std::int64_t>();
    }
    BOOST_TEST(cash_collected == by_collector);
    // A void carries its collection's business date: per day too, whenever the void came.
    BOOST_TEST(cash_by_day == collector_by_day);
    BOOST_TEST(by_collector <= by_method["cash"], "the collectors' cash is part of the cash method");

    // The payments export of the same months: the same rows and sums.
    const auto file = server.get("/api/exports/payments.csv?from=" + from + "&to=" + to, finance);
    BOOST_TEST_REQUIRE(file.status == 200, file.body);
    const auto exported = csv_table(file.body, "No. Kwitansi");
    std::int64_t exported_amount = 0, exported_applied = 0;
    for (const auto& row : exported) {
        BOOST_TEST_REQUIRE(row.size() >= 9u);
        exported_amount += number(row[7]);
        exported_applied += number(row[8]);
    }
    BOOST_TEST(static_cast<std::int64_t>(exported.size()) == count);
    BOOST_TEST(exported_amount == received);
    BOOST_TEST(exported_applied == applied_total);
}

// Accrual side: billed per month == the live invoices; paid_on_billed == their paid amounts, and
// each invoice's paid amount == its live payments + its credit notes' applied parts; receivables
// (aging, total, top debtors, dashboard) == invoiced − paid − credited; PPN == the invoices' tax;
// BHP/USO's billed == revenue's billed and its gross leaves out PPN and credit notes.
void Books::check_invoices_agree(const std::string& from, const std::string& to) {
    const Json revenue = report("revenue", from, to);
    const Json bhp = report("bhp-uso", from, to, "&per=month");
    std::map<std::string, Json> bhp_months;
    for (const auto& line : bhp["months"]) bhp_months[line["key"]] = line;
    for (const auto& month : revenue["months"]) {
        const std::string period = month["period"];
        const std::string where = " FROM invoices WHERE status <> 'void' AND period = '" + period + "'";
        BOOST_TEST(month["billed"].get<std::int64_t>() == number(server.scalar("SELECT COALESCE(SUM(total), 0)" + where)), period);
        BOOST_TEST(month["invoices"].get<std::int64_t>() == number(server.scalar("SELECT COUNT(*)" + where)), period);
        BOOST_TEST(month["paid_on_billed"].get<std::int64_t>() == number(server.scalar("SELECT COALESCE(SUM(paid_amount), 0)" + where)), period);
        const std::int64_t tax = number(server.scalar("SELECT COALESCE(SUM(tax), 0)" + where));
        // Credit notes issued in the month (what revenue nets), their base without PPN.
        const std::string issued = " FROM credit_notes WHERE issue_date BETWEEN '" + period + "-01' AND '" + period + "-31'";
        const std::int64_t credited = number(server.scalar("SELECT COALESCE(SUM(amount), 0)" + issued));
        const std::int64_t credited_base = number(server.scalar("SELECT COALESCE(SUM(base), 0)" + issued));
        BOOST_TEST(month["credited"].get<std::int64_t>() == credited, period);
        BOOST_TEST(month["net_billed"].get<std::int64_t>() == month["billed"].get<std::int64_t>() - credited, period);
        BOOST_TEST_REQUIRE(bhp_months.contains(period), bhp.dump().substr(0, 600));
        const Json& line = bhp_months[period];
        BOOST_TEST(line["billed"] == month["billed"], "BHP billed " << period);
        BOOST_TEST(line["tax"].get<std::int64_t>() == tax, "BHP PPN " << period);
        BOOST_TEST(line["gross"].get<std::int64_t>() == month["billed"].get<std::int64_t>() - tax - credited_base, "BHP gross " << period);
    }
    const std::string range_issued = " FROM credit_notes WHERE issue_date BETWEEN '" + from + "-01' AND '" + to + "-31'";
    // The credit notes list of the same days: the revenue report's credited and its PPN.
    const Json notes_list = ok(server.get("/api/credit-notes?from=" + from + "-01&to=" + to + "-31", finance), 200);
    BOOST_TEST(notes_list["amount"] == revenue["totals"]["credited"]);
    BOOST_TEST(notes_list["tax"] == revenue["totals"]["credited_tax"]);
    BOOST_TEST(notes_list["total"] == revenue["totals"]["credit_notes"]);
    BOOST_TEST(revenue["totals"]["credited_tax"].get<std::int64_t>() == number(server.scalar("SELECT COALESCE(SUM(tax), 0)" + range_issued)));

    // Each invoice adds up: subtotal + PPN = total, and its lines (discounts negative) make the subtotal.
    for (const auto& bad : column_values(server, "SELECT id FROM invoices WHERE subtotal + tax <> total")) BOOST_TEST(false, "invoice " << bad);
    for (const auto& bad : column_values(server, "SELECT i.id FROM invoices i WHERE i.status <> 'void' AND (SELECT COUNT(*) FROM invoice_lines l "
                                                 "WHERE l.invoice_id = i.id) > 0 AND i.subtotal <> (SELECT SUM(CASE WHEN l.kind = 'discount' "
                                                 "THEN -ABS(l.amount) ELSE l.amount END) FROM invoice_lines l WHERE l.invoice_id = i.id)"))
        BOOST_TEST(false, "invoice lines of " << bad);

    // Each invoice's paid amount is what settled it.
    const auto invoices = column_values(server, "SELECT id FROM invoices WHERE status <> 'void' ORDER BY id");
    const auto paid = column_values(server, "SELECT paid_amount FROM invoices WHERE status <> 'void' ORDER BY id");
    std::map<std::int64_t, std::int64_t> settled;
    for (const auto& payment : live_payments()) settled[payment.invoice_id] += payment.applied;
    const auto notes = column_values(server, "SELECT invoice_id FROM credit_notes ORDER BY id"),
               note_applied = column_values(server, "SELECT applied_amount FROM credit_notes ORDER BY id");
    for (std::size_t i = 0; i < notes.size(); ++i) settled[number(notes[i])] += number(note_applied[i]);
    for (std::size_t i = 0; i < invoices.size(); ++i) BOOST_TEST(number(paid[i]) == settled[number(invoices[i])], "invoice " << invoices[i]);

    // Receivables.
    auto owed = owed_by_customer();
    std::int64_t receivable = 0;
    for (const auto& [customer, amount] : owed) receivable += amount;
    const Json billing = report("billing", from, to);
    BOOST_TEST(billing["receivable"].get<std::int64_t>() == receivable);
    std::int64_t aged = 0;
    for (const auto& bucket : billing["aging"]) aged += bucket["amount"].get<std::int64_t>();
    BOOST_TEST(aged == receivable);
    for (const auto& debtor : billing["top_debtors"]) BOOST_TEST(debtor["outstanding"].get<std::int64_t>() == owed[debtor["customer_id"].get<std::int64_t>()], debtor.dump());
    const Json dashboard = ok(server.get("/api/dashboard", finance), 200)["data"]["billing"];
    BOOST_TEST(dashboard["outstanding_total"].get<std::int64_t>() == receivable);
    std::int64_t overdue = 0;
    for (const auto& bucket : billing["aging"])
        if (bucket["key"] != "current") overdue += bucket["amount"].get<std::int64_t>();
    BOOST_TEST(dashboard["overdue_total"].get<std::int64_t>() == overdue);
}

// The admin's view of a customer (history, refunds) == the customer's own (portal invoices, what
// the portal says is still owed) == first principles.
void Books::check_customers_agree(const std::vector<std::int64_t>& customers, const std::set<std::int64_t>& without_portal) {
    const auto owed = owed_by_customer();
    for (const std::int64_t customer : customers) {
        const std::string id = std::to_string(customer);
        const Json history = ok(server.get("/api/customers/" + id + "/history", finance), 200)["data"];
        std::int64_t admin_outstanding = 0;
        for (const auto& invoice : history["invoices"])
            if (invoice["status"] != "void") admin_outstanding += invoice["outstanding"].get<std::int64_t>();
        const std::int64_t expected = owed.contains(customer) ? owed.at(customer) : 0;
        BOOST_TEST(admin_outstanding == expected, "customer " << id);
        BOOST_TEST(history["credit_balance"].get<std::int64_t>() == credit_of(customer), "customer " << id);
        // The credit ledger's rows add up to the balance.
        BOOST_TEST(number(server.scalar("SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE customer_id = " + id)) == credit_of(customer),
                   "credit ledger of customer " << id);
        const Json refunds = ok(server.get("/api/customers/" + id + "/refunds", finance), 200);
        BOOST_TEST(refunds["data"]["credit_balance"] == history["credit_balance"], "customer " << id);
        if (without_portal.contains(customer)) continue;  // made at the desk without a portal password

        const std::string token = server.login(server.scalar("SELECT service_number FROM customers WHERE id = " + id));
        std::int64_t portal_outstanding = 0;
        const Json mine = ok(server.get("/api/portal/invoices?per_page=100", token), 200);
        for (const auto& invoice : mine["data"])
            if (invoice["status"] != "void") portal_outstanding += invoice["outstanding"].get<std::int64_t>();
        BOOST_TEST(portal_outstanding == expected, "portal of customer " << id << ": " << portal_outstanding << " vs " << expected);
        const Json dunning = ok(server.get("/api/portal/dunning", token), 200)["data"];
        BOOST_TEST(dunning["outstanding"].get<std::int64_t>() == expected, "portal dunning of customer " << id);
        // The public bill check (what a customer sees before paying online) says the same.
        const Json check = ok(server.post("/billing/check", Json{{"customer_number", server.scalar("SELECT service_number FROM customers WHERE id = " + id)}}.dump()),
                              200);
        std::int64_t public_outstanding = 0;
        for (const auto& invoice : check["invoices"]) public_outstanding += invoice["outstanding"].get<std::int64_t>();
        BOOST_TEST(public_outstanding == expected, "bill check of customer " << id);
    }
}

// A report's CSV and XLSX carry the JSON's figures.
void Books::check_exports_agree(const std::string& from, const std::string& to) {
    const std::string query = "?from=" + from + "&to=" + to;
    const Json revenue = report("revenue", from, to);
    const auto csv = csv_table(server.get("/api/exports/reports/revenue.csv" + query, finance).body, "Periode");
    auto xlsx = spreadsheets::read_xlsx(server.get("/api/exports/reports/revenue.xlsx" + query, finance).body);
    BOOST_TEST_REQUIRE(xlsx.ok());
    BOOST_TEST_REQUIRE(csv.size() == revenue["months"].size());
    BOOST_TEST_REQUIRE(xlsx->rows.size() == revenue["months"].size() + 1);
    const std::vector<std::string> header = xlsx->rows[0];
    for (std::size_t m = 0; m < csv.size(); ++m) {
        const Json& month = revenue["months"][m];
        std::map<std::string, std::int64_t> from_csv, from_xlsx;
        for (std::size_t c = 0; c < header.size() && c < csv[m].size(); ++c) {
            if (c == 0) continue;
            from_csv[header[c]] = number(csv[m][c]);
            from_xlsx[header[c]] = number(xlsx->rows[m + 1][c]);
        }
        BOOST_TEST(csv[m][0] == month["period"].get<std::string>());
        BOOST_TEST(from_csv == from_xlsx);
        BOOST_TEST(from_csv["Ditagih"] == month["billed"].get<std::int64_t>());
        BOOST_TEST(from_csv["Terbayar dari tagihan"] == month["paid_on_billed"].get<std::int64_t>());
        BOOST_TEST(from_csv["Terkumpul"] == month["collected"].get<std::int64_t>());
        BOOST_TEST(from_csv["Uang diterima"] == month["cash_received"].get<std::int64_t>());
        BOOST_TEST(from_csv["Dari kredit"] == month["credit_applied"].get<std::int64_t>());
        BOOST_TEST_REQUIRE(from_csv.contains("Nota kredit"), "the revenue export carries the month's credit notes");
        BOOST_TEST(from_csv["Nota kredit"] == month["credited"].get<std::int64_t>());
        BOOST_TEST(from_csv["Ditagih bersih"] == month["net_billed"].get<std::int64_t>());
    }

    const Json billing = report("billing", from, to);
    const auto aging = csv_table(server.get("/api/exports/reports/billing.csv" + query, finance).body, "Umur");
    BOOST_TEST_REQUIRE(aging.size() == billing["aging"].size());
    for (std::size_t b = 0; b < aging.size(); ++b) BOOST_TEST(number(aging[b][2]) == billing["aging"][b]["amount"].get<std::int64_t>());
    const auto summary = csv_table(server.get("/api/exports/reports/billing.csv" + query, finance).body, "Ukuran");
    BOOST_TEST_REQUIRE(!summary.empty());
    BOOST_TEST(summary[0][0] == "Piutang");
    BOOST_TEST(number(summary[0][1]) == billing["receivable"].get<std::int64_t>());

    const Json bhp = report("bhp-uso", from, to, "&per=month");
    const auto lines = csv_table(server.get("/api/exports/reports/bhp-uso.csv" + query + "&per=month", finance).body, "Periode");
    auto bhp_xlsx = spreadsheets::read_xlsx(server.get("/api/exports/reports/bhp-uso.xlsx" + query + "&per=month", finance).body);
    BOOST_TEST_REQUIRE(bhp_xlsx.ok());
    BOOST_TEST_REQUIRE(!lines.empty());
    BOOST_TEST_REQUIRE(bhp_xlsx->rows.size() == lines.size() + 1);
    std::map<std::string, std::int64_t> bhp_total;
    for (std::size_t c = 1; c < bhp_xlsx->rows[0].size() && c < lines.back().size(); ++c) {
        bhp_total[bhp_xlsx->rows[0][c]] = number(lines.back()[c]);
        BOOST_TEST(lines.back()[c] == bhp_xlsx->rows.back()[c], bhp_xlsx->rows[0][c]);
    }
    BOOST_TEST(lines.back()[0] == "Total");
    BOOST_TEST(bhp_total["Ditagih (dengan PPN)"] == bhp["total"]["billed"].get<std::int64_t>());
    BOOST_TEST(bhp_total["PPN"] == bhp["total"]["tax"].get<std::int64_t>());
    BOOST_TEST(bhp_total["Nota kredit (DPP)"] == bhp["total"]["credited"].get<std::int64_t>());
    BOOST_TEST(bhp_total["Pendapatan kotor"] == bhp["total"]["gross"].get<std::int64_t>());
    BOOST_TEST(bhp_total["BHP Tel"] == bhp["total"]["bhp"].get<std::int64_t>());
    BOOST_TEST(bhp_total["USO/KPU"] == bhp["total"]["uso"].get<std::int64_t>());

    // The invoices export: the same PPN and totals as the invoices of the months.
    const auto exported = csv_table(server.get("/api/exports/invoices.csv" + query, finance).body, "No. Tagihan");
    std::int64_t tax = 0, total_billed = 0, remaining = 0;
    for (const auto& row : exported) {
        if (row[12] == "void") continue;
        tax += number(row[8]);
        total_billed += number(row[9]);
        remaining += number(row[11]);
    }
    const std::string where = " FROM invoices WHERE status <> 'void' AND period BETWEEN '" + from + "' AND '" + to + "'";
    BOOST_TEST(tax == number(server.scalar("SELECT COALESCE(SUM(tax), 0)" + where)));
    BOOST_TEST(total_billed == revenue["totals"]["billed"].get<std::int64_t>());
    BOOST_TEST(remaining == number(server.scalar("SELECT COALESCE(SUM(total - paid_amount), 0)" + where)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(books_balance)

BOOST_AUTO_TEST_CASE(a_messy_february_balances_across_every_report_export_and_the_customers_own_view) {
    Books books;
    auto& server = books.server;

    // 1 February: the invoice run. The newcomers are billed from their join day.
    books.at(2, 1, 9);
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false})", books.finance), 200);
    const std::int64_t early = books.invoice_of(books.newcomer_early, "2026-02"), late = books.invoice_of(books.newcomer_late, "2026-02");
    BOOST_TEST_REQUIRE(early > 0);
    BOOST_TEST_REQUIRE(late > 0);
    const std::int64_t full_early = number(server.scalar("SELECT subtotal FROM invoices WHERE customer_id = 1 AND period = '2026-02'"));
    BOOST_TEST(number(server.scalar("SELECT subtotal FROM invoices WHERE id = " + std::to_string(early))) < 150000);
    BOOST_TEST(number(server.scalar("SELECT subtotal FROM invoices WHERE id = " + std::to_string(late))) < 200000);
    BOOST_TEST(full_early > 0);
    // PPN on the PKP company's invoice, as on everyone's.
    const std::int64_t company = books.invoice_of(1, "2026-02");
    BOOST_TEST(number(server.scalar("SELECT tax FROM invoices WHERE id = " + std::to_string(company))) > 0);

    // 3 Feb: a discount on customer 2's invoice (a loyal customer).
    books.at(2, 3, 10);
    const std::int64_t discounted = books.invoice_of(2, "2026-02");
    books.ok(server.post("/api/invoices/" + std::to_string(discounted) + "/lines",
                         R"({"kind":"discount","description":"Diskon pelanggan setia","quantity":1,"unit_price":10000})", books.admin),
             201);

    // 5 Feb: the company pays in full by bank transfer.
    books.at(2, 5, 10);
    books.pay(company, books.outstanding(company), "bank_transfer");
    // 6 Feb: customer 2 pays part in cash at the desk.
    books.at(2, 6, 11);
    const std::int64_t partial = books.pay(discounted, 100000, "cash", "partial");
    // 7 Feb: customer 4 overpays by Rp 50.000 in cash: credit for March.
    books.at(2, 7, 14);
    const std::int64_t over = books.invoice_of(4, "2026-02");
    books.pay(over, books.outstanding(over) + 50000, "cash", "overpayment");
    BOOST_TEST(books.credit_of(4) + books.applied_credit(4) == 50000);

    // 8 Feb: the collector takes customer 5's cash, remits it, the cashier counts it.
    books.at(2, 8, 10);
    const std::int64_t walked = books.invoice_of(5, "2026-02");
    const std::int64_t walked_amount = books.outstanding(walked);
    books.ok(books.keyed("/api/cash/collections", {{"invoice_id", walked}, {"amount", walked_amount}}, books.collector, "tagih-5"), 201);
    books.at(2, 8, 17);
    const std::int64_t remittance = books.ok(books.keyed("/api/cash/remittances", Json::object(), books.collector, "setor-1"), 201)["data"]["seq"];
    books.ok(books.keyed("/api/cash/remittances/" + std::to_string(remittance) + "/confirm", {{"received_amount", walked_amount}}, books.finance,
                         "terima-1"),
             201);

    // 9 Feb: a cash payment recorded on the wrong invoice, voided the same day.
    books.at(2, 9, 10);
    const std::int64_t mistaken = books.invoice_of(7, "2026-02");
    const std::int64_t wrong = books.pay(mistaken, books.outstanding(mistaken), "cash");
    books.ok(server.post("/api/payments/" + std::to_string(wrong) + "/void", R"({"reason":"salah pelanggan"})", books.finance), 200);

    // 10 Feb: ten days of outage. A credit note on customer 8's open invoice; customer 11 paid, gets
    // a full credit note, and part of that credit back in cash.
    books.at(2, 10, 10);
    const std::int64_t outage = books.invoice_of(8, "2026-02");
    books.ok(server.post("/api/invoices/" + std::to_string(outage) + "/credit-notes", R"({"amount":50000,"reason":"gangguan 10 hari"})", books.finance), 201);
    const std::int64_t settled = books.invoice_of(11, "2026-02");
    books.pay(settled, books.outstanding(settled), "cash");
    books.ok(server.post("/api/invoices/" + std::to_string(settled) + "/credit-notes", R"({"full":true,"reason":"layanan tidak aktif"})", books.finance), 201);
    const std::int64_t credit_11 = books.credit_of(11);
    BOOST_TEST(credit_11 > 20000);
    books.ok(server.post("/api/customers/11/refunds", R"({"amount":20000,"method":"cash","reason":"pengembalian sebagian"})", books.finance), 201);

    // 12 Feb: customer 13 is isolated, promises to pay; customer 14 is isolated and restored.
    books.at(2, 12, 10);
    BOOST_TEST(server.post("/api/customers/13/isolate", R"({"reason":"telat bayar"})", books.admin).status / 100 == 2);
    books.ok(server.post("/api/customers/13/promises",
                         Json{{"days", 5}, {"reason", "gajian tanggal 17"}, {"invoice_id", books.invoice_of(13, "2026-02")}}.dump(), books.admin),
             201);
    BOOST_TEST(server.post("/api/customers/14/isolate", R"({"reason":"telat bayar"})", books.admin).status / 100 == 2);
    BOOST_TEST(server.post("/api/customers/14/restore", "{}", books.admin).status / 100 == 2);
    // 17 Feb: customer 13 keeps the promise by bank transfer.
    books.at(2, 17, 15);
    const std::int64_t promised = books.invoice_of(13, "2026-02");
    books.pay(promised, books.outstanding(promised), "bank_transfer");

    // 20 Feb: the collector takes customer 10's cash (not remitted yet; voided in March below).
    books.at(2, 20, 10);
    const std::int64_t walked_again = books.invoice_of(10, "2026-02");
    const std::int64_t bounced = books.ok(books.keyed("/api/cash/collections", {{"invoice_id", walked_again}, {"amount", books.outstanding(walked_again)}},
                                                      books.collector, "tagih-10"),
                                          201)["data"]["id"];

    // 28 Feb, 23:30 WIB (16:30 UTC): the last cash of the month belongs to February.
    books.at(2, 28, 23, 30);
    const std::int64_t last_cash = books.invoice_of(16, "2026-02");
    const std::int64_t last_cash_amount = books.outstanding(last_cash);
    books.pay(last_cash, last_cash_amount, "cash");
    // 1 March, 00:30 WIB (28 Feb 17:30 UTC): a gateway payment belongs to March.
    books.at(3, 1, 0, 30);
    const std::int64_t online = books.invoice_of(20, "2026-02");
    const std::int64_t online_amount = books.outstanding(online);
    auto charge = server.post("/billing/pay", Json{{"invoice_id", online}, {"gateway", "midtrans"}, {"method", "qris"}}.dump());
    BOOST_TEST_REQUIRE(charge.status == 201, charge.body);
    BOOST_TEST_REQUIRE(books.simulator.pay(charge.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(books.simulator.wait_idle());
    BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(online)) == "paid");
    // At the same minute a credit note for customer 7's February invoice: issued on 1 March.
    const std::int64_t midnight_note = books.ok(server.post("/api/invoices/" + std::to_string(mistaken) + "/credit-notes",
                                                            R"({"amount":20000,"reason":"gangguan malam"})", books.finance),
                                                201)["data"]["id"];
    BOOST_TEST(server.scalar("SELECT issue_date FROM credit_notes WHERE id = " + std::to_string(midnight_note)) == "2026-03-01");
    // 2 March: a transfer that reached the bank at 23:45 WIB on 28 Feb is recorded with that time.
    books.at(3, 2, 9);
    const std::int64_t late_transfer = books.invoice_of(19, "2026-02");
    const std::int64_t late_transfer_amount = books.outstanding(late_transfer);
    books.pay(late_transfer, late_transfer_amount, "bank_transfer", {}, "2026-02-28T23:45");

    // The month boundary in WIB: both 28 Feb payments on 28 Feb, the gateway's on 1 March.
    const Json february = books.report("revenue", "2026-02", "2026-02");
    std::map<std::string, std::int64_t> february_days;
    for (const auto& day : february["daily"]) february_days[day["day"]] = day["collected"];
    BOOST_TEST(february_days["2026-02-28"] == last_cash_amount + late_transfer_amount);
    BOOST_TEST(!february_days.contains("2026-03-01"));
    const Json march = books.report("revenue", "2026-03", "2026-03");
    BOOST_TEST_REQUIRE(!march["daily"].empty());
    BOOST_TEST(march["daily"][0]["day"] == "2026-03-01");
    BOOST_TEST(march["daily"][0]["collected"].get<std::int64_t>() == online_amount);
    BOOST_TEST(march["totals"]["credited"].get<std::int64_t>() == 20000);
    BOOST_TEST(february["totals"]["credited"].get<std::int64_t>() ==
               number(server.scalar("SELECT SUM(amount) FROM credit_notes WHERE id <> " + std::to_string(midnight_note))));
    BOOST_TEST(books.report("bhp-uso", "2026-03", "2026-03", "&per=month")["total"]["credited"].get<std::int64_t>() ==
               number(server.scalar("SELECT base FROM credit_notes WHERE id = " + std::to_string(midnight_note))));

    // 2 March: the March run; customer 4's credit pays part of the new invoice.
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-03","notify":false})", books.finance), 200);
    BOOST_TEST(books.applied_credit(4) == 50000);
    BOOST_TEST(books.credit_of(4) == 0);

    const std::vector<std::int64_t> cast = {1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 19, 20, books.newcomer_early, books.newcomer_late};
    books.check_payments_agree("2026-02", "2026-02");
    books.check_payments_agree("2026-02", "2026-03");
    books.check_invoices_agree("2026-02", "2026-03");
    books.check_customers_agree(cast, {books.newcomer_early, books.newcomer_late});
    books.check_exports_agree("2026-02", "2026-03");

    // 3 March: the admin voids customer 2's February partial payment (a bounced count). As the
    // docs say, a voided payment no longer counts anywhere: February's collections drop by it.
    books.at(3, 3, 10);
    const std::int64_t february_before = books.report("revenue", "2026-02", "2026-02")["totals"]["collected"];
    books.ok(server.post("/api/payments/" + std::to_string(partial) + "/void", R"({"reason":"uang kurang saat dihitung"})", books.admin), 200);
    // And a collector's February cash that turned out to be counterfeit.
    books.ok(server.post("/api/payments/" + std::to_string(bounced) + "/void", R"({"reason":"uang palsu"})", books.admin), 200);
    BOOST_TEST(books.report("revenue", "2026-02", "2026-02")["totals"]["collected"].get<std::int64_t>() ==
               february_before - 100000 - number(server.scalar("SELECT applied_amount FROM payments WHERE id = " + std::to_string(bounced))));
    books.check_payments_agree("2026-02", "2026-02");
    books.check_payments_agree("2026-02", "2026-03");
    books.check_invoices_agree("2026-02", "2026-03");
    books.check_customers_agree(cast, {books.newcomer_early, books.newcomer_late});
    books.check_exports_agree("2026-02", "2026-03");

    // The PPN the company reports for its fakturs (Coretax XML) == the PPN on those invoices.
    const auto faktur = server.get("/api/tax/coretax/2026-02/faktur.xml", books.finance);
    BOOST_TEST_REQUIRE(faktur.status == 200, faktur.body);
    std::int64_t vat = 0, fakturs = 0;
    for (std::size_t at = faktur.body.find("<VAT>"); at != std::string::npos; at = faktur.body.find("<VAT>", at + 5)) {
        vat += number(faktur.body.substr(at + 5, faktur.body.find('<', at + 5) - at - 5));
        ++fakturs;
    }
    const std::string taxed = " FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period = '2026-02' AND i.status <> 'void' "
                              "AND i.tax > 0 AND c.needs_faktur = 1";
    BOOST_TEST(fakturs == number(server.scalar("SELECT COUNT(*)" + taxed)));
    BOOST_TEST(fakturs >= 1);
    BOOST_TEST(vat == number(server.scalar("SELECT SUM(i.tax)" + taxed)));
}

BOOST_AUTO_TEST_CASE(a_late_fee_waived_by_a_credit_note_is_not_collected_money) {
    Books books;
    auto& server = books.server;
    books.at(2, 1, 9);
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false})", books.finance), 200);
    // Two late customers get a Rp 10.000 late fee. One pays everything; the other's whole invoice,
    // fee included, is credited (the outage was ours).
    books.at(2, 15, 10);
    const std::int64_t paid = books.invoice_of(1, "2026-02"), waived = books.invoice_of(2, "2026-02");
    for (const std::int64_t invoice : {paid, waived})
        books.ok(server.post("/api/invoices/" + std::to_string(invoice) + "/lines",
                             R"({"kind":"late_fee","description":"Denda keterlambatan","quantity":1,"unit_price":10000})", books.admin),
                 201);
    books.pay(paid, books.outstanding(paid), "cash");
    books.ok(server.post("/api/invoices/" + std::to_string(waived) + "/credit-notes", R"({"full":true,"reason":"gangguan sebulan penuh"})", books.finance),
             201);
    BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(waived)) == "paid");
    const Json revenue = books.report("revenue", "2026-02", "2026-02");
    BOOST_TEST(revenue["totals"]["late_fees_collected"].get<std::int64_t>() == 10000, "only the fee paid with money");
    BOOST_TEST(revenue["months"][0]["late_fees_collected"].get<std::int64_t>() == 10000);
}

BOOST_AUTO_TEST_SUITE_END()
