#include "services/unique_codes.hpp"

#include "billing/unique_code.hpp"
#include "core/money.hpp"
#include "services/settings.hpp"
#include "store/bank_statement_store.hpp"

namespace kimonet::services {

namespace {

Result<void> give_codes(app::Context& context, const std::vector<billing::Invoice*>& invoices, std::unordered_set<Money>& taken) {
    for (const billing::Invoice* invoice : invoices) {
        if (invoice->totals.total <= 0 || invoice->status == billing::InvoiceStatus::Paid) continue;
        const auto code = billing::pick_unique_code(invoice->totals.total, invoice->customer_id,
                                                    [&](Money amount) { return taken.contains(amount); });
        if (!code) continue;  // 999 open invoices of this total: this one goes by its number
        TRY_VOID(store::set_invoice_unique_code(context.db, invoice->id, *code));
        taken.insert(invoice->totals.total + *code);
    }
    return {};
}

}  // namespace

Result<Money> invoice_unique_code(store::Database& db, std::int64_t invoice_id) { return store::invoice_unique_code(db, invoice_id); }

std::string exact_transfer_note(Money outstanding, Money code) {
    if (code <= 0 || outstanding <= 0) return {};
    return " (transfer tepat " + format_rupiah(billing::transfer_amount(outstanding, code)) + ": angka terakhir = kode unik " + format_rupiah(code) +
           ", tanda pengenal pembayaran Anda; menjadi saldo Anda)";
}

Result<void> assign_unique_codes(app::Context& context, const std::vector<billing::Invoice*>& invoices) {
    if (invoices.empty() || TRY(get_setting(context.db, "transfer_unique_code")) != "1") return {};
    auto taken = TRY(store::open_transfer_amounts(context.db));
    return give_codes(context, invoices, taken);
}

Result<void> reassign_unique_code(app::Context& context, billing::Invoice& invoice, Money old_total) {
    if (invoice.totals.total == old_total) return {};
    const Money previous = TRY(store::invoice_unique_code(context.db, invoice.id));
    if (previous <= 0) return {};
    auto taken = TRY(store::open_transfer_amounts(context.db));
    taken.erase(old_total + previous);
    TRY_VOID(store::set_invoice_unique_code(context.db, invoice.id, 0));
    if (invoice.status == billing::InvoiceStatus::Paid) return {};
    return give_codes(context, {&invoice}, taken);
}

}  // namespace kimonet::services
