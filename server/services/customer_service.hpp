#pragma once
// Customers: create, update, deactivate, read. One function per feature, shared by the
// HTTP routes, the CLI and the demo seeder.
#include "api/dto.hpp"
#include "app/context.hpp"
#include "store/customer_store.hpp"

namespace kimonet::services {

Result<Customer> get_customer(store::Database& db, std::int64_t id);
// Input is the API's customer JSON; service_number and join_date default to the next
// number and today. An optional "password" (≥ 8 chars) enables portal login; an optional
// "pppoe_password" is sealed and pushed with the PPP secret to routers with push_secrets on
// (create, update of username/package/router/status/password, deactivation queue a push).
Result<Customer> create_customer(app::Context& context, const api::Json& input);
Result<Customer> update_customer(app::Context& context, std::int64_t id, const api::Json& changes);
// A customer changes their own record (portal profile, notice channel) at most this many times in
// any 24 hours: each change is an activity-log row, and a script could otherwise add them forever.
inline constexpr int kMaxCustomerSelfChangesPerDay = 20;
// Inside the change's transaction: when the actor is the customer `customer_id` themselves and
// their changes of the last 24 hours reached the bound, 429 with Retry-After. Staff are not bounded.
Result<void> check_customer_self_change(app::Context& context, std::int64_t customer_id);
// Delete = deactivate: status inactive, history kept.
Result<Customer> deactivate_customer(app::Context& context, std::int64_t id);
Result<store::CustomerPage> search_customers(store::Database& db, const store::CustomerFilter& filter);

}  // namespace kimonet::services
