#include "services/email_notices.hpp"

#include "core/email_messages.hpp"
#include "core/error_messages.hpp"
#include "http/html.hpp"
#include "messaging/templates.hpp"
#include "services/activity_log.hpp"
#include "services/customer_service.hpp"
#include "services/email_outbox.hpp"
#include "services/invoice_send.hpp"
#include "services/settings.hpp"
#include "store/email_store.hpp"

namespace kimonet::services {

namespace {

std::string notice_subject(const std::string& template_key, const messaging::TemplateVariables& variables, const std::string& company) {
    const auto invoice = variables.find("invoice_no");
    const std::string number = invoice == variables.end() ? "" : " " + invoice->second;
    if (template_key == "invoice_new") return "Tagihan" + number + " \xE2\x80\x94 " + company;
    if (template_key == "payment_confirmation") return "Kwitansi pembayaran" + number + " \xE2\x80\x94 " + company;
    return "Pemberitahuan \xE2\x80\x94 " + company;
}

std::string notice_html(const std::string& text) {
    std::string html = "<!doctype html><html><body><p>";
    for (char c : http::html_escape(text)) html += c == '\n' ? std::string("<br>") : std::string(1, c);
    return html + "</p></body></html>";
}

}  // namespace

Result<NoticeRoute> notice_route(app::Context& context, const NotificationRequest& request, bool email_on) {
    NoticeRoute route;
    if (!request.customer_id || !email_on) return route;
    const auto contact = TRY(store::find_customer_contact(context.db, *request.customer_id));
    if (!contact) return route;
    const NoticeChannels channels = notice_channels(contact->channel_preference, request.phone.empty() ? contact->phone : request.phone,
                                                    contact->email);
    // No channel at all: leave it to the WhatsApp path, which records why it could not go.
    if (!channels.whatsapp && !channels.email) return route;
    return NoticeRoute{channels.whatsapp, channels.email};
}

Result<bool> queue_notice_email(app::Context& context, const NotificationRequest& request, bool attach_invoice_pdf) {
    const auto contact = TRY(store::find_customer_contact(context.db, *request.customer_id));
    if (!contact || contact->email.empty()) return false;
    messaging::TemplateVariables variables = TRY(customer_variables(context.db, *request.customer_id, TRY(public_base_url(context.db, ""))));
    variables.erase("__phone");
    for (const auto& [name, value] : request.variables) variables[name] = value;
    const std::string text = request.template_key.empty() ? request.body
                                                          : messaging::render_template(TRY(template_body(context.db, request.template_key)), variables);
    EmailRequest email;
    email.key = "email:" + request.key;
    email.customer_id = request.customer_id;
    email.invoice_id = request.invoice_id;
    email.to = contact->email;
    email.subject = notice_subject(request.template_key, variables, TRY(get_setting(context.db, "company_name")));
    email.text = text;
    email.html = notice_html(text);
    if (attach_invoice_pdf) email.attach_invoice_id = request.invoice_id;
    auto queued = queue_email(context, email);
    if (!queued) {
        // A stored address this channel cannot use must never undo the billing event.
        if (queued.error().code == ErrorCode::ValidationFailed) return false;
        return std::move(queued).error();
    }
    return queued->created;
}

Result<void> set_channel_preference(app::Context& context, std::int64_t customer_id, const std::string& preference) {
    if (preference != "" && preference != "whatsapp" && preference != "email" && preference != "both")
        return validation_error({{"channel_preference", messages::kChannelPreference}});
    const auto contact = TRY(store::find_customer_contact(context.db, customer_id));
    if (!contact) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    if (contact->channel_preference == preference) return success();
    return context.db.transaction([&]() -> Result<void> {
        TRY_VOID(check_customer_self_change(context, customer_id));
        TRY_VOID(store::save_channel_preference(context.db, customer_id, preference, context.now));
        return log_activity(context, "customer.channel_preference", "customer", customer_id, {{"channel_preference", contact->channel_preference}},
                            {{"channel_preference", preference}});
    });
}

}  // namespace kimonet::services
