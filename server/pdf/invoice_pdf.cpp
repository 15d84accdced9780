#include "pdf/invoice_pdf.hpp"

#include <hpdf.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

#include "billing/unique_code.hpp"
#include "core/money.hpp"
#include "pdf/pdf_canvas.hpp"
#include "pdf/pdf_document.hpp"
#include "services/company_logo.hpp"
#include "services/credit_note_service.hpp"
#include "services/settings.hpp"
#include "services/unique_codes.hpp"

namespace kimonet::pdf {

namespace {

constexpr float kPageWidth = 595.0f;  // A4 in points
constexpr float kPageHeight = 842.0f;
constexpr float kMargin = 48.0f;
constexpr float kRight = kPageWidth - kMargin;
constexpr float kFooterRule = 58.0f;
constexpr float kLowestText = kFooterRule + 14;  // nothing but the footer below this
constexpr float kFactsLeft = 340.0f;            // the invoice facts column; the customer block ends before it

struct Company {
    std::string name, address, phone, email, instructions, base_url;
    std::optional<services::CompanyLogo> logo;
    std::vector<std::string> bank_accounts;
};

Result<Company> load_company(store::Database& db, const std::string& fallback_base_url) {
    Company company;
    company.name = TRY(services::get_setting(db, "company_name"));
    company.address = TRY(services::get_setting(db, "company_address"));
    company.phone = TRY(services::get_setting(db, "company_phone"));
    company.email = TRY(services::get_setting(db, "company_email"));
    company.logo = TRY(services::company_logo(db));
    company.instructions = TRY(services::get_setting(db, "payment_instructions"));
    company.bank_accounts = split(TRY(services::get_setting(db, "bank_accounts")), '|');
    company.base_url = TRY(services::get_setting(db, "public_base_url"));
    if (company.base_url.empty()) company.base_url = fallback_base_url.empty() ? "http://localhost:8080" : fallback_base_url;
    while (!company.base_url.empty() && company.base_url.back() == '/') company.base_url.pop_back();
    return company;
}

std::string status_label(billing::InvoiceStatus status) {
    if (status == billing::InvoiceStatus::Void) return "DIBATALKAN";
    return status == billing::InvoiceStatus::Paid ? "LUNAS" : "BELUM LUNAS";
}

Rgb status_color(billing::InvoiceStatus status) {
    if (status == billing::InvoiceStatus::Void) return kMuted;
    return status == billing::InvoiceStatus::Paid ? kPaid : kUnpaid;
}

std::string tax_label(const billing::Invoice& invoice) {
    const auto rate = invoice.tax.rate_basis_points;
    std::string percent = std::to_string(rate / 100);
    if (rate % 100) percent += "," + std::to_string(rate % 100 / 10) + (rate % 10 ? std::to_string(rate % 10) : "");
    return "PPN " + percent + "%" + (invoice.tax.mode == billing::TaxMode::Inclusive ? " (termasuk dalam harga)" : "");
}

// One invoice being drawn: the pages so far and how far down the current one it has got.
class InvoiceLayout {
public:
    InvoiceLayout(HPDF_Doc pdf, Canvas& canvas, const Company& company, const services::InvoiceDetail& detail, const Date& today)
        : m_pdf(pdf), m_canvas(canvas), m_company(company), m_detail(detail), m_today(today) {}

    void draw(HPDF_Image logo) {
        start_page(HPDF_GetCurrentPage(m_pdf));
        draw_header(logo);
        draw_customer();
        draw_lines();
        draw_totals_and_stamp();
        draw_payment_instructions();
    }
    void set_unique_code(Money code) { m_unique_code = code; }
    void set_credit(api::InvoiceCredit credit) { m_credit = std::move(credit); }

private:
    const billing::Invoice& invoice() const { return m_detail.invoice; }

    // Brand bar and footer, which every page carries.
    void start_page(HPDF_Page page) {
        m_canvas.set_page(page);
        m_canvas.fill(0, kPageHeight - 8, kPageWidth, 8, kBrand);
        m_canvas.rule(kMargin, kFooterRule, kRight);
        m_canvas.text(kMargin, 44, "Terima kasih telah berlangganan " + m_company.name + ".", 8.5f, false, kMuted);
        m_canvas.text_right(kRight, 44, "Dicetak " + format_date_indonesian(m_today), 8.5f, false, kMuted);
        m_y = kPageHeight - kMargin;
    }
    // A new page when `height` more points do not fit above the footer.
    bool make_room(float height) {
        if (m_y - height >= kLowestText) return false;
        HPDF_Page page = HPDF_AddPage(m_pdf);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        start_page(page);
        m_canvas.text(kMargin, m_y - 10, "TAGIHAN " + invoice().invoice_no + " (lanjutan)", 9, true, kMuted);
        m_y -= 34;
        return true;
    }

