#pragma once
// Internet packages in SQLite.
#include <optional>
#include <vector>

#include "packages/package.hpp"
#include "store/database.hpp"

namespace kimonet::store {

Result<std::vector<Package>> list_packages(Database& db, bool active_only);
Result<std::optional<Package>> find_package(Database& db, std::int64_t id);
Result<std::int64_t> insert_package(Database& db, const Package& package);
Result<void> update_package_row(Database& db, const Package& package);

}  // namespace kimonet::store
