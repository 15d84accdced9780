#pragma once
// One customer for staff, where work on them starts: profile, credit balance, their invoices and
// payments (from /api/customers/{id}/history), isolate/restore and the isolation log; an invoice
// opens in ViewInvoiceDetail. Quick actions (customer_actions.cpp), each shown only to a role
// the server lets use it: edit, record a payment, open an invoice, call, WhatsApp, print the last
// receipt, isolate/restore. What is open is in the address: #/customers/42/edit,
// #/customers/42/invoices/7/pay.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "customers/customer.hpp"
#include "views/customer_credit.hpp"
#include "views/customer_dunning.hpp"
#include "views/customer_network.hpp"
#include "views/customer_radius.hpp"
#include "views/customer_tickets.hpp"
#include "views/view_customer_form.hpp"
#include "views/view_invoice_detail.hpp"
#include "view.hpp"

namespace kimonet {

class App;
struct SessionUser;

class ViewCustomerDetail final : public View {
public:
    void open(App& app, std::int64_t customer_id);
    void draw(App& app) override;
    // The header shows this ("Budi Santoso · CUST001").
    std::string title() const override;
    std::string route() const override;
    // `parts` after "customers/<id>": [] (just the customer), ["edit"], ["invoices", "7", ...].
    // False when they name nothing.
    bool open_route(App& app, const std::vector<std::string>& parts);
    std::int64_t customer_id() const { return m_customer_id; }

private:
    void load();
    // After an isolate/restore or a payment: the customer, their history, the isolation log and the
    // dunning timeline all changed, so every part is fetched again.
    void reload_all();
    void draw_profile(App& app, float width);
    void draw_invoices(App& app);
    void draw_payments();
    // customer_actions.cpp: the quick actions under the customer's name.
    void draw_actions(App& app);
    void print_last_receipt(const SessionUser& printer);
    // The open invoice a payment goes to (the oldest unpaid or partly paid one); null when none.
    const api::InvoiceResource* open_invoice() const;
    void edit(App& app);

    App* m_app = nullptr;
    std::int64_t m_customer_id = 0;
    std::optional<Customer> m_customer;
    std::string m_whatsapp_opt_out;  // "since <date> (STOP)" when the number opted out of bulk messages (issue 22)
    std::vector<api::InvoiceResource> m_invoices;
    std::vector<api::PaymentResource> m_payments;
    Money m_credit_balance = 0;
    // Where the customer is and its ODP port (issue 21, GET /api/inventory/customers/{id}): "" = not known.
    std::string m_coordinates, m_odp_port;
    bool m_history_loaded = false;
    std::string m_error;
    ViewInvoiceDetail m_detail;
    ViewCustomerForm m_form;
    bool m_edit_pending = false;  // #/customers/42/edit before the customer has loaded
    CustomerNetworkPanel m_network;
    CustomerRadiusPanel m_radius;  // views/customer_radius.hpp: RADIUS customers only
    CustomerDunningPanel m_dunning;
    CustomerCreditPanel m_credit;  // credit notes, refunds and "Kembalikan dana" (issue 20)
    CustomerTicketsSection m_tickets;  // trouble tickets (issue 21)
};

}  // namespace kimonet