    // Logo and company on the left, document title and number on the right; grows with a long company.
    void draw_header(HPDF_Image logo) {
        const float y = m_y;
        float left_x = kMargin;
        if (logo) {
            constexpr float kLogoSize = 52;
            m_canvas.image(logo, kMargin, y - kLogoSize + 4, kLogoSize, kLogoSize);
            left_x += kLogoSize + 12;
        }
        const float title_left = kRight - std::max(m_canvas.width("TAGIHAN", 22, true), m_canvas.width(invoice().invoice_no, 11, true));
        float left_y = y - 16;
        for (const auto& line : m_canvas.wrap(m_company.name, 18, title_left - 16 - left_x, true)) {
            m_canvas.text(left_x, left_y, line, 18, true, kBrand);
            left_y -= 25;
        }
        left_y += 7;
        for (const auto& line : m_canvas.wrap(m_company.address, 9, std::min(250.0f, title_left - 16 - left_x))) {
            m_canvas.text(left_x, left_y, line, 9, false, kMuted);
            left_y -= 12;
        }
        for (const auto& line : m_canvas.wrap("Telp/WA " + m_company.phone + "  ·  " + m_company.email, 9, title_left - 16 - left_x)) {
            m_canvas.text(left_x, left_y, line, 9, false, kMuted);
            left_y -= 12;
        }
        m_canvas.text_right(kRight, y - 16, "TAGIHAN", 22, true, kInk);
        m_canvas.text_right(kRight, y - 34, invoice().invoice_no, 11, true, kBrand);
        m_y = std::min(y - 96, left_y - 6);
        m_canvas.rule(kMargin, m_y, kRight, kRule, 1.0f);
    }

    // Name, service number, address and phone wrap inside the left column; the facts sit right.
    void draw_customer() {
        m_y -= 22;
        const float column = kFactsLeft - 16 - kMargin;
        m_canvas.text(kMargin, m_y, "DITAGIHKAN KEPADA", 8, true, kMuted);
        float left_y = m_y - 16;
        for (const auto& line : m_canvas.wrap(m_detail.customer_name, 12, column, true)) {
            m_canvas.text(kMargin, left_y, line, 12, true);
            left_y -= 17;
        }
        left_y += 3;
        for (const auto& line : m_canvas.wrap("No. Layanan: " + m_detail.service_number, 9, column)) {
            m_canvas.text(kMargin, left_y, line, 9);
            left_y -= 13;
        }
        std::vector<std::string> lines = m_canvas.wrap(m_detail.customer_address, 9, column);
        if (!m_detail.customer_phone.empty()) lines.push_back("Telp " + m_detail.customer_phone);
        for (const auto& line : lines) {
            m_canvas.text(kMargin, left_y, line, 9, false, kMuted);
            left_y -= 12;
        }
        const std::pair<std::string, std::string> facts[] = {
            {"Tanggal tagihan", format_date_indonesian(invoice().issue_date)},
            {"Periode", format_period_indonesian(invoice().period)},
            {"Jatuh tempo", format_date_indonesian(invoice().due_date)},
            {"Status", status_label(invoice().status)},
        };
        float fact_y = m_y;
        for (const auto& [label, value] : facts) {
            m_canvas.text(kFactsLeft, fact_y, label, 9, false, kMuted);
            const bool strong = label == "Jatuh tempo" || label == "Status";
            m_canvas.text_right(kRight, fact_y, value, 9, strong, label == "Status" ? status_color(invoice().status) : kInk);
            fact_y -= 15;
        }
        m_y = std::min({m_y - 96, left_y - 14, fact_y - 14});
    }

    static constexpr float kColumnNumber = kMargin + 6, kColumnDescription = kMargin + 30, kColumnQuantity = 372,
                           kColumnPrice = 462, kColumnAmount = kRight - 6;

