#include "views/view_dispatch.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/field_job_text.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string dispatch_field_error(const FieldErrors& errors, const char* field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

}  // namespace

void ViewDispatch::enter(App&) {
    m_form_open = false;
    m_confirm_cancel = 0;
    reload();
    api_client().get("/api/technician-jobs/technicians", [this](const ApiResponse& response) {
        if (response.ok()) m_technicians = api::technicians_from_json(api::response_data(response.body));
    });
}

void ViewDispatch::reload() {
    std::string path = "/api/technician-jobs?per_page=200";
    if (!m_day.empty()) path += "&date=" + api::url_encode(m_day);
    if (m_only_open) path += "&status=scheduled";
    api_client().get(path, [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_jobs = api::technician_jobs_from_json(api::list_rows(response.body));
        m_total = api::json_int(response.body, "total", static_cast<std::int64_t>(m_jobs.size()));
    });
}

void ViewDispatch::open_form(const api::TechnicianJobResource* job) {
    m_form_open = true;
    m_fields.clear();
    m_editing = job ? job->id : 0;
    m_kind = 0;
    m_technician = 0;
    if (!job) {
        m_service_number.clear();
        m_date = m_day;
        m_notes.clear();
        return;
    }
    const auto kinds = field::all_job_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (field::to_string(kinds[i]) == job->kind) m_kind = static_cast<int>(i);
    m_service_number = job->service_number;
    m_date = job->scheduled_date;
    m_start = job->window_start;
    m_end = job->window_end;
    m_notes = job->notes;
    for (std::size_t i = 0; i < m_technicians.size(); ++i)
        if (job->technician_id && m_technicians[i].id == *job->technician_id) m_technician = static_cast<int>(i) + 1;
}

void ViewDispatch::save() {
    api::Json body{{"scheduled_date", m_date}, {"window_start", m_start}, {"window_end", m_end}, {"notes", m_notes},
                   {"technician_id", m_technician > 0 ? api::Json(m_technicians[static_cast<std::size_t>(m_technician - 1)].id) : api::Json(nullptr)}};
    auto done = [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_fields = response.fields;
            m_error = m_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message) : std::string(tr("error.validation"));
            return;
        }
        m_error.clear();
        m_form_open = false;
        reload();
    };
    m_busy = true;
    if (m_editing) {
        api_client().put("/api/technician-jobs/" + std::to_string(m_editing), body, done);
        return;
    }
    body["kind"] = std::string(field::to_string(field::all_job_kinds()[static_cast<std::size_t>(m_kind)]));
    body["service_number"] = m_service_number;
    api_client().post("/api/technician-jobs", body, done);
}

void ViewDispatch::cancel_job(std::int64_t id) {
    m_busy = true;
    api_client().post("/api/technician-jobs/" + std::to_string(id) + "/cancel", api::Json::object(), [this](const ApiResponse& response) {
        m_busy = false;
        m_confirm_cancel = 0;
        if (!response.ok()) m_error = i18n::api_error_text(response.error_code, response.error_message);
        reload();
    });
}

void ViewDispatch::draw_form() {
    if (!widgets::begin_card("dispatch.form")) {
        widgets::end_card();
        return;
    }
    widgets::title("dispatch.form.title", tr(m_editing ? "dispatch.edit" : "dispatch.new"));
    if (!m_editing) {
        std::vector<std::string> kinds;
        for (auto kind : field::all_job_kinds()) kinds.push_back(field_job_kind_text(field::to_string(kind)));
        widgets::select_field("dispatch.kind", tr("dispatch.kind"), kinds, m_kind, dispatch_field_error(m_fields, "kind"));
        std::string customer_error = dispatch_field_error(m_fields, "service_number");
        if (customer_error.empty()) customer_error = dispatch_field_error(m_fields, "customer_id");
        widgets::text_field("dispatch.service_number", tr("dispatch.service_number"), m_service_number, customer_error);
    }
    widgets::text_field("dispatch.date", tr("dispatch.date"), m_date, dispatch_field_error(m_fields, "scheduled_date"), 0, "2026-01-31");
    widgets::text_field("dispatch.start", tr("dispatch.start"), m_start, dispatch_field_error(m_fields, "window_start"), 0, "09:00");
    widgets::text_field("dispatch.end", tr("dispatch.end"), m_end, dispatch_field_error(m_fields, "window_end"), 0, "11:00");
    std::vector<std::string> technicians{tr("dispatch.unassigned")};
    for (const auto& technician : m_technicians)
        technicians.push_back(technician.full_name.empty() ? technician.username : technician.username + " (" + technician.full_name + ")");
    widgets::select_field("dispatch.technician", tr("dispatch.technician"), technicians, m_technician, dispatch_field_error(m_fields, "technician_id"));
    widgets::text_field("dispatch.notes", tr("dispatch.notes"), m_notes, dispatch_field_error(m_fields, "notes"));
    if (widgets::button("dispatch.save", tr("common.save"), widgets::ButtonStyle::Primary, 0.f, m_busy)) save();
    ImGui::SameLine();
    if (widgets::button("dispatch.cancel_form", tr("common.cancel"))) m_form_open = false;
    widgets::end_card();
}

