#include "views/view_gateway_transactions.hpp"

#include <algorithm>
#include <vector>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/admin_widgets.hpp"
#include "views/billing_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr int kPerPage = 25;
constexpr const char* kGatewayTransactionsStatuses[] = {"", "pending", "paid", "expired", "review"};

void status_pill(const std::string& id, const std::string& status) {
    const std::string label = tr(("gateway.status." + status).c_str());
    if (status == "paid") widgets::badge(id, label, widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (status == "pending") widgets::badge(id, label, widgets::colors::kWarning, widgets::colors::kWarningSoft);
    else if (status == "review") widgets::badge(id, label, widgets::colors::kDanger, widgets::colors::kDangerSoft);
    else widgets::badge(id, label, widgets::colors::kMuted, IM_COL32(240, 242, 245, 255));
}

void kind_pill(const std::string& id, const std::string& kind) {
    const std::string label = tr(("reconciliation.kind." + kind).c_str());
    if (kind == "applied") widgets::badge(id, label, widgets::colors::kSuccess, widgets::colors::kSuccessSoft);
    else if (kind == "expired" || kind == "failed") widgets::badge(id, label, widgets::colors::kMuted, IM_COL32(240, 242, 245, 255));
    else widgets::badge(id, label, widgets::colors::kDanger, widgets::colors::kDangerSoft);
}

// "2026-01-15T09:30:00+07:00" (or null) → "15 Jan 2026 09:30".
std::string when(const api::Json& row, const char* key) {
    const std::string text = json_string(row, key);
    return text.empty() ? std::string(tr("common.none")) : format_paid_at(text);
}

void cell() {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
}

}  // namespace

void ViewGatewayTransactions::enter() {
    m_notice.clear();
    reload();
    reload_findings();
}

std::string ViewGatewayTransactions::status_route() const { return kGatewayTransactionsStatuses[m_status]; }

bool ViewGatewayTransactions::choose_status(const std::string& status, bool shown) {
    for (int index = 0; index < static_cast<int>(std::size(kGatewayTransactionsStatuses)); ++index) {
        if (status != kGatewayTransactionsStatuses[index]) continue;
        if (index != m_status) {
            m_status = index;
            m_list.first_page();
            if (shown) reload();
        }
        return true;
    }
    return false;
}

void ViewGatewayTransactions::reload() {
    m_list.load(m_status > 0 ? std::string("&status=") + kGatewayTransactionsStatuses[m_status] : std::string(), [this](const ApiResponse&) { m_error.clear(); });
}

void ViewGatewayTransactions::reload_findings() {
    api_client().get("/api/payments/callback-inbox?per_page=1", [this](const ApiResponse& response) {
        m_waiting_callbacks = response.ok() ? json_int(response.body, "total") : 0;
    });
    api_client().get("/api/payments/reconciliation?per_page=" + std::to_string(kPerPage), [this](const ApiResponse& response) {
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response_data(response.body);
        m_findings = data.is_array() ? data : api::Json::array();
        m_findings_total = static_cast<int>(json_int(response.body, "total", static_cast<std::int64_t>(m_findings.size())));
    });
}

void ViewGatewayTransactions::reconcile() {
    m_busy = true;
    m_notice.clear();
    api_client().post("/api/payments/reconcile", api::Json::object(), [this](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        const api::Json& data = response_data(response.body);
        m_notice = i18n::tr_format("reconciliation.done", {{"checked", std::to_string(json_int(data, "checked"))},
                                                           {"applied", std::to_string(json_int(data, "applied"))},
                                                           {"expired", std::to_string(json_int(data, "expired"))},
                                                           {"flagged", std::to_string(json_int(data, "flagged"))}});
        reload();
        reload_findings();
    });
}

