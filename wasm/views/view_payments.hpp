#pragma once
// Pembayaran: recorded payments (receipt, date, invoice, customer, method, amount), newest first,
// and "Catat pembayaran": pick an open invoice by number or customer, then record the payment in
// the invoice's own modal (amount prefilled with what is left), which shows the receipt number.
// A second tab shows the online (gateway) payment attempts and reconciliation.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "views/view_gateway_transactions.hpp"
#include "views/view_invoice_detail.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewPayments final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/payments, #/payments/gateway (the online payments tab), #/payments/record (the invoice picker)
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    void reload();
    void load_open_invoices();
    void draw_table();
    void draw_cards();
    void draw_pager();
    void draw_picker();
    void open_picker();
    void draw_payments(App& app);

    PagedList m_list{"/api/payments", 25};
    std::vector<api::PaymentResource> m_payments;  // m_list's rows, read: they name their invoice and customer
    int m_tab = 0;                           // 0: payments, 1: gateway transactions
    ViewGatewayTransactions m_gateway;
    std::string m_notice;

    bool m_picker_requested = false;
    bool m_picker_visible = false;  // drawn last frame and not closed since
    bool m_picker_close = false;    // back to #/payments: close it next frame
    std::string m_picker_search;
    std::vector<api::InvoiceResource> m_open_invoices;
    bool m_open_loading = false;
    std::int64_t m_pay_invoice_id = 0;  // picked this frame; the detail modal opens next frame
    ViewInvoiceDetail m_detail;
};

}  // namespace kimonet
