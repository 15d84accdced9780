#include "services/activity_log.hpp"

#include "store/activity_store.hpp"

namespace kimonet::services {

// Tax identities (NPWP, NIK, NITKU) are personal data the activity log must not keep: a stored
// number shows as "***", wherever in the record the key appears.
static void redact_tax_ids(api::Json& json) {
    if (json.is_array()) {
        for (auto& item : json) redact_tax_ids(item);
        return;
    }
    if (!json.is_object()) return;
    for (auto& [key, value] : json.items()) {
        if ((key == "npwp" || key == "nik" || key == "nitku") && value.is_string()) {
            if (!value.get_ref<const std::string&>().empty()) value = "***";
        } else {
            redact_tax_ids(value);
        }
    }
}

static std::optional<std::string> dump_or_null(const api::Json& json) {
    if (json.is_null()) return std::nullopt;
    api::Json redacted = json;
    redact_tax_ids(redacted);
    return redacted.dump(-1, ' ', false, api::Json::error_handler_t::replace);
}

store::ActivityEntry activity_entry(const app::Context& context, std::string_view action, std::string_view subject_type,
                                    std::optional<std::int64_t> subject_id, const api::Json& before, const api::Json& after) {
    store::ActivityEntry entry;
    entry.at = context.now;
    entry.actor_type = context.actor.type;
    entry.actor_id = context.actor.id ? std::optional<std::int64_t>(context.actor.id) : std::nullopt;
    entry.actor_name = context.actor.name;
    entry.action = action;
    entry.subject_type = subject_type;
    entry.subject_id = subject_id;
    entry.before_json = dump_or_null(before);
    entry.after_json = dump_or_null(after);
    entry.ip = context.actor.ip;
    return entry;
}

Result<void> log_activity(app::Context& context, std::string_view action, std::string_view subject_type,
                          std::optional<std::int64_t> subject_id, const api::Json& before, const api::Json& after) {
    return store::insert_activity(context.db, activity_entry(context, action, subject_type, subject_id, before, after));
}

Result<ActivityPage> list_activity(store::Database& db, const ActivityQuery& query) {
    const store::ActivityRows found = TRY(store::list_activity_rows(
        db, store::ActivityFilter{query.subject_type, query.subject_id, query.actor_name, query.page, query.per_page}));
    ActivityPage page;
    page.total = found.total;
    auto parse = [](const std::optional<std::string>& text) { return text ? api::parse_json(*text) : api::Json(nullptr); };
    for (const auto& row : found.rows) {
        page.rows.push_back({{"id", row.id},
                             {"at", row.at},
                             {"actor_type", row.actor_type},
                             {"actor_id", row.actor_id ? api::Json(*row.actor_id) : api::Json(nullptr)},
                             {"actor_name", row.actor_name},
                             {"action", row.action},
                             {"subject_type", row.subject_type},
                             {"subject_id", row.subject_id ? api::Json(*row.subject_id) : api::Json(nullptr)},
                             {"before", parse(row.before_json)},
                             {"after", parse(row.after_json)},
                             {"ip", row.ip}});
    }
    return page;
}

}  // namespace kimonet::services
