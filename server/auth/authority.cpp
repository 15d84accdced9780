#include "auth/authority.hpp"

#include "auth/rbac_store.hpp"
#include "store/role_store.hpp"

namespace kimonet::auth {

Result<std::optional<std::set<std::string>>> actor_permissions(app::Context& context) {
    if (context.actor.type == "system") return std::optional<std::set<std::string>>();
    if (context.actor.type != "user") return std::optional<std::set<std::string>>(std::set<std::string>{});
    auto [role, permissions] = TRY(role_and_permissions_of_user(context.db, context.actor.id));
    return std::optional<std::set<std::string>>(std::move(permissions));
}

Result<void> require_holds_all(app::Context& context, const std::set<std::string>& wanted, std::string_view doing) {
    const auto held = TRY(actor_permissions(context));
    if (!held) return {};
    for (const auto& permission : wanted)
        if (!held->contains(permission))
            return make_error(ErrorCode::Forbidden, messages::with_detail(messages::kPermissionNeededFor, std::string(doing) + ": '" + permission + "'"));
    return {};
}

Result<void> require_may_act_on_user(app::Context& context, std::int64_t user_id, std::string_view doing) {
    auto [role, permissions] = TRY(role_and_permissions_of_user(context.db, user_id));
    return require_holds_all(context, permissions, doing);
}

Result<std::int64_t> count_role_administrators(store::Database& db) {
    return store::count_active_users_with_permission(db, kRoleAdministration);
}

Result<void> require_a_role_administrator_remains(store::Database& db, std::int64_t before, const std::string& field) {
    if (before == 0 || TRY(count_role_administrators(db)) > 0) return {};
    return validation_error({{field, messages::kKeepOneRoleAdministrator}},
                            messages::kLastRoleAdministrator);
}

}  // namespace kimonet::auth
