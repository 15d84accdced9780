#pragma once
// Sign-in screen for staff (username) and customers (nomor layanan).
#include <string>

namespace kimonet {

class App;

class ViewLogin {
public:
    void draw(App& app);
    // Clears the password (and shows why, when the session expired).
    void reset(bool session_expired);

private:
    void submit(App& app);

    std::string m_username;
    std::string m_password;
    std::string m_error_key;      // catalogue key, so a language switch re-translates it
    std::string m_server_message;
    bool m_busy = false;
};

}  // namespace kimonet
