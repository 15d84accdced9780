#include "customer_world.hpp"

#include "api/billing_dto.hpp"
#include "api/dto.hpp"
#include "api/report_dto.hpp"

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

// Budi Santoso, customer 42 (CUST042) on package 1 since 14 March 2025, and that package.
Customer budi_customer() {
    Customer budi;
    budi.id = 42;
    budi.service_number = "CUST042";
    budi.name = "Budi Santoso";
    budi.phone = "6281234567890";
    budi.package_id = 1;
    budi.join_date = {2025, 3, 14};
    return budi;
}

Package home_package() {
    Package home;
    home.id = 1;
    home.name = "Home 20 Mbps";
    home.price = 166500;
    return home;
}

}  // namespace

void answer_customer_world(FakeApiClient& api, CustomerStatus status, const std::string& name) {
    Customer budi = budi_customer();
    budi.name = name;
    budi.phone = "0812-3456-7890";
    budi.address = "Jl. Melati 5";
    budi.status = status;
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
    // The send log of an invoice (issue 22): one email sent for #7, none for #6.
    api.answer("GET", "/api/invoices/7/sends",
               {{"success", true},
                {"data", api::Json::array({{{"id", 1}, {"invoice_id", 7}, {"by", "finance"}, {"by_type", "user"}, {"channel", "email"},
                                            {"to", "budi@example.id"}, {"sent_as", "pdf_attachment"}, {"outcome", "sent"}, {"error", ""},
                                            {"at", 1768446000}}})}});
    api.answer("GET", "/api/invoices/6/sends", {{"success", true}, {"data", api::Json::array()}});
    const api::Json channel = {{"channel_preference", ""}, {"email", "budi@example.id"}, {"effective", {{"whatsapp", true}, {"email", false}}}};
    api.answer("GET", "/api/customers/42/channel", {{"success", true}, {"data", channel}});
    api.answer("GET", "/api/invoices", {{"success", true}, {"data", invoices}, {"total", 2}});
    api.answer("GET", "/api/payments", {{"success", true}, {"data", history_payments}, {"total", 1}});
    const Package home = home_package();
    api.answer("GET", "/api/packages", {{"success", true}, {"data", api::Json::array({api::to_json(home)})}, {"total", 1}});
    api.answer("GET", "/api/customers/42/dunning", {{"success", true}, {"data", {{"timeline", api::Json::array()}, {"outstanding", 166500}}}});
    api.answer("GET", "/api/customers/42/isolation-log", {{"success", true}, {"data", api::Json::array()}});
}

namespace {

api::Json settings_answer() {
    api::Json definitions = api::Json::array();
    api::Json data = api::Json::object();
    for (const char* key : {"company_name", "invoice_schedule", "bank_accounts", "whatsapp_api_url", "isolir_schedule", "trusted_proxies"}) {
        definitions.push_back({{"key", key}, {"secret", false}, {"description", key}, {"default", ""}});
        data[key] = "";
    }
    data["invoice_schedule"] = "1 0 1 * *";
    data["isolir_schedule"] = "0 8 * * *";
    return {{"success", true}, {"data", data}, {"definitions", definitions}, {"logo", api::Json()}};
}

}  // namespace

// The lists the admin screens ask for beside Budi's world: packages, routers, users, roles, leads,
// settings, payments, notifications and the revenue report (the dialog keys and dialog routes tests).
void answer_admin_lists(FakeApiClient& api) {
    answer_customer_world(api);
    api.answer("GET", "/api/me", {{"success", true}});  // kept for an offline reload; read by nothing here
    api.answer("GET", "/api/invoice-runs", {{"success", true}, {"data", api::Json::array()}});  // no run waiting for approval
    kimonet::Package package{1, "Home 20 Mbps", 20000, 5000, 166500, "home20", true};
    api.answer("GET", "/api/packages", {{"success", true}, {"data", api::Json::array({kimonet::api::to_json(package)})}, {"total", 1}});
    api.answer("GET", "/api/payments/transactions", {{"success", true}, {"data", api::Json::array()}, {"total", 0}, {"page", 1}, {"per_page", 25}});
    api.answer("GET", "/api/routers",
                         {{"success", true}, {"data", api::Json::array({{{"id", 3}, {"name", "Core"}, {"host", "10.0.0.1"}, {"port", 8728}}})}});
    api.answer("GET", "/api/users", {{"success", true},
                                              {"data", api::Json::array({{{"id", 2}, {"username", "kasir"}, {"full_name", "Kasir Satu"},
                                                                     {"role", "finance"}, {"active", true}}})}});
    api.answer("GET", "/api/roles", {{"success", true},
                                              {"data", api::Json::array({{{"id", 1}, {"name", "admin"}, {"permissions", api::Json::array()}},
                                                                    {{"id", 2}, {"name", "finance"}, {"permissions", api::Json::array()}}})}});
    api.answer("GET", "/api/leads", {{"success", true},
                                              {"data", api::Json::array({{{"id", 5}, {"name", "Sari"}, {"status", "new"}, {"phone", "0812"}}})},
                                              {"total", 1}, {"page", 1}, {"per_page", 25}});
    api.answer("GET", "/api/settings", settings_answer());
    api.answer("GET", "/api/payments/reconciliation", {{"success", true}, {"data", api::Json::array()}, {"total", 0}});
    api.answer("GET", "/api/payments/callback-inbox", {{"success", true}, {"data", api::Json::array()}, {"total", 0}});
    api.answer("GET", "/api/notifications", {{"success", true}, {"data", api::Json::array()}, {"total", 0}, {"page", 1}, {"per_page", 25}});
    api.answer("GET", "/api/notifications/9", {{"success", true},
                                                        {"data", {{"id", 9}, {"customer_name", "Budi Santoso"}, {"phone", "0812"},
                                                                  {"status", "sent"}, {"body", "Tagihan Januari"}}}});
    reports::RevenueReport revenue;
    revenue.range = {{2025, 7}, {2025, 12}};
    api.answer("GET", "/api/reports/revenue", {{"success", true}, {"data", api::to_json(revenue)}});
    // Router 3's NAS settings as services::radius_nas_for_api writes them (the secret is never in it).
    api.answer("GET", "/api/routers/3/radius",
               {{"success", true},
                {"data", {{"router_id", 3}, {"nas_address", ""}, {"coa_port", 3799}, {"coa_address", "10.0.0.1"}, {"has_secret", true},
                          {"connection_methods", api::Json::array({"pppoe", "radius"})}, {"offers_radius", true}}}});
}

