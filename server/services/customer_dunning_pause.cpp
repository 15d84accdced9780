#include "services/customer_dunning_pause.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "services/dunning_service.hpp"
#include "services/outage_service.hpp"

namespace kimonet::services {

Result<api::Json> customer_dunning_today(app::Context& context, std::int64_t customer_id) {
    api::Json out = TRY(customer_dunning(context.db, customer_id, context.today()));
    api::Json pauses = TRY(outages_pausing_customer(context.db, customer_id, context.now, context.offset));
    out["isolation_paused"] = false;
    if (pauses.empty()) {
        out["outage_pauses"] = std::move(pauses);
        return out;
    }
    const api::Json& first = pauses.front();
    const std::string reason = "ditahan: gangguan " + first["title"].get<std::string>() + " sejak " + first["started_at_text"].get<std::string>();
    for (auto& entry : out["timeline"])
        if (entry.is_object() && entry.value("state", "") == "due") {
            entry["state"] = "paused";
            entry["reason"] = reason;
        }
    // The pause holds until the end of the local day the last outage ended on; an open one, until it ends.
    bool open = false;
    std::optional<Date> last_end_day;
    for (const auto& pause : pauses) {
        if (!pause["ended_at"].is_number_integer()) {
            open = true;
            continue;
        }
        const Date end_day = local_from_unix(pause["ended_at"].get<std::int64_t>(), context.offset).date;
        if (!last_end_day || *last_end_day < end_day) last_end_day = end_day;
    }
    std::optional<Date> isolation;
    if (out["isolation_date"].is_string())
        if (auto parsed = parse_date(out["isolation_date"].get<std::string>())) isolation = *parsed;
    if (isolation && *isolation <= context.today()) {
        if (open) {
            out["isolation_date"] = nullptr;
            out.erase("isolation_date_text");
            out["isolation_paused"] = true;
        } else if (last_end_day && *isolation <= *last_end_day) {
            const Date after = add_days(*last_end_day, 1);
            out["isolation_date"] = to_string(after);
            out["isolation_date_text"] = format_date_indonesian(after);
        }
    }
    out["outage_pauses"] = std::move(pauses);
    return out;
}

}  // namespace kimonet::services
