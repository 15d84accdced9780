#pragma once
// Create/edit an internet package in a modal, validated live with shared/'s package_from_json.
#include <cstdint>
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "packages/package.hpp"
#include "views/form_modal.hpp"

namespace kimonet {

class App;

class ViewPackageForm {
public:
    void open_create(std::function<void(const Package&)> saved);
    void open_edit(const Package& package, std::function<void(const Package&)> saved);
    void draw(App& app);
    // For the screen's address: open (or opening), which record, and closing it from the address.
    bool is_open() const { return m_form.is_open(); }
    bool is_editing() const { return m_form.editing; }
    std::int64_t editing_id() const { return m_form.editing ? m_base.id : 0; }
    void close() { m_form.close(); }

private:
    void open(std::function<void(const Package&)> saved);
    FieldErrors validate() const;
    void submit();
    api::Json request_json(FieldErrors& local_errors) const;

    FormModalState m_form;
    Package m_base;
    std::string m_name, m_download, m_upload, m_price, m_profile;
    bool m_active = true;
    std::function<void(const Package&)> m_saved;
};

}  // namespace kimonet
