#pragma once
// Customer portal "Bayar online": pick an open invoice and a method (the public /api/payment-methods
// without ?gateway: each method once, the cheapest gateway's, with its fee; no gateway names on
// screen), create the payment (POST /billing/pay) and show the VA number with a copy button, the
// QRIS as a QR image (the server's modules), or a checkout link to tap. A payment still pending
// (/api/portal/payments/pending) is shown again when the customer comes back, instead of a new one.
// /billing/status/{order_id} is polled every few seconds and the screen turns "Lunas" by itself
// when the gateway's callback lands.
#include <cstdint>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewPortalPay final : public View {
public:
    void enter(App& app) override { enter(app, 0); }
    // With an invoice picked (0 = none: the first unpaid one).
    void enter(App& app, std::int64_t invoice_id);
    void draw(App& app) override;

private:
    // The payment status poll (a platform::set_timeout every 2 s while a payment is pending).
    void poll(int generation);
    struct Method {
        std::string gateway, code, name, type;
        std::int64_t fee = 0;
    };
    struct Payment {
        std::string order_id, payment_code, payment_url, qr_string, expires_at;
        std::int64_t amount = 0;
        std::string expires_text;  // the server's words for expires_at, in its time zone ("5 Desember 2026 19.00 WIB")
        int qr_size = 0;                  // modules per side (0: no QR)
        std::vector<std::string> qr_rows;  // '0'/'1' per module
    };
    static Payment payment_from_json(const api::Json& body);
    void load_invoices();
    void load_methods();
    void load_pending();
    void show_payment(Payment payment);
    void draw_qr(const Payment& payment);
    void pay();
    void schedule_poll();
    void draw_invoices(float width);
    void draw_methods(float width);
    void draw_payment();

    std::vector<api::InvoiceResource> m_invoices;
    bool m_invoices_loaded = false;
    std::int64_t m_invoice_id = 0;
    std::vector<Method> m_methods;
    int m_methods_pending = 0;
    int m_method = -1;
    bool m_busy = false;
    std::string m_error;
    FieldErrors m_fields;
    bool m_has_payment = false;
    Payment m_payment;
    std::string m_status;  // pending / paid / expired …
    bool m_paid = false;
    bool m_resumed = false;  // the payment shown was started before (remembered), not just now
    int m_generation = 0;  // bumps on enter/pay: an old timer finds a new generation and stops
};

}  // namespace kimonet
