#pragma once
// Internet packages in SQLite.
#include <optional>
#include <vector>

#include "packages/package.hpp"
#include "store/database.hpp"

namespace kimonet::store {

Result<std::vector<Package>> list_packages(Database& db, bool active_only);
Result<std::optional<Package>> find_package(Database& db, std::int64_t id);
// created_at/updated_at are `now` (Unix seconds from the Clock). The caller holds the transaction.
Result<std::int64_t> insert_package(Database& db, const Package& package, std::int64_t now);
Result<void> update_package_row(Database& db, const Package& package, std::int64_t now);
// Another package (not `except_id`) already has this name.
Result<bool> package_name_taken(Database& db, const std::string& name, std::int64_t except_id);

}  // namespace kimonet::store
