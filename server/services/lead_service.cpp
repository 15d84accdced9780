#include "services/lead_service.hpp"

#include "core/text.hpp"
#include "leads/registration.hpp"
#include "services/activity_log.hpp"
#include "services/customer_service.hpp"
#include "services/notification_service.hpp"
#include "services/settings.hpp"
#include "store/lead_store.hpp"
#include "store/package_store.hpp"

namespace kimonet::services {

namespace {

api::Json lead_json(const store::LeadRow& row) {
    api::Json out = {{"id", row.id},                     {"name", row.name},
                     {"phone", row.phone},               {"email", row.email},
                     {"address", row.address},           {"package_id", row.package_id},
                     {"package_name", row.package_name}, {"notes", row.notes},
                     {"status", row.status},             {"service_number", row.service_number},
                     {"reject_reason", row.reject_reason}, {"created_at", row.created_at},
                     {"updated_at", row.updated_at},     {"decided_by", row.decided_by}};
    out["latitude"] = row.latitude ? api::Json(*row.latitude) : api::Json(nullptr);
    out["longitude"] = row.longitude ? api::Json(*row.longitude) : api::Json(nullptr);
    out["customer_id"] = row.customer_id ? api::Json(*row.customer_id) : api::Json(nullptr);
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

Result<void> register_lead(app::Context& context, const api::Json& body) {
    if (!body.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    if (leads::is_bot_submission(body)) return make_error(ErrorCode::BadRequest, messages::kRegistrationRefused);
    const bool email_required = TRY(get_setting(context.db, "register_email_required")) == "1";
    const leads::Registration registration = TRY(leads::registration_from_json(body, email_required));
    const auto package = TRY(store::find_package(context.db, registration.package_id));
    if (!package || !package->active) return validation_error({{"package_id", messages::kPackageUnavailable}}, messages::kCheckTheForm);

    return context.db.transaction([&]() -> Result<void> {
        // Answered as a new registration (a 409 told anybody who typed a number that its owner had
        // applied); the registration that waits is the one staff act on.
        if (TRY(store::has_open_lead_for_phone(context.db, registration.phone))) return success();
        const std::int64_t id = TRY(store::insert_lead(context.db, registration, context.actor.ip, context.now));
        const api::Json created = TRY(get_lead(context.db, id));

        // The confirmation goes from the ISP's WhatsApp number to whatever number was typed: a
        // script cycling addresses and numbers could make that number a spam source and get it
        // banned. Past kMaxRegistrationConfirmationsPerDay registrations in 24 hours the leads are
        // still taken (staff see them) but no more confirmations go out.
        if (TRY(store::count_leads_since(context.db, context.now - 86400)) > kMaxRegistrationConfirmationsPerDay)
            return log_activity(context, "lead.create", "lead", id, nullptr, created);
        NotificationRequest confirmation(MessageClass::Transactional);
        confirmation.key = "lead:" + std::to_string(id) + ":received";
        confirmation.phone = registration.phone;
        confirmation.template_key = "registration_received";
        confirmation.variables = {{"nama_pelanggan", leads::greeting_name(registration.name)},  // never the visitor's free text
                                  {"paket", package->name},
                                  {"nomor_pendaftaran", "REG-" + std::to_string(id)}};
        TRY(queue_notification(context, confirmation));
        return log_activity(context, "lead.create", "lead", id, nullptr, created);
    });
}

Result<LeadPage> list_leads(store::Database& db, const LeadQuery& query) {
    const store::LeadRows found = TRY(store::list_lead_rows(db, query.status, query.page, query.per_page));
    LeadPage page;
    page.total = found.total;
    for (const auto& row : found.rows) page.rows.push_back(lead_json(row));
    return page;
}

Result<api::Json> get_lead(store::Database& db, std::int64_t id) {
    const auto row = TRY(store::find_lead(db, id));
    if (!row) return make_error(ErrorCode::NotFound, messages::kLeadNotFound);
    return lead_json(*row);
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
        TRY_VOID(store::mark_lead_converted(context.db, id, customer.id, context.actor.name, context.now));
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
        TRY_VOID(store::mark_lead_rejected(context.db, id, reason, context.actor.name, context.now));
        after = TRY(get_lead(context.db, id));
        return log_activity(context, "lead.reject", "lead", id, before, after);
    }));
    return after;
}

}  // namespace kimonet::services
