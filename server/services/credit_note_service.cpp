#include "services/credit_note_service.hpp"

#include <algorithm>

#include "api/billing_dto.hpp"
#include "billing/invoice_number.hpp"
#include "core/credit_note_messages.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "payments/typed_amount.hpp"
#include "services/activity_log.hpp"
#include "services/idempotency_key.hpp"
#include "services/payment_service.hpp"
#include "services/settings.hpp"
#include "store/customer_store.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

namespace {

struct CreditNoteInput {
    billing::CreditNoteRequest request;
    std::string reason;
    std::string idempotency_key;
};

// "amount" as an integer or as the cashier typed it ("50rb", "Rp 50.000").
void read_amount(const api::Json& json, api::FieldReader& reader, std::optional<Money>& out) {
    if (!json.is_object() || !json.contains("amount") || json["amount"].is_null()) return;
    if (json["amount"].is_string()) {
        auto typed = payments::parse_typed_amount(json["amount"].get<std::string>());
        if (!typed) reader.add_error("amount", typed.error().fields.count("amount") ? typed.error().fields.at("amount") : messages::kInvalid);
        else out = *typed;
        return;
    }
    std::int64_t amount = 0;
    const auto before = reader.errors().size();
    reader.read("amount", amount);
    if (reader.errors().size() == before) out = amount;
}

void read_reason(api::FieldReader& reader, std::string& reason, const char* required) {
    reader.read("reason", reason);
    reason = trim_copy(reason);
    if (utf8_length(reason) < 3 && !reader.errors().contains("reason")) reader.add_error("reason", required);
    else if (utf8_length(reason) > 500) reader.add_error("reason", messages::kTooLong500);
}

void read_key(api::FieldReader& reader, std::string& key) {
    reader.read("idempotency_key", key);
    if (reader.has("idempotency_key") && !idempotency_key_well_formed(key)) reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
}

Result<CreditNoteInput> credit_note_input(const api::Json& json) {
    api::FieldReader reader(json);
    CreditNoteInput input;
    reader.read("full", input.request.full);
    read_amount(json, reader, input.request.amount);
    if (json.is_object() && json.contains("lines")) {
        const auto& lines = json["lines"];
        if (!lines.is_array() || lines.size() > billing::kMaxInvoiceLines) {
            reader.add_error("lines", messages::kCreditNoteLineChoice);
        } else {
            for (const auto& line : lines) {
                if (!line.is_number_integer()) {
                    reader.add_error("lines", messages::kCreditNoteLineChoice);
                    break;
                }
                input.request.lines.push_back(line.get<std::int64_t>());
            }
        }
    }
    read_reason(reader, input.reason, messages::kCreditNoteReasonRequired);
    read_key(reader, input.idempotency_key);
    if (!json.is_object()) reader.add_error("reason", messages::kCreditNoteReasonRequired);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return input;
}

store::WrittenBy written_by(const app::Context& context, const std::string& key) {
    store::WrittenBy by{context.actor.type, context.actor.id ? std::optional(context.actor.id) : std::nullopt, context.actor.name, std::nullopt};
    if (!key.empty() && context.actor.type == "user") by.idempotency_key = key;
    return by;
}

std::string credited_lines(const billing::Invoice& invoice, const std::vector<std::int64_t>& positions) {
    std::string text;
    for (const std::int64_t position : positions)
        text += (text.empty() ? "" : "; ") + invoice.lines[static_cast<std::size_t>(position)].description;
    return text;
}

struct NumberedNote {
    std::string number;
    std::int64_t sequence = 0;
};

// The next number of the credit notes' own series for `period` (sequence "credit_note:YYYY-MM"),
// reserved inside the caller's transaction so the series stays gap-free.
Result<NumberedNote> next_credit_note_no(app::Context& context, const Period& period) {
    std::string format = TRY(get_setting(context.db, "credit_note_number_format"));
    if (!billing::validate_invoice_number_format(format)) format = std::string(billing::kDefaultCreditNoteNumberFormat);
    NumberedNote numbered;
    numbered.sequence = TRY(store::reserve_sequence(context.db, store::credit_note_sequence_name(period), 1));
    numbered.number = billing::format_invoice_number(format, period, numbered.sequence);
    return numbered;
}

// The repeat of a keyed request: the note it created, if the request is the same one.
Result<CreditNoteOutcome> repeated_note(app::Context& context, std::int64_t note_id, std::int64_t invoice_id, const CreditNoteInput& input) {
    auto note = TRY(store::find_credit_note(context.db, note_id));
    if (!note) return make_error(ErrorCode::Internal);
    if (note->invoice_id != invoice_id || (input.request.amount && *input.request.amount != note->figures.amount))
        return key_reused(messages::kCreditNoteKeyReused);
    CreditNoteOutcome outcome;
    outcome.invoice = TRY(store::find_invoice(context.db, invoice_id)).value_or(billing::Invoice{});
    // Other lines or another reason under the key are another credit note, not this one again.
    const auto& positions = input.request.lines;
    const bool on_invoice = std::all_of(positions.begin(), positions.end(), [&](std::int64_t position) {
        return position >= 0 && static_cast<std::size_t>(position) < outcome.invoice.lines.size();
    });
    if (note->reason != input.reason || !on_invoice || note->lines != credited_lines(outcome.invoice, positions))
        return key_reused(messages::kCreditNoteKeyReused);
    outcome.credit_balance = TRY(store::credit_balance(context.db, note->customer_id));
    outcome.note = std::move(*note);
    outcome.repeated = true;
    return outcome;
}

}  // namespace

