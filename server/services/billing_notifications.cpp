#include "services/billing_notifications.hpp"

#include "services/settings.hpp"
#include "billing/unique_code.hpp"
#include "services/unique_codes.hpp"

#include <vector>

#include "api/public_shapes.hpp"
#include "core/date_time_text.hpp"
#include "core/money.hpp"
#include "services/email_notices.hpp"
#include "services/email_outbox.hpp"
#include "services/notification_service.hpp"
#include "store/messaging_lookups.hpp"

namespace kimonet::services {

// A message that cannot be addressed (no usable phone) must never undo the billing event.
// Issue 22: the customer's channels (services/email_notices.hpp) may send it by email too, or
// instead; the invoice notice carries the invoice PDF there.
static Result<bool> queue_or_skip(app::Context& context, const NotificationRequest& request, bool attach_invoice_pdf = false,
                                  std::optional<bool> email_on = std::nullopt) {
    const NoticeRoute route = TRY(notice_route(context, request, email_on ? *email_on : TRY(email_configured(context.db))));
    const bool emailed = route.email && TRY(queue_notice_email(context, request, attach_invoice_pdf));
    if (!route.whatsapp) return emailed;
    auto queued = queue_notification(context, request);
    if (!queued) {
        if (queued.error().code == ErrorCode::ValidationFailed) return false;
        return std::move(queued).error();
    }
    // An opted-out number's notice is logged as cancelled, not counted.
    return (queued->created && !queued->opted_out) || emailed;
}

Result<std::int64_t> queue_new_invoice_notices(app::Context& context, const Period& period) {
    const std::string base_url = TRY(public_base_url(context.db, ""));
    const bool coded = TRY(get_setting(context.db, "transfer_unique_code")) == "1";
    const bool email_on = TRY(email_configured(context.db));  // read once for the whole run
    std::int64_t queued = 0;
    // Pages by id, each read finished before its messages are written: a write while a read of
    // the same connection is open is refused (it could only meet "database is locked").
    for (std::int64_t after = 0;;) {
        const std::vector<store::NewInvoiceNotice> page = TRY(store::list_open_invoices_of_period(context.db, to_string(period), after, 500));
        if (page.empty()) break;
        after = page.back().id;
        for (const store::NewInvoiceNotice& row : page) {
            NotificationRequest request(MessageClass::Bulk);
            request.invoice_id = row.id;
            request.key = "invoice_new:" + std::to_string(row.id);
            request.customer_id = row.customer_id;
            request.template_key = "invoice_new";
            request.variables = TRY(customer_variables(context.db, row.customer_id, base_url));
            // Without a public_base_url setting the link stays relative; `make run` and the README set it.
            if (!request.variables.contains("payment_link"))
                request.variables["payment_link"] = payment_link(base_url, request.variables[api::kServiceNumberPlaceholder]);
            request.variables["periode"] = format_period_indonesian(period);
            request.variables["invoice_no"] = row.invoice_no;
            // What is still open: an invoice partly paid when it was made (credit applied) asks for the rest.
            const Money outstanding = row.total > row.paid_amount ? row.total - row.paid_amount : 0;
            request.variables["total"] = format_rupiah(outstanding);
            if (outstanding != row.total) request.variables["total"] += " (sisa dari " + format_rupiah(row.total) + ")";
            // Issue 20: with a unique code the message asks for the exact amount the statement import recognises.
            const Money code = coded ? TRY(services::invoice_unique_code(context.db, row.id)) : 0;
            request.variables["jumlah_transfer"] = format_rupiah(billing::transfer_amount(outstanding, code));
            request.variables["total"] += exact_transfer_note(outstanding, code);
            const auto due = parse_date(row.due_date);
            request.variables["due_date"] = due ? format_date_indonesian(*due) : row.due_date;
            if (TRY(queue_or_skip(context, request, true, email_on))) ++queued;
        }
    }
    return queued;
}

Result<void> queue_payment_receipt(app::Context& context, const PaymentReceipt& receipt, const std::string& key,
                                   const std::string& method_label) {
    NotificationRequest request(MessageClass::Transactional);
    request.invoice_id = receipt.invoice.id;
    request.key = key;
    request.customer_id = receipt.invoice.customer_id;
    request.template_key = "payment_confirmation";
    request.variables = {{"periode", format_period_indonesian(receipt.invoice.period)},
                         {"invoice_no", receipt.invoice.invoice_no},
                         {"jumlah", format_rupiah(receipt.payment.amount)},
                         {"total", format_rupiah(receipt.invoice.totals.total)},
                         {"metode", method_label},
                         {"waktu", format_moment_indonesian(receipt.payment.paid_at, context.offset)}};
    TRY(queue_or_skip(context, request));
    return {};
}

Result<void> queue_payment_void_notice(app::Context& context, const payments::Payment& payment, const billing::Invoice& invoice) {
    NotificationRequest request(MessageClass::Transactional);
    request.invoice_id = invoice.id;
    request.key = "payment_void:" + std::to_string(payment.id);
    request.customer_id = invoice.customer_id;
    request.template_key = "payment_void";
    const Money outstanding = invoice.totals.total > invoice.paid_amount ? invoice.totals.total - invoice.paid_amount : 0;
    request.variables = {{"periode", format_period_indonesian(invoice.period)},
                         {"invoice_no", invoice.invoice_no},
                         {"jumlah", format_rupiah(payment.amount)},
                         {"total", format_rupiah(invoice.totals.total)},
                         {"sisa", format_rupiah(outstanding)},
                         {"no_kwitansi", payment.receipt_no},
                         {"alasan", payment.void_reason},
                         {"waktu", format_moment_indonesian(context.now, context.offset)}};
    TRY(queue_or_skip(context, request));
    return {};
}

std::string payment_method_label(payments::PaymentMethod method) {
    switch (method) {
        case payments::PaymentMethod::Cash: return "Tunai";
        case payments::PaymentMethod::BankTransfer: return "Transfer bank";
        case payments::PaymentMethod::Credit: return "Saldo kredit";
        case payments::PaymentMethod::Gateway: return "Pembayaran online";
    }
    return "Pembayaran";
}

}  // namespace kimonet::services
