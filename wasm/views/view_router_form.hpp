#pragma once
// Create/edit a router (lokasi_server) in a modal, validated live with shared/'s router_from_json.
// The password is write-only: empty on edit keeps the stored one.
#include <cstdint>
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "routers/router.hpp"
#include "views/form_modal.hpp"

namespace kimonet {

class App;

class ViewRouterForm {
public:
    void open_create(std::function<void(const Router&)> saved);
    void open_edit(const Router& router, std::function<void(const Router&)> saved);
    void draw(App& app);
    // For the screen's address: open (or opening), which record, and closing it from the address.
    bool is_open() const { return m_form.is_open(); }
    bool is_editing() const { return m_form.editing; }
    std::int64_t editing_id() const { return m_form.editing ? m_base.id : 0; }
    void close() { m_form.close(); }

private:
    void open(std::function<void(const Router&)> saved);
    FieldErrors validate() const;
    void submit();

    FormModalState m_form;
    Router m_base;
    std::string m_name, m_host, m_port, m_username, m_password, m_isolir_profile;
    bool m_tls = false;
    bool m_push_secrets = false;
    std::function<void(const Router&)> m_saved;
};

// The router fields of an API answer ("has_password" stands for the write-only password).
Router router_from_response(const api::Json& data);

}  // namespace kimonet
