#pragma once
// Keamanan akun (account security): the signed-in staff user's two-factor sign-in — enrol with a
// QR code drawn from the server's module matrix (or the secret typed by hand), confirm with a
// code, see the recovery codes once (with a copy button), and turn it off again.
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewSecurity final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void load(App& app);
    void begin_enrollment(App& app);
    void confirm(App& app);
    void disable(App& app);
    void draw_status(App& app);
    void draw_enrollment(App& app);
    void draw_recovery_codes(App& app);
    void draw_disable(App& app);
    void draw_qr(float side);

    bool m_loaded = false;
    bool m_busy = false;
    bool m_enabled = false;
    bool m_required = false;
    int m_recovery_left = 0;
    std::string m_password;
    std::string m_code;
    FieldErrors m_errors;
    // A pending enrolment: the secret and its QR code, until confirmed.
    std::string m_secret;
    int m_qr_size = 0;
    std::vector<std::string> m_qr_rows;
    // Shown once, right after confirmation.
    std::vector<std::string> m_recovery_codes;
    bool m_disabling = false;
};

}  // namespace kimonet
