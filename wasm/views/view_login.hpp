#pragma once
// Sign-in screen for staff (username) and customers (nomor layanan).
#include <optional>
#include <string>

#include "core/error.hpp"
#include "session.hpp"

namespace kimonet {

class App;
struct ApiResponse;

class ViewLogin {
public:
    void draw(App& app);
    // Clears the password (and shows why, when the session expired).
    void reset(bool session_expired);
    // The signed-in account must change its password first (login answer or /api/me after a reload):
    // the "Ganti kata sandi" step. `current_password` is the one just typed, or empty to ask for it.
    void begin_password_change(std::string token, SessionUser user, std::string current_password);

private:
    void submit(App& app);
    // The second step when the account has two-factor sign-in (server answered two_factor_required).
    void submit_second_step(App& app);
    void draw_second_step(App& app);
    void finish(App& app, const ApiResponse& response);
    void submit_password_change(App& app);
    void draw_password_change(App& app);

    std::string m_username;
    std::string m_password;
    std::string m_error_key;      // catalogue key, so a language switch re-translates it
    std::string m_server_message;
    bool m_busy = false;
    std::string m_challenge;  // opaque, from the server; non-empty = asking for the code
    std::string m_code;
    bool m_use_recovery = false;  // a recovery code instead of the authenticator's six digits
    // The forced password change: the token (only good for /api/me, logout and the change) and the
    // user it signs in once the password is changed.
    std::optional<SessionUser> m_pending_user;
    std::string m_pending_token;
    std::string m_current_password;
    bool m_ask_current = false;  // the app does not have the password typed (reload, two-factor)
    std::string m_new_password;
    std::string m_repeat_password;
    FieldErrors m_field_errors;
};

}  // namespace kimonet
