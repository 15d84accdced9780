#include "views/view_routers.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
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

std::string cell_id(std::int64_t router_id, const char* column) { return "routers." + std::to_string(router_id) + "." + column; }

void section_title(const char* id, const char* text) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, text);
    ImGui::PopFont();
}


// One drift item in words: a PPPoE profile, or what a RADIUS session applies against what it should.
std::string drift_words(const api::Json& item) {
    const std::string kind = json_string(item, "kind");
    if (json_string(item, "connection_method") == "radius") {
        if (kind == "rate_limit_mismatch")
            return i18n::tr_format("routers.drift_radius_rate",
                                   {{"expected", json_string(item, "expected_rate_limit")}, {"actual", json_string(item, "session_rate_limit")}});
        if (kind == "coa_not_acknowledged") return i18n::tr_format("routers.drift_radius_unknown", {{"detail", json_string(item, "last_coa_detail")}});
        return i18n::tr_format("routers.drift_radius", {{"expected", i18n::tr("radius.state." + json_string(item, "expected_state"))},
                                                        {"actual", i18n::tr("radius.state." + json_string(item, "session_state"))}});
    }
    return i18n::tr_format(kind == "missing_secret" ? "routers.drift_missing" : "routers.drift_mismatch",
                           {{"expected", json_string(item, "expected_profile")}, {"actual", json_string(item, "router_profile")}});
}

}  // namespace

void ViewRouters::enter(App& app) {
    m_notice.clear();
    m_error.clear();
    m_tests.clear();
    m_drift_notice.clear();
    m_fresh = false;
    load_routers();
    if (app.user().can("network.read")) {
        load_drift(false);
        api_client().get("/api/network/snippets", [this](const ApiResponse& response) {
            if (!response.ok()) return;
            m_snippets.clear();
            const api::Json& rows = response_data(response.body);
            if (!rows.is_array()) return;
            for (const api::Json& row : rows) m_snippets.push_back({json_string(row, "title"), json_string(row, "commands")});
        });
    }
}

void ViewRouters::load_routers() {
    api_client().get("/api/routers", [this](const ApiResponse& response) {
        m_loaded = true;
        m_fresh = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_routers.clear();
        const api::Json& rows = response_data(response.body);
        if (rows.is_array())
            for (const api::Json& row : rows) m_routers.push_back(router_from_response(row));
    });
}

void ViewRouters::open_create() {
    m_pending_edit = 0;
    m_form.open_create([this](const Router& saved) {
        m_notice = i18n::tr_format("routers.saved", {{"name", saved.name}});
        load_routers();
    });
}

void ViewRouters::open_edit(const Router& router) {
    m_pending_edit = 0;
    m_form.open_edit(router, [this](const Router& saved) {
        m_notice = i18n::tr_format("routers.saved", {{"name", saved.name}});
        load_routers();
    });
}

std::string ViewRouters::route() const {
    if (m_pending_edit > 0) return form_route("routers", false, m_pending_edit);
    if (!m_form.is_open()) return "routers";
    return form_route("routers", !m_form.is_editing(), m_form.editing_id());
}

RouteOutcome ViewRouters::open_subroute(App& app, const std::vector<std::string>& rest) {
    FormRoute wanted;
    const RouteOutcome outcome = parse_form_route(app, rest, "routers.create", "routers.update", wanted);
    if (outcome != RouteOutcome::Opened) return outcome;
    if (route() == form_route("routers", wanted.create, wanted.edit_id)) return outcome;  // already shown
    m_pending_edit = 0;
    if (wanted.create) open_create();
    else if (wanted.edit_id > 0) m_pending_edit = wanted.edit_id;  // draw() opens it once the list is here
    else m_form.close();
    return outcome;
}

