#include "views/view_dunning.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

const std::vector<std::string> kDunningActions = {"remind", "warn", "late_fee", "isolate", "terminate"};
const std::vector<std::string> kTemplates = {"reminder", "isolir_warning", "late_fee_notice", "isolir_notice", "termination_notice"};

int index_of(const std::vector<std::string>& values, const std::string& value) {
    for (std::size_t index = 0; index < values.size(); ++index)
        if (values[index] == value) return static_cast<int>(index);
    return 0;
}

std::vector<std::string> translated(const std::vector<std::string>& values, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& value : values) out.push_back(tr((prefix + value).c_str()));
    return out;
}

std::string fee_text(const dunning::Step& step) {
    if (step.action != dunning::StepAction::LateFee) return {};
    if (step.fee_kind == dunning::FeeKind::Percent) {
        const std::int64_t bp = step.fee_percent_bp;
        std::string text = std::to_string(bp / 100) + "," + (bp % 100 < 10 ? "0" : "") + std::to_string(bp % 100) + "%";
        if (step.fee_cap > 0) text += " (maks. " + format_rupiah(step.fee_cap) + ")";
        return text;
    }
    return format_rupiah(step.fee_amount);
}

std::string action_name(const dunning::Step& step) { return std::string(dunning::to_string(step.action)); }

void section_title(const char* id, const char* text) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, text);
    ImGui::PopFont();
}

}  // namespace

void ViewDunning::enter(App&) {
    m_editing = false;
    m_report = api::Json();
    m_notice.clear();
    m_error.clear();
    reload();
}

void ViewDunning::reload() {
    api_client().get("/api/dunning/schedules", [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_schedules = api::schedule_resources_from_list(response.body);
        if (m_selected >= static_cast<int>(m_schedules.size())) m_selected = 0;
    });
    api_client().get("/api/packages?per_page=100", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        const api::Json& data = response_data(response.body);
        m_packages = data.is_array() ? data : api::Json::array();
    });
}

void ViewDunning::run(bool dry_run) {
    m_busy = true;
    m_notice.clear();
    m_error.clear();
    api_client().post("/api/dunning/run", api::Json{{"dry_run", dry_run}}, [this, dry_run](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_report = response_data(response.body);
        if (!dry_run) m_notice = tr("dunning.run.done");
    });
}

void ViewDunning::save_schedule() {
    m_busy = true;
    m_errors.clear();
    // The schedule's own shape goes back: schedule_from_json reads what to_json(Schedule) writes.
    api_client().put("/api/dunning/schedules/" + std::to_string(m_draft.id), api::to_json(m_draft), [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_errors = response.fields;
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_editing = false;
        m_notice = tr("dunning.saved");
        reload();
    });
}

void ViewDunning::assign(std::int64_t package_id, std::int64_t schedule_id) {
    api_client().put("/api/packages/" + std::to_string(package_id) + "/dunning-schedule",
                     api::Json{{"schedule_id", schedule_id > 0 ? api::Json(schedule_id) : api::Json(nullptr)}},
                     [this](const ApiResponse& response) {
                         if (!response.ok()) {
                             m_error = i18n::api_error_text(response.error_code, response.error_message);
                             return;
                         }
                         m_notice = tr("dunning.assigned");
                         reload();
                     });
}

void ViewDunning::draw_schedules(App& app) {
    if (!widgets::begin_card("dunning.schedules")) {
        widgets::end_card();
        return;
    }
    section_title("dunning.schedules.title", tr("dunning.schedules"));
    std::vector<std::string> names;
    for (const api::ScheduleResource& row : m_schedules)
        names.push_back(row.schedule.name + (row.schedule.is_default ? std::string(" · ") + tr("dunning.default") : ""));
    if (!names.empty()) widgets::select_field("dunning.schedule", tr("dunning.schedule"), names, m_selected);
    if (m_selected < static_cast<int>(m_schedules.size())) {
        const dunning::Schedule& schedule = m_schedules[static_cast<std::size_t>(m_selected)].schedule;
        widgets::muted("dunning.description", schedule.description);
        if (ImGui::BeginTable("dunning.steps", 5, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn(tr("dunning.col.day"), 0, 0.6f);
            ImGui::TableSetupColumn(tr("dunning.col.action"), 0, 1.2f);
            ImGui::TableSetupColumn(tr("dunning.col.template"), 0, 1.2f);
            ImGui::TableSetupColumn(tr("dunning.col.fee"), 0, 0.9f);
            ImGui::TableSetupColumn(tr("dunning.col.enabled"), 0, 0.6f);
            widgets::strong_headers_row();
            for (const dunning::Step& step : schedule.steps) {
                const std::string prefix = "dunning.step." + std::to_string(step.id);
                const bool enabled = step.enabled;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".label", dunning::day_label(step.day_offset));
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".action", tr(("dunning.action." + action_name(step)).c_str()));
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".template", step.channel == "none" ? "-" : step.template_key, widgets::colors::kMuted);
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".fee", fee_text(step));
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".enabled", enabled ? tr("common.yes") : tr("common.no"),
                              enabled ? widgets::colors::kSuccess : widgets::colors::kMuted);
            }
            ImGui::EndTable();
        }
        if (app.user().can("settings.update") && !m_editing && widgets::button("dunning.edit", tr("dunning.edit"))) {
            m_draft = schedule;
            m_errors.clear();
            m_editing = true;
        }
    }
    if (m_editing) draw_editor();
    widgets::end_card();
}

