#include "customer_world.hpp"

#include "api/billing_dto.hpp"
#include "api/dto.hpp"

namespace kimonet::testing {
namespace {

constexpr UtcOffset kJakarta{7 * 60};

billing::Invoice invoice(std::int64_t id, Period period, Money paid) {
    billing::Invoice invoice;
    invoice.id = id;
    invoice.invoice_no = "INV-" + std::to_string(period.year) + (period.month < 10 ? "0" : "") + std::to_string(period.month) + "-000" +
                         std::to_string(id);
    invoice.customer_id = 42;
    invoice.period = period;
    invoice.issue_date = {period.year, period.month, 1};
    invoice.due_date = {period.year, period.month, 10};
    invoice.totals = {166500, 0, 166500};
    invoice.paid_amount = paid;
    invoice.status = billing::status_for(166500, paid);
    return invoice;
}

payments::Payment payment() {
    payments::Payment payment;
    payment.id = 4;
    payment.invoice_id = 6;
    payment.customer_id = 42;
    payment.amount = 166500;
    payment.applied_amount = 166500;
    payment.method = payments::PaymentMethod::Cash;
    payment.paid_at = 1767225600;
    payment.receipt_no = "RCP-202512-0004";
    payment.recorded_by = "admin";
    return payment;
}

}  // namespace

void answer_customer_world(FakeApiClient& api, CustomerStatus status, const std::string& name) {
    Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = name;
    budi.phone = "0812-3456-7890";
    budi.address = "Jl. Melati 5";
    budi.package_id = 1;
    budi.status = status;
    budi.join_date = {2025, 3, 14};
    api::Json listed = api::Json::array({api::to_json(budi)});
    api.answer("GET", "/api/customers", {{"success", true}, {"data", listed}, {"total", 1}, {"page", 1}, {"per_page", 100}});
    api.answer("GET", "/api/customers/42", {{"success", true}, {"data", api::to_json(budi)}});

    const api::InvoiceResource unpaid{invoice(7, {2026, 1}, 0), false, "Budi Santoso", "CUST042"};
    api::InvoiceResource paid{invoice(6, {2025, 12}, 166500), false, "Budi Santoso", "CUST042"};
    paid.payments.push_back(api::PaymentResource{payment(), kJakarta});
    api::Json invoices = api::Json::array({api::to_json(unpaid), api::to_json(paid)});
    api::Json history_payments = api::Json::array({api::to_json(api::PaymentResource{payment(), kJakarta})});
    api.answer("GET", "/api/customers/42/history",
               {{"success", true}, {"data", {{"invoices", invoices}, {"payments", history_payments}, {"credit_balance", 0}}}});
    api.answer("GET", "/api/invoices/7", {{"success", true}, {"data", api::to_json(unpaid)}});
    api.answer("GET", "/api/invoices/6", {{"success", true}, {"data", api::to_json(paid)}});
    api.answer("GET", "/api/invoices", {{"success", true}, {"data", invoices}, {"total", 2}});
    api.answer("GET", "/api/payments", {{"success", true}, {"data", history_payments}, {"total", 1}});
    Package home;
    home.id = 1;
    home.name = "Home 20 Mbps";
    home.price = 166500;
    api.answer("GET", "/api/packages", {{"success", true}, {"data", api::Json::array({api::to_json(home)})}, {"total", 1}});
    api.answer("GET", "/api/customers/42/dunning", {{"success", true}, {"data", {{"timeline", api::Json::array()}, {"outstanding", 166500}}}});
    api.answer("GET", "/api/customers/42/isolation-log", {{"success", true}, {"data", api::Json::array()}});
}

}  // namespace kimonet::testing
