// The customer screen's quick actions: the work that starts from a customer, without going back to
// another screen. Each button is drawn only when the signed-in role has the permission the server
// checks for what it leads to (tests/views/test_role_walk.cpp clicks every button of every screen
// for each seeded role and fails on a request the role would get 403 for).
#include <algorithm>

#include "addresses.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "views/print_documents.hpp"
#include "views/view_customer_detail.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/print_view.hpp"

namespace kimonet {
namespace {

using billing::InvoiceStatus;
using i18n::tr;
using platform::display;

// Buttons side by side while they fit, then on the next line: nothing is cut off on a phone.
class ButtonFlow {
public:
    bool button(const char* id, const char* label, widgets::ButtonStyle style = widgets::ButtonStyle::Secondary, bool disabled = false) {
        ImGui::PushFont(display().fonts().strong);
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::PopFont();
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        if (m_count > 0 && m_used + spacing + width <= m_available) {
            ImGui::SameLine();
            m_used += spacing + width;
        } else {
            m_used = width;
        }
        ++m_count;
        return widgets::button(id, label, style, 0.f, disabled);
    }

private:
    float m_available = ImGui::GetContentRegionAvail().x;
    float m_used = 0.f;
    int m_count = 0;
};

}  // namespace

const api::InvoiceResource* ViewCustomerDetail::open_invoice() const {
    const api::InvoiceResource* oldest = nullptr;
    for (const api::InvoiceResource& record : m_invoices) {
        const InvoiceStatus status = record.invoice.status;
        if (status != InvoiceStatus::Unpaid && status != InvoiceStatus::Partial) continue;
        if (!oldest || record.invoice.period < oldest->invoice.period) oldest = &record;
    }
    return oldest;
}

void ViewCustomerDetail::edit(App& app) {
    if (!m_customer) return;
    m_form.open_edit(app, *m_customer, [this, &app](const Customer& saved) {
        m_customer = saved;
        reload_all();
        // Said as well as shown: the form closing says nothing to a screen reader.
        app.toast_ok(i18n::tr_format("customers.saved", {{"number", saved.service_number}}));
    });
}

// The receipt of the newest payment that still counts, printed as the 58 mm slip.
void ViewCustomerDetail::print_last_receipt(const SessionUser& printer) {
    const api::PaymentResource* latest = nullptr;
    for (const api::PaymentResource& listed : m_payments)
        if (!listed.payment.voided() && (!latest || listed.payment.id > latest->payment.id)) latest = &listed;
    if (!latest) return;
    for (const api::InvoiceResource& record : m_invoices)
        if (record.invoice.id == latest->payment.invoice_id) {
            api::InvoiceResource with_customer = record;
            if (m_customer) {
                with_customer.customer_name = m_customer->name;
                with_customer.service_number = m_customer->service_number;
            }
            print_view::print_now(receipt_document(*latest, with_customer, printer));
            return;
        }
}

void ViewCustomerDetail::draw_actions(App& app) {
    if (!m_customer) return;
    const SessionUser& user = app.user();
    ButtonFlow flow;
    if (user.can("customers.update") && flow.button("customer_detail.action.edit", tr("customer_actions.edit")))
        edit(app);
    const api::InvoiceResource* unpaid = open_invoice();
    if (unpaid && user.can("payments.create") &&
        flow.button("customer_detail.action.pay", tr("customer_actions.pay"), widgets::ButtonStyle::Primary))
        m_detail.open(unpaid->invoice.id, [this] { reload_all(); }, ViewInvoiceDetail::Panel::Payment);
    // The invoice to look at: the one still owed, else the newest.
    const api::InvoiceResource* shown = unpaid ? unpaid : (m_invoices.empty() ? nullptr : &m_invoices.front());
    if (shown && flow.button("customer_detail.action.invoice", tr("customer_actions.invoice")))
        m_detail.open(shown->invoice.id, [this] { reload_all(); });
    const std::string phone = normalize_phone(m_customer->phone);
    if (!phone.empty()) {
        if (flow.button("customer_detail.action.call", tr("customer_actions.call"))) platform::open_url("tel:+" + phone);
        if (flow.button("customer_detail.action.whatsapp", tr("customer_actions.whatsapp")))
            platform::open_url("https://wa.me/" + phone);
    }
    const bool has_receipt = std::any_of(m_payments.begin(), m_payments.end(), [](const auto& listed) { return !listed.payment.voided(); });
    if (has_receipt && user.can("payments.read") && flow.button("customer_detail.action.receipt", tr("customer_actions.receipt")))
        print_last_receipt(user);
    if (m_credit.offered(app) && flow.button("customer_detail.action.refund", tr("refund.action")))
        m_credit.open([this] { reload_all(); });  // customer_credit.hpp (issue 20)
    if (user.can("network.control")) {
        if (m_customer->status == CustomerStatus::Active &&
            flow.button("customer_detail.action.isolate", tr("network.isolate_open"), widgets::ButtonStyle::Danger))
            m_network.focus_isolate();
        if (m_customer->status == CustomerStatus::Isolated &&
            flow.button("customer_detail.action.restore", tr("network.restore"), widgets::ButtonStyle::Secondary, m_network.busy()))
            m_network.restore([this] { reload_all(); });
    }
}

std::string ViewCustomerDetail::route() const {
    if (m_customer_id == 0) return {};
    std::string route = customer_address(m_customer_id);
    if (const std::string invoice = m_detail.route(); !invoice.empty()) return route + "/invoices/" + invoice;
    if (m_edit_pending || (m_form.is_open() && m_form.is_editing())) return route + "/edit";
    return route;
}

bool ViewCustomerDetail::open_route(App& app, const std::vector<std::string>& parts) {
    if (parts.empty()) {
        m_detail.close();
        if (m_form.is_open()) m_form.close();
        m_edit_pending = false;
        return true;
    }
    if (parts.size() == 1 && parts[0] == "edit") {
        if (!app.user().can("customers.update")) return false;
        m_detail.close();
        if (!m_form.is_open()) m_edit_pending = true;  // opened by draw() once the customer is here
        return true;
    }
    if (parts[0] != "invoices") return false;
    if (m_form.is_open()) m_form.close();
    m_edit_pending = false;
    return m_detail.open_route(std::vector<std::string>(parts.begin() + 1, parts.end()), [this] { reload_all(); });
}

}  // namespace kimonet
