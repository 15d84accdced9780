#include "views/view_outages.hpp"

#include <array>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

// What an outage may be attached to, as the server names them (services/outage_service.hpp).
constexpr std::array<const char*, 6> kOutageKinds = {"router", "area", "olt", "pon_port", "odc", "odp"};

float outage_full_width_on_phone() { return display().compact() ? ImGui::GetContentRegionAvail().x : 0.f; }

std::string outage_id(std::int64_t id, const char* part) { return "outages." + std::to_string(id) + "." + part; }

std::string hours_text(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60;
    return std::to_string(minutes / 60) + " " + tr("outages.hours") + " " + std::to_string(minutes % 60) + " " + tr("outages.minutes");
}

}  // namespace

void ViewOutages::enter(App& app) {
    m_closing = 0;
    reload();
    if (!app.user().can("outages.manage") || !app.user().can("routers.read")) return;
    api_client().get("/api/routers", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_routers.clear();
        for (const auto& row : api::response_data(response.body)) m_routers.push_back({api::json_int(row, "id"), api::json_string(row, "name")});
    });
}

void ViewOutages::reload() {
    api_client().get(m_show_ended ? "/api/outages?all=1" : "/api/outages", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_outages = api::outages_from_json(api::response_data(response.body));
    });
}

std::string ViewOutages::error_of(const char* field) const {
    const auto found = m_errors.find(field);
    return found == m_errors.end() ? std::string() : i18n::translate_message(found->second);
}

void ViewOutages::open_outage(App& app) {
    const std::string kind = kOutageKinds[static_cast<std::size_t>(m_kind)];
    api::Json body = {{"title", m_title}, {"cause", m_cause}, {"target_kind", kind}};
    if (!m_area_name.empty()) body["area_name"] = m_area_name;
    if (kind == "area") {
        body["area_shape"] = m_area_shape;
    } else if (kind == "router") {
        if (m_router >= 0 && m_router < static_cast<int>(m_routers.size())) body["target_id"] = m_routers[static_cast<std::size_t>(m_router)].id;
    } else {
        const std::string digits = m_target_id;
        if (!digits.empty() && digits.size() < 16 && digits.find_first_not_of("0123456789") == std::string::npos) body["target_id"] = std::stoll(digits);
        else body["target_id"] = digits;
    }
    if (!m_started_at.empty()) body["started_at"] = m_started_at;
    if (!m_expected_end.empty()) body["expected_end_at"] = m_expected_end;
    m_busy = true;
    m_errors.clear();
    api_client().post("/api/outages", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_errors = response.fields;
            if (m_errors.empty()) app.toast_error(i18n::api_error_text(response.error_code, response.error_message));
            return;
        }
        const api::OutageResource opened = api::outage_from_json(api::response_data(response.body));
        app.toast_ok(i18n::tr_format("outages.opened", {{"count", std::to_string(opened.affected_count)}}));
        m_title.clear();
        m_cause.clear();
        m_area_name.clear();
        m_area_shape.clear();
        m_started_at.clear();
        m_expected_end.clear();
        m_target_id.clear();
        reload();
    });
}

void ViewOutages::close_outage(App& app, std::int64_t id) {
    api::Json body = api::Json::object();
    if (!m_ended_at.empty()) body["ended_at"] = m_ended_at;
    m_busy = true;
    m_close_error.clear();
    api_client().post("/api/outages/" + std::to_string(id) + "/close", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            const auto field = response.fields.find("ended_at");
            m_close_error = field != response.fields.end() ? i18n::translate_message(field->second)
                                                           : i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        app.toast_ok(tr("outages.closed"));
        m_closing = 0;
        m_ended_at.clear();
        reload();
    });
}

