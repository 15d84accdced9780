#include "services/payment_service.hpp"

#include "services/billing_notifications.hpp"

#include <cctype>
#include <cstdio>

#include "api/billing_dto.hpp"
#include "core/date_window.hpp"
#include "core/validation_messages.hpp"
#include "payments/typed_amount.hpp"
#include "services/activity_log.hpp"
#include "services/idempotency_key.hpp"
#include "services/invoice_generation.hpp"
#include "services/next_invoices_at_commit.hpp"
#include "services/payment_promise.hpp"
#include "services/restore_request.hpp"
#include "store/invoice_store.hpp"
#include "store/payment_idempotency_store.hpp"
#include "store/payment_lookups.hpp"
#include "store/payment_void_store.hpp"

namespace kimonet::services {

namespace {

// The same Idempotency-Key again: the payment it recorded, if the request is the same one (same
// invoice, amount, method and note, and the same paid_at when the replay names one; without one it
// is the moment of sending, which a replay cannot repeat); another request under a used key is
// refused rather than guessed at (answering a transfer with the cash payment recorded first would
// tell the cashier something was recorded that was not).
Result<PaymentReceipt> repeated_receipt(app::Context& context, std::int64_t payment_id, const PaymentRequest& input) {
    auto stored = TRY(store::find_payment(context.db, payment_id));
    if (!stored) return make_error(ErrorCode::Internal);  // the key's payment row cannot vanish inside this transaction
    const payments::Payment& first = stored->payment;
    if (first.invoice_id != input.invoice_id || first.amount != input.amount || first.method != input.method || first.note != input.note ||
        (input.paid_at_given && first.paid_at != input.paid_at))
        return key_reused(messages::kIdempotencyKeyReused);
    auto invoice = TRY(store::find_invoice(context.db, input.invoice_id));
    if (!invoice) return validation_error({{"invoice_id", messages::kInvoiceNotFound}});
    PaymentReceipt receipt;
    receipt.payment = std::move(stored->payment);
    receipt.invoice = std::move(*invoice);
    receipt.repeated = true;
    return receipt;
}

// Receipts (kuitansi) numbered per month of payment; in a callback batch beside other servers'
// batches, numbered just before its COMMIT (number_receipts_at_commit).
Result<std::string> next_receipt_no(app::Context& context, std::int64_t paid_at) {
    const Period period = period_of(local_from_unix(paid_at, context.offset).date);
    if (auto provisional = provisional_receipt_no(context.db, period)) return std::move(*provisional);
    const std::int64_t number = TRY(store::reserve_sequence(context.db, "receipt:" + to_string(period), 1));
    return receipt_no_text(period, number);
}

using PaymentInput = PaymentRequest;

Result<std::int64_t> parse_paid_at(const std::string& text, UtcOffset offset) {
    auto date = parse_date(text.substr(0, 10));
    if (!date) return make_error(ErrorCode::ValidationFailed);
    LocalDateTime local{*date, 0, 0, 0};
    if (text.size() > 10) {
        int hour = 0, minute = 0, second = 0;
        const int read = std::sscanf(text.c_str() + 10, "%*1[T ]%2d:%2d:%2d", &hour, &minute, &second);
        if (read < 2 || hour > 23 || minute > 59 || second > 59) return make_error(ErrorCode::ValidationFailed);
        local.hour = hour;
        local.minute = minute;
        local.second = second;
    }
    return unix_from_local(local, offset);
}

Result<PaymentInput> payment_from_json(const api::Json& json, const app::Context& context) {
    api::FieldReader reader(json);
    PaymentInput input;
    std::string method, paid_at;
    reader.read("invoice_id", input.invoice_id);
    if (json.is_object() && json.contains("amount") && json["amount"].is_string()) {
        // What the cashier typed, read as they mean it ("750rb"); a refusal names the field.
        auto typed = payments::parse_typed_amount(json["amount"].get<std::string>());
        if (!typed) reader.add_error("amount", typed.error().fields.count("amount") ? typed.error().fields.at("amount") : messages::kInvalid);
        else input.amount = *typed;
    } else {
        reader.read("amount", input.amount);
    }
    reader.read("confirm", input.confirm);
    input.confirmation_required = true;
    reader.read("idempotency_key", input.idempotency_key);
    if (reader.has("idempotency_key") && !idempotency_key_well_formed(input.idempotency_key))
        reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
    reader.read("method", method);
    reader.read("paid_at", paid_at);
    reader.read("note", input.note);
    if (!reader.has("invoice_id") || (reader.ok() && input.invoice_id <= 0)) reader.add_error("invoice_id", messages::kRequired);
    if (!reader.has("amount")) reader.add_error("amount", messages::kRequired);
    else if (!reader.errors().contains("amount") && (input.amount <= 0 || input.amount > kMaxMoney)) reader.add_error("amount", "jumlah pembayaran harus lebih dari 0");
    auto parsed_method = payments::parse_payment_method(method);
    if (!parsed_method || *parsed_method == payments::PaymentMethod::Credit || *parsed_method == payments::PaymentMethod::Gateway)
        reader.add_error("method", "cash atau bank_transfer");
    else
        input.method = *parsed_method;
    input.paid_at = context.now;
    if (!paid_at.empty()) {
        auto parsed = parse_paid_at(paid_at, context.offset);
        if (!parsed) reader.add_error("paid_at", "tanggal bayar tidak valid (YYYY-MM-DD atau YYYY-MM-DDTHH:MM)");
        else if (*parsed > context.now + 300) reader.add_error("paid_at", "tanggal bayar tidak boleh di masa depan");
        else if (*parsed < unix_from_local(LocalDateTime{kEarliestDate}, context.offset))
            reader.add_error("paid_at", "tanggal bayar paling awal 2000-01-01");
        else {
            input.paid_at = *parsed;
            input.paid_at_given = true;
        }
    }
    if (input.note.size() > 500) reader.add_error("note", messages::kTooLong500);
    if (!input.confirm.empty() && input.confirm != "partial" && input.confirm != "overpayment") reader.add_error("confirm", messages::kConfirmChoice);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return input;
}

}  // namespace

// An isolated customer whose invoice is paid goes back to active, and the router is asked to
// restore them (recorded as pending until the network adapter carries it out); a promise to pay on
// the invoice is kept.
Result<bool> restore_if_isolated(app::Context& context, const billing::Invoice& invoice) {
    TRY_VOID(keep_promise_of_paid_invoice(context, invoice.customer_id, invoice.id));
    return request_restore_if_isolated(context, invoice.customer_id, invoice.id, "tagihan " + invoice.invoice_no + " lunas",
                                       {{"invoice_no", invoice.invoice_no}});
}

Result<void> apply_customer_credit(app::Context& context, billing::Invoice& invoice) {
    const Money balance = TRY(store::credit_balance(context.db, invoice.customer_id));
    const Money use = payments::credit_to_apply(balance, invoice.outstanding());
    if (use <= 0) return {};
    payments::Payment payment;
    payment.invoice_id = invoice.id;
    payment.customer_id = invoice.customer_id;
    payment.amount = use;
    payment.applied_amount = use;
    payment.method = payments::PaymentMethod::Credit;
    payment.paid_at = context.now;
    payment.receipt_no = TRY(next_receipt_no(context, context.now));
    payment.note = "kredit pelanggan";
    payment.recorded_by = context.actor.name;
    TRY(store::insert_payment(context.db, payment, context.actor.type, context.actor.id ? std::optional(context.actor.id) : std::nullopt,
                              context.now));
    TRY_VOID(store::change_credit(context.db, invoice.customer_id, -use, "dipakai untuk " + invoice.invoice_no, invoice.id, payment.id,
                                  context.now));
    invoice.paid_amount += use;
    invoice.status = billing::status_for(invoice.totals.total, invoice.paid_amount);
    TRY_VOID(store::update_invoice_state(context.db, invoice,
                                         invoice.status == billing::InvoiceStatus::Paid ? std::optional(context.now) : std::nullopt));
    return log_activity(context, "payment.credit", "invoice", invoice.id, nullptr,
                        {{"receipt_no", payment.receipt_no}, {"amount", use}, {"status", billing::to_string(invoice.status)}});
}

Result<PaymentReceipt> record_payment_in_transaction(app::Context& context, const PaymentRequest& input) {
    PaymentReceipt receipt;
    const bool keyed = !input.idempotency_key.empty() && context.actor.type == "user";
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (keyed) {
            if (auto earlier = TRY(store::find_payment_by_idempotency_key(context.db, context.actor.id, input.idempotency_key))) {
                receipt = TRY(repeated_receipt(context, *earlier, input));
                return {};
            }
        }
        std::optional<billing::Invoice> found;
        if (input.invoice && input.invoice->id == input.invoice_id) found = input.invoice;
        else
            found = TRY(input.receipt_with_lines ? store::find_invoice(context.db, input.invoice_id)
                                                 : store::find_invoice_without_lines(context.db, input.invoice_id));
        if (!found) return validation_error({{"invoice_id", messages::kInvoiceNotFound}});
        billing::Invoice invoice = std::move(*found);
        // The activity entry names what the payment changed: the invoice's paid amount and status.
        const api::Json before{{"invoice_no", invoice.invoice_no}, {"paid_amount", invoice.paid_amount}, {"status", billing::to_string(invoice.status)}};
        const auto outcome = TRY(payments::apply_payment(invoice.totals.total, invoice.paid_amount, invoice.status, input.amount));
        if (input.confirmation_required) {
            const auto preview = TRY(payments::preview_payment(invoice.totals.total, invoice.paid_amount, invoice.status, input.amount));
            if (auto difference = payments::unconfirmed_difference(preview, input.confirm); !difference.empty()) {
                Error unconfirmed = make_error(ErrorCode::Conflict, messages::with_detail(messages::kPaymentNeedsConfirmation, difference));
                unconfirmed.fields["confirm"] = std::string(payments::to_string(preview.fit));
                return unconfirmed;
            }
        }
        payments::Payment payment;
        payment.invoice_id = invoice.id;
        payment.customer_id = invoice.customer_id;
        payment.amount = input.amount;
        payment.applied_amount = outcome.applied;
        payment.method = input.method;
        payment.paid_at = input.paid_at;
        payment.note = input.note;
        payment.recorded_by = context.actor.name;
        payment.replaces_payment_id = input.replaces_payment_id;
        payment.receipt_no = TRY(next_receipt_no(context, input.paid_at));
        invoice.paid_amount = outcome.paid_amount;
        invoice.status = outcome.status;
        // The payment row and the invoice's new state (one statement on PostgreSQL).
        TRY(store::insert_payment_updating_invoice(context.db, payment, context.actor.type,
                                                   context.actor.id ? std::optional(context.actor.id) : std::nullopt, context.now, invoice,
                                                   outcome.became_paid ? std::optional(input.paid_at) : std::nullopt));
        if (keyed) TRY_VOID(store::set_payment_idempotency_key(context.db, payment.id, input.idempotency_key));
        TRY_VOID(log_activity(context, "payment.create", "invoice", invoice.id, before,
                              {{"payment", api::to_json(payment, context.offset)},
                               {"invoice_no", invoice.invoice_no},
                               {"paid_amount", invoice.paid_amount},
                               {"status", billing::to_string(invoice.status)}}));
        if (outcome.credit > 0)
            TRY_VOID(store::change_credit(context.db, invoice.customer_id, outcome.credit, "kelebihan bayar " + invoice.invoice_no,
                                          invoice.id, payment.id, context.now));
        if (outcome.became_paid) {
            receipt.restore_requested = TRY(restore_if_isolated(context, invoice));
            if (invoice.kind == "monthly") {
                // In a group commit's batch, made with the batch's others just before its COMMIT.
                if (auto* at_commit = NextInvoicesAtCommit::find(context.db)) at_commit->add(context, invoice.customer_id, next_period(invoice.period));
                else receipt.next_invoice_id = TRY(ensure_monthly_invoice(context, invoice.customer_id, next_period(invoice.period)));
            }
        }
        receipt.payment = payment;
        receipt.invoice = std::move(invoice);
        receipt.credit_added = outcome.credit;
        return {};
    }));
    return receipt;
}

Result<PaymentRequest> payment_request_from_json(const api::Json& input, const app::Context& context) {
    return payment_from_json(input, context);
}

Result<PaymentReceipt> record_payment(app::Context& context, const api::Json& body) {
    const PaymentInput input = TRY(payment_from_json(body, context));
    PaymentReceipt receipt;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        receipt = TRY(record_payment_in_transaction(context, input));
        if (receipt.repeated) return Result<void>{};  // its receipt went out the first time
        return queue_payment_receipt(context, receipt, "payment:" + std::to_string(receipt.payment.id),
                                     payment_method_label(receipt.payment.method));
    }));
    return receipt;
}

}  // namespace kimonet::services
