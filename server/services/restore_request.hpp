#pragma once
// The restore that follows a payment (and a promise to pay): inside the caller's write transaction,
// an isolated customer becomes active and a pending `restore` network action is queued for the
// network worker, which wakes on commit. One path, so a paid or promised customer is never left
// isolated by a crash between the decision and the router.
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// False (nothing written) when the customer is not isolated. `details` go into the activity log
// entry "customer.restore" beside the new status.
Result<bool> request_restore_if_isolated(app::Context& context, std::int64_t customer_id, std::int64_t invoice_id,
                                         const std::string& reason, api::Json details);

}  // namespace kimonet::services
