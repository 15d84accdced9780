#pragma once
// The notification outbox's front door: every message to a customer is stored here before a
// worker sends it (see outbox.hpp). One idempotency key = one message, however often it is queued,
// so dunning, invoice runs and the bot can retry freely.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "messaging/templates.hpp"

namespace kimonet::services {

// Transactional messages answer something the customer did or must know now (payment receipts,
// isolir and restore notices, registration confirmations, one-time codes, bot replies): they go
// before bulk ones and, unless whatsapp_quiet_hours_transactional = 1, through quiet hours.
// Bulk messages (reminders, dunning warnings, new-invoice notices, broadcasts) wait for the end of
// the quiet hours and get a share of the rate limit (see outbox.hpp).
enum class MessageClass { Transactional, Bulk };
std::string_view to_string(MessageClass message_class);  // "transactional", "bulk"

struct NotificationRequest {
    // No default: whoever queues a message says which class it is (a receipt must never be bulk).
    explicit NotificationRequest(MessageClass message_class) : message_class(message_class) {}

    MessageClass message_class;
    // The invoice the message is about. A bulk message with one is checked against the invoice
    // right before it is sent and cancelled when it no longer applies (paid, void, customer terminated).
    std::optional<std::int64_t> invoice_id;
    std::string key;  // idempotency key, e.g. "dunning:INV-202601-0001:h-3"
    std::optional<std::int64_t> customer_id;
    std::string phone;         // empty: the customer's phone
    std::string template_key;  // e.g. "reminder"; empty when `body` is given
    // Merged over the customer's own variables (nama_pelanggan, nomor_layanan, paket, nama_isp, …).
    messaging::TemplateVariables variables;
    std::string body;  // literal text, used when template_key is empty
};

struct QueuedNotification {
    std::int64_t id = 0;
    bool created = false;  // false: the key was already queued (nothing changed)
    std::string status;
    // A bulk message to a number that sent STOP/BERHENTI (whatsapp_opt_out.hpp): stored as
    // cancelled with the reason, never sent; the caller says so in its own log.
    bool opted_out = false;
    // Gathered with a callback batch's other receipts (store::gather_notification): written just
    // before the batch's COMMIT, so `id` is 0, and a key already queued is only found out then.
    bool gathered = false;
};

Result<QueuedNotification> queue_notification(app::Context& context, const NotificationRequest& request);

// The template text in use: the stored edit or the default.
Result<std::string> template_body(store::Database& db, std::string_view key);
// nama_pelanggan, nomor_layanan, paket, nama_isp, telepon_isp (+ payment_link when base_url is set).
Result<messaging::TemplateVariables> customer_variables(store::Database& db, std::int64_t customer_id, const std::string& base_url = {});
// The ISP-wide variables only (nama_isp, telepon_isp).
Result<messaging::TemplateVariables> company_variables(store::Database& db);
// The settings company_variables reads, for a path that reads them ahead with others.
const std::vector<std::string>& company_setting_keys();
// The base of public links: the public_base_url setting when set, else `fallback`.
Result<std::string> public_base_url(store::Database& db, const std::string& fallback);
std::string payment_link(const std::string& base_url, const std::string& service_number);

// Every status a message can be in, in its life's order; the notifications table's CHECK lists
// the same (test outbox_migration compares them).
inline constexpr std::array<std::string_view, 5> kNotificationStatuses = {"queued", "sending", "sent", "failed", "cancelled"};

struct NotificationQuery {
    std::string status;
    std::optional<std::int64_t> customer_id;
    int page = 1;
    int per_page = 25;
};
struct NotificationPage {
    api::Json rows = api::Json::array();
    std::int64_t total = 0;
};
Result<NotificationPage> list_notifications(store::Database& db, const NotificationQuery& query);
Result<api::Json> get_notification(store::Database& db, std::int64_t id);
// A failed or queued message goes back to the queue with fresh attempts; a sent one is copied
// into a new message (so the log keeps both). 409 while it is being sent.
Result<api::Json> resend_notification(app::Context& context, std::int64_t id);

// {"segment": {"router_id"|"package_id"|"status"|"all"}, "template": key?, "message": text?, "key": text?}
// Queues one message per matching customer (terminated customers only when asked by status).
Result<api::Json> broadcast_notification(app::Context& context, const api::Json& input);

}  // namespace kimonet::services
