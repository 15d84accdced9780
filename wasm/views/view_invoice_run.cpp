#include "views/view_invoice_run.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
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

constexpr const char* kPopup = "invoice_run";
constexpr int kPerPage = 20;
// The change list's filters: the query each sends and its catalogue key.
struct Filter {
    const char* query;
    const char* key;
};
constexpr Filter kFilters[] = {{"changes", "invoice_run.filter.changes"},   {"new", "invoice_run.filter.new"},
                               {"leaving", "invoice_run.filter.leaving"},   {"prorated", "invoice_run.filter.prorated"},
                               {"package_change", "invoice_run.filter.package_change"},
                               {"amount_change", "invoice_run.filter.amount_change"},
                               {"no_previous", "invoice_run.filter.no_previous"}, {"", "invoice_run.filter.all"},
                               {"outage_credit", "invoice_run.filter.outage_credit"}};

std::string reason_label(const std::string& reason) { return tr(("invoice_run.reason." + reason).c_str()); }

void figure(const std::string& id, const char* caption, const std::string& value, float width) {
    ImGui::BeginGroup();
    widgets::muted((id + ".label").c_str(), caption);
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, value);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::EndGroup();
}

}  // namespace

void ViewInvoiceRun::open(std::int64_t run_id, std::function<void()> finished) {
    m_run_id = run_id;
    m_finished = std::move(finished);
    m_run = {};
    m_loaded = false;
    m_changes.clear();
    m_changes_total = 0;
    m_filter = 0;
    m_page = 1;
    m_confirm = Confirm::None;
    m_error.clear();
    m_notice.clear();
    m_busy = false;
    m_open_requested = true;
    load_summary();
    load_changes();
}

void ViewInvoiceRun::load_summary() {
    api_client().get("/api/invoice-runs/" + std::to_string(m_run_id), [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const auto data = response.body.find("data");
        if (data != response.body.end()) m_run = api::invoice_run_from_json(*data);
        m_loaded = true;
    });
}

void ViewInvoiceRun::load_changes() {
    std::string path = "/api/invoice-runs/" + std::to_string(m_run_id) + "/changes?per_page=" + std::to_string(kPerPage) +
                       "&page=" + std::to_string(m_page);
    if (*kFilters[m_filter].query) path += std::string("&reason=") + kFilters[m_filter].query;
    api_client().get(path, [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_changes = api::invoice_run_changes_from_list(response.body);
        m_changes_total = json_int(response.body, "total");
    });
}

void ViewInvoiceRun::act(const char* action) {
    m_busy = true;
    m_error.clear();
    const std::string what = action;
    api_client().post("/api/invoice-runs/" + std::to_string(m_run_id) + "/" + what, api::Json::object(), [this, what](const ApiResponse& response) {
        m_busy = false;
        m_confirm = Confirm::None;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            load_summary();
            return;
        }
        if (what == "discard") {
            m_run.status = "discarded";
            m_notice = tr("invoice_run.discarded");
        } else {
            if (const auto data = response.body.find("data"); data != response.body.end()) m_run = api::invoice_run_from_json(*data);
            m_notice = i18n::tr_format("invoice_run.approved", {{"count", std::to_string(m_run.issued)}});
            load_changes();
        }
        if (m_finished) m_finished();
    });
}

void ViewInvoiceRun::set_excluded(std::int64_t customer_id, bool excluded) {
    m_error.clear();
    api_client().post("/api/invoice-runs/" + std::to_string(m_run_id) + "/exclude", api::Json{{"customer_id", customer_id}, {"excluded", excluded}},
                      [this](const ApiResponse& response) {
                          if (!response.ok()) m_error = i18n::api_error_text(response.error_code, response.error_message);
                          load_summary();
                          load_changes();
                      });
}

