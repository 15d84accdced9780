// The customer form's tax identity (issue 20): NPWP, NIK, NITKU and whether the customer needs a
// faktur pajak. The live messages come from shared/customers/tax_identity through customer_from_json,
// the same rules the server applies.
#include "i18n.hpp"
#include "imgui.h"
#include "views/view_customer_form.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

using i18n::tr;

void ViewCustomerForm::draw_tax_fields(const FieldErrors& live, const std::function<void()>& cell) {
    auto edited = [this](const char* field) { m_server_errors.erase(field); };
    cell();
    if (widgets::text_field("customer_form.npwp", tr("customer_tax.npwp"), m_npwp, field_error(live, "npwp", !m_npwp.empty()),
                            ImGuiInputTextFlags_None, "01.234.567.8-901.000"))
        edited("npwp");
    cell();
    if (widgets::text_field("customer_form.nik", tr("customer_tax.nik"), m_nik, field_error(live, "nik", !m_nik.empty()),
                            ImGuiInputTextFlags_CharsDecimal, "3201014101900001"))
        edited("nik");
    cell();
    if (widgets::text_field("customer_form.nitku", tr("customer_tax.nitku"), m_nitku, field_error(live, "nitku", !m_nitku.empty()),
                            ImGuiInputTextFlags_CharsDecimal, tr("customer_tax.nitku_hint")))
        edited("nitku");
    cell();
    if (widgets::checkbox("customer_form.needs_faktur", tr("customer_tax.needs_faktur"), m_needs_faktur)) edited("needs_faktur");
    const std::string problem = field_error(live, "needs_faktur", m_needs_faktur);
    if (!problem.empty()) {
        ImGui::PushTextWrapPos(0.f);
        widgets::text("error", "customer_form.needs_faktur.error", problem, widgets::colors::kDanger);
        ImGui::PopTextWrapPos();
    }
}

}  // namespace kimonet
