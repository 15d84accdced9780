#include "pdf/receipt_pdf.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/date_time_text.hpp"
#include "core/money.hpp"
#include "pdf/pdf_canvas.hpp"
#include "pdf/pdf_document.hpp"
#include "services/settings.hpp"
#include "services/staff_names.hpp"
#include "store/payment_people_store.hpp"

namespace kimonet::pdf {

namespace {

// A5 landscape: what a loket prints a kuitansi on.
constexpr float kReceiptWidth = 595.0f, kReceiptHeight = 420.0f, kReceiptMargin = 40.0f;

constexpr Rgb kVoid = kUnpaid;

void write(HPDF_Page page, HPDF_Font font, float x, float y, const std::string& value, float size, Rgb ink = kInk) {
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

std::string method_text(payments::PaymentMethod method) {
    switch (method) {
        case payments::PaymentMethod::Cash: return "Tunai";
        case payments::PaymentMethod::BankTransfer: return "Transfer bank";
        case payments::PaymentMethod::Credit: return "Kredit pelanggan";
        case payments::PaymentMethod::Gateway: return "Pembayaran online";
    }
    return "";
}

// Who recorded the payment, as the customer holding the kuitansi reads it: a staff member by the
// name the ISP gave them (never their login name, half of a staff sign-in); a gateway's callback or
// an import as the system.
std::string recorder_text(const store::PaymentPeople& people, const payments::Payment& payment) {
    if (people.recorded_by_staff) return services::staff_name_for_customers(people.recorder_full_name);
    return payment.method == payments::PaymentMethod::Gateway ? "Sistem pembayaran online" : "Sistem";
}

}  // namespace

Result<std::string> render_receipt_pdf(store::Database& db, const services::PaymentDetail& facts, UtcOffset offset) {
    const std::string company = TRY(services::get_setting(db, "company_name"));
    const payments::Payment& payment = facts.payment;
    const store::PaymentPeople people = TRY(store::payment_people(db, payment.id));
    auto document = TRY(PdfDocument::create("Kuitansi " + payment.receipt_no));
    HPDF_Page page = HPDF_AddPage(document->handle());
    HPDF_Page_SetWidth(page, kReceiptWidth);
    HPDF_Page_SetHeight(page, kReceiptHeight);
    HPDF_Font regular = document->regular(), bold = document->bold();
    Canvas canvas(page, regular, bold);  // measures text so a long name or company wraps inside its column
    const float title_x = kReceiptWidth - kReceiptMargin - 150, value_x = kReceiptMargin + 110, value_width = kReceiptWidth - kReceiptMargin - value_x;

    float y = kReceiptHeight - kReceiptMargin - 10;
    float company_y = y;
    for (const auto& line : canvas.wrap(company, 14, title_x - 16 - kReceiptMargin, true)) {
        write(page, bold, kReceiptMargin, company_y, line, 14);
        company_y -= 20;
    }
    write(page, bold, title_x, y, "KUITANSI", 16);
    y -= 18;
    write(page, regular, title_x, y, payment.receipt_no, 10, kMuted);
    y = std::min(y - 34, company_y - 14);
    const std::pair<std::string, std::string> rows[] = {
        {"Tanggal bayar", format_moment_indonesian(payment.paid_at, offset)},
        {"Diterima dari", facts.customer_name + " (" + facts.service_number + ")"},
        {"Untuk tagihan", facts.invoice_no},
        {"Cara bayar", method_text(payment.method)},
        {"Dicatat oleh", recorder_text(people, payment)},
    };
    for (const auto& [label, value] : rows) {
        write(page, regular, kReceiptMargin, y, label, 10, kMuted);
        for (const auto& line : canvas.wrap(value, 10, value_width)) {
            write(page, regular, value_x, y, line, 10);
            y -= 14;
        }
        y -= 4;
    }
    if (!facts.replaces_receipt_no.empty()) {
        write(page, regular, kReceiptMargin, y, "Menggantikan", 10, kMuted);
        write(page, regular, kReceiptMargin + 110, y, facts.replaces_receipt_no, 10);
        y -= 18;
    }
    y -= 14;
    write(page, regular, kReceiptMargin, y, "Jumlah", 11, kMuted);
    write(page, bold, kReceiptMargin + 110, y, format_rupiah(payment.amount), 20);
    if (payment.voided()) {
        void_stamp(page, bold, kReceiptWidth - kReceiptMargin - 110, y + 10);
        y -= 30;
        write(page, bold, kReceiptMargin, y, "Pembayaran ini DIBATALKAN dan tidak berlaku.", 10, kVoid);
        y -= 15;
        write(page, regular, kReceiptMargin, y, "Dibatalkan " + format_moment_indonesian(*payment.voided_at, offset) + " oleh " + services::staff_name_for_customers(people.voider_full_name), 9.5f);
        y -= 14;
        for (const auto& line : canvas.wrap("Alasan: " + payment.void_reason, 9.5f, kReceiptWidth - 2 * kReceiptMargin)) {
            write(page, regular, kReceiptMargin, y, line, 9.5f);
            y -= 13;
        }
        y += 13;
        if (!facts.replaced_by_receipt_no.empty()) {
            y -= 14;
            write(page, regular, kReceiptMargin, y, "Diganti dengan kuitansi " + facts.replaced_by_receipt_no, 9.5f);
        }
    }
    write(page, regular, kReceiptMargin, kReceiptMargin, "Terima kasih telah membayar tepat waktu.", 8.5f, kMuted);
    return document->bytes();
}

}  // namespace kimonet::pdf
