#pragma once
// Create/edit an internet package in a modal, validated live with shared/'s package_from_json.
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "packages/package.hpp"

namespace kimonet {

class App;

class ViewPackageForm {
public:
    void open_create(std::function<void(const Package&)> saved);
    void open_edit(const Package& package, std::function<void(const Package&)> saved);
    void draw(App& app);

private:
    void open(std::function<void(const Package&)> saved);
    FieldErrors validate() const;
    void submit();
    api::Json request_json(FieldErrors& local_errors) const;
    std::string field_error(const FieldErrors& live, const char* field, bool has_value) const;

    bool m_open_requested = false;
    bool m_close_requested = false;
    bool m_editing = false;
    bool m_busy = false;
    bool m_submitted = false;
    Package m_base;
    std::string m_name, m_download, m_upload, m_price, m_profile;
    bool m_active = true;
    FieldErrors m_server_errors;
    std::string m_banner;         // catalogue key
    std::string m_banner_detail;  // the server's message, for errors the catalogue does not know
    std::function<void(const Package&)> m_saved;
};

}  // namespace kimonet