    void draw_table_head() {
        m_canvas.fill(kMargin, m_y - 6, kRight - kMargin, 20, Rgb{0.93f, 0.95f, 0.97f});
        m_canvas.text(kColumnNumber, m_y, "No", 8.5f, true, kMuted);
        m_canvas.text(kColumnDescription, m_y, "Deskripsi", 8.5f, true, kMuted);
        m_canvas.text_right(kColumnQuantity, m_y, "Qty", 8.5f, true, kMuted);
        m_canvas.text_right(kColumnPrice, m_y, "Harga Satuan", 8.5f, true, kMuted);
        m_canvas.text_right(kColumnAmount, m_y, "Jumlah", 8.5f, true, kMuted);
        m_y -= 24;
    }

    // Every line, its description wrapped left of Qty; a row that does not fit continues on a new page.
    void draw_lines() {
        draw_table_head();
        int number = 0;
        for (const auto& line : invoice().lines) {
            const auto wrapped = m_canvas.wrap(line.description, 9.5f, kColumnQuantity - kColumnDescription - 40);
            const float height = 13.0f * static_cast<float>(wrapped.size()) + 6;
            if (make_room(height)) draw_table_head();
            m_canvas.text(kColumnNumber, m_y, std::to_string(++number), 9.5f);
            float line_y = m_y;
            for (const auto& part : wrapped) {
                m_canvas.text(kColumnDescription, line_y, part, 9.5f);
                line_y -= 13;
            }
            m_canvas.text_right(kColumnQuantity, m_y, std::to_string(line.quantity), 9.5f);
            m_canvas.text_right(kColumnPrice, m_y, format_rupiah(line.unit_price), 9.5f);
            m_canvas.text_right(kColumnAmount, m_y, format_rupiah(line.amount), 9.5f);
            m_y = line_y - 6;
            m_canvas.rule(kMargin, m_y + 8, kRight);
        }
    }

    // Totals on the right; the status stamp on the left, wholly below the last line item.
    void draw_totals_and_stamp() {
        const std::string label = status_label(invoice().status);
        const StampExtent stamp = m_canvas.stamp_extent(label);
        const bool voided = invoice().status == billing::InvoiceStatus::Void;
        const auto reason = voided ? m_canvas.wrap("Alasan pembatalan: " + invoice().void_reason, 9, kRight - kMargin) : std::vector<std::string>{};
        make_room(std::max(100.0f + 15.0f * static_cast<float>(m_credit.credit_notes.size()), 2 * stamp.half_height + 16) +
                  13.0f * static_cast<float>(reason.size()) + 40);
        m_y -= 8;
        const float stamp_y = m_y - stamp.half_height;
        m_canvas.stamp(std::max(175.0f, kMargin + stamp.half_width + 4), stamp_y, label, status_color(invoice().status));

        const float totals_label = 360;
        auto total_row = [&](const std::string& text, Money amount, bool strong = false, Rgb color = kInk) {
            m_canvas.text(totals_label, m_y, text, strong ? 10.5f : 9.5f, strong, strong ? kInk : kMuted);
            m_canvas.text_right(kColumnAmount, m_y, format_rupiah(amount), strong ? 10.5f : 9.5f, strong, color);
            m_y -= strong ? 18 : 15;
        };
        m_y -= 8;
        total_row("Subtotal", invoice().totals.subtotal);
        // A PKP rule with DPP nilai lain (PMK 131/2024) shows the DPP the PPN was computed on.
        if (invoice().tax.rate_basis_points > 0 && invoice().tax.pkp && invoice().tax.dpp_numerator != invoice().tax.dpp_denominator)
            total_row("DPP " + std::to_string(invoice().tax.dpp_numerator) + "/" + std::to_string(invoice().tax.dpp_denominator),
                      invoice().totals.tax_base);
        if (invoice().tax.rate_basis_points > 0) total_row(tax_label(invoice()), invoice().totals.tax);
        m_canvas.rule(totals_label, m_y + 10, kRight, kInk, 0.8f);
        m_y -= 4;
        total_row("Total", invoice().totals.total, true);
        // Credit notes (issue 20) are named one by one with what each took off what is owed; the
        // payments' sum is then what was paid, so the rows add up to the rest.
        if (m_credit.paid_by_payments > 0) total_row("Sudah dibayar", m_credit.paid_by_payments);
        for (const auto& note : m_credit.credit_notes)
            if (note.figures.applied > 0) total_row("Nota kredit " + note.credit_note_no, note.figures.applied);
        if (!voided) total_row("Sisa tagihan", invoice().outstanding(), true, invoice().outstanding() > 0 ? kUnpaid : kPaid);
        m_y = std::min(m_y, stamp_y - stamp.half_height - 8);
        for (const auto& line : reason) {
            m_canvas.text(kMargin, m_y - 4, line, 9, false, kMuted);
            m_y -= 13;
        }
    }

