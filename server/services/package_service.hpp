#pragma once
// Internet packages: one function per feature for routes, CLI and seeder.
#include "api/dto.hpp"
#include "app/context.hpp"

namespace kimonet::services {

Result<Package> get_package(store::Database& db, std::int64_t id);
Result<std::vector<Package>> list_packages(store::Database& db, bool active_only);
Result<Package> create_package(app::Context& context, const api::Json& input);
Result<Package> update_package(app::Context& context, std::int64_t id, const api::Json& changes);
// Delete = deactivate: customers keep their package, new customers cannot choose it.
Result<Package> deactivate_package(app::Context& context, std::int64_t id);

}  // namespace kimonet::services