void ViewOutages::draw_new(App& app) {
    if (!widgets::begin_card("outages.new")) {
        widgets::end_card();
        return;
    }
    widgets::title("outages.new.heading", tr("outages.new"));
    widgets::text_field("outages.new.title", tr("outages.field.title"), m_title, error_of("title"), ImGuiInputTextFlags_None, tr("outages.title_hint"));
    widgets::text_field("outages.new.cause", tr("outages.field.cause"), m_cause, error_of("cause"));
    std::vector<std::string> kinds;
    for (const char* kind : kOutageKinds) kinds.push_back(tr((std::string("outages.kind.") + kind).c_str()));
    widgets::select_field("outages.new.kind", tr("outages.field.kind"), kinds, m_kind, error_of("target_kind"));
    const std::string kind = kOutageKinds[static_cast<std::size_t>(m_kind)];
    if (kind == "router") {
        std::vector<std::string> names;
        for (const auto& router : m_routers) names.push_back(router.name);
        widgets::select_field("outages.new.router", tr("outages.field.router"), names, m_router, error_of("target_id"));
    } else if (kind == "area") {
        widgets::text_field("outages.new.area_shape", tr("outages.field.area_shape"), m_area_shape, error_of("area_shape"), ImGuiInputTextFlags_None,
                            "circle:-6.9175,107.6191,500");
    } else {
        widgets::text_field("outages.new.target_id", tr("outages.field.target_id"), m_target_id, error_of("target_id"));
    }
    widgets::text_field("outages.new.area_name", tr(kind == "area" ? "outages.field.area_name" : "outages.field.area_name_optional"), m_area_name,
                        error_of("area_name"));
    widgets::text_field("outages.new.started_at", tr("outages.field.started_at"), m_started_at, error_of("started_at"), ImGuiInputTextFlags_None,
                        "YYYY-MM-DD HH:MM");
    widgets::text_field("outages.new.expected_end", tr("outages.field.expected_end"), m_expected_end, error_of("expected_end_at"),
                        ImGuiInputTextFlags_None, "YYYY-MM-DD HH:MM");
    ImGui::PushTextWrapPos(0.f);  // long lines wrap at the card's edge (a phone is 390 px wide)
    widgets::muted("outages.new.note", tr("outages.note"));
    ImGui::PopTextWrapPos();
    if (widgets::button("outages.open", tr("outages.open"), widgets::ButtonStyle::Danger, outage_full_width_on_phone(), m_busy)) open_outage(app);
    widgets::end_card();
}

void ViewOutages::draw_outage(App& app, const api::OutageResource& outage) {
    ImGui::PushID(static_cast<int>(outage.id));
    if (widgets::begin_card("outage")) {
        ImGui::PushTextWrapPos(0.f);  // the area, times and counts wrap at the card's edge on a phone
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", outage_id(outage.id, "title"), outage.title);
        ImGui::PopFont();
        ImGui::SameLine();
        if (outage.ongoing) widgets::badge(outage_id(outage.id, "status"), tr("outages.ongoing"), widgets::colors::kDanger, widgets::colors::kDangerSoft);
        else widgets::badge(outage_id(outage.id, "status"), tr("outages.ended"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
        widgets::text("cell", outage_id(outage.id, "area"),
                      std::string(tr("outages.area")) + ": " + outage.area_name + " (" + tr(("outages.kind." + outage.target_kind).c_str()) + ")");
        std::string times = std::string(tr("outages.since")) + " " + outage.started_at_text;
        if (!outage.ongoing) times += " · " + std::string(tr("outages.until")) + " " + outage.ended_at_text + " (" + hours_text(outage.duration_seconds) + ")";
        else if (!outage.expected_end_text.empty()) times += " · " + std::string(tr("outages.expected")) + " " + outage.expected_end_text;
        widgets::muted(outage_id(outage.id, "times").c_str(), times);
        widgets::text("cell", outage_id(outage.id, "counts"),
                      i18n::tr_format("outages.counts", {{"affected", std::to_string(outage.affected_count)},
                                                         {"start", std::to_string(outage.start_notices)},
                                                         {"end", std::to_string(outage.end_notices)},
                                                         {"credit", format_rupiah(outage.credit_total)}}));
        if (!outage.cause.empty()) widgets::muted(outage_id(outage.id, "cause").c_str(), std::string(tr("outages.field.cause")) + ": " + outage.cause);
        ImGui::PopTextWrapPos();
        if (outage.ongoing && app.user().can("outages.manage")) {
            if (m_closing == outage.id) {
                widgets::text_field(outage_id(outage.id, "ended_at").c_str(), tr("outages.field.ended_at"), m_ended_at, m_close_error,
                                    ImGuiInputTextFlags_None, "YYYY-MM-DD HH:MM");
                if (widgets::button(outage_id(outage.id, "close").c_str(), tr("outages.confirm_close"), widgets::ButtonStyle::Primary,
                                    outage_full_width_on_phone(), m_busy))
                    close_outage(app, outage.id);
            } else if (widgets::button(outage_id(outage.id, "close").c_str(), tr("outages.close"), widgets::ButtonStyle::Secondary,
                                       outage_full_width_on_phone(), m_busy)) {
                m_closing = outage.id;
                m_ended_at.clear();
                m_close_error.clear();
            }
        }
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewOutages::draw(App& app) {
    // What is going on first (no second outage for the same cut), then the form to open one.
    if (!m_error.empty()) widgets::banner("outages.error", m_error, true);
    if (m_loaded && m_outages.empty() && m_error.empty()) widgets::muted("outages.empty", tr("outages.empty"));
    for (const auto& outage : m_outages) draw_outage(app, outage);
    if (widgets::checkbox("outages.show_ended", tr("outages.show_ended"), m_show_ended)) reload();
    if (app.user().can("outages.manage")) draw_new(app);
}

}  // namespace kimonet
