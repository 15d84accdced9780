#include "services/technician_jobs.hpp"

#include "core/technician_job_messages.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"
#include "services/customer_service.hpp"
#include "services/idempotency_key.hpp"
#include "store/customer_store.hpp"

namespace kimonet::services {

namespace {

std::string job_local_time(const app::Context& context, std::optional<std::int64_t> at) {
    if (!at) return {};
    return to_string(local_from_unix(*at, context.offset)).substr(0, 16);
}

api::TechnicianJobResource job_resource(const app::Context& context, const store::TechnicianJobRow& row) {
    api::TechnicianJobResource job;
    job.id = row.id;
    job.kind = row.kind;
    job.status = row.status;
    job.customer_id = row.customer_id;
    job.customer_name = row.customer_name;
    job.service_number = row.service_number;
    job.customer_phone = row.customer_phone;
    job.customer_address = row.customer_address;
    job.customer_status = row.customer_status;
    job.latitude = row.latitude;
    job.longitude = row.longitude;
    job.ticket_id = row.ticket_id;
    job.scheduled_date = row.scheduled_date;
    job.window_start = row.window_start;
    job.window_end = row.window_end;
    job.technician_id = row.technician_id;
    job.technician_name = row.technician_name;
    job.notes = row.notes;
    for (const auto& check : row.checklist)
        job.checklist.push_back({check.position, check.label, check.done_at.has_value(), check.done_by_name, job_local_time(context, check.done_at)});
    job.materials = row.materials;
    job.failure_reason = row.failure_reason;
    job.result_note = row.result_note;
    job.has_signature = row.signature_attachment_id.has_value();
    job.has_photo = row.photo_attachment_id.has_value();
    job.completed_by = row.completed_by_name;
    job.completed_at = job_local_time(context, row.completed_at);
    return job;
}

Result<store::TechnicianJobRow> job_row(app::Context& context, std::int64_t id) {
    auto found = TRY(store::find_technician_job(context.db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kJobNotFound);
    return std::move(*found);
}

Result<store::TechnicianJobRow> job_in_scope(app::Context& context, std::int64_t id, const JobScope& scope) {
    auto job = TRY(job_row(context, id));
    if (scope.technician_id && job.technician_id != scope.technician_id) return make_error(ErrorCode::Forbidden, messages::kJobNotYours);
    return job;
}

std::optional<std::int64_t> job_actor_user(const app::Context& context) {
    if (context.actor.type == "user" && context.actor.id > 0) return context.actor.id;
    return std::nullopt;
}

// Reads a bounded free text field; records a field error when it is too long or not text.
void read_job_text(api::FieldReader& reader, const char* name, std::string& out, std::size_t limit, const char* too_long) {
    reader.read(name, out);
    if (out.size() > limit) reader.add_error(name, too_long);
}

// The plan fields of a create or update body, over `job`; field errors all at once.
Result<void> read_job_plan(app::Context& context, const api::Json& body, store::TechnicianJobRow& job) {
    api::FieldReader reader(body);
    reader.read("scheduled_date", job.scheduled_date);
    reader.read("window_start", job.window_start);
    reader.read("window_end", job.window_end);
    read_job_text(reader, "notes", job.notes, field::kMaxJobNoteLength, messages::kJobNoteTooLong);
    if (reader.has("technician_id")) reader.read("technician_id", job.technician_id);
    if (reader.has("ticket_id")) reader.read("ticket_id", job.ticket_id);
    if (!reader.ok()) return validation_error(reader.errors());
    FieldErrors fields;
    if (!parse_date(job.scheduled_date)) fields["scheduled_date"] = messages::kDate;
    api::merge_field_errors(fields, field::window_problems(job.window_start, job.window_end));
    if (job.technician_id && !TRY(store::is_job_technician(context.db, *job.technician_id))) fields["technician_id"] = messages::kJobTechnicianUnknown;
    if (job.ticket_id && (*job.ticket_id <= 0 || job.kind != "repair")) fields["ticket_id"] = messages::kInvalidId;
    if (!fields.empty()) return validation_error(std::move(fields));
    return {};
}

api::Json job_log_json(const store::TechnicianJobRow& job) {
    return {{"kind", job.kind},
            {"status", job.status},
            {"customer_id", job.customer_id},
            {"scheduled_date", job.scheduled_date},
            {"window", job.window_start + "-" + job.window_end},
            {"technician_id", job.technician_id ? api::Json(*job.technician_id) : api::Json(nullptr)},
            {"ticket_id", job.ticket_id ? api::Json(*job.ticket_id) : api::Json(nullptr)}};
}

struct CompletionInput {
    std::string result, failure_reason, note, key;
    std::vector<field::JobMaterial> materials;
};

Result<CompletionInput> completion_input(const api::Json& body) {
    CompletionInput input;
    api::FieldReader reader(body);
    reader.read("result", input.result);
    read_job_text(reader, "failure_reason", input.failure_reason, field::kMaxJobReasonLength, messages::kJobNoteTooLong);
    read_job_text(reader, "note", input.note, field::kMaxJobNoteLength, messages::kJobNoteTooLong);
    read_job_text(reader, "idempotency_key", input.key, field::kMaxCompletionKeyLength, messages::kJobKeyTooLong);
    if (input.result != "done" && input.result != "failed") reader.add_error("result", messages::kJobResult);
    if (input.result == "failed" && input.failure_reason.empty()) reader.add_error("failure_reason", messages::kJobReasonRequired);
    if (auto materials = body.find("materials"); materials != body.end() && !materials->is_null()) {
        if (!materials->is_array()) reader.add_error("materials", messages::kWrongType);
        else if (materials->size() > field::kMaxMaterialLines) reader.add_error("materials", messages::kJobMaterialLines);
        else
            for (std::size_t index = 0; index < materials->size(); ++index) {
                const api::Json& line = (*materials)[index];
                const std::string prefix = "materials." + std::to_string(index) + ".";
                if (!line.is_object()) {
                    reader.add_error(prefix + "item", messages::kWrongType);
                    continue;
                }
                api::FieldReader line_reader(line);
                field::JobMaterial material;
                line_reader.read("item", material.item);
                line_reader.read("quantity", material.quantity);
                line_reader.read("unit", material.unit);
                FieldErrors problems = line_reader.ok() ? field::material_problems(material) : line_reader.errors();
                for (const auto& [name, message] : problems) reader.add_error(prefix + name, message);
                input.materials.push_back(std::move(material));
            }
    }
    if (!reader.ok()) return validation_error(reader.errors());
    return input;
}

// What closing the job does to the customer: an installation activates an inactive (or
// terminated) customer, a dismantle deactivates one still connected. An isolated customer stays
// isolated: an installation does not forgive a debt.
Result<std::string> apply_job_to_customer(app::Context& context, const store::TechnicianJobRow& job) {
    const Customer customer = TRY(get_customer(context.db, job.customer_id));
    if (job.kind == "installation" && (customer.status == CustomerStatus::Inactive || customer.status == CustomerStatus::Terminated)) {
        TRY(update_customer(context, customer.id, api::Json{{"status", "active"}}));
        return std::string("activated");
    }
    if (job.kind == "dismantle" && (customer.status == CustomerStatus::Active || customer.status == CustomerStatus::Isolated)) {
        TRY(deactivate_customer(context, customer.id));
        return std::string("deactivated");
    }
    return std::string();
}

}  // namespace

Result<api::TechnicianJobResource> create_technician_job(app::Context& context, const api::Json& body) {
    store::TechnicianJobRow job;
    api::FieldReader reader(body);
    std::string service_number;
    reader.read("kind", job.kind);
    reader.read("customer_id", job.customer_id);
    reader.read("service_number", service_number);
    const auto kind = field::parse_job_kind(job.kind);
    if (!kind) reader.add_error("kind", messages::kJobKind);
    if (!reader.ok()) return validation_error(reader.errors());
    std::int64_t id = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        // The dispatcher names the customer by id or by their nomor layanan.
        if (job.customer_id <= 0 && !service_number.empty()) {
            const auto named = TRY(store::find_customer_by_service_number(context.db, service_number));
            if (!named) return validation_error({{"service_number", messages::kCustomerNotFound}});
            job.customer_id = named->id;
        }
        if (job.customer_id <= 0 || !TRY(store::find_customer(context.db, job.customer_id)))
            return validation_error({{"customer_id", messages::kCustomerNotFound}});
        TRY_VOID(read_job_plan(context, body, job));
        job.created_by = job_actor_user(context);
        job.created_at = context.now;
        job.status = "scheduled";
        id = TRY(store::insert_technician_job(context.db, job, field::default_checklist(*kind)));
        return log_activity(context, "technician_job.create", "technician_job", id, nullptr, job_log_json(job));
    }));
    return job_resource(context, TRY(job_row(context, id)));
}

