// The invoice modal's address (#/invoices/7/pay, #/customers/42/invoices/7/payments/4/void): which
// panel is open, so reload, back/forward and a link opened in another tab show the same thing. A
// panel named by an address opens only where the buttons would have offered it.
#include <charconv>

#include "app.hpp"
#include "views/view_invoice_detail.hpp"

namespace kimonet {
namespace {

using billing::InvoiceStatus;
using payments::PaymentMethod;

std::int64_t parse_positive(const std::string& text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value > 0 ? value : 0;
}

}  // namespace

std::string ViewInvoiceDetail::route() const {
    if (!is_open()) return {};
    std::string route = std::to_string(m_invoice_id);
    switch (m_panel == Panel::None ? m_initial_panel : m_panel) {
        case Panel::None: break;
        case Panel::Payment: route += "/pay"; break;
        case Panel::AddLine: route += "/add-line"; break;
        case Panel::Void: route += "/void"; break;
        case Panel::CreditNote: route += "/credit-note"; break;
        case Panel::Send: route += "/send"; break;
        case Panel::VoidPayment:
        case Panel::CorrectPayment: {
            const bool void_panel = (m_panel == Panel::None ? m_initial_panel : m_panel) == Panel::VoidPayment;
            const std::int64_t payment = m_panel == Panel::None ? m_initial_payment_id : m_payment_id;
            route += "/payments/" + std::to_string(payment) + (void_panel ? "/void" : "/correct");
            break;
        }
    }
    return route;
}

bool ViewInvoiceDetail::open_route(const std::vector<std::string>& parts, std::function<void()> changed) {
    if (parts.empty()) return false;
    const std::int64_t id = parse_positive(parts[0]);
    if (id == 0) return false;
    Panel panel = Panel::None;
    std::int64_t payment = 0;
    if (parts.size() == 2 && parts[1] == "pay") panel = Panel::Payment;
    else if (parts.size() == 2 && parts[1] == "add-line") panel = Panel::AddLine;
    else if (parts.size() == 2 && parts[1] == "void") panel = Panel::Void;
    else if (parts.size() == 2 && parts[1] == "credit-note") panel = Panel::CreditNote;
    else if (parts.size() == 2 && parts[1] == "send") panel = Panel::Send;
    else if (parts.size() == 4 && parts[1] == "payments" && (parts[3] == "void" || parts[3] == "correct")) {
        payment = parse_positive(parts[2]);
        if (payment == 0) return false;
        panel = parts[3] == "void" ? Panel::VoidPayment : Panel::CorrectPayment;
    } else if (parts.size() != 1) {
        return false;
    }
    // The same invoice and panel already open (the address was written by this modal): keep its state.
    if (is_open() && m_invoice_id == id && route() == [&] {
            std::string joined;
            for (const std::string& part : parts) joined += (joined.empty() ? "" : "/") + part;
            return joined;
        }())
        return true;
    if (is_open() && m_invoice_id == id && m_record) {
        // Back/forward between the invoice and one of its panels.
        m_panel = Panel::None;
        m_initial_panel = panel;
        m_initial_payment_id = payment;
        return true;
    }
    open(id, std::move(changed), panel, payment);
    return true;
}

bool ViewInvoiceDetail::panel_allowed(App& app, Panel panel, const api::PaymentResource* listed) const {
    const billing::Invoice& invoice = m_record->invoice;
    const SessionUser& user = app.user();
    switch (panel) {
        case Panel::None: return true;
        case Panel::Payment:
            return user.can("payments.create") && (invoice.status == InvoiceStatus::Unpaid || invoice.status == InvoiceStatus::Partial);
        case Panel::AddLine: return user.can("invoices.update") && invoice.status == InvoiceStatus::Unpaid;
        case Panel::Void: return user.can("invoices.update") && invoice.status != InvoiceStatus::Void && invoice.paid_amount == 0;
        case Panel::CreditNote: return user.can("credit_notes.create") && creditable() > 0;
        case Panel::Send: return user.can("invoices.send") && invoice.status != InvoiceStatus::Void;
        case Panel::VoidPayment:
        case Panel::CorrectPayment: {
            if (!listed || listed->payment.voided()) return false;
            const payments::Payment& payment = listed->payment;
            const bool any = user.can("payments.void_any");
            const bool own = user.can("payments.void") && payment.recorded_by == user.username;
            const bool gateway = payment.method == PaymentMethod::Gateway;
            if (!(any || (own && !gateway))) return false;
            return panel == Panel::VoidPayment || payment.method == PaymentMethod::Cash || payment.method == PaymentMethod::BankTransfer;
        }
    }
    return false;
}

void ViewInvoiceDetail::open_initial_panel(App& app) {
    const Panel panel = m_initial_panel;
    m_initial_panel = Panel::None;
    const api::PaymentResource* listed = nullptr;
    for (const api::PaymentResource& candidate : m_record->payments)
        if (candidate.payment.id == m_initial_payment_id) listed = &candidate;
    m_initial_payment_id = 0;
    // An address for something this user may not do (or that is done already) shows the invoice.
    if (!panel_allowed(app, panel, listed)) {
        app.route_corrected();
        return;
    }
    if (panel == Panel::VoidPayment || panel == Panel::CorrectPayment) choose_payment(*listed, panel);
    else open_panel(panel);
}

}  // namespace kimonet