Result<CreditNoteOutcome> create_credit_note(app::Context& context, std::int64_t invoice_id, const api::Json& body) {
    const CreditNoteInput input = TRY(credit_note_input(body));
    const bool keyed = !input.idempotency_key.empty() && context.actor.type == "user";
    CreditNoteOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (keyed)
            if (auto earlier = TRY(store::find_credit_note_by_key(context.db, context.actor.id, input.idempotency_key))) {
                outcome = TRY(repeated_note(context, *earlier, invoice_id, input));
                return {};
            }
        auto found = TRY(store::find_invoice(context.db, invoice_id));
        if (!found) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
        billing::Invoice invoice = std::move(*found);
        const api::Json before{{"invoice_no", invoice.invoice_no}, {"paid_amount", invoice.paid_amount}, {"status", billing::to_string(invoice.status)}};
        const Money already = TRY(store::credited_total(context.db, invoice.id));
        const billing::CreditNoteFigures figures = TRY(billing::credit_note_figures(invoice, already, input.request));

        billing::CreditNote note;
        note.invoice_id = invoice.id;
        note.invoice_no = invoice.invoice_no;
        note.customer_id = invoice.customer_id;
        note.figures = figures;
        note.reason = input.reason;
        note.lines = credited_lines(invoice, input.request.lines);
        note.issue_date = context.today();
        note.created_at = context.now;
        note.created_by = context.actor.name;
        const Period period = period_of(note.issue_date);
        const NumberedNote numbered = TRY(next_credit_note_no(context, period));
        note.credit_note_no = numbered.number;
        note.id = TRY(store::insert_credit_note(context.db, note, period, numbered.sequence, written_by(context, input.idempotency_key)));

        const bool was_paid = invoice.status == billing::InvoiceStatus::Paid;
        if (figures.applied > 0) {
            invoice.paid_amount += figures.applied;
            invoice.status = billing::status_for(invoice.totals.total, invoice.paid_amount);
            TRY_VOID(store::update_invoice_state(context.db, invoice,
                                                 invoice.status == billing::InvoiceStatus::Paid ? std::optional(context.now) : std::nullopt));
        }
        if (figures.credit > 0)
            TRY_VOID(store::change_credit(context.db, invoice.customer_id, figures.credit, "nota kredit " + note.credit_note_no, invoice.id,
                                          std::nullopt, context.now));
        // Settled by the credit note: the customer no longer owes this invoice (as after a payment).
        if (!was_paid && invoice.status == billing::InvoiceStatus::Paid) outcome.restore_requested = TRY(restore_if_isolated(context, invoice));
        TRY_VOID(log_activity(context, "credit_note.create", "invoice", invoice.id, before,
                              {{"credit_note_no", note.credit_note_no},
                               {"amount", figures.amount},
                               {"tax", figures.tax},
                               {"applied", figures.applied},
                               {"credit", figures.credit},
                               {"reason", note.reason},
                               {"paid_amount", invoice.paid_amount},
                               {"status", billing::to_string(invoice.status)}}));
        if (auto customer = TRY(store::find_customer(context.db, invoice.customer_id))) {
            note.customer_name = customer->name;
            note.service_number = customer->service_number;
        }
        outcome.credit_balance = TRY(store::credit_balance(context.db, invoice.customer_id));
        outcome.note = std::move(note);
        outcome.invoice = std::move(invoice);
        return {};
    }));
    return outcome;
}

