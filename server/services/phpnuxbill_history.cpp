// PHPNuxBill's transactions (tbl_transactions: one row per recharge paid) as Kimonet's paid
// invoices: each becomes an invoice of one package line, issued and due on its recharge day and
// numbered in that month, with its payment (receipt numbered in the same month). The first of a
// customer's month is that month's monthly invoice, so the invoice run does not bill a month
// PHPNuxBill already collected; further ones in the same month are manual invoices.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "billing/invoice_number.hpp"
#include "services/billing_settings.hpp"
#include "services/phpnuxbill_import.hpp"
#include "services/phpnuxbill_import_run.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services::phpnuxbill {

namespace {

// PHPNuxBill writes the method as free text: "admin - Cash", "Bank Transfer", "Xendit - BCA VA", "Balance"...
payments::PaymentMethod nux_payment_method(const std::string& method) {
    std::string lower;
    for (char c : method) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("balance") != std::string::npos || lower.find("saldo") != std::string::npos) return payments::PaymentMethod::Credit;
    if (lower.find("transfer") != std::string::npos || lower.find("bank") != std::string::npos) return payments::PaymentMethod::BankTransfer;
    if (lower.find("cash") != std::string::npos || lower.find("tunai") != std::string::npos || lower.starts_with("admin") ||
        lower.find("voucher") != std::string::npos)
        return payments::PaymentMethod::Cash;
    return payments::PaymentMethod::Gateway;
}

std::string nux_history_drop_reason(const imports::NuxTransaction& transaction, bool customer_known) {
    if (transaction.type == "Balance") return "isi saldo (saldo pelanggan masuk sebagai kredit)";
    if (transaction.type == "Hotspot") return "transaksi hotspot/voucher";
    if (!customer_known) return "pelanggannya tidak diimpor";
    if (transaction.price <= 0) return "harga 0";
    return {};
}

}  // namespace

Result<void> import_history(ImportRun& run) {
    auto& context = run.context;
    const auto keys = TRY(store::import_keys_of(context.db, kPhpnuxbillSource, "invoice"));
    const BillingSettings settings = TRY(load_billing_settings(context.db));
    std::vector<const imports::NuxTransaction*> ordered;
    for (const auto& transaction : run.data.transactions) ordered.push_back(&transaction);
    std::sort(ordered.begin(), ordered.end(), [](const auto* left, const auto* right) {
        return std::tie(left->recharged_on, left->seconds_of_day, left->id) < std::tie(right->recharged_on, right->seconds_of_day, right->id);
    });
    auto& section = run.report["invoices"];
    std::set<std::pair<std::int64_t, Period>> monthly_taken;
    for (const auto* transaction : ordered) {
        const std::string external = std::to_string(transaction->id);
        const api::Json fields = {{"invoice", transaction->invoice}, {"username", transaction->username}, {"price", transaction->price},
                                  {"recharged_on", to_string(transaction->recharged_on)}};
        if (auto key = keys.find(external); key != keys.end()) {
            if (key->second.fingerprint == fingerprint_of(fields)) section["unchanged"] = section["unchanged"].get<std::int64_t>() + 1;
            else run.changed("tbl_transactions", transaction->id, transaction->invoice, api::Json::parse(key->second.fingerprint, nullptr, false), fields);
            continue;
        }
        const auto customer = run.customer_by_username.find(transaction->username);
        if (auto reason = nux_history_drop_reason(*transaction, customer != run.customer_by_username.end()); !reason.empty()) {
            auto& dropped = section["dropped"];
            dropped[reason] = dropped.value(reason, std::int64_t{0}) + 1;
            continue;
        }
        billing::Invoice invoice;
        invoice.customer_id = customer->second;
        invoice.period = period_of(transaction->recharged_on);
        const bool monthly = !monthly_taken.contains({invoice.customer_id, invoice.period}) &&
                             !TRY(store::find_monthly_invoice_id(context.db, invoice.customer_id, invoice.period));
        monthly_taken.insert({invoice.customer_id, invoice.period});
        invoice.kind = monthly ? "monthly" : "manual";
        invoice.issue_date = transaction->recharged_on;
        invoice.due_date = transaction->recharged_on;
        invoice.lines.push_back({billing::LineKind::Package, transaction->plan_name + " (PHPNuxBill " + transaction->invoice + ")", 1,
                                 transaction->price, transaction->price});
        invoice.totals = TRY(billing::totals_for(invoice.lines, invoice.tax));
        invoice.paid_amount = invoice.totals.total;
        invoice.status = billing::InvoiceStatus::Paid;
        const std::int64_t sequence = TRY(store::reserve_sequence(context.db, store::invoice_sequence_name(invoice.period), 1));
        invoice.invoice_no = billing::format_invoice_number(settings.number_format, invoice.period, sequence);
        const std::int64_t paid_at = unix_from_local({transaction->recharged_on, static_cast<int>(transaction->seconds_of_day / 3600),
                                                      static_cast<int>(transaction->seconds_of_day / 60 % 60), static_cast<int>(transaction->seconds_of_day % 60)},
                                                     context.offset);
        invoice.id = TRY(store::insert_invoice(context.db, invoice, sequence, context.now));
        payments::Payment payment;
        payment.invoice_id = invoice.id;
        payment.customer_id = invoice.customer_id;
        payment.amount = invoice.totals.total;
        payment.applied_amount = invoice.totals.total;
        payment.method = nux_payment_method(transaction->method);
        payment.paid_at = paid_at;
        payment.note = "PHPNuxBill " + transaction->invoice + " (" + transaction->method + ")";
        payment.recorded_by = context.actor.name;
        const std::int64_t receipt = TRY(store::reserve_sequence(context.db, "receipt:" + to_string(invoice.period), 1));
        char receipt_no[40];
        std::snprintf(receipt_no, sizeof receipt_no, "KW-%04d%02d-%06lld", invoice.period.year, invoice.period.month, static_cast<long long>(receipt));
        payment.receipt_no = receipt_no;
        TRY(store::insert_payment_updating_invoice(context.db, payment, context.actor.type,
                                                   context.actor.id ? std::optional(context.actor.id) : std::nullopt, context.now, invoice, paid_at));
        TRY_VOID(store::record_import_key(context.db, kPhpnuxbillSource, "invoice", external, invoice.id, fingerprint_of(fields), context.now));
        section["new"] = section["new"].get<std::int64_t>() + 1;
        section["paid_total"] = section["paid_total"].get<std::int64_t>() + invoice.totals.total;
    }
    return {};
}

}  // namespace kimonet::services::phpnuxbill
