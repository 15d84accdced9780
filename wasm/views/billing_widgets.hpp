#pragma once
// Pieces the billing screens share: the invoice status pill, label/amount rows of a totals block,
// the PDF download button and the lines table of an invoice.
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "billing/invoice.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {

// "Belum dibayar" / "Sebagian" / "Lunas" / "Dibatalkan"; an overdue open invoice shows "Jatuh tempo lewat".
void invoice_status_badge(const std::string& id, billing::InvoiceStatus status, bool overdue);
std::string invoice_status_label(billing::InvoiceStatus status);
std::string payment_method_label(const std::string& method);
std::string payment_method_label(payments::PaymentMethod method);
// "2026-01-15T09:30:00+07:00" → "15 Januari 2026 09:30": the date in the UI language plus HH:MM
// (other text comes back as it is); a payment's paid_at at the offset the server wrote it in.
std::string format_paid_at(const std::string& paid_at);
std::string format_paid_at(const api::PaymentResource& payment);

// A "label ........ Rp 1.234" row, the amount right-aligned in `width` (0 = available width).
void amount_row(const std::string& id, const char* label, Money amount, bool strong = false, float width = 0.f);

// Downloads `api_path` (a PDF) with the session token and saves it as `filename`; the button shows
// "Mengunduh…" meanwhile and an error line when it failed. `label` defaults to "Unduh PDF".
void pdf_button(const std::string& id, const std::string& api_path, const std::string& filename,
                widgets::ButtonStyle style = widgets::ButtonStyle::Secondary, float width = 0.f, const char* label = nullptr);

// One payment as a row: receipt number, when and how it was paid, the amount right-aligned;
// widget ids "<row>.receipt", "<row>.paid_at", "<row>.amount".
void payment_row(const std::string& row, const api::PaymentResource& payment);

// The lines of an invoice (description, quantity, price, amount); rows on phones.
void invoice_lines_table(const std::string& id, const std::vector<billing::InvoiceLine>& lines);

}  // namespace kimonet
