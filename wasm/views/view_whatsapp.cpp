#include "views/view_whatsapp.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

void row(const char* id, const char* label, const std::string& value) {
    widgets::muted((std::string(id) + ".label").c_str(), label);
    ImGui::SameLine(display().px(150));
    widgets::text("text", id, value.empty() ? std::string(tr("common.none")) : value);
}

}  // namespace

void ViewWhatsapp::enter(App&) {
    m_test_notice.clear();
    m_test_error.clear();
    reload();
}

void ViewWhatsapp::reload() {
    m_loading = true;
    api_client().get("/api/whatsapp/status", [this](const ApiResponse& response) {
        m_loading = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_status = response_data(response.body);
        const std::string qr = json_string(m_status, "qr_code");
        if (qr != m_qr_source) {
            m_qr_source = qr;
            m_qr = {};
            m_qr_failed = false;
            m_qr_handle = qr.empty() ? 0 : platform::start_qr_decode(qr);
        }
    });
}

void ViewWhatsapp::send_test() {
    m_test_busy = true;
    m_test_fields.clear();
    m_test_notice.clear();
    m_test_error.clear();
    api_client().post("/api/whatsapp/test", api::Json{{"phone", m_phone}, {"message", m_message}}, [this](const ApiResponse& response) {
        m_test_busy = false;
        if (!response.ok()) {
            m_test_fields = response.fields;
            if (m_test_fields.empty()) m_test_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response_data(response.body);
        m_test_notice = i18n::tr_format("whatsapp.test_queued", {{"id", std::to_string(json_int(data, "id"))},
                                                                  {"status", json_string(data, "status")}});
        reload();
    });
}

void ViewWhatsapp::draw_status_card(float width) {
    if (widgets::begin_card("whatsapp.status", width)) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "whatsapp.status.title", tr("whatsapp.device"));
        ImGui::PopFont();
        const bool configured = json_bool(m_status, "configured", false);
        const bool connected = json_bool(m_status, "connected", false);
        if (m_loading && m_status.is_null()) widgets::muted("whatsapp.loading", tr("common.loading"));
        else if (!configured) widgets::badge("whatsapp.state", tr("whatsapp.not_configured"), widgets::colors::kMuted, widgets::colors::kNeutralSoft);
        else if (connected) widgets::badge("whatsapp.state", tr("whatsapp.connected"), widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
        else widgets::badge("whatsapp.state", tr("whatsapp.disconnected"), widgets::colors::kDanger, widgets::colors::kDangerSoft);
        ImGui::Dummy(ImVec2(0, display().px(4)));
        row("whatsapp.driver", tr("whatsapp.driver"), json_string(m_status, "driver"));
        row("whatsapp.api_url", tr("whatsapp.api_url"), json_string(m_status, "api_url"));
        row("whatsapp.sender", tr("whatsapp.sender"), json_string(m_status, "sender"));
        if (configured) {
            row("whatsapp.device", tr("whatsapp.device_name"), json_string(m_status, "device"));
            row("whatsapp.device_state", tr("whatsapp.device_state"), json_string(m_status, "state"));
        }
        for (const char* key : {"detail", "error"})
            if (const std::string text = json_string(m_status, key); !text.empty()) {
                ImGui::PushTextWrapPos(0.f);
                widgets::text("text", std::string("whatsapp.") + key, text, widgets::colors::kWarning);
                ImGui::PopTextWrapPos();
            }
        ImGui::Separator();
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "whatsapp.outbox.title", tr("whatsapp.outbox"));
        ImGui::PopFont();
        const api::Json outbox = m_status.is_object() && m_status.contains("outbox") ? m_status["outbox"] : api::Json::object();
        bool first = true;
        for (const char* status : {"queued", "sending", "sent", "failed", "cancelled"}) {
            if (!first) ImGui::SameLine(0, display().px(14));
            first = false;
            widgets::text("text", std::string("whatsapp.outbox.") + status,
                          std::string(tr((std::string("notifications.status.") + status).c_str())) + ": " + std::to_string(json_int(outbox, status)),
                          std::string(status) == "failed" ? widgets::colors::kDanger : widgets::colors::kText);
        }
        draw_wait_reason();
        ImGui::Dummy(ImVec2(0, display().px(4)));
        if (widgets::button("whatsapp.refresh", m_loading ? tr("common.loading") : tr("whatsapp.refresh"), widgets::ButtonStyle::Secondary, 0.f,
                            m_loading))
            reload();
    }
    widgets::end_card();
}

