#pragma once
// The checks of books_balance: every report, export, dashboard and customer view against the money
// summed from first principles (books_fixture.hpp) and against each other.
#include "server/reports/books_fixture.hpp"

namespace kimonet::testing {

// Revenue (cash basis) == the live payments of the range, in total, per method, per WIB day and per
// month; the gateways' slice == the gateway method's; the dashboard's months say the same; the
// collectors' cash report == the collectors' payments; the payments export == the same rows.
inline void Books::check_payments_agree(const std::string& from, const std::string& to) {
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
    // Refunds: money paid back, per local month of their payment.
    std::map<std::string, std::int64_t> refunded_by_month;
    std::int64_t refunded = 0;
    const auto refund_times = column_values(server, "SELECT refunded_at FROM refunds ORDER BY id"),
               refund_amounts = column_values(server, "SELECT amount FROM refunds ORDER BY id");
    for (std::size_t i = 0; i < refund_times.size(); ++i) {
        const std::int64_t at = number(refund_times[i]);
        if (at < start || at >= end) continue;
        refunded_by_month[to_string(period_of(local_from_unix(at, UtcOffset{kWib}).date))] += number(refund_amounts[i]);
        refunded += number(refund_amounts[i]);
    }
    BOOST_TEST(revenue["totals"]["refunded"].get<std::int64_t>() == refunded);
    for (const auto& month : revenue["months"]) {
        const std::string period = month["period"];
        BOOST_TEST(month["refunded"].get<std::int64_t>() == refunded_by_month[period], period);
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
        // What the owner sees first must reconcile with the report: credit notes, net billed, refunds.
        for (const char* figure : {"credited", "net_billed", "refunded"})
            BOOST_TEST(month.value(figure, Json()) == revenue_months[period][figure], "dashboard " << figure << " " << period << " " << month.value(figure, Json()) << " vs " << revenue_months[period][figure]);
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
// BHP/USO's billed == revenue's billed and its gross leaves out PPN and credit notes and adds the
// voucher sales of the month's days at their gross.
inline void Books::check_invoices_agree(const std::string& from, const std::string& to) {
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
        // Hotspot vouchers sold on the month's days, at their gross (none unless a test sells them).
        const std::int64_t voucher_gross = number(server.scalar("SELECT COALESCE(SUM(gross_amount), 0) FROM voucher_sales WHERE sale_date BETWEEN '" +
                                                                period + "-01' AND '" + period + "-31'"));
        BOOST_TEST(month["voucher_gross"].get<std::int64_t>() == voucher_gross, period);
        BOOST_TEST(line["voucher_sales"].get<std::int64_t>() == voucher_gross, "BHP vouchers " << period);
        BOOST_TEST(line["gross"].get<std::int64_t>() == month["billed"].get<std::int64_t>() - tax - credited_base + voucher_gross, "BHP gross " << period);
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
inline void Books::check_customers_agree(const std::vector<std::int64_t>& customers, const std::set<std::int64_t>& without_portal) {
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
inline void Books::check_exports_agree(const std::string& from, const std::string& to) {
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
        BOOST_TEST(from_csv["Dikembalikan"] == month["refunded"].get<std::int64_t>());
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
    BOOST_TEST(bhp_total["Penjualan voucher"] == bhp["total"]["voucher_sales"].get<std::int64_t>());
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


}  // namespace kimonet::testing
