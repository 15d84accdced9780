#pragma once
// Vouchers on the router (issue 19): the push of a batch to /ip/hotspot/user and the expiry that
// reads usage back and removes used-up or expired vouchers. Both are resumable by construction:
// each voucher carries its own pushed / removed marker, committed per chunk, and a push starts by
// reading what the router already holds of the batch (its comment), so a push that died half way
// adds only what is missing and never a duplicate.
#include <functional>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

struct VoucherPushReport {
    std::int64_t batch_id = 0;
    int total = 0;
    int pushed = 0;         // vouchers on the router after this run
    int added = 0;          // added by this run
    int found_on_router = 0;  // already there (an interrupted earlier run)
    int refused = 0;        // the router refused (a foreign user with the same name, a trap)
    std::string status;
    std::string error;
};

// The comment every voucher user of a batch carries on the router: how a resumed push finds them.
std::string voucher_batch_comment(std::int64_t batch_id);
// Pushes the batch's vouchers not yet on the router: profile first, then chunks of pipelined adds,
// each chunk's markers and the progress committed before the next. `chunk` is for tests.
// `progress` (the CLI's bar) hears (vouchers on the router, count) after each committed chunk.
using VoucherPushProgress = std::function<void(std::int64_t pushed, std::int64_t total)>;
Result<VoucherPushReport> push_voucher_batch(app::Context& context, std::int64_t batch_id, int chunk = 1000,
                                             const VoucherPushProgress& progress = {});
// Every queued or interrupted batch (the scheduler's job and the CLI).
Result<api::Json> push_pending_voucher_batches(app::Context& context);

struct VoucherExpiryReport {
    int checked = 0;
    int used_up = 0;
    int expired = 0;
    int removed = 0;
    int unreachable_routers = 0;
};
// Reads every live voucher's uptime and bytes back from its router (and who is online), records
// first use, ends vouchers past their limits or validity, and removes ended ones from the router.
Result<VoucherExpiryReport> expire_vouchers(app::Context& context);

}  // namespace kimonet::services