Result<api::TechnicianJobResource> update_technician_job(app::Context& context, std::int64_t id, const api::Json& body) {
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto before = TRY(job_row(context, id));
        if (before.status != "scheduled") return make_error(ErrorCode::Conflict, messages::kJobClosed);
        auto job = before;
        TRY_VOID(read_job_plan(context, body, job));
        if (!TRY(store::update_technician_job_plan(context.db, job, context.now))) return make_error(ErrorCode::Conflict, messages::kJobClosed);
        return log_activity(context, "technician_job.update", "technician_job", id, job_log_json(before), job_log_json(job));
    }));
    return job_resource(context, TRY(job_row(context, id)));
}

Result<api::TechnicianJobResource> cancel_technician_job(app::Context& context, std::int64_t id, const api::Json& body) {
    api::FieldReader reader(body);
    std::string reason;
    read_job_text(reader, "reason", reason, field::kMaxJobReasonLength, messages::kJobNoteTooLong);
    if (!reader.ok()) return validation_error(reader.errors());
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto before = TRY(job_row(context, id));
        store::JobClosing closing{"cancelled", reason, "", "", job_actor_user(context), context.actor.name, context.now};
        if (!TRY(store::close_technician_job(context.db, id, closing))) return make_error(ErrorCode::Conflict, messages::kJobClosed);
        return log_activity(context, "technician_job.cancel", "technician_job", id, job_log_json(before), {{"status", "cancelled"}, {"reason", reason}});
    }));
    return job_resource(context, TRY(job_row(context, id)));
}

