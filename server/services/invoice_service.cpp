#include "services/invoice_service.hpp"

#include "api/billing_dto.hpp"
#include "billing/invoice_number.hpp"
#include "core/date_window.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"
#include "services/billing_settings.hpp"
#include "services/unique_codes.hpp"
#include "store/customer_store.hpp"

namespace kimonet::services {

Result<InvoiceDetail> get_invoice_detail(store::Database& db, std::int64_t id, std::optional<std::int64_t> owner) {
    auto found = TRY(store::find_invoice(db, id));
    if (!found || (owner && found->customer_id != *owner)) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
    InvoiceDetail detail;
    detail.invoice = std::move(*found);
    detail.payments = TRY(store::list_payments(db, id, std::nullopt, 1, 1000, nullptr));
    if (auto customer = TRY(store::find_customer(db, detail.invoice.customer_id))) {
        detail.customer_name = customer->name;
        detail.service_number = customer->service_number;
        detail.customer_address = customer->address;
        detail.customer_phone = customer->phone;
    }
    return detail;
}

Result<store::InvoicePage> search_invoices(store::Database& db, const store::InvoiceFilter& filter) {
    return store::list_invoices(db, filter);
}

static Result<billing::Invoice> load_invoice(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_invoice(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
    return std::move(*found);
}

Result<billing::Invoice> create_manual_invoice(app::Context& context, const api::Json& input) {
    api::FieldReader reader(input);
    std::int64_t customer_id = 0;
    std::string due_text;
    reader.read("customer_id", customer_id);
    reader.read("due_date", due_text);
    std::vector<billing::InvoiceLine> lines;
    auto lines_field = input.find("lines");
    if (lines_field == input.end() || !lines_field->is_array() || lines_field->empty() || lines_field->size() > 50) {
        reader.add_error("lines", "1-50 baris tagihan");
    } else {
        for (std::size_t i = 0; i < lines_field->size(); ++i) {
            auto line = api::invoice_line_from_json((*lines_field)[i]);
            if (!line) {
                for (const auto& [field, message] : line.error().fields)
                    reader.add_error("lines." + std::to_string(i) + "." + field, message);
            } else {
                lines.push_back(std::move(*line));
            }
        }
    }
    std::optional<Date> due;
    if (!due_text.empty()) {
        auto parsed = parse_date(due_text);
        if (!parsed) reader.add_error("due_date", messages::kDate);
        else if (*parsed < kEarliestDate || *parsed > add_days(context.today(), 366))
            reader.add_error("due_date", "jatuh tempo 2000-01-01 sampai setahun dari hari ini");
        else due = *parsed;
    }
    if (customer_id <= 0 && !reader.errors().contains("customer_id")) reader.add_error("customer_id", messages::kRequired);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    const billing::Totals checked = TRY(billing::totals_for(lines, billing::TaxRule{}));
    if (checked.total < 0) return validation_error({{"lines", messages::kInvoiceTotalNegative}});

    billing::Invoice invoice;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto customer = TRY(store::find_customer(context.db, customer_id));
        if (!customer) return validation_error({{"customer_id", messages::kCustomerNotFound}});
        const BillingSettings settings = TRY(load_billing_settings(context.db));
        const Date today = context.today();
        invoice.customer_id = customer_id;
        invoice.period = period_of(today);
        invoice.kind = "manual";
        invoice.issue_date = today;
        invoice.due_date = due ? *due : billing::due_date(invoice.period, customer->due_day, settings.rules.default_due_day);
        if (!due && invoice.due_date < today) invoice.due_date = add_days(today, 7);
        invoice.lines = lines;
        invoice.tax = billing::tax_rule_on(settings.rules.tax, invoice.issue_date);
        invoice.totals = TRY(billing::totals_for(lines, invoice.tax));
        invoice.status = billing::status_for(invoice.totals.total, 0);
        const std::int64_t sequence = TRY(store::reserve_sequence(context.db, store::invoice_sequence_name(invoice.period), 1));
        invoice.invoice_no = billing::format_invoice_number(settings.number_format, invoice.period, sequence);
        invoice.id = TRY(store::insert_invoice(context.db, invoice, sequence, context.now));
        TRY_VOID(assign_unique_codes(context, {&invoice}));
        return log_activity(context, "invoice.create", "invoice", invoice.id, nullptr, api::to_json(invoice, today));
    }));
    return invoice;
}

Result<billing::Invoice> void_invoice(app::Context& context, std::int64_t id, const api::Json& input) {
    api::FieldReader reader(input);
    std::string reason;
    reader.read("reason", reason);
    reason = trim_copy(reason);
    if (reason.size() < 3 && !reader.errors().contains("reason")) reader.add_error("reason", "alasan pembatalan wajib diisi");
    else if (utf8_length(reason) > 500) reader.add_error("reason", messages::kTooLong500);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    billing::Invoice invoice;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        invoice = TRY(load_invoice(context.db, id));
        if (invoice.status == billing::InvoiceStatus::Void) return make_error(ErrorCode::Conflict, messages::kInvoiceVoided);
        if (invoice.paid_amount > 0) return make_error(ErrorCode::Conflict, messages::kPaidInvoiceCannotVoid);
        const api::Json before = api::to_json(invoice, context.today());
        invoice.status = billing::InvoiceStatus::Void;
        invoice.void_reason = reason;
        TRY_VOID(store::update_invoice_state(context.db, invoice, std::nullopt));
        return log_activity(context, "invoice.void", "invoice", id, before, api::to_json(invoice, context.today()));
    }));
    return invoice;
}

Result<billing::Invoice> add_invoice_line(app::Context& context, std::int64_t id, const api::Json& input) {
    const billing::InvoiceLine line = TRY(api::invoice_line_from_json(input));
    billing::Invoice invoice;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        invoice = TRY(load_invoice(context.db, id));
        if (invoice.status == billing::InvoiceStatus::Void || invoice.status == billing::InvoiceStatus::Paid)
            return make_error(ErrorCode::Conflict, messages::kLinesOnlyOnUnpaid);
        const api::Json before = api::to_json(invoice, context.today());
        invoice.lines.push_back(line);
        const billing::Totals totals = TRY(billing::totals_for(invoice.lines, invoice.tax));
        if (totals.total < invoice.paid_amount || totals.total < 0)
            return validation_error({{"unit_price", messages::kTotalBelowPaid}});
        const Money old_total = invoice.totals.total;
        invoice.totals = totals;
        invoice.status = billing::status_for(invoice.totals.total, invoice.paid_amount);
        TRY_VOID(reassign_unique_code(context, invoice, old_total));
        TRY_VOID(store::insert_invoice_line(context.db, id, static_cast<int>(invoice.lines.size()), line));
        TRY_VOID(store::update_invoice_state(context.db, invoice,
                                             invoice.status == billing::InvoiceStatus::Paid ? std::optional(context.now) : std::nullopt));
        return log_activity(context, "invoice.add_line", "invoice", id, before, api::to_json(invoice, context.today()));
    }));
    return invoice;
}

Result<CustomerHistory> customer_history(store::Database& db, std::int64_t customer_id) {
    if (!TRY(store::find_customer(db, customer_id))) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    CustomerHistory history;
    store::InvoiceFilter filter;
    filter.customer_id = customer_id;
    filter.per_page = 500;
    for (auto& row : TRY(store::list_invoices(db, filter)).rows) history.invoices.push_back(std::move(row.invoice));
    history.payments = TRY(store::list_payments(db, std::nullopt, customer_id, 1, 500, nullptr));
    history.credit_balance = TRY(store::credit_balance(db, customer_id));
    return history;
}

}  // namespace kimonet::services
