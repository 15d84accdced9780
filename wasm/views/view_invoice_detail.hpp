#pragma once
// One invoice in a modal (full screen on phones): customer, lines, totals, payments and what staff
// may do with it — download the PDF, record a payment (amount prefilled with what is left),
// add a line to an unpaid invoice, or void it with a reason. Each action is a panel inside the
// modal rather than a second modal, so nothing stacks on a phone.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "api/billing_dto.hpp"
#include "core/error.hpp"

namespace kimonet {

class App;
struct ApiResponse;

class ViewInvoiceDetail {
public:
    enum class Panel { None, Payment, AddLine, Void };

    // `changed` runs after anything altered the invoice (lists reload then).
    void open(std::int64_t invoice_id, std::function<void()> changed, Panel panel = Panel::None);
    void draw(App& app);

private:
    void load();
    void draw_header(App& app);
    void draw_actions(App& app);
    void draw_totals();
    void draw_payments();
    void draw_panel(App& app);
    void draw_payment_panel();
    void draw_line_panel();
    void draw_void_panel();
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
    // Void panel.
    std::string m_void_reason;
    std::function<void()> m_changed;
};

}  // namespace kimonet
