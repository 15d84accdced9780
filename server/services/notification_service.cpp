#include "services/notification_service.hpp"

#include <algorithm>

#include "api/public_shapes.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxBodyLength = 4096;

struct PreparedMessage {
    std::string phone;
    std::string template_key;
    std::string body;
};

// Renders and validates without writing anything.
Result<PreparedMessage> prepare_message(store::Database& db, const NotificationRequest& request, const std::string& base_url) {
    FieldErrors fields;
    if (trim_copy(request.key).empty()) fields["key"] = messages::kRequired;
    else if (request.key.size() > kMaxKeyLength) fields["key"] = messages::kTooLong200;
    messaging::TemplateVariables variables;
    std::string phone = request.phone;
    if (request.customer_id) {
        auto customer = customer_variables(db, *request.customer_id, base_url);
        if (!customer) {
            fields["customer_id"] = messages::kInvalid;
        } else {
            variables = std::move(customer).value();
            if (phone.empty()) phone = variables["__phone"];
        }
    } else {
        variables = TRY(company_variables(db));
    }
    variables.erase("__phone");
    for (const auto& [name, value] : request.variables) variables[name] = value;

    PreparedMessage prepared;
    prepared.phone = normalize_phone(phone);
    if (phone.empty()) fields["phone"] = messages::kRequired;
    else if (prepared.phone.empty()) fields["phone"] = messages::kPhone;
    if (!request.template_key.empty()) {
        if (!messaging::find_template_definition(request.template_key)) {
            fields["template"] = messages::kInvalid;
        } else {
            const std::string text = TRY(template_body(db, request.template_key));
            if (auto missing = messaging::missing_variables(text, variables); !missing.empty()) {
                std::string names;
                for (const auto& name : missing) names += (names.empty() ? "{" : ", {") + name + "}";
                fields["variables"] = messages::with_detail(messages::kNoValueFor, names);
            }
            prepared.body = messaging::render_template(text, variables);
            prepared.template_key = request.template_key;
        }
    } else {
        prepared.body = request.body;
        if (trim_copy(prepared.body).empty()) fields["message"] = messages::kRequired;
    }
    if (fields.empty() && (utf8_length(prepared.body) > kMaxBodyLength || !is_valid_utf8(prepared.body)))
        fields["message"] = messages::kTooLong4096Utf8;
    if (!fields.empty()) return validation_error(std::move(fields));
    return prepared;
}

// Inserts unless the key exists; returns the row id and whether it is new.
Result<QueuedNotification> insert_notification(app::Context& context, const NotificationRequest& request, const PreparedMessage& prepared) {
    auto insert = TRY(context.db.prepare(
        "INSERT INTO notifications(idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, next_attempt_at, "
        "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?, 'queued', ?,?,?,?) ON CONFLICT(idempotency_key) DO NOTHING"));
    insert.bind(1, request.key).bind(2, request.customer_id).bind(3, prepared.phone).bind(4, prepared.template_key)
        .bind(5, prepared.body).bind(6, to_string(request.message_class)).bind(7, request.invoice_id).bind(8, context.now)
        .bind(9, context.actor.name).bind(10, context.now).bind(11, context.now);
    TRY_VOID(insert.run());
    QueuedNotification queued;
    queued.created = context.db.changes() > 0;
    if (queued.created) app::wake_after_commit(context, app::Work::Outbox);
    auto existing = TRY(context.db.prepare("SELECT id, status FROM notifications WHERE idempotency_key = ?"));
    existing.bind(1, request.key);
    if (!TRY(existing.step())) return make_error(ErrorCode::Internal, messages::kNotificationVanished);
    queued.id = existing.column_int(0);
    queued.status = existing.column_text(1);
    return queued;
}

constexpr const char* kNotificationColumns =
    "n.id, n.idempotency_key, n.customer_id, COALESCE(c.name, ''), COALESCE(c.service_number, ''), n.phone, n.template, n.body, "
    "n.message_class, n.status, n.attempts, n.next_attempt_at, n.last_error, n.gateway, n.gateway_message_id, n.gateway_response, "
    "n.created_by, n.created_at, n.sent_at, n.updated_at, n.invoice_id";

api::Json notification_json(const store::Statement& row) {
    api::Json out = {
        {"id", row.column_int(0)},           {"key", row.column_text(1)},          {"customer_name", row.column_text(3)},
        {"service_number", row.column_text(4)}, {"phone", row.column_text(5)},     {"template", row.column_text(6)},
        {"body", row.column_text(7)},        {"message_class", row.column_text(8)},      {"status", row.column_text(9)},
        {"attempts", row.column_int(10)},    {"next_attempt_at", row.column_int(11)}, {"last_error", row.column_text(12)},
        {"gateway", row.column_text(13)},    {"gateway_message_id", row.column_text(14)},
        {"gateway_response", row.column_text(15)}, {"created_by", row.column_text(16)}, {"created_at", row.column_int(17)},
        {"updated_at", row.column_int(19)},
    };
    out["customer_id"] = row.column_is_null(2) ? api::Json(nullptr) : api::Json(row.column_int(2));
    out["sent_at"] = row.column_is_null(18) ? api::Json(nullptr) : api::Json(row.column_int(18));
    out["invoice_id"] = row.column_is_null(20) ? api::Json(nullptr) : api::Json(row.column_int(20));
    return out;
}

}  // namespace

