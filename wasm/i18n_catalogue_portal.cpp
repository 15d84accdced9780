// UI text of the customer portal's pay flow and bill (issue 18, "the customer sees the truth"):
// key, Indonesian (default), English. A part of the catalogue of its own (i18n.hpp).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> portal_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"portal.no_fee", "tanpa biaya", "no fee"},
        {"portal.qr_image", "Pindai QR ini dengan aplikasi bank atau dompet digital", "Scan this QR with a bank or e-wallet app"},
        {"portal.open_link", "Buka halaman pembayaran", "Open the payment page"},
        {"portal.resumed", "Pembayaran yang belum selesai: bayar dengan kode ini, tidak perlu membuat yang baru.",
         "A payment not finished yet: pay with this code, no need to create a new one."},
        {"home.bill_paid", "Tagihan ini sudah lunas. Terima kasih!", "This bill is paid. Thank you!"},
        {"home.next_bill", "Tagihan berikutnya: {period} · {amount} · jatuh tempo {date}", "Next bill: {period} · {amount} · due {date}"},
    };
    return entries;
}

}  // namespace kimonet::i18n
