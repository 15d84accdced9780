#include "auth/user_service.hpp"

#include "auth/authority.hpp"
#include "auth/password_policy.hpp"
#include "auth/rbac_store.hpp"
#include "auth/session_service.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "store/account_store.hpp"
#include "store/role_store.hpp"

namespace kimonet::auth {

static bool is_valid_username(std::string_view name) {
    if (name.size() < 3 || name.size() > 32) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

Result<api::Json> get_user(store::Database& db, std::int64_t id) {
    const auto user = TRY(store::find_user(db, id));
    if (!user) return make_error(ErrorCode::NotFound, messages::kUserNotFound);
    auto [role, permissions] = TRY(role_and_permissions_of_user(db, id));
    return api::Json{{"id", id},
                     {"username", user->username},
                     {"full_name", user->full_name},
                     {"active", user->active},
                     {"role", role},
                     {"created_at", user->created_at}};
}

Result<api::Json> list_users(store::Database& db) {
    api::Json out = api::Json::array();
    for (const std::int64_t id : TRY(store::list_user_ids(db))) out.push_back(TRY(get_user(db, id)));
    return out;
}

// Nobody hands out a role with a permission they do not hold themselves.
static Result<void> assign_role(app::Context& context, std::int64_t user_id, std::string_view role) {
    store::Database& db = context.db;
    auto id = TRY(role_id(db, role));
    if (!id) return validation_error({{"role", messages::kUnknownRole}});
    if (role == "customer") return validation_error({{"role", messages::kCustomerRoleOnlyForCustomers}});
    const auto permissions = TRY(permissions_of_role(db, role));
    TRY_VOID(require_holds_all(context, permissions, "Memberi role '" + std::string(role) + "'"));
    return store::replace_user_role(db, user_id, *id);
}

static Result<void> revoke_tokens(app::Context& context, std::int64_t user_id) {
    return revoke_sessions(context, "user", user_id, std::nullopt);
}

// A password someone else chose is known to them: its owner must replace it at the next login.
static Result<void> set_password(app::Context& context, std::int64_t user_id, const std::string& hash) {
    const bool chosen_by_someone_else = !(context.actor.type == "user" && context.actor.id == user_id) && context.actor.type != "system";
    TRY_VOID(store::set_user_password(context.db, user_id, hash, chosen_by_someone_else));
    return revoke_tokens(context, user_id);  // a reset ends every session of the old password
}

Result<api::Json> create_user(app::Context& context, const api::Json& input, bool check_password_quality) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    std::string username, full_name, password, role;
    reader.read("username", username);
    reader.read("full_name", full_name);
    reader.read("password", password);
    reader.read("role", role);
    username = to_lower_ascii(trim_copy(username));
    full_name = trim_copy(full_name);
    if (!is_valid_username(username)) reader.add_error("username", messages::kUsername);
    if (utf8_length(full_name) > 100) reader.add_error("full_name", messages::kTooLong100);
    if (password.size() < 8 || password.size() > 128) reader.add_error("password", messages::kPassword);
    else if (auto problem = check_password_quality ? password_problem(password, username) : std::nullopt)
        reader.add_error("password", *problem);
    if (role.empty()) reader.add_error("role", messages::kRequired);
    if (!reader.ok()) return validation_error(reader.errors());
    api::Json created;
    const std::string hash = security::hash_password(password);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (TRY(store::username_exists(context.db, username))) return Error{ErrorCode::Conflict, messages::kUsernameTaken, {{"username", messages::kUsernameTaken}}};
        // Sign-in tries staff usernames before service numbers: a user named like a customer's
        // service number would shadow that customer's portal login.
        if (TRY(store::find_customer_login_by_service_number(context.db, to_upper_ascii(username)))) {
            const std::string taken = messages::with_detail(messages::kUsernameTaken, "nomor layanan pelanggan");
            return Error{ErrorCode::Conflict, taken, {{"username", taken}}};
        }
        // Created by a staff user through the API: the new user replaces the password at first login.
        const std::int64_t id =
            TRY(store::insert_user(context.db, store::NewUser{username, full_name, hash, context.actor.type == "user"}, context.now));
        TRY_VOID(assign_role(context, id, role));
        created = TRY(get_user(context.db, id));
        return services::log_activity(context, "user.create", "user", id, nullptr, created);
    }));
    return created;
}

Result<api::Json> update_user(app::Context& context, std::int64_t id, const api::Json& changes) {
    if (!changes.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(changes);
    std::optional<std::string> full_name, password, role;
    std::optional<bool> active;
    if (reader.has("full_name")) reader.read("full_name", full_name.emplace());
    if (reader.has("password")) reader.read("password", password.emplace());
    if (reader.has("role")) reader.read("role", role.emplace());
    if (reader.has("active")) reader.read("active", active.emplace());
    if (full_name && utf8_length(*full_name) > 100) reader.add_error("full_name", messages::kTooLong100);
    const bool is_self = id == context.actor.id && context.actor.type == "user";
    const api::Json existing = TRY(get_user(context.db, id));
    if (password) {
        if (is_self) reader.add_error("password", "ganti kata sandi sendiri lewat Ganti kata sandi (butuh kata sandi lama)");
        else if (auto problem = password_problem(*password, existing["username"].get<std::string>())) reader.add_error("password", *problem);
    }
    if (active && !*active && is_self) reader.add_error("active", "tidak bisa menonaktifkan akun sendiri");
    if (!reader.ok()) return validation_error(reader.errors());
    const std::string hash = password ? security::hash_password(*password) : std::string();
    api::Json updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const api::Json before = TRY(get_user(context.db, id));
        const std::int64_t role_administrators = TRY(count_role_administrators(context.db));
        // Any change to a user needs every permission they hold (no resetting a superadmin's password).
        if (full_name || password || role || active) TRY_VOID(require_may_act_on_user(context, id, "Mengubah pengguna ini"));
        if (full_name) {
            TRY_VOID(store::set_user_full_name(context.db, id, trim_copy(*full_name)));
        }
        if (password) TRY_VOID(set_password(context, id, hash));
        if (role) TRY_VOID(assign_role(context, id, *role));
        if (active) {
            TRY_VOID(store::set_user_active(context.db, id, *active));
            if (!*active) TRY_VOID(revoke_tokens(context, id));
        }
        TRY_VOID(require_a_role_administrator_remains(context.db, role_administrators, role ? "role" : "active"));
        updated = TRY(get_user(context.db, id));
        api::Json after = updated;
        if (password) after["password"] = "***";
        return services::log_activity(context, "user.update", "user", id, before, after);
    }));
    return updated;
}

Result<api::Json> deactivate_user(app::Context& context, std::int64_t id) {
    return update_user(context, id, api::Json{{"active", false}});
}

}  // namespace kimonet::auth
