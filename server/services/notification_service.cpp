#include "services/notification_service.hpp"
#include "store/settings_store.hpp"

#include <algorithm>

#include "api/public_shapes.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "services/whatsapp_opt_out.hpp"
#include "store/outbox_store.hpp"
#include "core/whatsapp_failover_messages.hpp"
#include "store/message_template_store.hpp"
#include "store/notification_variables_store.hpp"
#include "store/messaging_lookups.hpp"
#include "store/notification_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxBodyLength = 4096;

struct PreparedMessage {
    std::string phone;
    std::string template_key;
    std::string body;
    messaging::TemplateVariables variables;  // what a templated body was rendered with (Meta's templates take them)
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
            prepared.variables = variables;
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

// What the activity log says of a queued message.
api::Json queue_details(const NotificationRequest& request, const PreparedMessage& prepared) {
    return {{"key", request.key}, {"template", prepared.template_key}, {"phone", prepared.phone}};
}

// Inserts unless the key exists; returns the row id and whether it is new.
Result<QueuedNotification> insert_notification(app::Context& context, const NotificationRequest& request, const PreparedMessage& prepared) {
    store::NewNotification notification{request.key,           request.customer_id,
                                        prepared.phone,        prepared.template_key,
                                        prepared.body,         std::string(to_string(request.message_class)),
                                        request.invoice_id,    context.actor.name};
    const std::string variables = prepared.template_key.empty() ? std::string() : api::Json(prepared.variables).dump();
    QueuedNotification queued;
    // A receipt inside a callback batch: written with the batch's others just before its COMMIT,
    // with the activity entry that records it (store::gather_notification).
    if (request.message_class == MessageClass::Transactional && !prepared.template_key.empty() &&
        TRY(store::gather_notification(context.db, notification, context.now, variables,
                                       activity_entry(context, "notification.queue", "notification", std::nullopt, nullptr,
                                                      queue_details(request, prepared))))) {
        queued.created = true;
        queued.gathered = true;
        queued.status = "queued";
        app::wake_after_commit(context, app::Work::Outbox);
        return queued;
    }
    // A templated message keeps the variables it was rendered with (with the row: one statement on PostgreSQL).
    const auto created_id = TRY(prepared.template_key.empty()
                                    ? store::insert_notification(context.db, notification, context.now)
                                    : store::insert_notification_with_variables(context.db, notification, context.now, variables));
    queued.created = created_id.has_value();
    if (queued.created) {
        queued.id = *created_id;
        queued.status = "queued";  // as the INSERT wrote it
        // Opt-out (issue 22): a bulk message to a number that said STOP is kept, cancelled, in the log.
        if (request.message_class == MessageClass::Bulk && TRY(is_opted_out_of_whatsapp(context.db, prepared.phone))) {
            TRY_VOID(store::mark_outbox_cancelled(context.db, queued.id, messages::kWhatsappOptedOut, context.now));
            TRY_VOID(store::insert_notification_attempt(context.db, queued.id, context.now, "", "cancelled", messages::kWhatsappOptedOut));
            queued.status = "cancelled";
            queued.opted_out = true;
            return queued;
        }
        app::wake_after_commit(context, app::Work::Outbox);
        return queued;
    }
    const auto existing = TRY(store::find_notification_by_key(context.db, request.key));
    if (!existing) return make_error(ErrorCode::Internal, messages::kNotificationVanished);
    queued.id = existing->id;
    queued.status = existing->status;
    return queued;
}

api::Json notification_json(const store::NotificationRow& row) {
    api::Json out = {
        {"id", row.id},                     {"key", row.key},                  {"customer_name", row.customer_name},
        {"service_number", row.service_number}, {"phone", row.phone},          {"template", row.template_key},
        {"body", row.body},                 {"message_class", row.message_class}, {"status", row.status},
        {"attempts", row.attempts},         {"next_attempt_at", row.next_attempt_at}, {"last_error", row.last_error},
        {"gateway", row.gateway},           {"gateway_message_id", row.gateway_message_id},
        {"gateway_response", row.gateway_response}, {"created_by", row.created_by}, {"created_at", row.created_at},
        {"updated_at", row.updated_at},
    };
    out["customer_id"] = row.customer_id ? api::Json(*row.customer_id) : api::Json(nullptr);
    out["sent_at"] = row.sent_at ? api::Json(*row.sent_at) : api::Json(nullptr);
    out["invoice_id"] = row.invoice_id ? api::Json(*row.invoice_id) : api::Json(nullptr);
    return out;
}

}  // namespace

std::string_view to_string(MessageClass message_class) { return message_class == MessageClass::Transactional ? "transactional" : "bulk"; }