void ViewDunning::draw_editor() {
    ImGui::Separator();
    section_title("dunning.editor.title", tr("dunning.editor"));
    std::string name = m_draft.name;
    auto error_of = [this](const std::string& field) {
        auto it = m_errors.find(field);
        return it == m_errors.end() ? std::string() : i18n::translate_message(it->second);
    };
    if (widgets::text_field("dunning.editor.name", tr("dunning.name"), name, error_of("name"))) m_draft.name = name;
    std::vector<dunning::Step>& steps = m_draft.steps;
    std::size_t remove = steps.size();
    for (std::size_t index = 0; index < steps.size(); ++index) {
        dunning::Step& step = steps[index];
        const std::string field = "steps." + std::to_string(index) + ".";
        ImGui::PushID(static_cast<int>(index));
        ImGui::SetNextItemWidth(display().px(90));
        ImGui::InputInt("##day", &step.day_offset);
        ImGui::SameLine();
        int action = index_of(kDunningActions, action_name(step));
        if (widgets::select_field(("dunning.editor.action." + std::to_string(index)).c_str(), "", translated(kDunningActions, "dunning.action."), action,
                                  {}, display().px(170)))
            step.action = dunning::parse_step_action(kDunningActions[static_cast<std::size_t>(action)]).value_or(step.action);
        ImGui::SameLine();
        int template_index = index_of(kTemplates, step.template_key);
        if (widgets::select_field(("dunning.editor.template." + std::to_string(index)).c_str(), "", kTemplates, template_index, {},
                                  display().px(170)))
            step.template_key = kTemplates[static_cast<std::size_t>(template_index)];
        ImGui::SameLine();
        if (step.action == dunning::StepAction::LateFee) {
            int fee = static_cast<int>(step.fee_amount);
            ImGui::SetNextItemWidth(display().px(120));
            if (ImGui::InputInt("##fee", &fee, 1000, 5000)) {
                step.fee_kind = dunning::FeeKind::Fixed;
                step.fee_amount = fee;
            }
            ImGui::SameLine();
        }
        widgets::checkbox(("dunning.editor.enabled." + std::to_string(index)).c_str(), tr("dunning.col.enabled"), step.enabled);
        ImGui::SameLine();
        if (widgets::button(("dunning.editor.remove." + std::to_string(index)).c_str(), "×", widgets::ButtonStyle::Link)) remove = index;
        for (const char* key : {"day_offset", "template_key", "fee_amount", "channel", "action"})
            if (auto message = error_of(field + key); !message.empty()) widgets::text("error", "dunning.editor.error." + field + key, message, widgets::colors::kDanger);
        ImGui::PopID();
    }
    if (remove < steps.size()) steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(remove));
    if (auto message = error_of("steps"); !message.empty()) widgets::text("error", "dunning.editor.error.steps", message, widgets::colors::kDanger);
    if (widgets::button("dunning.editor.add", tr("dunning.add_step")))
        steps.push_back(dunning::Step{});  // H0, remind, whatsapp, "reminder", enabled
    ImGui::SameLine();
    if (widgets::button("dunning.editor.save", tr("common.save"), widgets::ButtonStyle::Primary, 0.f, m_busy)) save_schedule();
    ImGui::SameLine();
    if (widgets::button("dunning.editor.cancel", tr("common.cancel"), widgets::ButtonStyle::Link)) m_editing = false;
}

