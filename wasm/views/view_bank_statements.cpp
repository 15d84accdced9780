#include "views/view_bank_statements.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "core/text.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kBankStatementsStatuses[] = {"review", "paid", "ignored"};

const char* content_type(const std::string& file_name) {
    const bool xlsx = file_name.size() > 5 && file_name.substr(file_name.size() - 5) == ".xlsx";
    return xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
}

void status_pill(const std::string& id, const std::string& status) {
    const std::string label = tr("bank.status." + status);
    if (status == "paid") widgets::badge(id, label, widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (status == "review") widgets::badge(id, label, widgets::colors::kWarning, widgets::colors::kWarningSoft);
    else widgets::badge(id, label, widgets::colors::kMuted, IM_COL32(240, 242, 245, 255));
}

// "Nama (CUST001) · INV-…" of the line's paid or suggested invoice; "" when none.
std::string invoice_text(const api::BankStatementLineResource& line) {
    if (line.invoice_no.empty()) return {};
    return line.customer_name + " (" + line.service_number + ") · " + line.invoice_no;
}

}  // namespace

void ViewBankStatements::enter(App&) {
    m_notice.clear();
    m_error.clear();
    m_row_errors.clear();
    m_editing = 0;
    reload();
}

void ViewBankStatements::reload() {
    m_list.load(std::string("&status=") + kBankStatementsStatuses[m_status], [this](const ApiResponse& response) {
        m_lines = api::bank_statement_lines_from_list(response.body);
    });
}

void ViewBankStatements::take_picked_file() {
    if (m_pick == 0) return;
    const auto state = platform::picked_file_state(m_pick);
    if (state == platform::PickState::Waiting) return;
    const int handle = std::exchange(m_pick, 0);
    if (state == platform::PickState::Failed) return;
    platform::PickedFile file = platform::take_picked_file(handle);
    import(std::move(file.bytes), file.name);
}

void ViewBankStatements::import(std::string bytes, const std::string& file_name) {
    m_busy = true;
    m_notice.clear();
    m_error.clear();
    m_row_errors.clear();
    api_client().post_bytes("/api/bank-statements/import", std::move(bytes), content_type(file_name), [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_error = i18n::translate_message(response.error_message);
            if (m_error.empty()) m_error = i18n::api_error_text(response.error_code, response.error_message);
            for (const auto& [field, message] : response.fields) {
                if (field.rfind("row_", 0) != 0) continue;
                m_row_errors.push_back(i18n::tr_format("bank.row_error", {{"row", field.substr(4)}, {"message", i18n::translate_message(message)}}));
            }
            if (auto file = response.fields.find("file"); file != response.fields.end() && m_row_errors.empty())
                m_error = i18n::translate_message(file->second);
            return;
        }
        const auto summary = api::bank_statement_import_from_json(response_data(response.body));
        m_notice = i18n::tr_format("bank.imported", {{"bank", summary.bank},
                                                     {"added", std::to_string(summary.added)},
                                                     {"paid", std::to_string(summary.paid)},
                                                     {"amount", format_rupiah(summary.paid_amount)},
                                                     {"review", std::to_string(summary.review)},
                                                     {"repeated", std::to_string(summary.repeated)}});
        m_status = 0;
        m_list.first_page();
        reload();
    });
}

void ViewBankStatements::match(std::int64_t line_id, const std::string& invoice_no, const std::string& confirm) {
    api::Json body{{"invoice_no", invoice_no}};
    if (!confirm.empty()) body["confirm"] = confirm;
    m_busy = true;
    api_client().post("/api/bank-statements/lines/" + std::to_string(line_id) + "/match", body, [this, line_id](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            auto wanted = response.fields.find("confirm");
            m_pending_confirm = response.status == 409 && wanted != response.fields.end() ? wanted->second : std::string();
            m_editing = line_id;
            m_error = i18n::translate_message(response.error_message);
            for (const auto& [field, message] : response.fields)
                if (field == "invoice_no" || field == "invoice_id") m_error = i18n::translate_message(message);
            return;
        }
        m_error.clear();
        m_pending_confirm.clear();
        m_editing = 0;
        m_notice = i18n::tr_format("bank.matched", {{"invoice", json_string(response_data(response.body), "invoice_no")}});
        reload();
    });
}

void ViewBankStatements::ignore(std::int64_t line_id) {
    m_busy = true;
    api_client().post("/api/bank-statements/lines/" + std::to_string(line_id) + "/ignore", api::Json{{"note", ""}},
                      [this](const ApiResponse& response) {
                          m_busy = false;
                          if (!response.ok()) {
                              m_error = i18n::api_error_text(response.error_code, response.error_message);
                              return;
                          }
                          m_notice = tr("bank.ignored");
                          reload();
                      });
}

