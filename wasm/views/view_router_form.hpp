#pragma once
// Create/edit a router (lokasi_server) in a modal, validated live with shared/'s router_from_json.
// The password is write-only: empty on edit keeps the stored one.
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "routers/router.hpp"

namespace kimonet {

class App;

class ViewRouterForm {
public:
    void open_create(std::function<void(const Router&)> saved);
    void open_edit(const Router& router, std::function<void(const Router&)> saved);
    void draw(App& app);

private:
    void open(std::function<void(const Router&)> saved);
    FieldErrors validate() const;
    void submit();
    std::string field_error(const FieldErrors& live, const char* field, bool has_value) const;

    bool m_open_requested = false;
    bool m_close_requested = false;
    bool m_editing = false;
    bool m_busy = false;
    bool m_submitted = false;
    Router m_base;
    std::string m_name, m_host, m_port, m_username, m_password, m_isolir_profile;
    bool m_tls = false;
    bool m_push_secrets = false;
    FieldErrors m_server_errors;
    std::string m_banner;
    std::string m_banner_detail;
    std::function<void(const Router&)> m_saved;
};

// The router fields of an API answer ("has_password" stands for the write-only password).
Router router_from_response(const api::Json& data);

}  // namespace kimonet
