#pragma once
// The router form's RADIUS / connection-methods part (issue 19): which connection methods the
// router offers its customers, and for RADIUS the NAS it is (address Kimonet sends CoA /
// Disconnect-Request to, CoA port, the RADIUS shared secret: write-only, only "stored" or "not
// set" is ever shown). Read from GET /api/routers/{id}/radius, saved with PUT after the router
// itself; live checks mirror the server's, whose field errors land under the same fields.
#include <array>
#include <cstdint>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "views/form_modal.hpp"

namespace kimonet {

class RouterRadiusSection {
public:
    // A new router: every method offered, port 3799, no secret.
    void reset();
    // Loads the stored settings of router `id` (the form keeps working while they arrive).
    void load(std::int64_t router_id);
    FieldErrors validate() const;
    // Draws the fields; `field_error` is the form's (server error, else live once typed or saved).
    template <typename FieldError>
    void draw(FormModalState& form, FieldError&& field_error);
    // The PUT body: the methods, address and port, and the secret only when one was typed.
    api::Json body() const;
    // Whether the fields differ from what was loaded (a save without changes sends no PUT).
    bool changed() const;
    bool loaded() const { return m_loaded; }
    void clear_secret() { m_secret.clear(); }

private:
    void draw_fields(FormModalState& form, const std::string& nas_error, const std::string& port_error, const std::string& secret_error,
                     const std::string& methods_error);

    bool m_loaded = false;
    bool m_has_secret = false;
    std::array<bool, 4> m_methods{true, true, true, true};  // pppoe, static, dhcp, radius
    std::array<bool, 4> m_loaded_methods{true, true, true, true};
    std::string m_nas_address, m_coa_port = "3799", m_secret;
    std::string m_loaded_nas_address, m_loaded_coa_port = "3799";
};

template <typename FieldError>
void RouterRadiusSection::draw(FormModalState& form, FieldError&& field_error) {
    bool any = false;
    for (bool method : m_methods) any = any || method;
    draw_fields(form, field_error("nas_address", !m_nas_address.empty()), field_error("coa_port", !m_coa_port.empty()),
                field_error("secret", !m_secret.empty()), field_error("connection_methods", !any));
}

}  // namespace kimonet