// Six months of a 68-subscriber ISP with figures of a real size (Rp 13.600.000 billed a month), so
// a table too narrow for them shows (the role walk checks no cell is cut).
void answer_revenue_figures(FakeApiClient& api) {
    reports::RevenueReport revenue;
    revenue.range = {{2025, 7}, {2025, 12}};
    for (int month = 7; month <= 12; ++month) {
        reports::MonthRevenue figures{{2025, month}};
        figures.invoices = 68;
        figures.billed = figures.net_billed = 13'600'000;
        figures.paid_on_billed = figures.collected = 12'450'000;
        figures.voucher_gross = 1'150'000;
        figures.collected_with_vouchers = 13'485'000;
        figures.revenue = 14'750'000;
        revenue.months.push_back(figures);
        revenue.total_billed += figures.billed;
        revenue.total_collected += figures.collected;
        revenue.total_voucher_gross += figures.voucher_gross;
        revenue.total_collected_with_vouchers += figures.collected_with_vouchers;
    }
    revenue.total_net_billed = revenue.total_billed;
    api.answer("GET", "/api/reports/revenue", {{"success", true}, {"data", api::to_json(revenue)}});
}

// Budi's own portal (signed in as customer 42): his profile and package, his two invoices, no
// isolation date, no visit, no ticket, the payment methods and no payment pending.
void answer_portal_world(FakeApiClient& api) {
    api.answer("GET", "/api/portal/me", {{"customer", api::to_json(budi_customer())}, {"package", api::to_json(home_package())}});
    api::InvoiceResource unpaid{invoice(7, {2026, 1}, 0), false, "Budi Santoso", "CUST042"};
    api::InvoiceResource paid{invoice(6, {2025, 12}, 166500), false, "Budi Santoso", "CUST042"};
    api.answer("GET", "/api/portal/invoices/7", {{"success", true}, {"data", api::to_json(unpaid)}});
    api.answer("GET", "/api/portal/invoices/6", {{"success", true}, {"data", api::to_json(paid)}});
    unpaid.detail = paid.detail = false;
    api.answer("GET", "/api/portal/invoices", {{"success", true}, {"data", api::Json::array({api::to_json(unpaid), api::to_json(paid)})}, {"total", 2}});
    api.answer("GET", "/api/portal/dunning", {{"success", true}, {"data", {{"isolation_date", nullptr}}}});
    api.answer("GET", "/api/me", {{"user", {{"id", 50}, {"username", "CUST042"}, {"role", "customer"}}}});
    api.answer("GET", "/api/portal/jobs", {{"success", true}, {"data", api::Json::array()}});
    api.answer("GET", "/api/portal/channel", {{"success", true}, {"data", {{"channel_preference", ""}}}});
    api.answer("GET", "/api/portal/tickets", {{"success", true}, {"data", api::Json::array()}, {"total", 0}, {"page", 1}, {"per_page", 25}});
    api.answer("GET", "/api/portal/payments/pending", {{"success", true}, {"data", api::Json::array()}});
    api.answer("GET", "/api/payment-methods",
               {{"success", true},
                {"data", {{{"code", "bni_va"}, {"name", "BNI Virtual Account"}, {"type", "virtual_account"}, {"fee", 0}, {"gateway", "flip"}},
                          {{"code", "qris"}, {"name", "QRIS"}, {"type", "qris"}, {"fee", 0}, {"gateway", "flip"}}}}});
}

}  // namespace kimonet::testing
