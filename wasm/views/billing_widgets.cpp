#include "views/billing_widgets.hpp"

#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/download_button.hpp"
#include "widgets/theme.hpp"
#include "widgets/list_widgets.hpp"

namespace kimonet {

using i18n::tr;
using platform::display;

std::string invoice_status_label(billing::InvoiceStatus status) {
    return tr(std::string("invoice_status.") + std::string(billing::to_string(status)));
}

void invoice_status_badge(const std::string& id, billing::InvoiceStatus status, bool overdue) {
    using namespace widgets::colors;
    using billing::InvoiceStatus;
    if (overdue && (status == InvoiceStatus::Unpaid || status == InvoiceStatus::Partial)) {
        widgets::badge(id, tr("invoice_status.overdue"), kDanger, kDangerSoft);
        return;
    }
    switch (status) {
    case InvoiceStatus::Unpaid: widgets::badge(id, invoice_status_label(status), kWarning, kWarningSoft); break;
    case InvoiceStatus::Partial: widgets::badge(id, invoice_status_label(status), kAccent, IM_COL32(231, 238, 255, 255)); break;
    case InvoiceStatus::Paid: widgets::badge(id, invoice_status_label(status), kSuccess, kSuccessSoft); break;
    case InvoiceStatus::Void: widgets::badge(id, invoice_status_label(status), kMuted, kNeutralSoft); break;
    }
}

std::string payment_method_label(const std::string& method) {
    const std::string key = "payment_method." + method;
    return i18n::has_key(key) ? std::string(tr(key)) : method;
}

std::string payment_method_label(payments::PaymentMethod method) { return payment_method_label(std::string(payments::to_string(method))); }

std::string format_paid_at(const std::string& paid_at) {
    auto date = parse_date(std::string_view(paid_at).substr(0, 10));
    if (!date) return paid_at;
    std::string out = i18n::format_date(*date);
    if (paid_at.size() >= 16) out += " " + paid_at.substr(11, 5);
    return out;
}

std::string format_paid_at(const api::PaymentResource& payment) {
    return format_paid_at(api::local_timestamp(payment.payment.paid_at, payment.offset));
}

void amount_row(const std::string& id, const char* label, Money amount, bool strong, float width) {
    const float available = width > 0.f ? width : ImGui::GetContentRegionAvail().x;
    const float start = ImGui::GetCursorPosX();
    widgets::muted((id + ".label").c_str(), label);
    const std::string value = format_rupiah(amount);
    if (strong) ImGui::PushFont(display().fonts().strong);
    // SetCursorPosX, not SameLine(x): inside a group SameLine adds the group's indent a second time.
    ImGui::SameLine();
    ImGui::SetCursorPosX(start + available - ImGui::CalcTextSize(value.c_str()).x);
    widgets::text("text", id, value);
    if (strong) ImGui::PopFont();
}

void pdf_button(const std::string& id, const std::string& api_path, const std::string& filename, widgets::ButtonStyle style,
                float width, const char* label) {
    if (widgets::download_button(id, label ? label : tr("pdf.download"), api_path, filename, style, width).failed) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        widgets::text("error", id + ".error", tr("pdf.failed"), widgets::colors::kDanger);
    }
}

void invoice_lines_table(const std::string& id, const std::vector<billing::InvoiceLine>& lines) {
    if (display().compact()) {
        for (std::size_t index = 0; index < lines.size(); ++index) {
            const billing::InvoiceLine& line = lines[index];
            const std::string row = id + "." + std::to_string(index);
            ImGui::PushTextWrapPos(0.f);
            widgets::text("cell", row + ".description", line.description);
            ImGui::PopTextWrapPos();
            const std::string quantity = std::to_string(line.quantity) + " × " + format_rupiah(line.unit_price);
            widgets::muted((row + ".quantity").c_str(), quantity);
            const std::string amount = format_rupiah(line.amount);
            ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(amount.c_str()).x);
            widgets::text("cell", row + ".amount", amount);
            ImGui::Separator();
        }
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id.c_str(), 4, flags)) return;
    ImGui::TableSetupColumn(tr("invoice.col.description"), 0, 3.2f);
    ImGui::TableSetupColumn(tr("invoice.col.quantity"), 0, 0.6f);
    ImGui::TableSetupColumn(tr("invoice.col.unit_price"), 0, 1.2f);
    ImGui::TableSetupColumn(tr("invoice.col.amount"), 0, 1.2f);
    widgets::strong_headers_row();
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const billing::InvoiceLine& line = lines[index];
        const std::string row = id + "." + std::to_string(index);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.f);
        widgets::text("cell", row + ".description", line.description);
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".quantity", std::to_string(line.quantity));
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".unit_price", format_rupiah(line.unit_price));
        ImGui::TableNextColumn();
        widgets::text("cell", row + ".amount", format_rupiah(line.amount));
    }
    ImGui::EndTable();
}

void payment_row(const std::string& row, const api::PaymentResource& listed) {
    const payments::Payment& payment = listed.payment;
    widgets::text("cell", row + ".receipt", payment.receipt_no, widgets::colors::kAccent);
    ImGui::SameLine();
    widgets::muted((row + ".paid_at").c_str(), format_paid_at(listed) + " · " + payment_method_label(payment.method));
    const std::string amount = format_rupiah(payment.amount);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(amount.c_str()).x);
    widgets::text("cell", row + ".amount", amount);
}

}  // namespace kimonet
