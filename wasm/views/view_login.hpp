#pragma once
// Sign-in screen for staff (username) and customers (nomor layanan).
#include <string>

namespace kimonet {

class App;
struct ApiResponse;

class ViewLogin {
public:
    void draw(App& app);
    // Clears the password (and shows why, when the session expired).
    void reset(bool session_expired);

private:
    void submit(App& app);
    // The second step when the account has two-factor sign-in (server answered two_factor_required).
    void submit_second_step(App& app);
    void draw_second_step(App& app);
    void finish(App& app, const ApiResponse& response);

    std::string m_username;
    std::string m_password;
    std::string m_error_key;      // catalogue key, so a language switch re-translates it
    std::string m_server_message;
    bool m_busy = false;
    std::string m_challenge;  // opaque, from the server; non-empty = asking for the code
    std::string m_code;
    bool m_use_recovery = false;  // a recovery code instead of the authenticator's six digits
};

}  // namespace kimonet