Result<api::TechnicianJobResource> get_technician_job(app::Context& context, std::int64_t id, const JobScope& scope) {
    return job_resource(context, TRY(job_in_scope(context, id, scope)));
}

Result<TechnicianJobList> list_technician_jobs(app::Context& context, const store::TechnicianJobFilter& filter) {
    const auto page = TRY(store::list_technician_jobs(context.db, filter));
    TechnicianJobList out;
    out.total = page.total;
    for (const auto& row : page.rows) out.rows.push_back(job_resource(context, row));
    return out;
}

Result<api::TechnicianJobResource> tick_technician_job_check(app::Context& context, std::int64_t id, int position, const api::Json& body,
                                                             const JobScope& scope) {
    api::FieldReader reader(body);
    bool done = true;
    reader.read("done", done);
    if (!reader.ok()) return validation_error(reader.errors());
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto job = TRY(job_in_scope(context, id, scope));
        if (job.status != "scheduled") return make_error(ErrorCode::Conflict, messages::kJobClosed);
        const bool changed = TRY(store::set_technician_job_check(context.db, id, position, done ? job_actor_user(context) : std::nullopt,
                                                                 done ? context.actor.name : std::string(),
                                                                 done ? std::optional<std::int64_t>(context.now) : std::nullopt));
        if (!changed) return make_error(ErrorCode::NotFound, messages::kJobChecklistItem);
        return {};
    }));
    return job_resource(context, TRY(job_row(context, id)));
}

Result<JobCompletion> complete_technician_job(app::Context& context, std::int64_t id, const api::Json& body, const JobScope& scope) {
    const CompletionInput input = TRY(completion_input(body));
    JobCompletion completion;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto job = TRY(job_in_scope(context, id, scope));
        const bool repeat_of_this_key = !input.key.empty() && job.completion_key == input.key;
        if (job.status != "scheduled") {
            if (!repeat_of_this_key) return make_error(ErrorCode::Conflict, messages::kJobClosed);
            // The key names one completion: the other result under it is another request, refused
            // rather than answered as if the job had closed the way this one asks.
            if (job.status != input.result) return key_reused(messages::kJobKeyReused);
            completion.repeated = true;
            return {};
        }
        if (input.result == "done") {
            FieldErrors missing;
            if (TRY(store::open_technician_job_checks(context.db, id)) > 0) missing["checklist"] = messages::kJobChecklistOpen;
            if (!job.signature_attachment_id && !job.photo_attachment_id) missing["proof"] = messages::kJobProofRequired;
            if (!missing.empty()) return validation_error(std::move(missing));
        }
        store::JobClosing closing{input.result, input.failure_reason, input.note, input.key, job_actor_user(context), context.actor.name, context.now};
        // The guard: only the request that moves the job out of 'scheduled' goes on to the customer.
        if (!TRY(store::close_technician_job(context.db, id, closing))) return make_error(ErrorCode::Conflict, messages::kJobClosed);
        TRY_VOID(store::insert_technician_job_materials(context.db, id, input.materials));
        if (input.result == "done") completion.customer_change = TRY(apply_job_to_customer(context, job));
        api::Json after{{"status", input.result}, {"customer_change", completion.customer_change}};
        if (!input.failure_reason.empty()) after["failure_reason"] = input.failure_reason;
        return log_activity(context, "technician_job.complete", "technician_job", id, job_log_json(job), after);
    }));
    completion.job = job_resource(context, TRY(job_row(context, id)));
    return completion;
}

Result<std::vector<api::TechnicianResource>> job_technicians(app::Context& context) {
    std::vector<api::TechnicianResource> out;
    for (const auto& row : TRY(store::job_technicians(context.db))) out.push_back({row.id, row.username, row.full_name});
    return out;
}

Result<api::Json> customer_upcoming_jobs(app::Context& context, std::int64_t customer_id) {
    api::Json out = api::Json::array();
    for (const auto& job : TRY(store::upcoming_customer_jobs(context.db, customer_id, to_string(context.today()))))
        out.push_back({{"id", job.id},
                       {"kind", job.kind},
                       {"scheduled_date", job.scheduled_date},
                       {"window_start", job.window_start},
                       {"window_end", job.window_end}});
    return out;
}

}  // namespace kimonet::services
