#include "pdf/credit_note_pdf.hpp"

#include <hpdf.h>

#include <algorithm>

#include "core/money.hpp"
#include "pdf/pdf_canvas.hpp"
#include "pdf/pdf_document.hpp"
#include "services/settings.hpp"

namespace kimonet::pdf {

namespace {

// A4 portrait, like the invoice it corrects.
constexpr float kCreditNoteWidth = 595.0f, kCreditNoteHeight = 842.0f, kCreditNoteMargin = 48.0f;

}  // namespace

Result<std::string> render_credit_note_pdf(store::Database& db, const billing::CreditNote& note, UtcOffset offset) {
    const std::string company = TRY(services::get_setting(db, "company_name"));
    const std::string address = TRY(services::get_setting(db, "company_address"));
    const std::string phone = TRY(services::get_setting(db, "company_phone"));
    auto document = TRY(PdfDocument::create("Nota Kredit " + note.credit_note_no));
    HPDF_Page page = HPDF_AddPage(document->handle());
    HPDF_Page_SetWidth(page, kCreditNoteWidth);
    HPDF_Page_SetHeight(page, kCreditNoteHeight);
    Canvas canvas(page, document->regular(), document->bold());
    const float title_x = kCreditNoteWidth - kCreditNoteMargin - 190, value_x = kCreditNoteMargin + 130, right = kCreditNoteWidth - kCreditNoteMargin;

    float y = kCreditNoteHeight - kCreditNoteMargin - 10;
    float company_y = y;
    for (const auto& line : canvas.wrap(company, 15, title_x - 16 - kCreditNoteMargin, true)) {
        canvas.text(kCreditNoteMargin, company_y, line, 15, true, kBrand);
        company_y -= 20;
    }
    for (const auto& line : canvas.wrap(address + (phone.empty() ? "" : " - " + phone), 9, title_x - 16 - kCreditNoteMargin)) {
        canvas.text(kCreditNoteMargin, company_y, line, 9, false, kMuted);
        company_y -= 12;
    }
    canvas.text(title_x, y, "NOTA KREDIT", 18, true);
    canvas.text(title_x, y - 18, note.credit_note_no, 10, false, kMuted);
    y = std::min(y - 50, company_y - 16);
    canvas.rule(kCreditNoteMargin, y, right);
    y -= 24;

    const LocalDateTime created = local_from_unix(note.created_at, offset);
    const std::pair<std::string, std::string> rows[] = {
        {"Tanggal", format_date_indonesian(note.issue_date)},
        {"Pelanggan", note.customer_name + " (" + note.service_number + ")"},
        {"Atas tagihan", note.invoice_no},
        {"Dibuat oleh", note.created_by + ", " + format_date_indonesian(created.date)},
    };
    for (const auto& [label, value] : rows) {
        canvas.text(kCreditNoteMargin, y, label, 10, false, kMuted);
        for (const auto& line : canvas.wrap(value, 10, right - value_x)) {
            canvas.text(value_x, y, line, 10);
            y -= 14;
        }
        y -= 4;
    }
    y -= 6;
    canvas.text(kCreditNoteMargin, y, "Alasan", 10, false, kMuted);
    for (const auto& line : canvas.wrap(note.reason, 10, right - value_x)) {
        canvas.text(value_x, y, line, 10);
        y -= 14;
    }
    if (!note.lines.empty()) {
        y -= 4;
        canvas.text(kCreditNoteMargin, y, "Baris dikreditkan", 10, false, kMuted);
        for (const auto& line : canvas.wrap(note.lines, 10, right - value_x)) {
            canvas.text(value_x, y, line, 10);
            y -= 14;
        }
    }
    y -= 16;
    canvas.rule(kCreditNoteMargin, y + 8, right);
    const auto amount_row = [&](const std::string& label, Money amount, bool bold, float size) {
        canvas.text(kCreditNoteMargin + 230, y, label, size, bold);
        canvas.text_right(right, y, format_rupiah(amount), size, bold);
        y -= size + 8;
    };
    y -= 10;
    if (note.figures.tax > 0) {
        amount_row("Dasar pengenaan pajak (DPP)", note.figures.base, false, 10);
        amount_row("PPN", note.figures.tax, false, 10);
    }
    amount_row("Jumlah nota kredit", note.figures.amount, true, 13);
    canvas.rule(kCreditNoteMargin + 230, y + 10, right);
    y -= 6;
    if (note.figures.applied > 0) amount_row("Mengurangi sisa tagihan", note.figures.applied, false, 10);
    if (note.figures.credit > 0) amount_row("Menjadi saldo kredit pelanggan", note.figures.credit, false, 10);
    canvas.text(kCreditNoteMargin, kCreditNoteMargin, "Nota kredit ini mengoreksi tagihan di atas dan bukan tagihan baru.", 8.5f, false, kMuted);
    return document->bytes();
}

}  // namespace kimonet::pdf
