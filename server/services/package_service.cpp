#include "services/package_service.hpp"

#include "services/activity_log.hpp"
#include "store/package_store.hpp"

namespace kimonet::services {

Result<Package> get_package(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_package(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kPackageNotFound);
    return *found;
}

Result<std::vector<Package>> list_packages(store::Database& db, bool active_only) { return store::list_packages(db, active_only); }

static Error duplicate_name() {
    Error error = make_error(ErrorCode::Conflict, messages::kPackageNameTaken);
    error.fields["name"] = messages::kPackageNameTaken;
    return error;
}

static Result<void> check_unique_name(store::Database& db, const Package& package) {
    if (TRY(store::package_name_taken(db, package.name, package.id))) return duplicate_name();
    return {};
}

Result<Package> create_package(app::Context& context, const api::Json& input) {
    Package created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        Package package = TRY(api::package_from_json(input, Package{}));
        TRY_VOID(check_unique_name(context.db, package));
        package.id = TRY(store::insert_package(context.db, package, context.now));
        created = package;
        return log_activity(context, "package.create", "package", package.id, nullptr, api::to_json(package));
    }));
    return created;
}

Result<Package> update_package(app::Context& context, std::int64_t id, const api::Json& changes) {
    Package updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const Package before = TRY(get_package(context.db, id));
        api::Json body = changes;
        if (body.is_object()) body.erase("id");
        Package package = TRY(api::package_from_json(body, before));
        package.id = id;
        TRY_VOID(check_unique_name(context.db, package));
        TRY_VOID(store::update_package_row(context.db, package, context.now));
        updated = package;
        return log_activity(context, "package.update", "package", id, api::to_json(before), api::to_json(package));
    }));
    return updated;
}

Result<Package> deactivate_package(app::Context& context, std::int64_t id) {
    return update_package(context, id, api::Json{{"active", false}});
}

}  // namespace kimonet::services
