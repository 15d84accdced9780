// UI text of cash collection (issue 20): the collector's phone screen (Tagih tunai) and the
// cashier's remittances (Setoran kas): key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> cash_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"nav.collect", "Tagih tunai", "Cash round"},
        {"nav.cash_desk", "Setoran kas", "Cash remittances"},
        {"collect.title", "Tagih tunai", "Cash round"},
        {"collect.today", "Hari ini", "Today"},
        {"collect.count", "{count} pembayaran tunai", "{count} cash payments"},
        {"collect.unremitted", "Belum disetor", "Not yet remitted"},
        {"collect.remitted", "Sudah disetor", "Remitted"},
        {"collect.confirmed", "dikonfirmasi", "confirmed"},
        {"collect.waiting", "menunggu konfirmasi kasir", "waiting for the cashier"},
        {"collect.remit", "Setor ke kasir", "Remit to the cashier"},
        {"collect.remit_amount", "Jumlah yang disetor", "Amount handed over"},
        {"collect.remit_send", "Kirim setoran", "Send remittance"},
        {"collect.note", "Catatan", "Note"},
        {"collect.areas", "Area", "Areas"},
        {"collect.no_areas", "belum ada area; minta admin menetapkannya", "none yet; ask an admin to assign them"},
        {"collect.empty", "Tidak ada tagihan terbuka di area Anda.", "No open invoices in your areas."},
        {"collect.owed", "Sisa tagihan", "Owed"},
        {"collect.take_cash", "Terima tunai", "Take cash"},
        {"collect.amount", "Jumlah diterima", "Amount received"},
        {"collect.confirm_difference", "Jumlah berbeda dari sisa tagihan, saya yakin", "The amount differs from what is owed; I am sure"},
        {"collect.confirm_needed", "Jumlah berbeda dari sisa tagihan: centang konfirmasi dulu", "The amount differs from what is owed: tick the confirmation first"},
        {"collect.amount_invalid", "Jumlah tidak valid", "Invalid amount"},
        {"collect.save", "Simpan & kirim kuitansi", "Save & send receipt"},
        {"collect.paid_toast", "Pembayaran tercatat; kuitansi dikirim lewat WhatsApp", "Payment recorded; the receipt goes out by WhatsApp"},
        {"collect.remitted_toast", "Setoran dikirim ke kasir", "Remittance sent to the cashier"},
        {"cash_desk.title", "Setoran kas", "Cash remittances"},
        {"cash_desk.pending", "Menunggu konfirmasi", "Waiting for confirmation"},
        {"cash_desk.none", "Tidak ada setoran yang menunggu.", "No remittance is waiting."},
        {"cash_desk.expected", "Tunai tercatat", "Cash recorded"},
        {"cash_desk.declared", "Disetor", "Handed over"},
        {"cash_desk.difference", "Selisih", "Difference"},
        {"cash_desk.received", "Jumlah dihitung kasir", "Amount counted"},
        {"cash_desk.confirm", "Konfirmasi", "Confirm"},
        {"cash_desk.confirmed_toast", "Setoran dikonfirmasi", "Remittance confirmed"},
        {"cash_desk.report", "Hari ini per penagih", "Today by collector"},
        {"cash_desk.report_empty", "Belum ada uang tunai hari ini.", "No cash today yet."},
        {"cash_desk.collected", "Tertagih", "Collected"},
        {"cash_desk.remitted", "Disetor", "Remitted"},
        {"cash_desk.confirmed", "Dikonfirmasi", "Confirmed"},
        {"cash_desk.waiting", "{count} setoran menunggu", "{count} remittances waiting"},
    };
    return entries;
}

}  // namespace kimonet::i18n
