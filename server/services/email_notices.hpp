#pragma once
// Customer notices by email (issue 22, docs/email.md): the invoice notice (with the invoice PDF
// attached) and the payment receipt go by email to a customer whose channel preference says email
// or both, or who has no WhatsApp number; the text is the same template the WhatsApp message uses.
// Nothing changes while email is not set up (smtp_url empty): WhatsApp only, as before.
#include "app/context.hpp"
#include "services/notification_service.hpp"

namespace kimonet::services {

struct NoticeRoute {
    bool whatsapp = true;
    bool email = false;
};

// Which channels a notice to `request.customer_id` takes (WhatsApp only without a customer or
// without email set up: `email_on`, services::email_configured read by the caller).
Result<NoticeRoute> notice_route(app::Context& context, const NotificationRequest& request, bool email_on);
// Queues the email twin of `request` (key "email:" + request.key); false when it was queued before
// or the customer has no usable address.
Result<bool> queue_notice_email(app::Context& context, const NotificationRequest& request, bool attach_invoice_pdf);

// Validates and stores a customer's channel preference ('' = default, whatsapp, email, both).
Result<void> set_channel_preference(app::Context& context, std::int64_t customer_id, const std::string& preference);

}  // namespace kimonet::services
