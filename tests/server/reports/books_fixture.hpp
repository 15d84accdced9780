#pragma once
// The world of books_balance (test_books_balance.cpp): a demo server that is a PKP, with the gateway
// simulator, a collector and two customers joining in February; the staff's requests; and the money
// summed from first principles — the payments, credit notes, refunds and credit rows themselves, read
// here independently of the product's report queries. The checks that compare them with every
// report are in books_checks.hpp.
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

namespace kimonet::testing {

using Json = api::Json;

inline constexpr int kWib = 7 * 60;  // Asia/Jakarta, minutes east of UTC

inline std::int64_t wib(int year, int month, int day, int hour, int minute) {
    return unix_from_local(LocalDateTime{{year, month, day}, hour, minute, 0}, UtcOffset{kWib});
}

inline std::int64_t number(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

struct Payment {
    std::int64_t id = 0, invoice_id = 0, customer_id = 0, paid_at = 0, amount = 0, applied = 0;
    std::string method;
    bool collector = false;  // recorded by a collector in the field (a cash_ledger collection row)
};

// The rows of the table of a report CSV that starts with `header` (the first cell of its header
// row), up to the blank line that ends it.
inline std::vector<std::vector<std::string>> csv_table(const std::string& body, const std::string& header) {
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


}  // namespace kimonet::testing
