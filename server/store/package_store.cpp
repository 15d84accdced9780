#include "store/package_store.hpp"

#include "store/sql_dialect.hpp"

namespace kimonet::store {

static constexpr const char* kSelect =
    "SELECT id, name, download_kbps, upload_kbps, price, mikrotik_profile, active FROM internet_packages";

static Package row_to_package(const Statement& row) {
    return Package{row.column_int(0), row.column_text(1), row.column_int(2), row.column_int(3),
                   row.column_int(4), row.column_text(5), row.column_int(6) != 0};
}

Result<std::vector<Package>> list_packages(Database& db, bool active_only) {
    auto statement = TRY(db.prepare(std::string(kSelect) + (active_only ? " WHERE active = 1" : "") + " ORDER BY price, name"));
    std::vector<Package> out;
    while (TRY(statement.step())) out.push_back(row_to_package(statement));
    return out;
}

Result<std::optional<Package>> find_package(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string(kSelect) + " WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<Package>();
    return std::optional<Package>(row_to_package(statement));
}

Result<std::int64_t> insert_package(Database& db, const Package& package) {
    auto statement = TRY(db.prepare(
        "INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile, active) VALUES (?,?,?,?,?,?)"));
    statement.bind(1, package.name).bind(2, package.download_kbps).bind(3, package.upload_kbps).bind(4, package.price)
        .bind(5, package.mikrotik_profile).bind(6, package.active);
    TRY_VOID(statement.run());
    return db.last_insert_id();
}

Result<void> update_package_row(Database& db, const Package& package) {
    auto statement = TRY(db.prepare(
        std::string("UPDATE internet_packages SET name=?, download_kbps=?, upload_kbps=?, price=?, mikrotik_profile=?, active=?, "
                    "updated_at=") + utc_now_text(db.engine()) + " WHERE id=?"));
    statement.bind(1, package.name).bind(2, package.download_kbps).bind(3, package.upload_kbps).bind(4, package.price)
        .bind(5, package.mikrotik_profile).bind(6, package.active).bind(7, package.id);
    return statement.run();
}

}  // namespace kimonet::store