void ViewBankStatements::draw_import(bool can_handle) {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("bank.hint", tr("bank.hint"));
    ImGui::PopTextWrapPos();
    if (can_handle) {
        const bool compact = display().compact();
        if (widgets::button("bank.import", tr("bank.import"), widgets::ButtonStyle::Primary, compact ? ImGui::GetContentRegionAvail().x : 0.f,
                            m_busy || m_pick != 0))
            m_pick = platform::pick_file(".csv,.xlsx,text/csv");
        if (m_busy) {
            if (!compact) ImGui::SameLine();
            widgets::muted("bank.busy", tr("bank.busy"));
        }
    }
    if (!m_notice.empty()) widgets::banner("bank.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("bank.error", m_error, true);
    for (std::size_t index = 0; index < m_row_errors.size(); ++index)
        widgets::text("error", "bank.row_error." + std::to_string(index), m_row_errors[index], widgets::colors::kDanger);
}

void ViewBankStatements::draw_line(const api::BankStatementLineResource& line, bool can_handle, bool compact) {
    const std::string prefix = "bank.line." + std::to_string(line.id);
    ImGui::PushID(static_cast<int>(line.id));
    if (!widgets::begin_card(prefix.c_str())) {
        widgets::end_card();
        ImGui::PopID();
        return;
    }
    widgets::text("cell", prefix + ".amount", format_rupiah(line.amount));
    ImGui::SameLine();
    status_pill(prefix + ".status", line.status);
    if (!compact) ImGui::SameLine();
    widgets::text("cell", prefix + ".date", line.posted_on + " · " + to_upper_ascii(line.bank) + " · " + tr("bank.row") + " " +
                                                std::to_string(line.file_row),
                  widgets::colors::kMuted);
    ImGui::PushTextWrapPos(0.f);
    widgets::text("cell", prefix + ".description", line.description);
    if (!line.review_reason.empty()) widgets::text("cell", prefix + ".reason", tr("bank.reason." + line.review_reason), widgets::colors::kWarning);
    if (const std::string invoice = invoice_text(line); !invoice.empty())
        widgets::text("cell", prefix + ".invoice", tr(line.status == "paid" ? "bank.paid_to" : "bank.suggested") + std::string(" ") + invoice,
                      widgets::colors::kAccent);
    ImGui::PopTextWrapPos();
    if (can_handle && line.status == "review") {
        const float full = compact ? ImGui::GetContentRegionAvail().x : 0.f;
        if (!line.invoice_no.empty() && m_editing != line.id) {
            if (widgets::button((prefix + ".pay_suggested").c_str(), i18n::tr_format("bank.pay_to", {{"invoice", line.invoice_no}}).c_str(),
                                widgets::ButtonStyle::Primary, full, m_busy))
                match(line.id, line.invoice_no);
            if (!compact) ImGui::SameLine();
        }
        if (m_editing != line.id) {
            if (widgets::button((prefix + ".other").c_str(), tr("bank.other_invoice"), widgets::ButtonStyle::Secondary, full, m_busy)) {
                m_editing = line.id;
                m_invoice_no.clear();
                m_pending_confirm.clear();
            }
        } else {
            widgets::text_field((prefix + ".invoice_no").c_str(), tr("bank.invoice_no"), m_invoice_no, {}, 0, "INV-202601-00001",
                                compact ? -FLT_MIN : display().px(260));
            if (widgets::button((prefix + ".match").c_str(), m_pending_confirm.empty() ? tr("bank.match") : tr("bank.match_confirm"),
                                widgets::ButtonStyle::Primary, full, m_busy || m_invoice_no.empty()))
                match(line.id, m_invoice_no, m_pending_confirm);
            if (!compact) ImGui::SameLine();
            if (widgets::button((prefix + ".cancel").c_str(), tr("common.cancel"), widgets::ButtonStyle::Link, full)) m_editing = 0;
        }
        if (!compact) ImGui::SameLine();
        if (widgets::button((prefix + ".ignore").c_str(), tr("bank.ignore"), widgets::ButtonStyle::Link, full, m_busy)) ignore(line.id);
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewBankStatements::draw(App& app) {
    take_picked_file();
    const bool can_handle = app.user().can("payments.create");
    const bool compact = display().compact();
    draw_import(can_handle);
    ImGui::Spacing();
    const std::vector<std::string> statuses = {tr("bank.status.review"), tr("bank.status.paid"), tr("bank.status.ignored")};
    if (widgets::select_field("bank.filter", compact ? nullptr : tr("bank.filter"), statuses, m_status, {},
                              compact ? -FLT_MIN : display().px(220), tr("bank.filter"))) {
        m_list.first_page();
        m_editing = 0;
        reload();
    }
    if (!m_list.error().empty()) widgets::banner("bank.list_error", m_list.error(), true);
    for (const auto& line : m_lines) draw_line(line, can_handle, compact);
    if (m_list.loaded() && m_lines.empty()) widgets::muted("bank.empty", tr("bank.empty." + std::string(kBankStatementsStatuses[m_status])));
    if (m_list.pager("bank")) reload();
}

}  // namespace kimonet