void ViewGatewayTransactions::draw_transactions(float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const bool compact = display().compact();
    if (!widgets::begin_table("gateway_tx.table",
                              {{tr("gateway.col.created"), 1.2f, !compact}, {tr("gateway.col.customer"), 1.6f},
                               {tr("gateway.col.invoice"), 1.3f, !compact}, {tr("gateway.col.order"), 1.6f, !compact},
                               {tr("gateway.col.method"), 1.2f, !compact}, {tr("gateway.col.amount"), 1.0f}, {tr("gateway.col.status"), 0.9f}},
                              flags, height))
        return;
    for (const api::Json& row : m_list.rows()) {
        const std::string order = json_string(row, "order_id");
        const std::string prefix = "gateway_tx." + order;
        ImGui::PushID(static_cast<int>(json_int(row, "id")));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        if (!compact) {
            cell();
            widgets::text("cell", prefix + ".created", when(row, "created_at"), widgets::colors::kMuted);
        }
        cell();
        const std::string who = json_string(row, "customer_name") + " (" + json_string(row, "service_number") + ")";
        widgets::text("cell", prefix + ".customer", who);
        if (!compact) {
            cell();
            widgets::text("cell", prefix + ".invoice", json_string(row, "invoice_no"), widgets::colors::kAccent);
            cell();
            widgets::text("cell", prefix + ".order", order);
            cell();
            widgets::text("cell", prefix + ".method", json_string(row, "gateway") + " · " + json_string(row, "method"));
        }
        cell();
        widgets::text("cell", prefix + ".amount", format_rupiah(json_int(row, "amount")));
        ImGui::TableNextColumn();
        status_pill(prefix + ".status", json_string(row, "status"));
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (m_list.loaded() && m_list.rows().empty()) widgets::muted("gateway_tx.empty", tr("gateway.empty"));
    if (m_list.pager("gateway_tx")) reload();
}

void ViewGatewayTransactions::draw_findings() {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "reconciliation.title", i18n::tr_format("reconciliation.title", {{"total", std::to_string(m_findings_total)}}));
    ImGui::PopFont();
    if (m_findings.empty()) {
        widgets::muted("reconciliation.empty", tr("reconciliation.empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const bool compact = display().compact();
    if (!widgets::begin_table("reconciliation.table",
                              {{tr("gateway.col.created"), 1.1f, !compact}, {tr("gateway.col.gateway"), 0.8f, !compact},
                               {tr("gateway.col.order"), 1.5f}, {tr("reconciliation.col.kind"), 1.0f},
                               {tr("reconciliation.col.detail"), 2.0f, !compact}},
                              flags))
        return;
    for (const api::Json& row : m_findings) {
        const std::string prefix = "reconciliation." + std::to_string(json_int(row, "id"));
        ImGui::PushID(static_cast<int>(json_int(row, "id")));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        if (!compact) {
            cell();
            widgets::text("cell", prefix + ".at", when(row, "at"), widgets::colors::kMuted);
            cell();
            widgets::text("cell", prefix + ".gateway", json_string(row, "gateway"));
        }
        cell();
        widgets::text("cell", prefix + ".order", json_string(row, "order_id"));
        ImGui::TableNextColumn();
        kind_pill(prefix + ".kind", json_string(row, "kind"));
        if (!compact) {
            cell();
            widgets::text("cell", prefix + ".detail", json_string(row, "detail"), widgets::colors::kMuted);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewGatewayTransactions::draw(App& app) {
    std::vector<std::string> statuses;
    for (const char* status : kGatewayTransactionsStatuses) statuses.push_back(tr((std::string("gateway.filter.") + (*status ? status : "all")).c_str()));
    int status = m_status;
    if (tab_row("gateway.filter", statuses, status) && status != m_status) {
        m_status = status;
        m_list.first_page();
        reload();
    }
    if (app.user().can("payments.create")) {
        const char* label = tr("reconciliation.run");
        const bool compact = display().compact();
        const float width = compact ? ImGui::GetContentRegionAvail().x : ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (widgets::button("reconciliation.run", label, widgets::ButtonStyle::Primary, compact ? width : 0.f, m_busy)) reconcile();
    }
    if (!m_notice.empty()) widgets::banner("reconciliation.notice", m_notice, false);
    if (m_waiting_callbacks > 0)
        widgets::banner("gateway.waiting", i18n::tr_format("gateway.waiting", {{"count", std::to_string(m_waiting_callbacks)}}), false);
    if (const std::string& error = m_error.empty() ? m_list.error() : m_error; !error.empty())
        widgets::banner("gateway.error", error, true);
    // The attempts take the upper part, the findings what is left below.
    const float available = ImGui::GetContentRegionAvail().y;
    draw_transactions(std::max(display().px(160), available * 0.55f - widgets::pager_height()));
    ImGui::Spacing();
    draw_findings();
}

}  // namespace kimonet
