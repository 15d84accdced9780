#pragma once
// The callback rejection budget (gateway_callback_budget.hpp) on the database's engine. In memory
// it is per process — right for SQLite, one process. On PostgreSQL (N servers on one database) the
// budget is shared by all of them as token buckets in rate_limit_buckets (the same 10 per source and
// 60 in all per minute, refilled continuously), so N servers write down no more than one would.
// Outside a transaction only; when the shared buckets fail, the memory counts decide.
#include <cstdint>
#include <string>

#include "services/gateway_callback_budget.hpp"
#include "store/database.hpp"

namespace kimonet::services {

bool allow_rejection(CallbackRejectionBudget& budget, store::Database& db, const std::string& source, std::int64_t now);

}  // namespace kimonet::services
