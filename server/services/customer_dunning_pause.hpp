#pragma once
// A customer's dunning timeline as the staff screen (GET /api/customers/{id}/dunning) and the portal
// (GET /api/portal/dunning) read it today: customer_dunning() and the outages that pause the
// customer's dunning and isolation (issue 21, docs/outages.md).
//  - "outage_pauses": each outage pausing them ({id, title, area_name, started_at(_text),
//    ended_at(_text)}, oldest first; empty when none);
//  - a step due today is "paused" (not "due"), its reason naming the outage and its start;
//  - an isolation that would fall on today or earlier waits: under an outage still open the date is
//    unknown (null, "isolation_paused": true); after the last one ended it is the day after that end.
#include <cstdint>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

Result<api::Json> customer_dunning_today(app::Context& context, std::int64_t customer_id);

}  // namespace kimonet::services
