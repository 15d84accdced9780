// The open job on the technician's phone (ViewFieldJobs): materials used, the photo and the
// customer's signature as proof, and the result. Split from view_field_jobs.cpp by feature.
#include <charconv>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "views/view_field_jobs.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;

std::string job_path(std::int64_t job, const char* tail) { return "/api/technician-jobs/" + std::to_string(job) + tail; }

}  // namespace

void ViewFieldJobs::draw_materials() {
    widgets::title("field.materials.title", tr("field.materials"));
    int removed = -1;
    for (std::size_t index = 0; index < m_materials.size(); ++index) {
        auto& line = m_materials[index];
        const std::string prefix = "field.material." + std::to_string(index);
        ImGui::PushID(static_cast<int>(index));
        widgets::text_field((prefix + ".item").c_str(), tr("field.material_item"), line.item);
        const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.f;
        widgets::text_field((prefix + ".quantity").c_str(), tr("field.material_quantity"), line.quantity, {}, ImGuiInputTextFlags_CharsDecimal,
                            nullptr, third);
        ImGui::SameLine();
        widgets::text_field((prefix + ".unit").c_str(), tr("field.material_unit"), line.unit, {}, 0, nullptr, third);
        ImGui::SameLine();
        if (widgets::button((prefix + ".remove").c_str(), tr("field.material_remove"), widgets::ButtonStyle::Danger, third)) removed = static_cast<int>(index);
        ImGui::PopID();
    }
    if (removed >= 0) m_materials.erase(m_materials.begin() + removed);
    if (m_materials.size() < field::kMaxMaterialLines &&
        widgets::button("field.material.add", tr("field.material_add"), widgets::ButtonStyle::Secondary, -FLT_MIN))
        m_materials.push_back({});
}

void ViewFieldJobs::draw_proof(App& app, const api::TechnicianJobResource& job) {
    widgets::title("field.proof.title", tr("field.proof"));
    if (job.has_photo) widgets::text("text", "field.photo.state", tr("field.photo_saved"), widgets::colors::kSuccess);
    if (widgets::button("field.photo", tr(job.has_photo ? "field.photo_again" : "field.photo_take"), widgets::ButtonStyle::Secondary, -FLT_MIN,
                        m_busy || m_photo_pick != 0))
        m_photo_pick = platform::pick_file("image/*");
    if (job.has_signature) widgets::text("text", "field.signature.state", tr("field.signature_saved"), widgets::colors::kSuccess);
    if (!m_signing) {
        if (widgets::button("field.sign", tr(job.has_signature ? "field.sign_again" : "field.sign"), widgets::ButtonStyle::Secondary, -FLT_MIN, m_busy)) {
            m_signing = true;
            m_signature = {};
        }
        return;
    }
    widgets::muted("field.signature.help", tr("field.signature_help"));
    widgets::signature_pad("field.signature", tr("field.signature"), m_signature);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
    if (widgets::button("field.signature.clear", tr("field.signature_clear"), widgets::ButtonStyle::Secondary, half)) m_signature = {};
    ImGui::SameLine();
    if (widgets::button("field.signature.save", tr("field.signature_save"), widgets::ButtonStyle::Primary, half, m_busy || m_signature.empty()))
        send_proof(app, "signature", field::signature_png(m_signature.strokes));
}

void ViewFieldJobs::take_picked_photo(App& app) {
    if (m_photo_pick == 0) return;
    const auto state = platform::picked_file_state(m_photo_pick);
    if (state == platform::PickState::Waiting) return;
    const int handle = std::exchange(m_photo_pick, 0);
    if (state == platform::PickState::Failed) return;  // cancelled
    send_proof(app, "photo", platform::take_picked_file(handle).bytes);
}

void ViewFieldJobs::send_proof(App& app, const char* kind, std::string bytes) {
    if (m_open == 0) return;
    m_busy = true;
    m_form_error.clear();
    const bool signature = std::string_view(kind) == "signature";
    // The server reads the type from the bytes; the file's name and the browser's type are not sent as truth.
    api_client().post_bytes(job_path(m_open, signature ? "/signature" : "/photo"), std::move(bytes), "application/octet-stream",
                            [this, &app, signature](const ApiResponse& response) {
                                m_busy = false;
                                if (!response.ok()) {
                                    m_form_error = i18n::api_error_text(response.error_code, response.error_message);
                                    return;
                                }
                                if (signature) m_signing = false;
                                replace_job(api::response_data(response.body));
                                app.toast_ok(tr(signature ? "field.signature_saved" : "field.photo_saved"));
                            });
}

void ViewFieldJobs::draw_result(App& app, const api::TechnicianJobResource& job) {
    widgets::title("field.result.title", tr("field.result"));
    widgets::text_field("field.note", tr("field.note"), m_note);
    if (!m_form_error.empty()) widgets::text("field_error", "field.form_error", m_form_error, widgets::colors::kDanger);
    if (!m_failing) {
        if (widgets::button("field.done", tr("field.done"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy)) complete(app, job, true);
        if (widgets::button("field.fail", tr("field.fail"), widgets::ButtonStyle::Danger, -FLT_MIN, m_busy)) m_failing = true;
        return;
    }
    widgets::text_field("field.reason", tr("field.reason"), m_reason);
    if (widgets::button("field.fail.send", tr("field.fail_send"), widgets::ButtonStyle::Danger, -FLT_MIN, m_busy || m_reason.empty()))
        complete(app, job, false);
    if (widgets::button("field.fail.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, -FLT_MIN)) m_failing = false;
}

void ViewFieldJobs::complete(App& app, const api::TechnicianJobResource& job, bool done) {
    api::Json materials = api::Json::array();
    for (const auto& line : m_materials) {
        if (line.item.empty()) continue;
        std::int64_t quantity = 0;
        auto [end, error] = std::from_chars(line.quantity.data(), line.quantity.data() + line.quantity.size(), quantity);
        if (error != std::errc() || end != line.quantity.data() + line.quantity.size() || quantity < 1) {
            m_form_error = tr("field.material_quantity_invalid");
            return;
        }
        materials.push_back({{"item", line.item}, {"quantity", quantity}, {"unit", line.unit}});
    }
    api::Json body{{"result", done ? "done" : "failed"}, {"materials", std::move(materials)}, {"note", m_note}, {"idempotency_key", m_key}};
    if (!done) body["failure_reason"] = m_reason;
    m_busy = true;
    m_form_error.clear();
    api_client().post(job_path(job.id, "/complete"), body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            // The key stays: sending again cannot close the job (or activate the customer) twice.
            m_form_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        replace_job(api::response_data(response.body));
        app.toast_ok(tr(api::json_string(api::response_data(response.body), "status") == "done" ? "field.done_toast" : "field.failed_toast"));
        m_open = 0;
    });
}

}  // namespace kimonet
