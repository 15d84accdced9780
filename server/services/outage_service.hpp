#pragma once
// Outages that pause billing (issue 21, docs/outages.md). One service behind the staff API
// (/api/outages), the scheduler's `outages` job and the public network status.
//
// An outage is attached to one network element (a router; an OLT, PON port, ODC or ODP of the
// FTTH inventory) or drawn as an area. When it opens, the billable customers below it are
// computed ONCE and stored (outage_customers): a customer placed there later is not affected, one
// moved away stays affected — the set is what was true when the service went down. While it lasts
// (and until the end of the local day it ended on) the dunning run and the automatic isolation
// leave those customers alone; each gets one WhatsApp notice at the start and one at the end
// (bulk messages through the outbox: quiet hours and the rate limit apply), and, when the
// settings' credit rule gives one, a credit line on their next invoice.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "billing/invoice.hpp"

namespace kimonet::services {

// {title, cause?, target_kind: router|olt|pon_port|odc|odp|area, target_id (not for area),
//  area_name (required for an area; else defaults to the element's name), area_shape (area only:
//  "circle:lat,lon,radius_m" or "polygon:lat,lon;…"), started_at? (unix or local "YYYY-MM-DD HH:MM";
//  default now; at most 48 h ago), expected_end_at?}. Computes the affected customers and queues
//  their start notices. 201 with the outage.
Result<api::Json> create_outage(app::Context& context, const api::Json& input);
// Title, cause, area name, expected end. Never the target nor the affected set; no notice again.
Result<api::Json> update_outage(app::Context& context, std::int64_t id, const api::Json& changes);
// {ended_at?} (default now; between the start and now). Queues the end notices and computes the
// credits. A second close is a 409 and changes nothing.
Result<api::Json> close_outage(app::Context& context, std::int64_t id, const api::Json& input);
// `now` measures an ongoing outage's duration so far.
Result<api::Json> get_outage(store::Database& db, std::int64_t id, std::int64_t now, UtcOffset offset);
Result<api::Json> list_outages(store::Database& db, std::int64_t now, UtcOffset offset, bool include_ended);

struct OutageWork {
    std::int64_t start_notices = 0;  // customers whose start notice was handled now
    std::int64_t end_notices = 0;
    std::int64_t credits = 0;  // customers credited now
};
// The work an opened or closed outage leaves: start notices, then end notices and credits, in
// batches of 500 customers per transaction, each customer marked as it is done. The scheduler's
// `outages` job runs it too, so a crash in between is finished later and a rerun does nothing.
Result<OutageWork> process_outages(app::Context& context);

// The customers whose dunning and automatic isolation wait today: under an outage that has not
// ended, or ended today (local date at `offset`).
Result<std::unordered_set<std::int64_t>> customers_paused_by_outages(store::Database& db, std::int64_t now, UtcOffset offset);
// The outages pausing one customer (for the customer's dunning view), as JSON.
Result<api::Json> outages_pausing_customer(store::Database& db, std::int64_t customer_id, std::int64_t now, UtcOffset offset);

// For the public network status: open outages with their title, public area name (and drawn area),
// start and expected end. No customer data, no cause, no counts.
Result<api::Json> public_outages(store::Database& db, UtcOffset offset);

// Adds each pending outage credit of the invoices' customers as a discount line (never more than
// the invoice's remaining subtotal) and recomputes their totals. Called on new monthly invoices
// before they are written; mark_outage_credits_applied() after, when they have ids.
struct AppliedOutageCredit {
    std::int64_t outage_id = 0;
    std::int64_t customer_id = 0;
    billing::Invoice* invoice = nullptr;
};
Result<std::vector<AppliedOutageCredit>> add_outage_credit_lines(store::Database& db, const std::vector<billing::Invoice*>& invoices,
                                                                 UtcOffset offset);
Result<void> mark_outage_credits_applied(store::Database& db, const std::vector<AppliedOutageCredit>& applied);

}  // namespace kimonet::services
