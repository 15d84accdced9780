#include "services/lead_service.hpp"

#include "core/text.hpp"
#include "leads/registration.hpp"
#include "services/activity_log.hpp"
#include "services/customer_service.hpp"
#include "services/notification_service.hpp"
#include "store/package_store.hpp"

namespace kimonet::services {

namespace {

constexpr const char* kLeadColumns =
    "l.id, l.name, l.phone, l.email, l.address, l.package_id, COALESCE(p.name, ''), l.latitude, l.longitude, l.notes, l.status, "
    "l.customer_id, COALESCE(c.service_number, ''), l.reject_reason, l.created_at, l.updated_at, l.decided_by";
constexpr const char* kLeadFrom =
    " FROM leads l LEFT JOIN internet_packages p ON p.id = l.package_id LEFT JOIN customers c ON c.id = l.customer_id";

api::Json lead_json(const store::Statement& row) {
    api::Json out = {{"id", row.column_int(0)},          {"name", row.column_text(1)},
                     {"phone", row.column_text(2)},       {"email", row.column_text(3)},
                     {"address", row.column_text(4)},     {"package_id", row.column_int(5)},
                     {"package_name", row.column_text(6)}, {"notes", row.column_text(9)},
                     {"status", row.column_text(10)},     {"service_number", row.column_text(12)},
                     {"reject_reason", row.column_text(13)}, {"created_at", row.column_int(14)},
                     {"updated_at", row.column_int(15)},  {"decided_by", row.column_text(16)}};
    out["latitude"] = row.column_is_null(7) ? api::Json(nullptr) : api::Json(row.column_double(7));
    out["longitude"] = row.column_is_null(8) ? api::Json(nullptr) : api::Json(row.column_double(8));
    out["customer_id"] = row.column_is_null(11) ? api::Json(nullptr) : api::Json(row.column_int(11));
    return out;
}

// Loads the lead and checks it still awaits a decision.
Result<api::Json> open_lead(store::Database& db, std::int64_t id) {
    api::Json lead = TRY(get_lead(db, id));
    if (lead["status"] != "new")
        return make_error(ErrorCode::Conflict, messages::with_detail(messages::kLeadAlreadyProcessed, lead["status"].get<std::string>()));
    return lead;
}

}  // namespace

Result<api::Json> register_lead(app::Context& context, const api::Json& body) {
    if (!body.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    if (leads::is_bot_submission(body)) return make_error(ErrorCode::BadRequest, messages::kRegistrationRefused);
    const leads::Registration registration = TRY(leads::registration_from_json(body));
    const auto package = TRY(store::find_package(context.db, registration.package_id));
    if (!package || !package->active) return validation_error({{"package_id", messages::kPackageUnavailable}}, messages::kCheckTheForm);

    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto open = TRY(context.db.prepare("SELECT 1 FROM leads WHERE phone = ? AND status = 'new'"));
        open.bind(1, registration.phone);
        if (TRY(open.step())) {
            Error error = make_error(ErrorCode::Conflict, messages::kPhoneAlreadyRegistered);
            error.fields["phone"] = messages::kPhoneAlreadyRegistered;
            return error;
        }
        auto insert = TRY(context.db.prepare(
            "INSERT INTO leads(name, phone, email, address, package_id, latitude, longitude, notes, source_ip, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        insert.bind(1, registration.name).bind(2, registration.phone).bind(3, registration.email).bind(4, registration.address)
            .bind(5, registration.package_id).bind(6, registration.latitude).bind(7, registration.longitude).bind(8, registration.notes)
            .bind(9, context.actor.ip).bind(10, context.now).bind(11, context.now);
        TRY_VOID(insert.run());
        const std::int64_t id = context.db.last_insert_id();
        created = TRY(get_lead(context.db, id));

        NotificationRequest confirmation(MessageClass::Transactional);
        confirmation.key = "lead:" + std::to_string(id) + ":received";
        confirmation.phone = registration.phone;
        confirmation.template_key = "registration_received";
        confirmation.variables = {{"nama_pelanggan", registration.name},
                                  {"paket", package->name},
                                  {"nomor_pendaftaran", "REG-" + std::to_string(id)}};
        TRY(queue_notification(context, confirmation));
        return log_activity(context, "lead.create", "lead", id, nullptr, created);
    }));
    return created;
}

Result<LeadPage> list_leads(store::Database& db, const LeadQuery& query) {
    const std::string where = query.status.empty() ? std::string() : " WHERE l.status = :status";
    auto count = TRY(db.prepare(std::string("SELECT COUNT(*)") + kLeadFrom + where));
    count.bind_named(":status", query.status);
    LeadPage page;
    if (TRY(count.step())) page.total = count.column_int(0);
    auto rows = TRY(db.prepare(std::string("SELECT ") + kLeadColumns + kLeadFrom + where +
                               " ORDER BY l.status = 'new' DESC, l.created_at DESC, l.id DESC LIMIT :limit OFFSET :offset"));
    rows.bind_named(":status", query.status);
    rows.bind_named(":limit", std::int64_t{query.per_page});
    rows.bind_named(":offset", std::int64_t{(query.page - 1) * query.per_page});
    while (TRY(rows.step())) page.rows.push_back(lead_json(rows));
    return page;
}

Result<api::Json> get_lead(store::Database& db, std::int64_t id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kLeadColumns + kLeadFrom + " WHERE l.id = ?"));
    row.bind(1, id);
    if (!TRY(row.step())) return make_error(ErrorCode::NotFound, messages::kLeadNotFound);
    return lead_json(row);
}

Result<api::Json> convert_lead(app::Context& context, std::int64_t id, const api::Json& overrides) {
    if (!overrides.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::Json result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(open_lead(context.db, id));
        api::Json input = {{"name", before["name"]},       {"phone", before["phone"]},
                           {"email", before["email"]},     {"address", before["address"]},
                           {"package_id", before["package_id"]}};
        for (const auto& [key, value] : overrides.items()) input[key] = value;
        const Customer customer = TRY(create_customer(context, input));
        auto update = TRY(context.db.prepare(
            "UPDATE leads SET status = 'converted', customer_id = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'new'"));
        update.bind(1, customer.id).bind(2, context.actor.name).bind(3, context.now).bind(4, id);
        TRY_VOID(update.run());
        const api::Json after = TRY(get_lead(context.db, id));
        TRY_VOID(log_activity(context, "lead.convert", "lead", id, before, after));
        result = {{"lead", after}, {"customer", api::to_json(customer)}};
        return success();
    }));
    return result;
}

Result<api::Json> reject_lead(app::Context& context, std::int64_t id, const api::Json& input) {
    std::string reason;
    if (input.is_object()) {
        api::FieldReader reader(input);
        reader.read("reason", reason);
        if (!reader.ok()) return validation_error(reader.errors());
    }
    reason = trim_copy(reason);
    if (utf8_length(reason) > 500 || !is_valid_utf8(reason)) return validation_error({{"reason", messages::kTooLong500}});
    api::Json after;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(open_lead(context.db, id));
        auto update = TRY(context.db.prepare(
            "UPDATE leads SET status = 'rejected', reject_reason = ?, decided_by = ?, updated_at = ? WHERE id = ? AND status = 'new'"));
        update.bind(1, reason).bind(2, context.actor.name).bind(3, context.now).bind(4, id);
        TRY_VOID(update.run());
        after = TRY(get_lead(context.db, id));
        return log_activity(context, "lead.reject", "lead", id, before, after);
    }));
    return after;
}

}  // namespace kimonet::services
