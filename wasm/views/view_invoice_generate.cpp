#include "views/view_invoice_generate.hpp"

#include "api_client.hpp"
#include "core/date.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kInvoiceGeneratePopup = "invoice_generate";

// One big number with its caption, as a column of the summary.
void figure(const char* id, const char* caption, const std::string& value, float width) {
    ImGui::BeginGroup();
    widgets::muted((std::string(id) + ".label").c_str(), caption);
    ImGui::PushFont(display().fonts().title);
    widgets::text("text", id, value);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::EndGroup();
}

}  // namespace

void ViewInvoiceGenerate::open(std::string period, std::function<void(const std::string&)> generated,
                               std::function<void(std::int64_t)> prepared) {
    m_period = std::move(period);
    m_generated = std::move(generated);
    m_prepared = std::move(prepared);
    m_preview.reset();
    m_result.reset();
    m_error.clear();
    m_period_error.clear();
    m_notify = false;
    m_busy = false;
    m_open_requested = true;
}

void ViewInvoiceGenerate::run(bool dry_run) {
    m_error.clear();
    m_period_error.clear();
    if (!parse_period(m_period)) {
        m_period_error = tr("generate.period_invalid");
        return;
    }
    m_busy = true;
    const std::string period = m_period;
    const api::Json body{{"period", period}, {"notify", m_notify}, {"dry_run", dry_run}};
    api_client().post("/api/invoices/generate", body, [this, dry_run, period](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            if (auto field = response.fields.find("period"); field != response.fields.end())
                m_period_error = i18n::translate_message(field->second);
            return;
        }
        const Summary summary{json_int(response.body, "created"), json_int(response.body, "skipped"),
                              json_int(response.body, "total_amount")};
        if (dry_run) {
            m_preview = summary;
            m_previewed_period = period;
            return;
        }
        // Prepared for approval: the prepared run's own dialog takes over from here.
        if (json_bool(response.body, "prepared", false)) {
            m_preview.reset();
            m_close_requested = m_visible;
            if (m_prepared) m_prepared(json_int(response.body, "run_id"));
            return;
        }
        m_result = summary;
        m_preview.reset();
        if (m_generated) m_generated(period);
    });
}

void ViewInvoiceGenerate::draw() {
    if (m_open_requested) {
        ImGui::OpenPopup(kInvoiceGeneratePopup);
        m_open_requested = false;
        m_close_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(display().px(520), viewport->Size.x - display().px(24)), 0));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(24), display().px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, display().px(10));
    const bool open = ImGui::BeginPopupModal(kInvoiceGeneratePopup, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar(2);
    m_visible = open;
    if (!open) return;
    const auto close_now = [this] {
        m_visible = false;
        m_close_requested = false;
        ImGui::CloseCurrentPopup();
    };
    if (m_close_requested) close_now();  // still drawn this frame, as after Cancel
    widgets::title("generate.title", tr("generate.title"));
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("generate.hint", tr("generate.hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(4)));
    const bool finished = m_result.has_value();
    if (!finished) {
        if (widgets::text_field("generate.period", tr("generate.period"), m_period, m_period_error, 0, "2026-01"))
            m_preview.reset();  // a preview of another period must not be confirmed
        widgets::checkbox("generate.notify", tr("generate.notify"), m_notify);
    }
    if (!m_error.empty()) widgets::banner("generate.error", m_error, true);

    const std::optional<Summary>& shown = finished ? m_result : m_preview;
    if (shown && widgets::begin_card("generate.summary")) {
        ImGui::PushTextWrapPos(0.f);
        widgets::text("text", "generate.summary.caption",
                      i18n::tr_format(finished ? "generate.done" : "generate.preview",
                                      {{"period", format_period_indonesian(*parse_period(m_previewed_period))}}),
                      finished ? widgets::colors::kSuccess : widgets::colors::kText);
        ImGui::PopTextWrapPos();
        const float inner = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.f;
        figure("generate.created", tr("generate.created"), std::to_string(shown->created), inner);
        ImGui::SameLine();
        figure("generate.skipped", tr("generate.skipped"), std::to_string(shown->skipped), inner);
        ImGui::SameLine();
        figure("generate.total", tr("generate.total"), format_rupiah(shown->total_amount), inner);
    }
    if (shown) widgets::end_card();
    ImGui::Dummy(ImVec2(0, display().px(4)));

    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (finished) {
        if (widgets::button("generate.close", tr("common.close"), widgets::ButtonStyle::Primary, ImGui::GetContentRegionAvail().x))
            close_now();
    } else {
        if (widgets::button("generate.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, half)) close_now();
        ImGui::SameLine();
        if (!m_preview) {
            if (widgets::button("generate.dry_run", m_busy ? tr("common.loading") : tr("generate.dry_run"),
                                widgets::ButtonStyle::Primary, half, m_busy))
                run(true);
        } else {
            const std::string confirm = i18n::tr_format("generate.confirm", {{"count", std::to_string(m_preview->created)}});
            if (widgets::button("generate.confirm", m_busy ? tr("common.saving") : confirm.c_str(), widgets::ButtonStyle::Primary, half,
                                m_busy || m_preview->created == 0))
                run(false);
        }
    }
    if (widgets::dialog_escape()) close_now();  // as Cancel (or Close) does, never the confirm
    ImGui::EndPopup();
}

}  // namespace kimonet