void ViewDispatch::draw_table(App&) {
    const bool compact = display().compact();
    const int flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!widgets::begin_table("dispatch.table",
                              {{tr("dispatch.col.when"), 1.2f}, {tr("dispatch.col.kind"), 0.9f, !compact}, {tr("dispatch.col.customer"), 1.6f},
                               {tr("dispatch.col.technician"), 1.1f, !compact}, {tr("dispatch.col.status"), 0.8f}, {tr("dispatch.col.actions"), 1.2f}},
                              flags))
        return;
    for (const auto& job : m_jobs) {
        ImGui::PushID(static_cast<int>(job.id));
        const std::string row = "dispatch.job." + std::to_string(job.id);
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".when", job.scheduled_date + " " + job.window_start + "–" + job.window_end);
        if (!compact) {
            ImGui::TableNextColumn();
            widgets::text("cell", row + ".kind", field_job_kind_text(job.kind));
        }
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".customer", job.customer_name + " · " + job.service_number);
        if (!compact) {
            ImGui::TableNextColumn();
            widgets::text("cell", row + ".technician", job.technician_name.empty() ? std::string(tr("dispatch.unassigned")) : job.technician_name);
        }
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".status", field_job_status_text(job.status),
                      job.status == "done" ? widgets::colors::kSuccess : job.status == "scheduled" ? 0 : widgets::colors::kDanger);
        ImGui::TableNextColumn();
        if (job.status == "scheduled") {
            if (widgets::button((row + ".edit").c_str(), tr("common.edit"), widgets::ButtonStyle::Link)) open_form(&job);
            ImGui::SameLine();
            if (m_confirm_cancel == job.id) {
                if (widgets::button((row + ".confirm_cancel").c_str(), tr("dispatch.confirm_cancel"), widgets::ButtonStyle::Danger, 0.f, m_busy))
                    cancel_job(job.id);
            } else if (widgets::button((row + ".cancel").c_str(), tr("dispatch.cancel_job"), widgets::ButtonStyle::Link)) {
                m_confirm_cancel = job.id;
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewDispatch::draw(App& app) {
    if (!m_error.empty()) widgets::banner("dispatch.error", m_error, true);
    const float field_width = display().compact() ? -FLT_MIN : display().px(180.f);
    if (widgets::text_field("dispatch.day", tr("dispatch.day"), m_day, {}, ImGuiInputTextFlags_EnterReturnsTrue, "2026-01-31", field_width)) reload();
    // On a phone the toolbar is a column; on a desk, one row.
    const bool compact = display().compact();
    if (widgets::checkbox("dispatch.only_open", tr("dispatch.only_open"), m_only_open)) reload();
    if (!compact) ImGui::SameLine();
    if (widgets::button("dispatch.show", tr("dispatch.show"), widgets::ButtonStyle::Secondary, compact ? -FLT_MIN : 0.f)) reload();
    if (!compact) ImGui::SameLine();
    if (widgets::button("dispatch.create", tr("dispatch.new"), widgets::ButtonStyle::Primary, compact ? -FLT_MIN : 0.f)) open_form(nullptr);
    if (m_form_open) draw_form();
    widgets::muted("dispatch.total", i18n::tr_format("dispatch.total", {{"count", std::to_string(m_total)}}));
    if (m_loaded && m_jobs.empty()) widgets::muted("dispatch.empty", tr("dispatch.empty"));
    else draw_table(app);
}

}  // namespace kimonet