std::string_view to_string(MessageClass message_class) { return message_class == MessageClass::Transactional ? "transactional" : "bulk"; }

Result<std::string> template_body(store::Database& db, std::string_view key) {
    const auto* definition = messaging::find_template_definition(key);
    if (!definition) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownTemplate, key));
    auto stored = TRY(db.prepare("SELECT body FROM message_templates WHERE key = ?"));
    stored.bind(1, key);
    if (TRY(stored.step())) return stored.column_text(0);
    return std::string(definition->default_body);
}

Result<messaging::TemplateVariables> company_variables(store::Database& db) {
    messaging::TemplateVariables variables;
    variables["nama_isp"] = TRY(get_setting(db, "company_name"));
    variables["telepon_isp"] = TRY(get_setting(db, "company_phone"));
    return variables;
}

Result<std::string> public_base_url(store::Database& db, const std::string& fallback) {
    std::string base = fallback;
    if (find_setting_definition("public_base_url")) {
        const std::string configured = TRY(get_setting(db, "public_base_url"));
        if (!trim_copy(configured).empty()) base = trim_copy(configured);
    }
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

std::string payment_link(const std::string& base_url, const std::string& service_number) { return base_url + "/billing/" + service_number; }

Result<messaging::TemplateVariables> customer_variables(store::Database& db, std::int64_t customer_id, const std::string& base_url) {
    auto row = TRY(db.prepare(
        "SELECT c.name, c.service_number, c.phone, COALESCE(p.name, '') FROM customers c "
        "LEFT JOIN internet_packages p ON p.id = c.package_id WHERE c.id = ?"));
    row.bind(1, customer_id);
    if (!TRY(row.step())) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    auto variables = TRY(company_variables(db));
    variables["nama_pelanggan"] = row.column_text(0);
    variables[api::kServiceNumberPlaceholder] = row.column_text(1);
    variables["__phone"] = row.column_text(2);
    variables["paket"] = row.column_text(3);
    if (!base_url.empty()) variables["payment_link"] = payment_link(base_url, row.column_text(1));
    return variables;
}

Result<QueuedNotification> queue_notification(app::Context& context, const NotificationRequest& request) {
    const PreparedMessage prepared = TRY(prepare_message(context.db, request, {}));
    QueuedNotification queued;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        queued = TRY(insert_notification(context, request, prepared));
        if (!queued.created) return success();
        return log_activity(context, "notification.queue", "notification", queued.id, nullptr,
                            {{"key", request.key}, {"template", prepared.template_key}, {"phone", prepared.phone}});
    }));
    return queued;
}

Result<NotificationPage> list_notifications(store::Database& db, const NotificationQuery& query) {
    FieldErrors fields;
    if (!query.status.empty() && std::find(kNotificationStatuses.begin(), kNotificationStatuses.end(), query.status) == kNotificationStatuses.end())
        fields["status"] = messages::kNotificationStatusChoice;
    if (!fields.empty()) return validation_error(std::move(fields));
    std::string where = " WHERE 1=1";
    if (!query.status.empty()) where += " AND n.status = :status";
    if (query.customer_id) where += " AND n.customer_id = :customer_id";
    NotificationPage page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM notifications n" + where));
    count.bind_named(":status", query.status);
    if (query.customer_id) count.bind_named(":customer_id", *query.customer_id);
    TRY(count.step());
    page.total = count.column_int(0);
    auto rows = TRY(db.prepare(std::string("SELECT ") + kNotificationColumns +
                               " FROM notifications n LEFT JOIN customers c ON c.id = n.customer_id" + where +
                               " ORDER BY n.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", query.status);
    if (query.customer_id) rows.bind_named(":customer_id", *query.customer_id);
    rows.bind_named(":limit", std::int64_t{query.per_page});
    rows.bind_named(":offset", std::int64_t{(query.page - 1) * query.per_page});
    while (TRY(rows.step())) page.rows.push_back(notification_json(rows));
    return page;
}

Result<api::Json> get_notification(store::Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kNotificationColumns +
                              " FROM notifications n LEFT JOIN customers c ON c.id = n.customer_id WHERE n.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return make_error(ErrorCode::NotFound, messages::kNotificationNotFound);
    api::Json out = notification_json(row);
    auto attempts = TRY(db.prepare("SELECT at, gateway, outcome, detail FROM notification_attempts WHERE notification_id = ? ORDER BY id"));
    attempts.bind(1, id);
    out["attempt_log"] = api::Json::array();
    while (TRY(attempts.step()))
        out["attempt_log"].push_back({{"at", attempts.column_int(0)}, {"gateway", attempts.column_text(1)},
                                      {"outcome", attempts.column_text(2)}, {"detail", attempts.column_text(3)}});
    return out;
}

Result<api::Json> resend_notification(app::Context& context, std::int64_t id) {
    api::Json result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(get_notification(context.db, id));
        const std::string status = before["status"];
        if (status == "sending") return make_error(ErrorCode::Conflict, messages::kMessageBeingSent);
        std::int64_t target = id;
        if (status == "sent") {
            auto copy = TRY(context.db.prepare(
                "INSERT INTO notifications(idempotency_key, customer_id, phone, template, body, message_class, invoice_id, status, "
                "next_attempt_at, created_by, created_at, updated_at) SELECT idempotency_key || ':resend:' || ?, customer_id, phone, "
                "template, body, message_class, invoice_id, 'queued', ?, ?, ?, ? FROM notifications WHERE id = ?"));
            copy.bind(1, security::random_token(6)).bind(2, context.now).bind(3, context.actor.name).bind(4, context.now)
                .bind(5, context.now).bind(6, id);
            TRY_VOID(copy.run());
            target = context.db.last_insert_id();
        } else {
            auto requeue = TRY(context.db.prepare(
                "UPDATE notifications SET status = 'queued', attempts = 0, next_attempt_at = ?, lease_until = NULL, "
                "last_error = '', updated_at = ? WHERE id = ?"));
            requeue.bind(1, context.now).bind(2, context.now).bind(3, id);
            TRY_VOID(requeue.run());
        }
        result = TRY(get_notification(context.db, target));
        app::wake_after_commit(context, app::Work::Outbox);
        return log_activity(context, "notification.resend", "notification", target, {{"id", id}, {"status", status}},
                            {{"id", target}, {"status", "queued"}});
    }));
    return result;
}

