// UI text of the settings that take one of a fixed set of values (api/setting_choices.hpp): a label
// and a help line per value, so the settings screen never shows "exclusive" or "sandbox" (issue 18,
// "settings people can read"). Key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_print.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> choices_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"setting_choice.tax_mode.exclusive", "Harga belum termasuk PPN", "Prices exclude VAT"},
        {"setting_choice_help.tax_mode.exclusive", "PPN dihitung dari harga paket dan ditambahkan ke tagihan.",
         "VAT is computed on the package price and added to the invoice."},
        {"setting_choice.tax_mode.inclusive", "Harga sudah termasuk PPN", "Prices include VAT"},
        {"setting_choice_help.tax_mode.inclusive", "Tagihan tetap sebesar harga paket; PPN di dalamnya ditulis terpisah.",
         "The invoice stays at the package price; the VAT inside it is shown separately."},

        {"setting_choice.proration_rounding.nearest", "Ke rupiah terdekat", "To the nearest rupiah"},
        {"setting_choice_help.proration_rounding.nearest", "Rp 12.345,50 menjadi Rp 12.346; Rp 12.345,40 menjadi Rp 12.345.",
         "Rp 12,345.50 becomes Rp 12,346; Rp 12,345.40 becomes Rp 12,345."},
        {"setting_choice.proration_rounding.up", "Ke atas (rupiah)", "Up (to the rupiah)"},
        {"setting_choice_help.proration_rounding.up", "Pecahan rupiah selalu dibulatkan ke atas: Rp 12.345,10 menjadi Rp 12.346.",
         "A rupiah fraction always rounds up: Rp 12,345.10 becomes Rp 12,346."},
        {"setting_choice.proration_rounding.down", "Ke bawah (rupiah)", "Down (to the rupiah)"},
        {"setting_choice_help.proration_rounding.down", "Pecahan rupiah dibuang: Rp 12.345,90 menjadi Rp 12.345.",
         "A rupiah fraction is dropped: Rp 12,345.90 becomes Rp 12,345."},
        {"setting_choice.proration_rounding.up_100", "Ke atas, kelipatan Rp 100", "Up, to a multiple of Rp 100"},
        {"setting_choice_help.proration_rounding.up_100", "Rp 12.301 menjadi Rp 12.400.", "Rp 12,301 becomes Rp 12,400."},
        {"setting_choice.proration_rounding.up_1000", "Ke atas, kelipatan Rp 1.000", "Up, to a multiple of Rp 1,000"},
        {"setting_choice_help.proration_rounding.up_1000", "Rp 12.301 menjadi Rp 13.000.", "Rp 12,301 becomes Rp 13,000."},

        {"setting_choice.whatsapp_driver.mpwa", "MPWA", "MPWA"},
        {"setting_choice_help.whatsapp_driver.mpwa", "Gateway MPWA (M Pedia WA): isi URL, nomor pengirim dan api_key.",
         "The MPWA gateway (M Pedia WA): fill in the URL, sender number and api_key."},
        {"setting_choice.whatsapp_driver.fonnte", "Fonnte", "Fonnte"},
        {"setting_choice_help.whatsapp_driver.fonnte", "Layanan Fonnte: isi token perangkat sebagai kunci gateway.",
         "The Fonnte service: fill in the device token as the gateway key."},
        {"setting_choice.whatsapp_driver.gowa", "GOWA (go-whatsapp-web-multidevice)", "GOWA (go-whatsapp-web-multidevice)"},
        {"setting_choice_help.whatsapp_driver.gowa", "Server GOWA Anda sendiri: isi URL dan user:password sebagai kunci gateway.",
         "Your own GOWA server: fill in the URL and user:password as the gateway key."},

        {"setting_choice.flip_mode.sandbox", "Uji coba (sandbox)", "Trial (sandbox)"},
        {"setting_choice_help.flip_mode.sandbox", "Pembayaran hanya uji coba; tidak ada uang sungguhan yang berpindah.",
         "Payments are trials only; no real money moves."},
        {"setting_choice.flip_mode.production", "Produksi (uang sungguhan)", "Production (real money)"},
        {"setting_choice_help.flip_mode.production", "Pelanggan membayar sungguhan; pakai kunci produksi dari Flip.",
         "Customers pay for real; use the production keys from Flip."},
        {"setting_choice.midtrans_mode.sandbox", "Uji coba (sandbox)", "Trial (sandbox)"},
        {"setting_choice_help.midtrans_mode.sandbox", "Pembayaran hanya uji coba; tidak ada uang sungguhan yang berpindah.",
         "Payments are trials only; no real money moves."},
        {"setting_choice.midtrans_mode.production", "Produksi (uang sungguhan)", "Production (real money)"},
        {"setting_choice_help.midtrans_mode.production", "Pelanggan membayar sungguhan; pakai server key produksi dari Midtrans.",
         "Customers pay for real; use the production server key from Midtrans."},
        {"setting_choice.duitku_mode.sandbox", "Uji coba (sandbox)", "Trial (sandbox)"},
        {"setting_choice_help.duitku_mode.sandbox", "Pembayaran hanya uji coba; tidak ada uang sungguhan yang berpindah.",
         "Payments are trials only; no real money moves."},
        {"setting_choice.duitku_mode.production", "Produksi (uang sungguhan)", "Production (real money)"},
        {"setting_choice_help.duitku_mode.production", "Pelanggan membayar sungguhan; pakai kode merchant dan API key produksi dari Duitku.",
         "Customers pay for real; use the production merchant code and API key from Duitku."},

        {"setting_choice.midtrans_api.core", "Nomor VA / QR di halaman tagihan kita (Core API)", "VA number / QR on our bill page (Core API)"},
        {"setting_choice_help.midtrans_api.core", "Pelanggan melihat nomor virtual account atau kode QRIS langsung di halaman tagihan.",
         "The customer sees the virtual account number or QRIS code right on the bill page."},
        {"setting_choice.midtrans_api.snap", "Halaman pembayaran Midtrans (Snap)", "Midtrans' payment page (Snap)"},
        {"setting_choice_help.midtrans_api.snap", "Pelanggan diarahkan ke halaman pembayaran Midtrans dan memilih caranya di sana.",
         "The customer is sent to Midtrans' payment page and chooses how to pay there."},
    };
    return entries;
}

}  // namespace kimonet::i18n