void ViewInvoiceRun::draw_summary() {
    if (!widgets::begin_card("invoice_run.summary")) {
        widgets::end_card();
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = display().compact() ? 2 : 4;
    const float width = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const std::pair<const char*, std::string> figures[] = {
        {"count", std::to_string(m_run.invoice_count)},           {"total", format_rupiah(m_run.total_amount)},
        {"new", std::to_string(m_run.new_customers)},             {"leaving", std::to_string(m_run.leaving)},
        {"prorations", std::to_string(m_run.prorations)},         {"package_changes", std::to_string(m_run.package_changes)},
        {"amount_changes", std::to_string(m_run.amount_changes)}, {"excluded", std::to_string(m_run.excluded)}};
    int index = 0;
    for (const auto& [key, value] : figures) {
        if (index % columns != 0) ImGui::SameLine();
        const std::string id = std::string("invoice_run.") + key;
        figure(id, tr(("invoice_run.figure." + std::string(key)).c_str()), value, width);
        ++index;
    }
    // Outage credits (issue 21) are added at approval: the approver sees them before.
    if (m_run.outage_credits > 0)
        widgets::text("text", "invoice_run.outage_credits",
                      i18n::tr_format("invoice_run.outage_credits",
                                      {{"count", std::to_string(m_run.outage_credits)}, {"amount", format_rupiah(m_run.outage_credit_amount)}}),
                      widgets::colors::kWarning);
    widgets::end_card();
}

void ViewInvoiceRun::draw_changes(bool editable) {
    std::vector<std::string> filters;
    for (const Filter& filter : kFilters) filters.push_back(tr(filter.key));
    if (widgets::select_field("invoice_run.filter", "", filters, m_filter, {}, display().px(260), tr("invoice_run.filter"))) {
        m_page = 1;
        load_changes();
    }
    const float height = display().px(display().compact() ? 260 : 300);
    ImGui::BeginChild("invoice_run.changes", ImVec2(0, height), true);
    if (m_changes.empty()) widgets::muted("invoice_run.changes.empty", tr("invoice_run.changes.empty"));
    for (const api::InvoiceRunChange& change : m_changes) {
        const std::string id = "invoice_run.change." + std::to_string(change.customer_id);
        ImGui::PushID(static_cast<int>(change.customer_id));
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", id + ".customer", change.customer_name + " · " + change.service_number);
        ImGui::PopFont();
        std::string line = reason_label(change.reason);
        if (change.prorated && change.reason != "proration") line += " · " + std::string(tr("invoice_run.reason.proration"));
        widgets::text("cell", id + ".reason", line, change.reason == "same" ? widgets::colors::kMuted : widgets::colors::kWarning);
        const std::string previous = change.has_previous ? format_rupiah(change.previous_amount) : std::string(tr("invoice_run.none"));
        const std::string now = change.reason == "leaving" ? std::string(tr("invoice_run.none")) : format_rupiah(change.amount);
        widgets::text("cell", id + ".amounts", i18n::tr_format("invoice_run.amounts", {{"previous", previous}, {"now", now}}));
        if (change.outage_credit > 0)
            widgets::text("cell", id + ".outage_credit",
                          i18n::tr_format("invoice_run.outage_credit", {{"description", change.outage_credit_description},
                                                                        {"amount", format_rupiah(change.outage_credit)},
                                                                        {"total", format_rupiah(change.amount_after_credit)}}),
                          widgets::colors::kWarning);
        if (change.state == "excluded" || change.state == "skipped" || change.state == "issued")
            widgets::text("cell", id + ".state", tr(("invoice_run.state." + change.state).c_str()),
                          change.state == "issued" ? widgets::colors::kSuccess : widgets::colors::kDanger);
        if (editable && (change.state == "draft" || change.state == "excluded")) {
            const bool excluded = change.state == "excluded";
            if (widgets::button((id + ".toggle").c_str(), tr(excluded ? "invoice_run.include" : "invoice_run.exclude"), widgets::ButtonStyle::Link))
                set_excluded(change.customer_id, !excluded);
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
    const int pages = static_cast<int>(std::max<std::int64_t>(1, (m_changes_total + kPerPage - 1) / kPerPage));
    if (widgets::button("invoice_run.previous", tr("invoice_run.page_previous"), widgets::ButtonStyle::Secondary, 0.f, m_page <= 1)) {
        --m_page;
        load_changes();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text("text", "invoice_run.page",
                  i18n::tr_format("invoice_run.page", {{"page", std::to_string(m_page)}, {"pages", std::to_string(pages)},
                                                       {"total", std::to_string(m_changes_total)}}));
    ImGui::SameLine();
    if (widgets::button("invoice_run.next", tr("invoice_run.page_next"), widgets::ButtonStyle::Secondary, 0.f, m_page >= pages)) {
        ++m_page;
        load_changes();
    }
}

void ViewInvoiceRun::draw_actions(const App& app, bool& close) {
    const bool open_run = m_run.status == "prepared" || m_run.status == "approving";
    const bool may_decide = app.user().can("invoices.approve_run") && open_run;
    const float full = ImGui::GetContentRegionAvail().x;
    const float third = (full - ImGui::GetStyle().ItemSpacing.x * 2) / 3.f;
    if (m_confirm != Confirm::None) {
        const bool approve = m_confirm == Confirm::Approve;
        ImGui::PushTextWrapPos(0.f);
        widgets::banner("invoice_run.confirm_text",
                        approve ? i18n::tr_format("invoice_run.confirm_approve",
                                                  {{"count", std::to_string(m_run.invoice_count)}, {"total", format_rupiah(m_run.total_amount)}})
                                : i18n::tr_format("invoice_run.confirm_discard", {{"count", std::to_string(m_run.invoice_count)}}),
                        !approve);
        ImGui::PopTextWrapPos();
        const float half = (full - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (widgets::button("invoice_run.confirm_no", tr("common.cancel"), widgets::ButtonStyle::Secondary, half, m_busy))
            m_confirm = Confirm::None;
        ImGui::SameLine();
        if (widgets::button("invoice_run.confirm_yes", m_busy ? tr("common.saving") : tr(approve ? "invoice_run.approve_yes" : "invoice_run.discard_yes"),
                            approve ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Danger, half, m_busy))
            act(approve ? "approve" : "discard");
        return;
    }
    if (widgets::button("invoice_run.close", tr("common.close"), widgets::ButtonStyle::Secondary, may_decide ? third : full)) close = true;
    if (!may_decide) return;
    ImGui::SameLine();
    // A half-approved run can only be finished (approving again resumes it).
    if (widgets::button("invoice_run.discard", tr("invoice_run.discard"), widgets::ButtonStyle::Danger, third, m_busy || m_run.status != "prepared"))
        m_confirm = Confirm::Discard;
    ImGui::SameLine();
    if (widgets::button("invoice_run.approve", tr(m_run.status == "approving" ? "invoice_run.resume" : "invoice_run.approve"),
                        widgets::ButtonStyle::Primary, third, m_busy))
        m_confirm = Confirm::Approve;
}

void ViewInvoiceRun::draw(const App& app) {
    if (m_open_requested) {
        ImGui::OpenPopup(kPopup);
        m_open_requested = false;
        m_close_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(display().px(760), viewport->Size.x - display().px(24)), 0));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(20), display().px(18)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, display().px(10));
    const bool open = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar(2);
    m_visible = open;
    if (!open) return;
    bool close = m_close_requested;
    const auto period = parse_period(m_run.period);
    widgets::title("invoice_run.title", i18n::tr_format("invoice_run.title", {{"period", period ? i18n::format_period(*period) : m_run.period}}));
    if (m_loaded && !m_run.status.empty())
        widgets::muted("invoice_run.status", i18n::tr_format(("invoice_run.status." + m_run.status).c_str(),
                                                             {{"by", m_run.prepared_by}, {"at", m_run.prepared_at}, {"approver", m_run.approved_by}}));
    if (m_run.four_eyes && m_run.status == "prepared") widgets::muted("invoice_run.four_eyes", tr("invoice_run.four_eyes"));
    if (!m_error.empty()) widgets::banner("invoice_run.error", m_error, true);
    if (!m_notice.empty()) widgets::banner("invoice_run.notice", m_notice, false);
    if (m_loaded && m_run.status != "discarded") {
        draw_summary();
        draw_changes(m_run.status == "prepared" && app.user().can("invoices.update"));
    }
    ImGui::Dummy(ImVec2(0, display().px(4)));
    draw_actions(app, close);
    if (widgets::dialog_escape()) {
        if (m_confirm != Confirm::None) m_confirm = Confirm::None;  // Escape backs out of the question first
        else close = true;
    }
    if (close) {
        m_visible = false;
        m_close_requested = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace kimonet