Result<api::Json> broadcast_notification(app::Context& context, const api::Json& input) {
    api::FieldReader reader(input);
    std::string template_key = "broadcast", message, key;
    reader.read("template", template_key);
    reader.read("message", message);
    reader.read("key", key);
    std::optional<std::int64_t> router_id, package_id;
    std::string status;
    bool all = false;
    const api::Json segment = input.contains("segment") ? input["segment"] : api::Json::object();
    if (!segment.is_object()) {
        reader.add_error("segment", messages::kWrongType);
    } else {
        api::FieldReader segment_reader(segment);
        segment_reader.read("router_id", router_id);
        segment_reader.read("package_id", package_id);
        segment_reader.read("status", status);
        segment_reader.read("all", all);
        for (const auto& [field, problem] : segment_reader.errors()) reader.add_error("segment." + field, problem);
        if (!router_id && !package_id && status.empty() && !all)
            reader.add_error("segment", "pilih router_id, package_id, status atau all");
        if (!status.empty() && !parse_customer_status(status)) reader.add_error("segment.status", messages::kStatus);
    }
    const auto* definition = messaging::find_template_definition(template_key);
    if (!definition) reader.add_error("template", messages::kInvalid);
    else if (template_key == "broadcast" && trim_copy(message).empty()) reader.add_error("message", messages::kRequired);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    if (key.empty()) key = "broadcast:" + std::to_string(context.now) + ":" + security::random_token(6);

    std::string where = " WHERE 1=1";
    if (router_id) where += " AND router_id = :router_id";
    if (package_id) where += " AND package_id = :package_id";
    if (!status.empty()) where += " AND status = :status";
    else where += " AND status <> 'terminated'";
    auto customers = TRY(context.db.prepare("SELECT id FROM customers" + where + " ORDER BY id"));
    if (router_id) customers.bind_named(":router_id", *router_id);
    if (package_id) customers.bind_named(":package_id", *package_id);
    if (!status.empty()) customers.bind_named(":status", status);
    std::vector<std::int64_t> ids;
    while (TRY(customers.step())) ids.push_back(customers.column_int(0));

    int queued = 0, already = 0;
    FieldErrors problems;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (std::int64_t customer_id : ids) {
            NotificationRequest request(MessageClass::Bulk);
            request.key = key + ":" + std::to_string(customer_id);
            request.customer_id = customer_id;
            request.template_key = template_key;
            if (!message.empty()) request.variables["pesan"] = message;
            auto prepared = prepare_message(context.db, request, {});
            if (!prepared) {
                // A template that needs invoice data cannot be broadcast: report it once, send nothing.
                if (prepared.error().fields.contains("variables")) return prepared.error();
                problems[std::to_string(customer_id)] = prepared.error().fields.empty() ? prepared.error().message()
                                                                                        : prepared.error().fields.begin()->second;
                continue;
            }
            const auto inserted = TRY(insert_notification(context, request, *prepared));
            (inserted.created ? queued : already) += 1;
        }
        return log_activity(context, "notification.broadcast", "notification", std::nullopt, nullptr,
                            {{"key", key}, {"template", template_key}, {"queued", queued}, {"segment", segment}});
    }));
    api::Json skipped = api::Json::object();
    for (const auto& [customer, problem] : problems) skipped[customer] = problem;
    return api::Json{{"key", key}, {"matched", ids.size()}, {"queued", queued}, {"already_queued", already}, {"skipped", skipped}};
}

}  // namespace kimonet::services
