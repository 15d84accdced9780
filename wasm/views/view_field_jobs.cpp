#include "views/view_field_jobs.hpp"

#include <algorithm>
#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "views/dialog_routes.hpp"
#include "views/field_job_text.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string card_id(std::int64_t job, const char* part) { return "field.job." + std::to_string(job) + "." + part; }

}  // namespace

void ViewFieldJobs::enter(App&) {
    m_open = 0;
    reload();
}

void ViewFieldJobs::reload() {
    api_client().get("/api/technician-jobs/mine", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_jobs = api::technician_jobs_from_json(api::response_data(response.body));
        // An address naming a job that is not today's (or not this technician's) opens nothing.
        if (std::none_of(m_jobs.begin(), m_jobs.end(), [this](const auto& job) { return job.id == m_open; })) m_open = 0;
    });
}

std::string ViewFieldJobs::route() const { return m_open ? "field/" + std::to_string(m_open) : std::string("field"); }

RouteOutcome ViewFieldJobs::open_subroute(App& app, const std::vector<std::string>& rest) {
    if (rest.empty()) {
        m_open = 0;
        return RouteOutcome::Opened;
    }
    const std::int64_t id = rest.size() == 1 ? route_id(rest[0]) : 0;
    if (id == 0) return RouteOutcome::Unknown;
    if (id != m_open) open_job(app, id);
    return RouteOutcome::Opened;
}

void ViewFieldJobs::replace_job(const api::Json& data) {
    const auto updated = api::technician_job_from_json(data);
    for (auto& job : m_jobs)
        if (job.id == updated.id) job = updated;
}

void ViewFieldJobs::open_job(App& app, std::int64_t id) {
    m_open = id;
    m_materials.clear();
    m_note.clear();
    m_failing = false;
    m_reason.clear();
    m_form_error.clear();
    m_signing = false;
    m_signature = {};
    char key[96];
    std::snprintf(key, sizeof key, "hp-%lld-job-%lld-%.0f", static_cast<long long>(app.user().id), static_cast<long long>(id),
                  platform::now_unix_seconds() * 1000.0);
    m_key = key;
}

void ViewFieldJobs::draw_card(App& app, const api::TechnicianJobResource& job) {
    ImGui::PushID(static_cast<int>(job.id));
    if (widgets::begin_card("field.job")) {
        widgets::muted(card_id(job.id, "when").c_str(), job.window_start + "–" + job.window_end + " · " + field_job_kind_text(job.kind));
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", card_id(job.id, "customer"), job.customer_name);
        ImGui::PopFont();
        widgets::muted(card_id(job.id, "number").c_str(), job.service_number);
        ImGui::PushTextWrapPos(0.f);
        if (!job.customer_address.empty()) widgets::text("cell", card_id(job.id, "address"), job.customer_address, widgets::colors::kMuted);
        if (!job.notes.empty()) widgets::text("cell", card_id(job.id, "notes"), job.notes);
        ImGui::PopTextWrapPos();
        if (job.status != "scheduled")
            widgets::text("text", card_id(job.id, "status"), field_job_status_text(job.status),
                          job.status == "done" ? widgets::colors::kSuccess : widgets::colors::kDanger);
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
        const std::string navigation = field::navigation_url(job.latitude, job.longitude, job.customer_address);
        const std::string call = field::tel_url(job.customer_phone);
        if (widgets::button(card_id(job.id, "navigate").c_str(), tr("field.navigate"), widgets::ButtonStyle::Secondary, half, navigation.empty()))
            platform::open_url(navigation);
        ImGui::SameLine();
        if (widgets::button(card_id(job.id, "call").c_str(), tr("field.call"), widgets::ButtonStyle::Secondary, half, call.empty()))
            platform::open_url(call);
        if (m_open != job.id) {
            if (widgets::button(card_id(job.id, "open").c_str(), tr(job.status == "scheduled" ? "field.open" : "field.show"),
                                widgets::ButtonStyle::Primary, -FLT_MIN))
                open_job(app, job.id);
        } else {
            draw_open_job(app, job);
        }
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewFieldJobs::draw_open_job(App& app, const api::TechnicianJobResource& job) {
    ImGui::Separator();
    draw_checklist(job);
    if (job.status == "scheduled") {
        draw_materials();
        draw_proof(app, job);
        draw_result(app, job);
    } else if (!job.failure_reason.empty()) {
        widgets::text("text", "field.failure_reason", std::string(tr("field.reason")) + ": " + job.failure_reason);
    }
    if (widgets::button("field.close", tr("field.close"), widgets::ButtonStyle::Secondary, -FLT_MIN)) m_open = 0;
}

void ViewFieldJobs::draw_checklist(const api::TechnicianJobResource& job) {
    widgets::title("field.checklist.title", tr("field.checklist"));
    for (const auto& check : job.checklist) {
        const std::string id = "field.check." + std::to_string(check.position);
        bool done = check.done;
        if (widgets::checkbox(id.c_str(), check.label.c_str(), done) && job.status == "scheduled" && !m_busy) {
            m_busy = true;
            api_client().post("/api/technician-jobs/" + std::to_string(job.id) + "/checklist/" + std::to_string(check.position),
                              api::Json{{"done", done}}, [this](const ApiResponse& response) {
                                  m_busy = false;
                                  if (!response.ok()) {
                                      m_form_error = i18n::api_error_text(response.error_code, response.error_message);
                                      return;
                                  }
                                  replace_job(api::response_data(response.body));
                              });
        }
        if (check.done) widgets::muted((id + ".by").c_str(), check.done_by + " · " + check.done_at);
    }
}

void ViewFieldJobs::draw(App& app) {
    take_picked_photo(app);
    // Finger-sized controls: every button and checkbox here is at least 48 CSS px tall.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(display().px(12.f), display().px(16.f)));
    if (!m_error.empty()) widgets::banner("field.error", m_error, true);
    widgets::muted("field.today", tr("field.today"));
    if (m_loaded && m_jobs.empty()) widgets::muted("field.empty", tr("field.empty"));
    for (const auto& job : m_jobs) draw_card(app, job);
    if (widgets::button("field.reload", tr("field.reload"), widgets::ButtonStyle::Secondary, -FLT_MIN)) reload();
    ImGui::PopStyleVar();
}

}  // namespace kimonet
