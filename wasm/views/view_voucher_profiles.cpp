// The Vouchers screen's Profiles tab (issue 19): every hotspot profile with its price, limits and
// rate limit or package; New and Edit (the modal in view_hotspot_profile_form) for vouchers.create,
// the list alone for vouchers.read.
#include <string>

#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "views/view_vouchers.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;

std::string or_unlimited(std::int64_t value, const std::string& text) { return value > 0 ? text : tr("vouchers.unlimited"); }

// "1 jam 30 menit" style from seconds, in whole minutes.
std::string duration_text(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60, hours = minutes / 60;
    std::string out;
    if (hours > 0) out = std::to_string(hours) + " " + tr("vouchers.hours");
    if (minutes % 60 > 0) out += (out.empty() ? "" : " ") + std::to_string(minutes % 60) + " " + tr("vouchers.minutes");
    return out.empty() ? std::to_string(seconds) + " s" : out;
}

}  // namespace

void ViewVouchers::open_profile_form(App& app, const HotspotProfile* profile) {
    auto saved = [this](const HotspotProfile& stored) {
        m_profile_notice = i18n::tr_format("vouchers.profile_saved", {{"name", stored.name}});
        reload();
    };
    (void)app;
    if (profile) m_profile_form.open_edit(*profile, saved);
    else m_profile_form.open_create(saved);
}

void ViewVouchers::draw_profiles(App& app) {
    const bool can_edit = app.user().can("vouchers.create");
    if (can_edit && widgets::button("vouchers.profiles.new", tr("vouchers.new_profile"), widgets::ButtonStyle::Primary)) open_profile_form(app, nullptr);
    if (!m_profile_notice.empty()) widgets::banner("vouchers.profiles.saved", m_profile_notice, false);
    if (m_profiles_loaded && m_profiles.empty()) widgets::muted("vouchers.profiles.empty", tr("vouchers.profiles_empty"));
    if (m_profiles.empty() ||
        !widgets::begin_table("vouchers.profiles.table",
                              {{tr("vouchers.profile_name"), 1.5f}, {tr("vouchers.profile_price"), 1.f}, {tr("vouchers.profile_time_limit"), 1.f},
                               {tr("vouchers.profile_quota"), 1.f}, {tr("vouchers.profile_validity"), 1.f},
                               {tr("vouchers.profile_rate_limit"), 1.5f}, {"", 0.8f, can_edit}},
                              ImGuiTableFlags_RowBg))
        return;
    for (const auto& profile : m_profiles) {
        const std::string id = "vouchers.profile." + std::to_string(profile.id);
        ImGui::PushID(static_cast<int>(profile.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".name", profile.name);
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".price", format_rupiah(profile.price));
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".time_limit", or_unlimited(profile.time_limit_seconds, duration_text(profile.time_limit_seconds)));
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".quota", or_unlimited(profile.quota_bytes, std::to_string(profile.quota_bytes / 1'000'000) + " MB"));
        ImGui::TableNextColumn();
        widgets::text("cell", id + ".validity",
                      or_unlimited(profile.validity_days, std::to_string(profile.validity_days) + " " + tr("vouchers.days")));
        ImGui::TableNextColumn();
        std::string speed = profile.rate_limit.empty() ? tr("vouchers.unlimited") : profile.rate_limit;
        if (profile.package_id)
            for (const auto& package : app.catalog().packages)
                if (package.id == *profile.package_id) speed += " · " + package.name;
        widgets::text("cell", id + ".rate_limit", speed);
        if (can_edit) {
            ImGui::TableNextColumn();
            if (widgets::button((id + ".edit").c_str(), tr("vouchers.edit"), widgets::ButtonStyle::Secondary)) open_profile_form(app, &profile);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace kimonet
