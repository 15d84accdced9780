#include "pdf/invoice_pdf.hpp"

#include <hpdf.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/money.hpp"
#include "pdf/pdf_document.hpp"
#include "services/settings.hpp"

namespace kimonet::pdf {

namespace {


constexpr float kPageWidth = 595.0f;  // A4 in points
constexpr float kPageHeight = 842.0f;
constexpr float kMargin = 48.0f;
constexpr float kRight = kPageWidth - kMargin;

struct Rgb {
    float r, g, b;
};
constexpr Rgb kInk{0.13f, 0.15f, 0.18f};
constexpr Rgb kMuted{0.42f, 0.45f, 0.50f};
constexpr Rgb kBrand{0.07f, 0.33f, 0.62f};
constexpr Rgb kRule{0.82f, 0.85f, 0.88f};
constexpr Rgb kPaid{0.09f, 0.55f, 0.27f};
constexpr Rgb kUnpaid{0.80f, 0.15f, 0.15f};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(separator, start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.erase(0, 1);
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

// Drawing helpers over one page with a regular and a bold font.
class Canvas {
public:
    Canvas(HPDF_Page page, HPDF_Font regular, HPDF_Font bold) : m_page(page), m_regular(regular), m_bold(bold) {}

    void image(HPDF_Image image, float x, float y, float width, float height) {
        HPDF_Page_DrawImage(m_page, image, x, y, width, height);
    }

    void text(float x, float y, const std::string& value, float size, bool bold = false, Rgb color = kInk) {
        HPDF_Page_BeginText(m_page);
        HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
        HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
        HPDF_Page_TextOut(m_page, x, y, value.c_str());
        HPDF_Page_EndText(m_page);
    }
    void text_right(float right, float y, const std::string& value, float size, bool bold = false, Rgb color = kInk) {
        text(right - width(value, size, bold), y, value, size, bold, color);
    }
    float width(const std::string& value, float size, bool bold = false) {
        HPDF_Page_SetFontAndSize(m_page, bold ? m_bold : m_regular, size);
        return HPDF_Page_TextWidth(m_page, value.c_str());
    }
    // Word-wraps `value` into lines no wider than `max_width`.
    std::vector<std::string> wrap(const std::string& value, float size, float max_width) {
        std::vector<std::string> lines;
        std::string current;
        for (const auto& word : split(value, ' ')) {
            const std::string candidate = current.empty() ? word : current + " " + word;
            if (!current.empty() && width(candidate, size) > max_width) {
                lines.push_back(current);
                current = word;
            } else {
                current = candidate;
            }
        }
        if (!current.empty()) lines.push_back(current);
        return lines;
    }
    void rule(float x1, float y, float x2, Rgb color = kRule, float thickness = 0.8f) {
        HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
        HPDF_Page_SetLineWidth(m_page, thickness);
        HPDF_Page_MoveTo(m_page, x1, y);
        HPDF_Page_LineTo(m_page, x2, y);
        HPDF_Page_Stroke(m_page);
    }
    void fill(float x, float y, float w, float h, Rgb color) {
        HPDF_Page_SetRGBFill(m_page, color.r, color.g, color.b);
        HPDF_Page_Rectangle(m_page, x, y, w, h);
        HPDF_Page_Fill(m_page);
    }
    // A rotated, outlined stamp centred on (cx, cy).
    void stamp(float cx, float cy, const std::string& label, Rgb color) {
        const float size = 26.0f;
        const float w = width(label, size, true) + 28.0f, h = size + 18.0f;
        const float angle = 12.0f * 3.14159265f / 180.0f;
        const float c = std::cos(angle), s = std::sin(angle);
        HPDF_Page_GSave(m_page);
        HPDF_Page_Concat(m_page, c, s, -s, c, cx, cy);
        HPDF_Page_SetRGBStroke(m_page, color.r, color.g, color.b);
        HPDF_Page_SetLineWidth(m_page, 2.5f);
        HPDF_Page_Rectangle(m_page, -w / 2, -h / 2, w, h);
        HPDF_Page_Stroke(m_page);
        HPDF_Page_SetLineWidth(m_page, 0.8f);
        HPDF_Page_Rectangle(m_page, -w / 2 + 4, -h / 2 + 4, w - 8, h - 8);
        HPDF_Page_Stroke(m_page);
        text(-w / 2 + 14, -size / 2 + 5, label, size, true, color);
        HPDF_Page_GRestore(m_page);
    }

private:
    HPDF_Page m_page;
    HPDF_Font m_regular;
    HPDF_Font m_bold;
};

struct Company {
    std::string name, address, phone, email, instructions, base_url, logo_path;
    std::vector<std::string> bank_accounts;
};

Result<Company> load_company(store::Database& db, const std::string& fallback_base_url) {
    Company company;
    company.name = TRY(services::get_setting(db, "company_name"));
    company.address = TRY(services::get_setting(db, "company_address"));
    company.phone = TRY(services::get_setting(db, "company_phone"));
    company.email = TRY(services::get_setting(db, "company_email"));
    company.logo_path = TRY(services::get_setting(db, "company_logo"));
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

void draw(Canvas& canvas, const Company& company, const services::InvoiceDetail& detail, const Date& today, HPDF_Image logo) {
    const billing::Invoice& invoice = detail.invoice;
    float y = kPageHeight - kMargin;

    // Header: logo and company on the left, document title and numbers on the right.
    canvas.fill(0, kPageHeight - 8, kPageWidth, 8, kBrand);
    float left_x = kMargin;
    if (logo) {
        constexpr float kLogoSize = 52;
        canvas.image(logo, kMargin, y - kLogoSize + 4, kLogoSize, kLogoSize);
        left_x += kLogoSize + 12;
    }
    canvas.text(left_x, y - 16, company.name, 18, true, kBrand);
    float left_y = y - 34;
    for (const auto& line : canvas.wrap(company.address, 9, 250)) {
        canvas.text(left_x, left_y, line, 9, false, kMuted);
        left_y -= 12;
    }
    canvas.text(left_x, left_y, "Telp/WA " + company.phone + "  ·  " + company.email, 9, false, kMuted);
    canvas.text_right(kRight, y - 16, "TAGIHAN", 22, true, kInk);
    canvas.text_right(kRight, y - 34, invoice.invoice_no, 11, true, kBrand);
    y -= 96;
    canvas.rule(kMargin, y, kRight, kRule, 1.0f);

    // Customer block and invoice facts.
    y -= 22;
    canvas.text(kMargin, y, "DITAGIHKAN KEPADA", 8, true, kMuted);
    canvas.text(kMargin, y - 16, detail.customer_name, 12, true);
    canvas.text(kMargin, y - 30, "No. Layanan: " + detail.service_number, 9);
    float customer_y = y - 43;
    for (const auto& line : canvas.wrap(detail.customer_address, 9, 260)) {
        canvas.text(kMargin, customer_y, line, 9, false, kMuted);
        customer_y -= 12;
    }
    if (!detail.customer_phone.empty()) canvas.text(kMargin, customer_y, "Telp " + detail.customer_phone, 9, false, kMuted);

    const float label_x = 340, value_right = kRight;
    const std::pair<std::string, std::string> facts[] = {
        {"Tanggal tagihan", format_date_indonesian(invoice.issue_date)},
        {"Periode", format_period_indonesian(invoice.period)},
        {"Jatuh tempo", format_date_indonesian(invoice.due_date)},
        {"Status", status_label(invoice.status)},
    };
    float fact_y = y;
    for (const auto& [label, value] : facts) {
        canvas.text(label_x, fact_y, label, 9, false, kMuted);
        const bool strong = label == "Jatuh tempo" || label == "Status";
        canvas.text_right(value_right, fact_y, value, 9, strong, label == "Status" ? status_color(invoice.status) : kInk);
        fact_y -= 15;
    }
    y -= 96;

    // Lines table.
    const float col_no = kMargin + 6, col_desc = kMargin + 30, col_qty = 372, col_price = 462, col_amount = kRight - 6;
    canvas.fill(kMargin, y - 6, kRight - kMargin, 20, Rgb{0.93f, 0.95f, 0.97f});
    canvas.text(col_no, y, "No", 8.5f, true, kMuted);
    canvas.text(col_desc, y, "Deskripsi", 8.5f, true, kMuted);
    canvas.text_right(col_qty, y, "Qty", 8.5f, true, kMuted);
    canvas.text_right(col_price, y, "Harga Satuan", 8.5f, true, kMuted);
    canvas.text_right(col_amount, y, "Jumlah", 8.5f, true, kMuted);
    y -= 24;
    int number = 0;
    for (const auto& line : invoice.lines) {
        const auto wrapped = canvas.wrap(line.description, 9.5f, col_qty - col_desc - 40);
        canvas.text(col_no, y, std::to_string(++number), 9.5f);
        float line_y = y;
        for (const auto& part : wrapped) {
            canvas.text(col_desc, line_y, part, 9.5f);
            line_y -= 12;
        }
        canvas.text_right(col_qty, y, std::to_string(line.quantity), 9.5f);
        canvas.text_right(col_price, y, format_rupiah(line.unit_price), 9.5f);
        canvas.text_right(col_amount, y, format_rupiah(line.amount), 9.5f);
        y = line_y - 6;
        canvas.rule(kMargin, y + 8, kRight);
        if (y < 330) break;  // a longer invoice would need a second page; lines are capped at 50
    }

    // Totals.
    y -= 8;
    const float totals_label = 360;
    auto total_row = [&](const std::string& label, Money amount, bool strong = false, Rgb color = kInk) {
        canvas.text(totals_label, y, label, strong ? 10.5f : 9.5f, strong, strong ? kInk : kMuted);
        canvas.text_right(col_amount, y, format_rupiah(amount), strong ? 10.5f : 9.5f, strong, color);
        y -= strong ? 18 : 15;
    };
    total_row("Subtotal", invoice.totals.subtotal);
    if (invoice.tax.rate_basis_points > 0) total_row(tax_label(invoice), invoice.totals.tax);
    canvas.rule(totals_label, y + 10, kRight, kInk, 0.8f);
    y -= 4;
    total_row("Total", invoice.totals.total, true);
    if (invoice.paid_amount > 0) total_row("Sudah dibayar", invoice.paid_amount);
    if (invoice.status != billing::InvoiceStatus::Void)
        total_row("Sisa tagihan", invoice.outstanding(), true, invoice.outstanding() > 0 ? kUnpaid : kPaid);

    // The status stamp, left of the totals.
    const bool voided = invoice.status == billing::InvoiceStatus::Void;
    canvas.stamp(175, y + 40, status_label(invoice.status), status_color(invoice.status));
    if (voided) canvas.text(kMargin, y - 4, "Alasan pembatalan: " + invoice.void_reason, 9, false, kMuted);

    // Payment instructions.
    y -= 40;
    canvas.rule(kMargin, y + 12, kRight, kRule, 1.0f);
    canvas.text(kMargin, y - 4, "CARA PEMBAYARAN", 8, true, kMuted);
    y -= 20;
    for (const auto& line : canvas.wrap(company.instructions, 9.5f, kRight - kMargin)) {
        canvas.text(kMargin, y, line, 9.5f);
        y -= 13;
    }
    y -= 4;
    canvas.text(kMargin, y, "Transfer bank:", 9.5f, true);
    y -= 14;
    for (const auto& account : company.bank_accounts) {
        canvas.text(kMargin + 10, y, "•  " + account, 9.5f);
        y -= 13;
    }
    y -= 6;
    canvas.text(kMargin, y, "Bayar online / cek tagihan:", 9.5f, true);
    canvas.text(kMargin + canvas.width("Bayar online / cek tagihan: ", 9.5f, true), y,
                company.base_url + "/billing/" + detail.service_number, 9.5f, false, kBrand);

    // Footer.
    canvas.rule(kMargin, 58, kRight);
    canvas.text(kMargin, 44, "Terima kasih telah berlangganan " + company.name + ".", 8.5f, false, kMuted);
    canvas.text_right(kRight, 44, "Dicetak " + format_date_indonesian(today), 8.5f, false, kMuted);
}

}  // namespace

Result<std::string> render_invoice_pdf(store::Database& db, const services::InvoiceDetail& detail,
                                       const std::string& fallback_base_url, const Date& today) {
    const Company company = TRY(load_company(db, fallback_base_url));
    auto document = TRY(PdfDocument::create("Tagihan " + detail.invoice.invoice_no));
    HPDF_Doc pdf = document->handle();
    HPDF_Font regular = document->regular();
    HPDF_Font bold = document->bold();
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    Canvas canvas(page, regular, bold);
    // A missing or unreadable logo must not stop the invoice: it is drawn without one.
    HPDF_Image logo = nullptr;
    if (!company.logo_path.empty() && std::filesystem::is_regular_file(company.logo_path)) {
        logo = HPDF_LoadPngImageFromFile(pdf, company.logo_path.c_str());
        if (!logo) document->clear_failure();
    }
    draw(canvas, company, detail, today, logo);

    return document->bytes();
}

}  // namespace kimonet::pdf
