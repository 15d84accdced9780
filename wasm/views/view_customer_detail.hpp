#pragma once
// One customer for staff: profile, credit balance, their invoices and payments (from
// /api/customers/{id}/history), isolate/restore and the isolation log; an invoice opens in
// ViewInvoiceDetail.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "customers/customer.hpp"
#include "views/customer_dunning.hpp"
#include "views/customer_network.hpp"
#include "views/view_invoice_detail.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewCustomerDetail final : public View {
public:
    void open(App& app, std::int64_t customer_id);
    void draw(App& app) override;
    // The header shows this ("Budi Santoso · CUST001").
    std::string title() const override;

private:
    void load();
    // After an isolate/restore or a payment: the customer, their history, the isolation log and the
    // dunning timeline all changed, so every part is fetched again.
    void reload_all();
    void draw_profile(App& app, float width);
    void draw_invoices(App& app);
    void draw_payments();

    App* m_app = nullptr;
    std::int64_t m_customer_id = 0;
    std::optional<Customer> m_customer;
    std::vector<api::InvoiceResource> m_invoices;
    std::vector<api::PaymentResource> m_payments;
    Money m_credit_balance = 0;
    bool m_history_loaded = false;
    std::string m_error;
    ViewInvoiceDetail m_detail;
    CustomerNetworkPanel m_network;
    CustomerDunningPanel m_dunning;
};

}  // namespace kimonet