// Why the queued messages wait (GET /api/whatsapp/status → waiting), in words.
void ViewWhatsapp::draw_wait_reason() {
    const api::Json waiting = m_status.is_object() && m_status.contains("waiting") ? m_status["waiting"] : api::Json::object();
    const std::string reason = json_string(waiting, "reason");
    std::string text;
    if (reason == "quiet_hours") text = i18n::tr_format("whatsapp.wait.quiet", {{"time", json_string(waiting, "until")}});
    else if (reason == "rate_limit") text = i18n::tr_format("whatsapp.wait.rate", {{"seconds", std::to_string(json_int(waiting, "seconds"))}});
    else if (reason == "provider") text = i18n::tr_format("whatsapp.wait.provider", {{"error", i18n::translate_message(json_string(waiting, "error"))}});
    else if (reason == "unconfigured") text = tr("whatsapp.wait.unconfigured");
    else if (reason == "none") text = tr("whatsapp.wait.none");
    if (text.empty()) return;
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", "whatsapp.wait", text, reason == "none" ? widgets::colors::kMuted : widgets::colors::kWarning);
    ImGui::PopTextWrapPos();
}

void ViewWhatsapp::draw_qr_card(float width) {
    if (widgets::begin_card("whatsapp.qr", width)) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "whatsapp.qr.title", tr("whatsapp.pairing"));
        ImGui::PopFont();
        if (m_qr_handle != 0 && m_qr.size == 0 && !m_qr_failed) {
            switch (platform::qr_state(m_qr_handle)) {
            case platform::QrState::Running: platform::note_activity(); break;
            case platform::QrState::Ready: m_qr = platform::qr_modules(m_qr_handle); m_qr_failed = m_qr.size == 0; break;
            case platform::QrState::Failed: m_qr_failed = true; break;
            }
        }
        if (m_qr_source.empty()) {
            widgets::muted("whatsapp.qr.none", json_bool(m_status, "connected", false) ? tr("whatsapp.qr_paired") : tr("whatsapp.qr_none"));
        } else if (m_qr.size > 0) {
            widgets::muted("whatsapp.qr.hint", tr("whatsapp.qr_hint"));
            // Modules as filled squares on a white quiet zone of 4 modules.
            const float side = std::min(ImGui::GetContentRegionAvail().x, display().px(280));
            const float cell = side / static_cast<float>(m_qr.size + 8);
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
            for (int y = 0; y < m_qr.size; ++y)
                for (int x = 0; x < m_qr.size; ++x)
                    if (m_qr.dark[static_cast<std::size_t>(y * m_qr.size + x)]) {
                        const ImVec2 a(origin.x + (x + 4) * cell, origin.y + (y + 4) * cell);
                        draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), IM_COL32(0, 0, 0, 255));
                    }
            ImGui::Dummy(ImVec2(side, side));
            ui_registry::record("qr", "whatsapp.qr.code", "QR", std::to_string(m_qr.size));
        } else if (m_qr_failed) {
            ImGui::PushTextWrapPos(0.f);
            widgets::text("text", "whatsapp.qr.unreadable", tr("whatsapp.qr_unreadable"), widgets::colors::kWarning);
            ImGui::PopTextWrapPos();
            if (m_qr_source.rfind("http", 0) == 0) copy_row("whatsapp.qr.link", tr("whatsapp.qr_link"), m_qr_source);
        } else {
            widgets::muted("whatsapp.qr.loading", tr("common.loading"));
        }
    }
    widgets::end_card();
}

void ViewWhatsapp::draw_test_card(App& app) {
    if (!app.user().can("messages.send")) return;
    if (widgets::begin_card("whatsapp.test")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "whatsapp.test.title", tr("whatsapp.test"));
        ImGui::PopFont();
        widgets::mark_field("whatsapp.test.phone", widgets::FieldKind::Phone);
        widgets::text_field("whatsapp.test.phone", tr("field.phone"), m_phone, field_error(m_test_fields, "phone"), 0, "0812…");
        widgets::text_field("whatsapp.test.message", tr("whatsapp.test_message"), m_message, field_error(m_test_fields, "message"));
        if (!m_test_error.empty()) widgets::banner("whatsapp.test.error", m_test_error, true);
        if (!m_test_notice.empty()) widgets::banner("whatsapp.test.notice", m_test_notice, false);
        if (widgets::button("whatsapp.test.send", m_test_busy ? tr("common.saving") : tr("whatsapp.test_send"), widgets::ButtonStyle::Primary,
                            display().compact() ? ImGui::GetContentRegionAvail().x : 0.f, m_test_busy))
            send_test();
    }
    widgets::end_card();
}

void ViewWhatsapp::draw(App& app) {
    widgets::muted("whatsapp.hint", tr("whatsapp.hint"));
    if (!m_error.empty()) widgets::banner("whatsapp.error", m_error, true);
    const bool compact = display().compact();
    const float half = compact ? 0.f : (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    draw_status_card(half);
    if (!compact) ImGui::SameLine();
    draw_qr_card(half);
    draw_test_card(app);
}

}  // namespace kimonet
