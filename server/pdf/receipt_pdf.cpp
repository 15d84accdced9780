#include "pdf/receipt_pdf.hpp"

#include <hpdf.h>

#include <cmath>
#include <cstdio>

#include "core/money.hpp"
#include "pdf/pdf_document.hpp"
#include "services/settings.hpp"

namespace kimonet::pdf {

namespace {

// A5 landscape: what a loket prints a kuitansi on.
constexpr float kWidth = 595.0f, kHeight = 420.0f, kMargin = 40.0f;

struct Ink {
    float r, g, b;
};
constexpr Ink kText{0.13f, 0.15f, 0.18f};
constexpr Ink kMuted{0.42f, 0.45f, 0.50f};
constexpr Ink kVoid{0.80f, 0.15f, 0.15f};

void write(HPDF_Page page, HPDF_Font font, float x, float y, const std::string& value, float size, Ink ink = kText) {
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_SetRGBFill(page, ink.r, ink.g, ink.b);
    HPDF_Page_TextOut(page, x, y, value.c_str());
    HPDF_Page_EndText(page);
}

// The BATAL stamp: outlined, rotated, over the amount (a voided receipt must not read as paid).
void void_stamp(HPDF_Page page, HPDF_Font bold, float cx, float cy) {
    const std::string label = "BATAL";
    const float size = 40.0f;
    HPDF_Page_SetFontAndSize(page, bold, size);
    const float w = HPDF_Page_TextWidth(page, label.c_str()) + 30.0f, h = size + 20.0f;
    const float angle = 14.0f * 3.14159265f / 180.0f;
    HPDF_Page_GSave(page);
    HPDF_Page_Concat(page, std::cos(angle), std::sin(angle), -std::sin(angle), std::cos(angle), cx, cy);
    HPDF_Page_SetRGBStroke(page, kVoid.r, kVoid.g, kVoid.b);
    HPDF_Page_SetLineWidth(page, 3.0f);
    HPDF_Page_Rectangle(page, -w / 2, -h / 2, w, h);
    HPDF_Page_Stroke(page);
    write(page, bold, -w / 2 + 15.0f, -size / 2 + 6.0f, label, size, kVoid);
    HPDF_Page_GRestore(page);
}

std::string local_time_text(std::int64_t unix_seconds, UtcOffset offset) {
    const LocalDateTime local = local_from_unix(unix_seconds, offset);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
    return format_date_indonesian(local.date) + " " + clock;
}

std::string method_text(payments::PaymentMethod method) {
    switch (method) {
        case payments::PaymentMethod::Cash: return "Tunai";
        case payments::PaymentMethod::BankTransfer: return "Transfer bank";
        case payments::PaymentMethod::Credit: return "Kredit pelanggan";
        case payments::PaymentMethod::Gateway: return "Pembayaran online";
    }
    return "";
}

}  // namespace

Result<std::string> render_receipt_pdf(store::Database& db, const services::PaymentDetail& facts, UtcOffset offset) {
    const std::string company = TRY(services::get_setting(db, "company_name"));
    const payments::Payment& payment = facts.payment;
    auto document = TRY(PdfDocument::create("Kuitansi " + payment.receipt_no));
    HPDF_Page page = HPDF_AddPage(document->handle());
    HPDF_Page_SetWidth(page, kWidth);
    HPDF_Page_SetHeight(page, kHeight);
    HPDF_Font regular = document->regular(), bold = document->bold();

    float y = kHeight - kMargin - 10;
    write(page, bold, kMargin, y, company, 14);
    write(page, bold, kWidth - kMargin - 150, y, "KUITANSI", 16);
    y -= 18;
    write(page, regular, kWidth - kMargin - 150, y, payment.receipt_no, 10, kMuted);
    y -= 34;
    const std::pair<std::string, std::string> rows[] = {
        {"Tanggal bayar", local_time_text(payment.paid_at, offset)},
        {"Diterima dari", facts.customer_name + " (" + facts.service_number + ")"},
        {"Untuk tagihan", facts.invoice_no},
        {"Cara bayar", method_text(payment.method)},
        {"Dicatat oleh", payment.recorded_by},
    };
    for (const auto& [label, value] : rows) {
        write(page, regular, kMargin, y, label, 10, kMuted);
        write(page, regular, kMargin + 110, y, value, 10);
        y -= 18;
    }
    if (!facts.replaces_receipt_no.empty()) {
        write(page, regular, kMargin, y, "Menggantikan", 10, kMuted);
        write(page, regular, kMargin + 110, y, facts.replaces_receipt_no, 10);
        y -= 18;
    }
    y -= 14;
    write(page, regular, kMargin, y, "Jumlah", 11, kMuted);
    write(page, bold, kMargin + 110, y, format_rupiah(payment.amount), 20);
    if (payment.voided()) {
        void_stamp(page, bold, kWidth - kMargin - 110, y + 10);
        y -= 30;
        write(page, bold, kMargin, y, "Pembayaran ini DIBATALKAN dan tidak berlaku.", 10, kVoid);
        y -= 15;
        write(page, regular, kMargin, y, "Dibatalkan " + local_time_text(*payment.voided_at, offset) + " oleh " + payment.voided_by, 9.5f);
        y -= 14;
        write(page, regular, kMargin, y, "Alasan: " + payment.void_reason, 9.5f);
        if (!facts.replaced_by_receipt_no.empty()) {
            y -= 14;
            write(page, regular, kMargin, y, "Diganti dengan kuitansi " + facts.replaced_by_receipt_no, 9.5f);
        }
    }
    write(page, regular, kMargin, kMargin, "Terima kasih telah membayar tepat waktu.", 8.5f, kMuted);
    return document->bytes();
}

}  // namespace kimonet::pdf
