#pragma once
// Create/edit a hotspot user profile (issue 19) in a modal, the way the package form works: checked
// live with shared/'s hotspot_profile_from_json, the server's 422 field messages under their fields.
// Time limit in minutes, quota in MB on screen; seconds and bytes on the wire.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "vouchers/hotspot_profile.hpp"
#include "views/form_modal.hpp"

namespace kimonet {

class App;

class ViewHotspotProfileForm {
public:
    void open_create(std::function<void(const HotspotProfile&)> saved);
    void open_edit(const HotspotProfile& profile, std::function<void(const HotspotProfile&)> saved);
    void draw(App& app);
    bool is_open() const { return m_form.is_open(); }

private:
    void open(std::function<void(const HotspotProfile&)> saved);
    FieldErrors validate() const;
    void submit();
    api::Json request_json(FieldErrors& local_errors) const;

    FormModalState m_form;
    HotspotProfile m_base;
    std::string m_name, m_rate_limit, m_minutes, m_quota_mb, m_validity, m_shared, m_price;
    int m_package = 0;                         // 0: none; else index + 1 into m_package_ids
    std::vector<std::int64_t> m_package_ids;  // the catalogue's packages when the form was drawn
    bool m_keep_package = false;              // linked to a package this user cannot list: left as it is
    std::function<void(const HotspotProfile&)> m_saved;
};

}  // namespace kimonet