Result<billing::CreditNote> get_credit_note(store::Database& db, std::int64_t id, std::optional<std::int64_t> owner) {
    auto note = TRY(store::find_credit_note(db, id));
    if (!note || (owner && note->customer_id != *owner)) return make_error(ErrorCode::NotFound, messages::kCreditNoteNotFound);
    return std::move(*note);
}

Result<store::CreditNotePage> search_credit_notes(store::Database& db, const store::CreditNoteFilter& filter) {
    return store::list_credit_notes(db, filter);
}

Result<api::InvoiceCredit> invoice_credit(store::Database& db, const billing::Invoice& invoice) {
    store::CreditNoteFilter filter;
    filter.invoice_id = invoice.id;
    filter.per_page = 500;
    api::InvoiceCredit credit;
    credit.credit_notes = TRY(store::list_credit_notes(db, filter)).rows;
    Money applied = 0;
    for (const auto& note : credit.credit_notes) {
        credit.credited_amount += note.figures.amount;
        applied += note.figures.applied;
    }
    credit.paid_by_payments = invoice.paid_amount - applied;
    return credit;
}

Result<RefundOutcome> create_refund(app::Context& context, std::int64_t customer_id, const api::Json& body) {
    api::FieldReader reader(body);
    billing::Refund refund;
    std::optional<Money> amount;
    std::string key;
    read_amount(body, reader, amount);
    reader.read("method", refund.method);
    reader.read("reference", refund.reference);
    refund.reference = trim_copy(refund.reference);
    read_reason(reader, refund.reason, messages::kRefundReasonRequired);
    read_key(reader, key);
    if (!amount && !reader.errors().contains("amount")) reader.add_error("amount", messages::kRefundAmountPositive);
    else if (amount && *amount <= 0) reader.add_error("amount", messages::kRefundAmountPositive);
    else if (amount && *amount > kMaxMoney) reader.add_error("amount", messages::kAmountTooLarge);
    if (refund.method != "cash" && refund.method != "bank_transfer") reader.add_error("method", messages::kRefundMethodChoice);
    else if (refund.method == "bank_transfer" && refund.reference.empty()) reader.add_error("reference", messages::kRefundReferenceRequired);
    if (refund.reference.size() > 100) reader.add_error("reference", messages::kTooLong100);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    refund.amount = *amount;
    refund.customer_id = customer_id;
    refund.refunded_at = context.now;
    refund.created_by = context.actor.name;
    const bool keyed = !key.empty() && context.actor.type == "user";

    RefundOutcome outcome;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (keyed)
            if (auto earlier = TRY(store::find_refund_by_key(context.db, context.actor.id, key))) {
                auto stored = TRY(store::find_refund(context.db, *earlier));
                if (!stored) return make_error(ErrorCode::Internal);
                if (stored->customer_id != customer_id || stored->amount != refund.amount) return key_reused(messages::kRefundKeyReused);
                outcome.refund = std::move(*stored);
                outcome.credit_balance = TRY(store::credit_balance(context.db, customer_id));
                outcome.repeated = true;
                return {};
            }
        if (!TRY(store::find_customer(context.db, customer_id))) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
        // Read and lowered under the one writer lock: a second refund sees the first one's balance.
        const Money balance = TRY(store::credit_balance(context.db, customer_id));
        if (refund.amount > balance)
            return validation_error({{"amount", messages::with_detail(messages::kRefundExceedsCredit, format_rupiah(balance))}});
        refund.id = TRY(store::insert_refund(context.db, refund, written_by(context, key)));
        const std::string why = std::string("pengembalian dana ") + (refund.method == "cash" ? "tunai" : "transfer " + refund.reference);
        TRY_VOID(store::change_credit(context.db, customer_id, -refund.amount, why, std::nullopt, std::nullopt, context.now));
        outcome.credit_balance = balance - refund.amount;
        outcome.refund = refund;
        return log_activity(context, "refund.create", "customer", customer_id, {{"credit_balance", balance}},
                            {{"refund_id", refund.id},
                             {"amount", refund.amount},
                             {"method", refund.method},
                             {"reference", refund.reference},
                             {"reason", refund.reason},
                             {"credit_balance", outcome.credit_balance}});
    }));
    return outcome;
}

Result<CustomerRefunds> customer_refunds(store::Database& db, std::int64_t customer_id) {
    if (!TRY(store::find_customer(db, customer_id))) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    CustomerRefunds out;
    out.credit_balance = TRY(store::credit_balance(db, customer_id));
    out.refunds = TRY(store::list_refunds(db, customer_id));
    return out;
}

}  // namespace kimonet::services
