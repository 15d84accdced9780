#include "views/transfer_note.hpp"

#include "billing/unique_code.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {

void transfer_note(const std::string& id, const api::InvoiceResource& resource) {
    const Money outstanding = resource.invoice.outstanding();
    if (resource.unique_code <= 0 || outstanding <= 0) return;
    const Money amount = billing::transfer_amount(outstanding, resource.unique_code);
    ImGui::Dummy(ImVec2(0, platform::display().px(4)));
    ImGui::PushFont(platform::display().fonts().strong);
    widgets::text("text", id, i18n::tr_format("transfer.exact", {{"amount", format_rupiah(amount)}}), widgets::colors::kAccent);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    widgets::muted((id + ".hint").c_str(), i18n::tr_format("transfer.exact_hint", {{"code", format_rupiah(resource.unique_code)}}));
    ImGui::PopTextWrapPos();
}

}  // namespace kimonet