Result<std::string> template_body(store::Database& db, std::string_view key) {
    const auto* definition = messaging::find_template_definition(key);
    if (!definition) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownTemplate, key));
    if (auto stored = TRY(store::find_message_template_body(db, key))) return *stored;
    return std::string(definition->default_body);
}

const std::vector<std::string>& company_setting_keys() {
    static const std::vector<std::string> keys{"company_name", "company_phone"};
    return keys;
}

Result<messaging::TemplateVariables> company_variables(store::Database& db) {
    const store::SettingsReadAhead ahead(db, company_setting_keys());  // both in one statement
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
    const auto row = TRY(store::find_customer_message_fields(db, customer_id));
    if (!row) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    auto variables = TRY(company_variables(db));
    variables["nama_pelanggan"] = row->name;
    variables[api::kServiceNumberPlaceholder] = row->service_number;
    variables["__phone"] = row->phone;
    variables["paket"] = row->package_name;
    if (!base_url.empty()) variables["payment_link"] = payment_link(base_url, row->service_number);
    return variables;
}

Result<QueuedNotification> queue_notification(app::Context& context, const NotificationRequest& request) {
    const PreparedMessage prepared = TRY(prepare_message(context.db, request, {}));
    QueuedNotification queued;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        queued = TRY(insert_notification(context, request, prepared));
        if (!queued.created || queued.gathered) return success();  // a gathered one's entry is written with it
        return log_activity(context, "notification.queue", "notification", queued.id, nullptr, queue_details(request, prepared));
    }));
    return queued;
}

Result<NotificationPage> list_notifications(store::Database& db, const NotificationQuery& query) {
    FieldErrors fields;
    if (!query.status.empty() && std::find(kNotificationStatuses.begin(), kNotificationStatuses.end(), query.status) == kNotificationStatuses.end())
        fields["status"] = messages::kNotificationStatusChoice;
    if (!fields.empty()) return validation_error(std::move(fields));
    store::NotificationFilter filter{query.status, query.customer_id, query.page, query.per_page};
    const store::NotificationRows found = TRY(store::list_notification_rows(db, filter));
    NotificationPage page;
    page.total = found.total;
    for (const auto& row : found.rows) page.rows.push_back(notification_json(row));
    return page;
}

Result<api::Json> get_notification(store::Database& db, std::int64_t id) {
    const auto row = TRY(store::find_notification(db, id));
    if (!row) return make_error(ErrorCode::NotFound, messages::kNotificationNotFound);
    api::Json out = notification_json(*row);
    out["attempt_log"] = api::Json::array();
    for (const auto& attempt : TRY(store::list_notification_attempts(db, id)))
        out["attempt_log"].push_back({{"at", attempt.at}, {"gateway", attempt.gateway}, {"outcome", attempt.outcome}, {"detail", attempt.detail}});
    return out;
}

Result<api::Json> resend_notification(app::Context& context, std::int64_t id) {
    api::Json result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(get_notification(context.db, id));
        const std::string status = before["status"];
        if (status == "sending") return make_error(ErrorCode::Conflict, messages::kMessageBeingSent);
        // Staff see an opt-out but do not override it: a bulk message to that number is not sent again.
        if (before["message_class"] == "bulk" && TRY(is_opted_out_of_whatsapp(context.db, before["phone"].get<std::string>())))
            return make_error(ErrorCode::Conflict, messages::kWhatsappOptedOutNoResend);
        std::int64_t target = id;
        if (status == "sent") {
            target = TRY(store::copy_notification_for_resend(context.db, id, security::random_token(6), context.actor.name, context.now));
            TRY_VOID(store::copy_notification_variables(context.db, id, target));
        } else {
            TRY_VOID(store::requeue_notification(context.db, id, context.now));
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

    const std::vector<std::int64_t> ids = TRY(store::list_segment_customer_ids(context.db, store::BroadcastSegment{router_id, package_id, status}));

    int queued = 0, already = 0, opted_out = 0;
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
            (inserted.opted_out ? opted_out : inserted.created ? queued : already) += 1;
        }
        return log_activity(context, "notification.broadcast", "notification", std::nullopt, nullptr,
                            {{"key", key}, {"template", template_key}, {"queued", queued}, {"segment", segment}, {"opted_out", opted_out}});
    }));
    api::Json skipped = api::Json::object();
    for (const auto& [customer, problem] : problems) skipped[customer] = problem;
    return api::Json{{"key", key}, {"matched", ids.size()}, {"queued", queued}, {"already_queued", already}, {"skipped", skipped},
                     {"opted_out", opted_out}};
}

}  // namespace kimonet::services