    void draw_payment_instructions() {
        const auto instructions = m_canvas.wrap(m_company.instructions, 9.5f, kRight - kMargin);
        const bool coded = m_unique_code > 0 && invoice().outstanding() > 0;
        make_room(80 + 13.0f * static_cast<float>(instructions.size() + m_company.bank_accounts.size() + (coded ? 1 : 0)));
        m_y -= 40;
        m_canvas.rule(kMargin, m_y + 12, kRight, kRule, 1.0f);
        m_canvas.text(kMargin, m_y - 4, "CARA PEMBAYARAN", 8, true, kMuted);
        m_y -= 20;
        for (const auto& line : instructions) {
            m_canvas.text(kMargin, m_y, line, 9.5f);
            m_y -= 13;
        }
        m_y -= 4;
        m_canvas.text(kMargin, m_y, "Transfer bank:", 9.5f, true);
        // Issue 20: with a unique code the transfer must be exact for the statement import to find it.
        // The amount still open (not the total) plus the code: a partly paid invoice asks for the rest.
        if (coded) {
            const std::string exact = "Transfer tepat " + format_rupiah(billing::transfer_amount(invoice().outstanding(), m_unique_code));
            m_canvas.text(kMargin + m_canvas.width("Transfer bank: ", 9.5f, true), m_y, exact, 9.5f, true, kBrand);
            m_y -= 13;
            m_canvas.text(kMargin + 10, m_y,
                          "Angka terakhir adalah kode unik " + format_rupiah(m_unique_code) +
                              ": tanda pengenal pembayaran Anda di mutasi bank; kode unik menjadi saldo Anda.",
                          8.5f, false, kMuted);
        }
        m_y -= 14;
        for (const auto& account : m_company.bank_accounts) {
            m_canvas.text(kMargin + 10, m_y, "•  " + account, 9.5f);
            m_y -= 13;
        }
        m_y -= 6;
        m_canvas.text(kMargin, m_y, "Bayar online / cek tagihan:", 9.5f, true);
        m_canvas.text(kMargin + m_canvas.width("Bayar online / cek tagihan: ", 9.5f, true), m_y,
                      m_company.base_url + "/billing/" + m_detail.service_number, 9.5f, false, kBrand);
    }

    HPDF_Doc m_pdf;
    Canvas& m_canvas;
    const Company& m_company;
    const services::InvoiceDetail& m_detail;
    Money m_unique_code = 0;  // issue 20: "Transfer tepat …" under the bank accounts when set
    api::InvoiceCredit m_credit;  // issue 20: the invoice's credit notes and what payments paid
    const Date& m_today;
    float m_y = 0;
};

}  // namespace

Result<std::string> render_invoice_pdf(store::Database& db, const services::InvoiceDetail& detail,
                                       const std::string& fallback_base_url, const Date& today) {
    const Company company = TRY(load_company(db, fallback_base_url));
    auto document = TRY(PdfDocument::create("Tagihan " + detail.invoice.invoice_no));
    HPDF_Doc pdf = document->handle();
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    Canvas canvas(page, document->regular(), document->bold());
    // A missing or unreadable logo must not stop the invoice: it is drawn without one.
    HPDF_Image logo = nullptr;
    if (company.logo) {
        const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(company.logo->bytes.data());
        const auto size = static_cast<HPDF_UINT>(company.logo->bytes.size());
        logo = company.logo->image.content_type == "image/jpeg" ? HPDF_LoadJpegImageFromMem(pdf, bytes, size)
                                                                : HPDF_LoadPngImageFromMem(pdf, bytes, size);
        if (!logo) document->clear_failure();
    }
    InvoiceLayout layout(pdf, canvas, company, detail, today);
    layout.set_unique_code(TRY(services::invoice_unique_code(db, detail.invoice.id)));
    layout.set_credit(TRY(services::invoice_credit(db, detail.invoice)));
    layout.draw(logo);
    return document->bytes();
}

}  // namespace kimonet::pdf
