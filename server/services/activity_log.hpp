#pragma once
// The activity log: who did what to which record, with before/after snapshots.
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "store/activity_store.hpp"

namespace kimonet::services {

Result<void> log_activity(app::Context& context, std::string_view action, std::string_view subject_type,
                          std::optional<std::int64_t> subject_id, const api::Json& before, const api::Json& after);
// The entry log_activity writes, for a writer that adds it later (a gathered receipt's, whose id
// the batch's flush fills: store::gather_notification).
store::ActivityEntry activity_entry(const app::Context& context, std::string_view action, std::string_view subject_type,
                                    std::optional<std::int64_t> subject_id, const api::Json& before, const api::Json& after);

struct ActivityQuery {
    std::string subject_type;
    std::optional<std::int64_t> subject_id;
    std::string actor_name;
    int page = 1;
    int per_page = 50;
};

struct ActivityPage {
    api::Json rows = api::Json::array();
    std::int64_t total = 0;
};

Result<ActivityPage> list_activity(store::Database& db, const ActivityQuery& query);

}  // namespace kimonet::services
