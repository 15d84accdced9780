#include "auth/session_service.hpp"

#include "services/activity_log.hpp"

namespace kimonet::auth {

Result<void> revoke_sessions(app::Context& context, std::string_view subject_type, std::int64_t subject_id,
                             std::optional<std::int64_t> keep_token_id) {
    auto revoke = TRY(context.db.prepare(
        "UPDATE api_tokens SET revoked_at = ? WHERE subject_type = ? AND subject_id = ? AND revoked_at IS NULL AND id <> ?"));
    revoke.bind(1, context.now).bind(2, subject_type).bind(3, subject_id).bind(4, keep_token_id.value_or(0));
    return revoke.run();
}

Result<api::Json> list_own_sessions(app::Context& context, const http::Principal& owner) {
    auto statement = TRY(context.db.prepare(
        "SELECT id, created_at, expires_at, client_ip, user_agent FROM api_tokens "
        "WHERE subject_type = ? AND subject_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY id DESC"));
    statement.bind(1, owner.kind_name()).bind(2, owner.id).bind(3, context.now);
    api::Json out = api::Json::array();
    while (TRY(statement.step()))
        out.push_back({{"id", statement.column_int(0)},
                       {"created_at", statement.column_int(1)},
                       {"expires_at", statement.column_int(2)},
                       {"client_ip", statement.column_text(3)},
                       {"user_agent", statement.column_text(4)},
                       {"current", statement.column_int(0) == owner.token_id}});
    return out;
}

Result<void> revoke_own_session(app::Context& context, const http::Principal& owner, std::int64_t session_id) {
    return context.db.transaction([&]() -> Result<void> {
        // The owner is part of the WHERE: someone else's session id is indistinguishable from none.
        auto revoke = TRY(context.db.prepare(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND subject_type = ? AND subject_id = ? AND revoked_at IS NULL "
            "AND expires_at > ?"));
        revoke.bind(1, context.now).bind(2, session_id).bind(3, owner.kind_name()).bind(4, owner.id).bind(5, context.now);
        TRY_VOID(revoke.run());
        if (context.db.changes() == 0) return make_error(ErrorCode::NotFound, messages::kSessionNotFound);
        return services::log_activity(context, "auth.session_revoke", std::string(owner.kind_name()), owner.id, nullptr,
                                      api::Json{{"session_id", session_id}});
    });
}

}  // namespace kimonet::auth
