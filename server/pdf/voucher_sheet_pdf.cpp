#include "pdf/voucher_sheet_pdf.hpp"

#include <hpdf.h>

#include "auth/two_factor.hpp"
#include "core/money.hpp"
#include "pdf/pdf_canvas.hpp"
#include "pdf/pdf_document.hpp"
#include "vouchers/voucher_batch.hpp"

namespace kimonet::pdf {

namespace {

constexpr float kMillimetre = 72.0f / 25.4f;

std::string limits_line(const VoucherBatch& batch) {
    std::string line;
    const auto add = [&](const std::string& part) { line += (line.empty() ? "" : " · ") + part; };
    if (batch.time_limit_seconds > 0) {
        const std::int64_t hours = batch.time_limit_seconds / 3600, minutes = batch.time_limit_seconds % 3600 / 60;
        add(hours > 0 ? std::to_string(hours) + " jam" + (minutes > 0 ? " " + std::to_string(minutes) + " mnt" : "")
                      : std::to_string(minutes) + " menit");
    }
    if (batch.quota_bytes > 0) {
        const std::int64_t megabytes = batch.quota_bytes / 1'000'000;
        add(megabytes >= 1000 && megabytes % 1000 == 0 ? std::to_string(megabytes / 1000) + " GB" : std::to_string(megabytes) + " MB");
    }
    if (batch.validity_days > 0) add("berlaku " + std::to_string(batch.validity_days) + " hari");
    return line.empty() ? "tanpa batas" : line;
}

// The QR code of `text` with its top-left corner at (x, top) and `side` points square: one filled
// rectangle per run of dark modules, all in one path.
Result<void> draw_qr(HPDF_Page page, const std::string& text, float x, float top, float side) {
    const api::Json matrix = TRY(auth::qr_matrix(text));
    const int size = matrix["size"].get<int>();
    const float module = side / static_cast<float>(size + 2);  // a 1-module quiet zone inside the box
    HPDF_Page_SetRGBFill(page, 0, 0, 0);
    for (int row = 0; row < size; ++row) {
        const std::string& bits = matrix["rows"][static_cast<std::size_t>(row)].get_ref<const std::string&>();
        for (int column = 0; column < size;) {
            if (bits[static_cast<std::size_t>(column)] != '1') {
                ++column;
                continue;
            }
            int run = 1;
            while (column + run < size && bits[static_cast<std::size_t>(column + run)] == '1') ++run;
            HPDF_Page_Rectangle(page, x + module * static_cast<float>(column + 1), top - module * static_cast<float>(row + 2),
                                module * static_cast<float>(run), module);
            column += run;
        }
    }
    HPDF_Page_Fill(page);
    return {};
}

struct CardBox {
    float x, top, width, height;
};

Result<void> draw_card(Canvas& canvas, const VoucherSheet& sheet, const Voucher& voucher, const CardBox& box, SheetLayout layout) {
    HPDF_Page page = canvas.page();
    HPDF_Page_SetRGBStroke(page, kRule.r, kRule.g, kRule.b);
    HPDF_Page_SetLineWidth(page, 0.6f);
    HPDF_Page_Rectangle(page, box.x, box.top - box.height, box.width, box.height);
    HPDF_Page_Stroke(page);
    const bool userpass = sheet.batch.mode == "userpass";
    const std::string link = hotspot_login_link(sheet.login_url, voucher.username, voucher.password);
    if (layout == SheetLayout::A4) {
        const float qr = box.height - 12;
        TRY_VOID(draw_qr(page, link, box.x + box.width - qr - 6, box.top - 6, qr));
        const float left = box.x + 7;
        float y = box.top - 14;
        canvas.text(left, y, sheet.company, 7, true, kBrand);
        y -= 16;
        canvas.text(left, y, voucher.username, userpass ? 12 : 15, true);
        if (userpass) {
            y -= 12;
            canvas.text(left, y, "Sandi: " + voucher.password, 9, true);
        }
        y -= 13;
        canvas.text(left, y, format_rupiah(sheet.batch.price), 10, true, kInk);
        y -= 11;
        canvas.text(left, y, limits_line(sheet.batch), 6.5f, false, kMuted);
        canvas.text(left, box.top - box.height + 5, sheet.batch.profile_name + " #" + std::to_string(voucher.id), 5.5f, false, kMuted);
    } else {
        const float centre = box.x + box.width / 2;
        float y = box.top - 14;
        const auto centred = [&](const std::string& text, float size, bool bold, Rgb color) {
            canvas.text(centre - canvas.width(text, size, bold) / 2, y, text, size, bold, color);
        };
        centred(sheet.company, 8, true, kBrand);
        y -= 20;
        centred(voucher.username, 16, true, kInk);
        if (userpass) {
            y -= 14;
            centred("Sandi: " + voucher.password, 10, true, kInk);
        }
        y -= 15;
        centred(format_rupiah(sheet.batch.price), 11, true, kInk);
        y -= 11;
        centred(limits_line(sheet.batch), 7, false, kMuted);
        const float qr = 96;
        TRY_VOID(draw_qr(page, link, centre - qr / 2, y - 6, qr));
        canvas.text(centre - canvas.width("Scan untuk login", 6.5f) / 2, y - qr - 14, "Scan untuk login", 6.5f, false, kMuted);
    }
    return {};
}

}  // namespace

Result<std::string> render_voucher_sheet_pdf(const VoucherSheet& sheet, SheetLayout layout) {
    auto document = TRY(PdfDocument::create("Voucher " + sheet.batch.profile_name + " #" + std::to_string(sheet.batch.id)));
    const bool userpass = sheet.batch.mode == "userpass";
    if (layout == SheetLayout::A4) {
        constexpr float kWidth = 595.28f, kHeight = 841.89f, kMargin = 22.0f;
        constexpr int kColumns = 3, kRows = 10;
        const float card_width = (kWidth - 2 * kMargin) / kColumns, card_height = (kHeight - 2 * kMargin) / kRows;
        HPDF_Page page = nullptr;
        std::unique_ptr<Canvas> canvas;
        for (std::size_t index = 0; index < sheet.vouchers.size(); ++index) {
            const int slot = static_cast<int>(index % (kColumns * kRows));
            if (slot == 0) {
                page = HPDF_AddPage(document->handle());
                HPDF_Page_SetWidth(page, kWidth);
                HPDF_Page_SetHeight(page, kHeight);
                canvas = std::make_unique<Canvas>(page, document->regular(), document->bold());
            }
            const CardBox box{kMargin + static_cast<float>(slot % kColumns) * card_width, kHeight - kMargin - static_cast<float>(slot / kColumns) * card_height,
                              card_width, card_height};
            TRY_VOID(draw_card(*canvas, sheet, sheet.vouchers[index], box, layout));
        }
    } else {
        // 58 mm roll paper prints about 48 mm; a page holds 10 cards and the printer cuts between pages.
        const float width = 58 * kMillimetre, card_width = 48 * kMillimetre, card_height = userpass ? 200.0f : 186.0f;
        constexpr std::size_t kPerPage = 10;
        for (std::size_t start = 0; start < sheet.vouchers.size(); start += kPerPage) {
            const std::size_t count = std::min(kPerPage, sheet.vouchers.size() - start);
            HPDF_Page page = HPDF_AddPage(document->handle());
            const float height = static_cast<float>(count) * card_height + 10;
            HPDF_Page_SetWidth(page, width);
            HPDF_Page_SetHeight(page, height);
            Canvas canvas(page, document->regular(), document->bold());
            for (std::size_t offset = 0; offset < count; ++offset) {
                const CardBox box{(width - card_width) / 2, height - 5 - static_cast<float>(offset) * card_height, card_width, card_height - 4};
                TRY_VOID(draw_card(canvas, sheet, sheet.vouchers[start + offset], box, layout));
            }
        }
    }
    if (sheet.vouchers.empty()) HPDF_AddPage(document->handle());
    return document->bytes();
}

}  // namespace kimonet::pdf
