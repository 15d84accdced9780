#include "auth/session_service.hpp"

#include "services/activity_log.hpp"
#include "store/session_store.hpp"
#include "store/two_factor_store.hpp"

namespace kimonet::auth {

Result<void> revoke_sessions(app::Context& context, std::string_view subject_type, std::int64_t subject_id,
                             std::optional<std::int64_t> keep_token_id) {
    TRY_VOID(store::revoke_subject_tokens(context.db, subject_type, subject_id, keep_token_id.value_or(0), context.now));
    // A second-step challenge is the password half of a sign-in: when the password changes or the
    // account is reset or deactivated it ends with the sessions, so a challenge won with the old
    // password cannot become a session once the code is known.
    if (subject_type == "user") TRY_VOID(store::delete_two_factor_challenges_of_user(context.db, subject_id));
    return {};
}

Result<api::Json> list_own_sessions(app::Context& context, const http::Principal& owner) {
    api::Json out = api::Json::array();
    for (const auto& session : TRY(store::list_live_subject_tokens(context.db, owner.kind_name(), owner.id, context.now)))
        out.push_back({{"id", session.id},
                       {"created_at", session.created_at},
                       {"expires_at", session.expires_at},
                       {"client_ip", session.client_ip},
                       {"user_agent", session.user_agent},
                       {"current", session.id == owner.token_id}});
    return out;
}

Result<void> revoke_own_session(app::Context& context, const http::Principal& owner, std::int64_t session_id) {
    return context.db.transaction([&]() -> Result<void> {
        // The owner is part of the WHERE: someone else's session id is indistinguishable from none.
        if (!TRY(store::revoke_live_subject_token(context.db, session_id, owner.kind_name(), owner.id, context.now))) return make_error(ErrorCode::NotFound, messages::kSessionNotFound);
        return services::log_activity(context, "auth.session_revoke", std::string(owner.kind_name()), owner.id, nullptr,
                                      api::Json{{"session_id", session_id}});
    });
}

}  // namespace kimonet::auth