void ViewDunning::draw_packages(App& app) {
    if (!widgets::begin_card("dunning.packages")) {
        widgets::end_card();
        return;
    }
    section_title("dunning.packages.title", tr("dunning.packages"));
    std::vector<std::string> names = {tr("dunning.use_default")};
    for (const api::ScheduleResource& row : m_schedules) names.push_back(row.schedule.name);
    const bool can_assign = app.user().can("settings.update");
    for (const api::Json& package : m_packages) {
        const std::int64_t package_id = json_int(package, "id");
        int selected = 0;
        for (std::size_t index = 0; index < m_schedules.size(); ++index)
            for (const std::int64_t assigned : m_schedules[index].package_ids)
                if (assigned == package_id) selected = static_cast<int>(index + 1);
        const std::string id = "dunning.package." + std::to_string(package_id);
        if (!can_assign) {
            widgets::text("text", id, json_string(package, "name") + ": " + names[static_cast<std::size_t>(selected)]);
            continue;
        }
        if (widgets::select_field(id.c_str(), json_string(package, "name").c_str(), names, selected, {}, display().px(260)))
            assign(package_id, selected == 0 ? 0 : m_schedules[static_cast<std::size_t>(selected - 1)].schedule.id);
    }
    widgets::end_card();
}

void ViewDunning::draw_run(App& app) {
    if (!app.user().can("dunning.run")) return;
    if (!widgets::begin_card("dunning.run")) {
        widgets::end_card();
        return;
    }
    section_title("dunning.run.title", tr("dunning.run"));
    widgets::muted("dunning.run.help", tr("dunning.run.help"));
    if (widgets::button("dunning.preview", tr("dunning.preview"), widgets::ButtonStyle::Secondary, 0.f, m_busy)) run(true);
    ImGui::SameLine();
    const bool previewed = m_report.is_object() && m_report.value("dry_run", false);
    if (widgets::button("dunning.run_now", tr("dunning.run_now"), widgets::ButtonStyle::Primary, 0.f, m_busy || !previewed)) run(false);
    if (m_report.is_object()) {
        widgets::text("text", "dunning.report.summary",
                      i18n::tr_format(m_report.value("dry_run", false) ? "dunning.report.preview" : "dunning.report.done",
                                      {{"date", json_string(m_report, "date")},
                                       {"due", std::to_string(json_int(m_report, "done"))},
                                       {"skipped", std::to_string(json_int(m_report, "skipped"))},
                                       {"waiting", std::to_string(json_int(m_report, "waiting"))}}));
        if (ImGui::BeginTable("dunning.report", 5, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                              ImVec2(0, display().px(260)))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr("dunning.col.customer"), 0, 1.4f);
            ImGui::TableSetupColumn(tr("dunning.col.invoice"), 0, 1.1f);
            ImGui::TableSetupColumn(tr("dunning.col.step"), 0, 1.1f);
            ImGui::TableSetupColumn(tr("dunning.col.amount"), 0, 0.8f);
            ImGui::TableSetupColumn(tr("dunning.col.state"), 0, 1.2f);
            widgets::strong_headers_row();
            int row = 0;
            for (const api::Json& action : m_report["actions"]) {
                const std::string prefix = "dunning.report." + std::to_string(row++);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".customer", json_string(action, "service_number") + " · " + json_string(action, "customer_name"));
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".invoice", json_string(action, "invoice_no"), widgets::colors::kMuted);
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".step", json_string(action, "label") + " · " + tr(("dunning.action." + json_string(action, "action")).c_str()));
                ImGui::TableNextColumn();
                widgets::text("cell", prefix + ".amount", format_rupiah(json_int(action, "amount")));
                ImGui::TableNextColumn();
                const std::string outcome = json_string(action, "outcome");
                const std::string reason = json_string(action, "reason");
                widgets::text("cell", prefix + ".outcome", std::string(tr(("dunning.outcome." + outcome).c_str())) + (reason.empty() ? "" : " — " + reason),
                              outcome == "failed" ? widgets::colors::kDanger : outcome == "skipped" ? widgets::colors::kMuted : widgets::colors::kSuccess);
            }
            ImGui::EndTable();
        }
    }
    widgets::end_card();
}

void ViewDunning::draw(App& app) {
    if (!m_error.empty()) widgets::banner("dunning.error", m_error, true);
    if (!m_notice.empty()) widgets::banner("dunning.notice", m_notice, false);
    draw_run(app);
    draw_schedules(app);
    draw_packages(app);
}

}  // namespace kimonet
