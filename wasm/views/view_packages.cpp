#include "views/view_packages.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/dialog_routes.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string cell_id(const Package& package, const char* column) {
    return "packages." + std::to_string(package.id) + "." + column;
}

void active_badge(const Package& package) {
    using namespace widgets::colors;
    if (package.active) widgets::badge(cell_id(package, "status"), tr("packages.active"), kSuccess, kSuccessSoft);
    else widgets::badge(cell_id(package, "status"), tr("packages.inactive"), kMuted, kNeutralSoft);
}

}  // namespace

void ViewPackages::enter(App& app) {
    m_notice.clear();
    m_error.clear();
    m_answers_at_enter = app.catalog().packages_answers;
    app.catalog().reload_packages();
}

void ViewPackages::open_create(App& app) {
    m_pending_edit = 0;
    m_form.open_create([this, &app](const Package& saved) {
        m_notice = i18n::tr_format("packages.saved", {{"name", saved.name}});
        app.catalog().reload_packages();
    });
}

void ViewPackages::open_edit(App& app, const Package& package) {
    m_pending_edit = 0;
    m_form.open_edit(package, [this, &app](const Package& saved) {
        m_notice = i18n::tr_format("packages.saved", {{"name", saved.name}});
        app.catalog().reload_packages();
    });
}

std::string ViewPackages::route() const {
    if (m_pending_edit > 0) return form_route("packages", false, m_pending_edit);
    if (!m_form.is_open()) return "packages";
    return form_route("packages", !m_form.is_editing(), m_form.editing_id());
}

RouteOutcome ViewPackages::open_subroute(App& app, const std::vector<std::string>& rest) {
    FormRoute wanted;
    const RouteOutcome outcome = parse_form_route(app, rest, "packages.create", "packages.update", wanted);
    if (outcome != RouteOutcome::Opened) return outcome;
    if (route() == form_route("packages", wanted.create, wanted.edit_id)) return outcome;  // already shown
    m_pending_edit = 0;
    if (wanted.create) open_create(app);
    else if (wanted.edit_id > 0) m_pending_edit = wanted.edit_id;  // draw() opens it once the list is here
    else m_form.close();
    return outcome;
}

void ViewPackages::deactivate(App& app, const Package& package) {
    api_client().remove("/api/packages/" + std::to_string(package.id), [this, &app, package](const ApiResponse& response) {
        if (response.ok()) m_notice = i18n::tr_format("packages.deactivated", {{"name", package.name}});
        else m_error = i18n::api_error_text(response.error_code, response.error_message);
        app.catalog().reload_packages();
    });
}

void ViewPackages::draw_row_actions(App& app, const Package& package) {
    const float width = display().compact() ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f : 0.f;
    bool any = false;
    if (app.user().can("packages.update")) {
        any = true;
        if (widgets::button(cell_id(package, "edit").c_str(), tr("common.edit"), widgets::ButtonStyle::Secondary, width))
            open_edit(app, package);
    }
    if (app.user().can("packages.delete") && package.active) {
        if (any) ImGui::SameLine();
        if (widgets::button(cell_id(package, "deactivate").c_str(), tr("packages.deactivate"), widgets::ButtonStyle::Danger, width))
            deactivate(app, package);
    }
}

void ViewPackages::draw_table(App& app) {
    enum Column { kName, kDownload, kUpload, kPrice, kProfile, kStatus, kActions, kColumnCount };
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!widgets::begin_table("packages.table",
                              {{tr("packages.col.name"), 1.8f}, {tr("packages.col.download"), 0.9f}, {tr("packages.col.upload"), 0.9f},
                               {tr("packages.col.price"), 1.1f}, {tr("packages.col.profile"), 1.3f}, {tr("packages.col.status"), 0.8f},
                               {tr("packages.col.actions"), 1.5f}},
                              flags))
        return;
    for (const Package& package : app.catalog().packages) {
        ImGui::PushID(static_cast<int>(package.id));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        auto text_cell = [&](int column, const char* name, const std::string& value) {
            ImGui::TableSetColumnIndex(column);
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", cell_id(package, name), value);
        };
        text_cell(kName, "name", package.name);
        text_cell(kDownload, "download", format_speed(package.download_kbps));
        text_cell(kUpload, "upload", format_speed(package.upload_kbps));
        text_cell(kPrice, "price", format_rupiah(package.price));
        text_cell(kProfile, "profile", package.mikrotik_profile);
        ImGui::TableSetColumnIndex(kStatus);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.5f);
        active_badge(package);
        ImGui::TableSetColumnIndex(kActions);
        draw_row_actions(app, package);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewPackages::draw_cards(App& app) {
    for (const Package& package : app.catalog().packages) {
        ImGui::PushID(static_cast<int>(package.id));
        if (widgets::begin_card("card")) {
            ImGui::PushFont(display().fonts().strong);
            widgets::text("cell", cell_id(package, "name"), package.name);
            ImGui::PopFont();
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display().px(70));
            active_badge(package);
            widgets::text("cell", cell_id(package, "price"), format_rupiah(package.price), widgets::colors::kAccent);
            widgets::text("cell", cell_id(package, "speed"),
                          format_speed(package.download_kbps) + " / " + format_speed(package.upload_kbps), widgets::colors::kMuted);
            draw_row_actions(app, package);
        }
        widgets::end_card();
        ImGui::PopID();
    }
}

void ViewPackages::draw(App& app) {
    const bool compact = display().compact();
    ImGui::AlignTextToFramePadding();
    widgets::muted("packages.summary",
                   i18n::tr_format("packages.summary", {{"total", std::to_string(app.catalog().packages.size())}}));
    if (app.user().can("packages.create")) {
        const char* label = tr("packages.add");
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (widgets::button("packages.add", label, widgets::ButtonStyle::Primary, compact ? -FLT_MIN : 0.f))
            open_create(app);
    }
    // (The list asked for on entering the screen, not an older one: the package may be new.)
    if (m_pending_edit > 0 && app.catalog().packages_answers > m_answers_at_enter && app.catalog().packages_loaded) {
        const std::int64_t id = std::exchange(m_pending_edit, 0);
        const auto& packages = app.catalog().packages;
        const auto found = std::find_if(packages.begin(), packages.end(), [id](const Package& package) { return package.id == id; });
        if (found != packages.end()) open_edit(app, *found);
        else refuse_missing_record(app, form_route("packages", false, id));
    }
    if (!m_notice.empty()) widgets::banner("packages.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("packages.error", m_error, true);
    if (app.catalog().packages_loaded && app.catalog().packages.empty()) widgets::muted("packages.empty", tr("packages.empty"));
    if (compact) draw_cards(app);
    else draw_table(app);
    m_form.draw(app);
}

}  // namespace kimonet
