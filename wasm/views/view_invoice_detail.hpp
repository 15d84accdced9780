#pragma once
// One invoice in a modal (full screen on phones): customer, lines, totals, payments and what staff
// may do with it — download the PDF, record a payment (amount prefilled with what is left, typed
// amounts like "750rb" read as the cashier means them and an amount other than what is owed
// confirmed in words first), add a line to an unpaid invoice, void it with a reason, and per
// payment: its receipt, void it or correct its amount (view_invoice_payments.cpp). Each action is
// a panel inside the modal rather than a second modal, so nothing stacks on a phone.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "api/credit_note_dto.hpp"
#include "payments/payment_rules.hpp"
#include "core/error.hpp"

namespace kimonet {

class App;
struct ApiResponse;

// A fresh Idempotency-Key for one request a user means (view_invoice_payments.cpp): payments,
// credit notes and refunds send one, so a request whose answer was lost cannot count twice.
std::string new_idempotency_key();

class ViewInvoiceDetail {
public:
    enum class Panel { None, Payment, AddLine, Void, VoidPayment, CorrectPayment, CreditNote, Send };

    // `changed` runs after anything altered the invoice (lists reload then). `panel` opens once the
    // invoice is loaded, if the user may use it (an address like #/invoices/7/pay); the payment
    // panels name their payment.
    void open(std::int64_t invoice_id, std::function<void()> changed, Panel panel = Panel::None, std::int64_t payment_id = 0);
    void draw(App& app);
    bool is_open() const { return m_invoice_id != 0 && !m_close_requested && (m_visible || m_open_requested); }
    // Back from #/invoices/7 to #/invoices: closes the modal.
    void close() {
        if (is_open()) m_close_requested = true;
    }
    // The modal's address below its screen's (invoice_route.cpp): "7", "7/pay", "7/add-line", "7/void",
    // "7/payments/4/void", "7/payments/4/correct"; "" when closed.
    std::string route() const;
    // Opens what such an address names (the parts after the screen's); false when it names nothing.
    bool open_route(const std::vector<std::string>& parts, std::function<void()> changed);

private:
    void load();
    // The panel an address asked for, once the invoice is loaded, if this user may use it.
    void open_initial_panel(App& app);
    bool panel_allowed(App& app, Panel panel, const api::PaymentResource* payment) const;
    void draw_header(App& app);
    void draw_actions(App& app);
    void draw_totals();
    void draw_payments(App& app);
    void draw_panel(App& app);
    void draw_payment_panel();
    void draw_line_panel();
    void draw_void_panel();
    // view_invoice_payments.cpp: the payments list with per-payment actions, and the panels that
    // record, void and correct a payment.
    void draw_payment_actions(App& app, const api::PaymentResource& payment, const std::string& row);
    void draw_amount_reading(const char* id);
    // What the typed amount would do, by the server's rules: against what is owed, or for a
    // correction against what is owed once the corrected payment no longer counts.
    Result<payments::PaymentPreview> local_preview() const;
    std::string confirmation_question() const;
    void draw_payment_void_panel();
    // invoice_credit_note.cpp (issue 20): the "Buat nota kredit" panel (the whole rest or an amount,
    // with a reason) and the invoice's credit notes with their PDFs.
    void draw_credit_note_panel();
    void submit_credit_note();
    void draw_credit_notes();
    Money creditable() const;
    // invoice_send.cpp (issue 22): the "Kirim" panel (WhatsApp or email, to the customer or a
    // typed recipient, one idempotency key per thing meant) and the invoice's send log.
    void draw_send_panel();
    void submit_send();
    void load_sends();
    void draw_send_log();
    void draw_payment_correct_panel();
    void choose_payment(const api::PaymentResource& payment, Panel panel);
    void submit_payment();
    void submit_payment_change();
    const char* payment_submit_label() const;
    void open_panel(Panel panel);
    void submit_panel();
    void finished(const ApiResponse& response, std::string notice_key);

    std::int64_t m_invoice_id = 0;
    std::optional<api::InvoiceResource> m_record;
    bool m_open_requested = false;
    bool m_loading = false;
    bool m_busy = false;
    Panel m_panel = Panel::None;
    Panel m_initial_panel = Panel::None;
    std::int64_t m_initial_payment_id = 0;
    bool m_visible = false;
    bool m_close_requested = false;  // the modal was drawn last frame (closing it any way clears this)
    std::string m_error;
    std::string m_notice;
    FieldErrors m_field_errors;
    // Payment panel.
    std::string m_amount;
    int m_method = 0;
    std::string m_note;
    // Add-line panel.
    int m_line_kind = 0;
    std::string m_line_description;
    std::string m_line_quantity = "1";
    std::string m_line_price;
    // The server asked to confirm the amount (409 with fields.confirm "partial"|"overpayment"):
    // the next submit sends it, unless the amount was changed meanwhile.
    std::string m_confirm;
    std::string m_confirm_amount;
    // The payment's Idempotency-Key: one per amount the cashier means, so a request whose answer
    // was lost and is sent again cannot record the payment twice.
    std::string m_idempotency_key;
    std::string m_idempotency_amount;
    // Void panel (the invoice's, or the chosen payment's).
    std::string m_void_reason;
    // Void/correct payment panels.
    std::int64_t m_payment_id = 0;
    std::string m_payment_receipt;
    bool m_payment_gateway = false;
    Money m_payment_applied = 0;
    std::string m_refund_reference;
    // Credit notes (issue 20): what the detail answer says of them, and the panel's fields.
    api::InvoiceCredit m_credit;
    int m_credit_choice = 0;  // 0: the whole rest, 1: an amount
    std::string m_credit_amount;
    std::string m_credit_reason;
    std::string m_credit_key;
    std::string m_credit_key_for;  // the choice and amount the key was made for
    // Send this invoice (issue 22).
    int m_send_channel = 0;  // 0: WhatsApp, 1: email
    std::string m_send_to;
    std::string m_send_key;
    std::string m_send_key_for;
    std::vector<api::Json> m_sends;
    std::function<void()> m_changed;
};

}  // namespace kimonet
