#include "views/invoice_preview.hpp"

#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/billing_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

using i18n::tr;
using platform::display;

void draw_invoice_preview(const InvoicePreviewInput& input, const Catalog& catalog) {
    if (!widgets::begin_card("invoice_preview")) {
        widgets::end_card();
        return;
    }
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "invoice_preview.title", tr("preview.title"));
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr("preview.number")).x - display().px(16));
    widgets::badge("invoice_preview.number", tr("preview.number"), widgets::colors::kAccent, IM_COL32(231, 238, 255, 255));

    const auto join_date = parse_date(input.join_date);
    if (!input.package || !join_date) {
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("invoice_preview.hint", tr("preview.needs_input"));
        ImGui::PopTextWrapPos();
        widgets::end_card();
        return;
    }
    const billing::MonthlyBillingInput billing_input{period_of(*join_date), *join_date, input.due_day, input.package->name,
                                                    input.package->price};
    const auto draft = billing::monthly_invoice(billing_input, catalog.billing_rules);
    if (!draft) {
        widgets::end_card();
        return;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("invoice_preview.period", i18n::tr_format("preview.period", {{"period", format_period_indonesian(draft->period)},
                                                                                {"date", i18n::format_date(draft->due_date)}}));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, display().px(2)));
    for (std::size_t index = 0; index < draft->lines.size(); ++index) {
        const billing::InvoiceLine& line = draft->lines[index];
        const std::string id = "invoice_preview.line." + std::to_string(index);
        ImGui::PushTextWrapPos(0.f);
        widgets::text("cell", id, line.description);
        ImGui::PopTextWrapPos();
        const std::string amount = format_rupiah(line.amount);
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(amount.c_str()).x);
        widgets::text("cell", id + ".amount", amount);
    }
    ImGui::Separator();
    if (draft->tax.rate_basis_points > 0) {
        amount_row("invoice_preview.subtotal", tr("invoice.subtotal"), draft->totals.subtotal);
        const std::string rate = std::to_string(draft->tax.rate_basis_points / 100) +
                                 (draft->tax.rate_basis_points % 100 ? "," + std::to_string(draft->tax.rate_basis_points % 100) : "");
        const std::string label = i18n::tr_format(
            draft->tax.mode == billing::TaxMode::Inclusive ? "invoice.tax_inclusive" : "invoice.tax_exclusive", {{"rate", rate}});
        amount_row("invoice_preview.tax", label.c_str(), draft->totals.tax);
    }
    amount_row("invoice_preview.total", tr("invoice.total"), draft->totals.total, true);
    ImGui::Dummy(ImVec2(0, display().px(2)));
    const char* source = catalog.billing_rules_source == Catalog::RulesSource::Server ? "preview.rules_server"
                         : catalog.billing_rules_source == Catalog::RulesSource::Stored ? "preview.rules_stored"
                                                                                         : "preview.rules_default";
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("invoice_preview.source", tr(source));
    ImGui::PopTextWrapPos();
    widgets::end_card();
}

}  // namespace kimonet
