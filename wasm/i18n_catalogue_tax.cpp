// UI text of PPN and Coretax (issue 20): the PKP settings, the customer's tax identity, the DPP row
// of an invoice and the accountant's Coretax card. Key, Indonesian (default), English.
// A part of the catalogue of its own (registered in i18n.cpp's catalogue_parts).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> tax_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"setting.pkp", "Status PKP", "PKP status"},
        {"setting_help.pkp", "Pengusaha Kena Pajak: PPN dihitung dengan aturan bertanggal di bawah; bukan PKP: tanpa PPN sama sekali.",
         "Taxable entrepreneur (PKP): PPN by the dated rules below; not a PKP: no PPN at all."},
        {"setting_choice.pkp.legacy", "Tarif tetap lama (tax_rate)", "The old flat rate (tax_rate)"},
        {"setting_choice_help.pkp.legacy", "Seperti sebelum ada status PKP: PPN dari harga penuh dengan tarif PPN di bawah.",
         "As before the PKP switch: PPN on the whole price at the rate below."},
        {"setting_choice.pkp.off", "Bukan PKP (tanpa PPN)", "Not a PKP (no PPN)"},
        {"setting_choice_help.pkp.off", "Omzet di bawah batas PKP: tagihan, PDF, portal dan laporan tanpa PPN.",
         "Turnover under the PKP threshold: invoices, PDF, portal and reports without PPN."},
        {"setting_choice.pkp.on", "PKP (PPN dengan DPP nilai lain)", "PKP (PPN on DPP nilai lain)"},
        {"setting_choice_help.pkp.on", "PPN 12% dari DPP 11/12 harga (efektif 11%, PMK 131/2024) menurut aturan yang berlaku pada tanggal tagihan.",
         "PPN 12% on a DPP of 11/12 of the price (11% effective, PMK 131/2024) by the rule in force on the invoice date."},
        {"setting.ppn_rules", "Aturan PPN (berlaku mulai)", "PPN rules (effective from)"},
        {"setting_help.ppn_rules",
         "Baris \"tanggal berlaku mulai,tarif dalam basis poin,DPP pembilang/penyebut\" dipisah titik koma, misalnya 2025-01-01,1200,11/12. "
         "Tagihan yang sudah dibuat tetap memakai aturannya.",
         "Rows \"effective date,rate in basis points,DPP numerator/denominator\" separated by semicolons, e.g. 2025-01-01,1200,11/12. "
         "Invoices already made keep their rule."},
        {"setting.company_npwp", "NPWP perusahaan", "Company NPWP"},
        {"setting_help.company_npwp", "NPWP 16 angka penjual untuk ekspor Coretax.", "The seller's 16-digit NPWP for the Coretax export."},
        {"setting.company_nitku", "NITKU perusahaan", "Company NITKU"},
        {"setting_help.company_nitku", "22 angka; kosong = NPWP + 000000 (kantor pusat).", "22 digits; empty = NPWP + 000000 (head office)."},
        {"setting.coretax_service_code", "Kode barang/jasa Coretax", "Coretax goods/service code"},
        {"setting_help.coretax_service_code", "Kode 6 angka untuk jasa internet di faktur (000000 = umum).",
         "6-digit code of the internet service on the faktur (000000 = general)."},
        {"customer_tax.npwp", "NPWP (opsional)", "NPWP (optional)"},
        {"customer_tax.nik", "NIK (opsional)", "NIK (optional)"},
        {"customer_tax.nitku", "NITKU (opsional)", "NITKU (optional)"},
        {"customer_tax.nitku_hint", "NPWP 16 angka + 000000", "16-digit NPWP + 000000"},
        {"customer_tax.needs_faktur", "Minta faktur pajak", "Needs a tax invoice (faktur)"},
        {"customer_tax.section", "Faktur pajak", "Tax invoice"},
        {"customer_tax.npwp_label", "NPWP", "NPWP"},
        {"customer_tax.nik_label", "NIK", "NIK"},
        {"customer_tax.nitku_label", "NITKU", "NITKU"},
        {"customer_tax.faktur_yes", "Minta faktur pajak", "Needs a faktur"},
        {"invoice.dpp", "DPP ({fraction} harga)", "DPP ({fraction} of the price)"},
        {"coretax.title", "Pajak / Coretax", "Tax / Coretax"},
        {"coretax.hint", "Faktur keluaran sebulan dalam XML impor Coretax DJP, untuk pelanggan yang minta faktur. Yang sudah diunduh ditandai.",
         "A month of output tax invoices as DJP's Coretax import XML, for customers who need a faktur. What was downloaded is marked."},
        {"coretax.period", "Bulan (YYYY-MM)", "Month (YYYY-MM)"},
        {"coretax.period_error", "bulan seperti 2026-01", "a month like 2026-01"},
        {"coretax.counts", "{pending} faktur menunggu · {exported} sudah diekspor · {files} berkas",
         "{pending} fakturs waiting · {exported} already exported · {files} files"},
        {"coretax.seller_missing", "Isi NPWP perusahaan di Pengaturan > Perusahaan dulu.", "Set the company NPWP under Settings > Company first."},
        {"coretax.again", "Ekspor ulang seluruh bulan", "Export the whole month again"},
        {"coretax.download_xml", "Unduh XML Coretax", "Download Coretax XML"},
        {"coretax.download_zip", "Unduh ZIP Coretax", "Download Coretax ZIP"},
        {"coretax.download_failed", "Ekspor Coretax gagal", "The Coretax export failed"},
        {"coretax.nothing", "Tidak ada faktur baru bulan ini.", "No new fakturs this month."},
    };
    return entries;
}

}  // namespace kimonet::i18n