void ViewRouters::test(std::int64_t router_id) {
    m_tests[router_id] = TestResult{true, false, {}};
    api_client().post("/api/routers/" + std::to_string(router_id) + "/test", api::Json::object(), [this, router_id](const ApiResponse& response) {
        TestResult& result = m_tests[router_id];
        result.busy = false;
        result.ok = response.ok();
        if (!response.ok()) {
            // The router's own words ("connection refused", "invalid user name or password"), not a generic sentence.
            result.text = response.error_message.empty() ? i18n::api_error_text(response.error_code, "") : response.error_message;
            return;
        }
        const api::Json& data = response_data(response.body);
        result.text = i18n::tr_format("routers.test_ok", {{"version", json_string(data, "version")},
                                                          {"uptime", json_string(data, "uptime")},
                                                          {"board", json_string(data, "board_name")},
                                                          {"cpu", json_string(data, "cpu_load")}});
    });
}

void ViewRouters::load_drift(bool repair) {
    m_drift_busy = true;
    auto done = [this, repair](const ApiResponse& response) {
        m_drift_busy = false;
        if (!response.ok()) {
            m_drift_notice = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_drift = response_data(response.body);
        // The answer to a repair lists what was wrong; ask again so the report shows what is left.
        // The repair's notice stays through that second answer (it used to clear it at once).
        if (repair) {
            m_drift_notice = i18n::tr_format("routers.drift_repaired", {{"count", std::to_string(json_int(m_drift, "repaired"))}});
            load_drift(false);
        }
    };
    if (repair) api_client().post("/api/network/sync", api::Json::object(), done);
    else api_client().get("/api/network/drift", done);
}

void ViewRouters::draw_table(App& app) {
    enum Column { kName, kAddress, kProfile, kPush, kActions, kColumnCount };
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    const bool compact = display().compact();
    if (!ImGui::BeginTable("routers.table", compact ? 2 : kColumnCount, flags)) return;
    ImGui::TableSetupColumn(tr("routers.col.name"), 0, 1.4f);
    if (!compact) {
        ImGui::TableSetupColumn(tr("routers.col.address"), 0, 1.4f);
        ImGui::TableSetupColumn(tr("routers.col.isolir_profile"), 0, 1.0f);
        ImGui::TableSetupColumn(tr("routers.col.push_secrets"), 0, 0.9f);
    }
    ImGui::TableSetupColumn(tr("routers.col.actions"), 0, compact ? 1.4f : 2.2f);
    widgets::strong_headers_row();
    for (const Router& router : m_routers) {
        ImGui::PushID(static_cast<int>(router.id));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", cell_id(router.id, "name"), router.name);
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", cell_id(router.id, "address"), router.host + ":" + std::to_string(router.port) + (router.tls ? " · TLS" : ""));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", cell_id(router.id, "isolir_profile"), router.isolir_profile);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", cell_id(router.id, "push_secrets"), router.push_secrets ? tr("common.yes") : tr("common.no"));
        }
        ImGui::TableNextColumn();
        if (app.user().can("network.read")) {
            const bool busy = m_tests.contains(router.id) && m_tests[router.id].busy;
            if (widgets::button(cell_id(router.id, "test").c_str(), tr("routers.test"), widgets::ButtonStyle::Secondary, 0.f, busy))
                test(router.id);
        }
        if (app.user().can("routers.update")) {
            ImGui::SameLine();
            if (widgets::button(cell_id(router.id, "edit").c_str(), tr("common.edit")))
                open_edit(router);
        }
        if (auto found = m_tests.find(router.id); found != m_tests.end() && !found->second.busy) {
            ImGui::PushTextWrapPos(0.f);
            widgets::text(found->second.ok ? "text" : "error", cell_id(router.id, "test_result"), found->second.text,
                          found->second.ok ? widgets::colors::kSuccess : widgets::colors::kDanger);
            ImGui::PopTextWrapPos();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewRouters::draw_drift(App& app) {
    section_title("routers.drift.title", tr("routers.drift_title"));
    if (widgets::button("routers.drift.check", tr("routers.drift_check"), widgets::ButtonStyle::Secondary, 0.f, m_drift_busy)) {
        m_drift_notice.clear();
        load_drift(false);
    }
    if (app.user().can("network.control")) {
        ImGui::SameLine();
        if (widgets::button("routers.drift.repair", tr("routers.drift_repair"), widgets::ButtonStyle::Primary, 0.f, m_drift_busy))
            load_drift(true);
    }
    if (!m_drift_notice.empty()) widgets::banner("routers.drift.notice", m_drift_notice, false);
    if (!m_drift.is_object()) return;
    widgets::text("text", "routers.drift.summary", i18n::tr_format("routers.drift_summary", {{"count", std::to_string(json_int(m_drift, "drift"))}}),
                  json_int(m_drift, "drift") == 0 ? widgets::colors::kSuccess : widgets::colors::kWarning);
    const auto routers = m_drift.find("routers");
    if (routers == m_drift.end() || !routers->is_array()) return;
    for (const api::Json& router : *routers) {
        const std::string prefix = "routers.drift." + std::to_string(json_int(router, "router_id"));
        // An unreachable router's API says why; its RADIUS sessions (checked with the NAS) are listed all the same.
        if (!json_bool(router, "reachable", true))
            widgets::text("error", prefix + ".error", json_string(router, "router_name") + ": " + json_string(router, "error"),
                          widgets::colors::kDanger);
        const auto items = router.find("drift");
        if (items == router.end() || !items->is_array()) continue;
        for (const api::Json& item : *items) {
            const std::string line = json_string(router, "router_name") + " · " + json_string(item, "service_number") + " (" +
                                     json_string(item, "pppoe_username") + "): " + drift_words(item);
            widgets::text("cell", prefix + "." + json_string(item, "pppoe_username"), line);
        }
    }
}

void ViewRouters::draw_snippets() {
    section_title("routers.snippets.title", tr("routers.snippets_title"));
    widgets::muted("routers.snippets.hint", tr("routers.snippets_hint"));
    int index = 0;
    for (const Snippet& snippet : m_snippets) {
        const std::string prefix = "routers.snippets." + std::to_string(index++);
        ImGui::PushID(index);
        ImGui::AlignTextToFramePadding();
        widgets::text("text", prefix + ".title", snippet.title);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(tr("routers.copy")).x - ImGui::GetStyle().FramePadding.x * 2);
        if (widgets::button((prefix + ".copy").c_str(), tr("routers.copy"))) {
            ImGui::SetClipboardText(snippet.commands.c_str());
            m_notice = i18n::tr_format("routers.copied", {{"title", snippet.title}});
        }
        ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kNeutralSoft);
        const float lines = static_cast<float>(std::count(snippet.commands.begin(), snippet.commands.end(), '\n') + 1);
        ImGui::BeginChild("commands", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * lines + display().px(12)), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_HorizontalScrollbar);
        widgets::text("code", prefix + ".commands", snippet.commands);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void ViewRouters::draw(App& app) {
    const bool compact = display().compact();
    ImGui::AlignTextToFramePadding();
    widgets::muted("routers.summary", i18n::tr_format("routers.summary", {{"total", std::to_string(m_routers.size())}}));
    if (app.user().can("routers.create")) {
        const char* label = tr("routers.add");
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (widgets::button("routers.add", label, widgets::ButtonStyle::Primary, compact ? -FLT_MIN : 0.f))
            open_create();
    }
    if (m_pending_edit > 0 && m_fresh) {
        const std::int64_t id = std::exchange(m_pending_edit, 0);
        const auto found = std::find_if(m_routers.begin(), m_routers.end(), [id](const Router& router) { return router.id == id; });
        if (found != m_routers.end()) open_edit(*found);
        else refuse_missing_record(app, form_route("routers", false, id));
    }
    if (!m_notice.empty()) widgets::banner("routers.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("routers.error", m_error, true);
    if (m_loaded && m_routers.empty()) widgets::muted("routers.empty", tr("routers.empty"));
    if (widgets::begin_card("routers.list")) draw_table(app);
    widgets::end_card();
    if (app.user().can("network.read")) {
        if (widgets::begin_card("routers.drift")) draw_drift(app);
        widgets::end_card();
        if (widgets::begin_card("routers.snippets")) draw_snippets();
        widgets::end_card();
    }
    m_form.draw(app);
}

}  // namespace kimonet
