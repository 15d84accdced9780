#pragma once
// Routers (lokasi_server). Passwords are write-only: accepted on create/update, sealed at rest,
// never returned.
#include "api/dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

Result<Router> get_router(store::Database& db, std::int64_t id);
Result<std::vector<Router>> list_routers(store::Database& db);
Result<Router> create_router(app::Context& context, const api::Json& input);
Result<Router> update_router(app::Context& context, std::int64_t id, const api::Json& changes);
// Refuses (409) while customers still use the router.
Result<void> delete_router(app::Context& context, std::int64_t id);

}  // namespace kimonet::services
