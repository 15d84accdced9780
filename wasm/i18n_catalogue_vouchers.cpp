// UI text of the Vouchers screen (issue 19): key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> voucher_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"nav.vouchers", "Voucher", "Vouchers"},
        {"vouchers.title", "Voucher hotspot", "Hotspot vouchers"},
        {"vouchers.tab.batches", "Batch voucher", "Voucher batches"},
        {"vouchers.tab.resellers", "Reseller", "Resellers"},
        {"vouchers.tab.report", "Laporan penjualan", "Sales report"},
        {"vouchers.make", "Buat batch voucher", "Make a voucher batch"},
        {"vouchers.router", "Router", "Router"},
        {"vouchers.profile", "Profil hotspot", "Hotspot profile"},
        {"vouchers.count", "Jumlah", "Count"},
        {"vouchers.mode", "Mode login", "Login mode"},
        {"vouchers.mode.voucher", "Kode saja (username = password)", "Code only (username = password)"},
        {"vouchers.mode.userpass", "Username dan password", "Username and password"},
        {"vouchers.make_submit", "Buat dan kirim ke router", "Make and push to the router"},
        {"vouchers.on_router", "di router", "on the router"},
        {"vouchers.sold", "terjual", "sold"},
        {"vouchers.batches_empty", "Belum ada batch voucher.", "No voucher batches yet."},
        {"vouchers.status.queued", "menunggu dikirim", "waiting to be pushed"},
        {"vouchers.status.pushing", "sedang dikirim", "being pushed"},
        {"vouchers.status.pushed", "terkirim", "pushed"},
        {"vouchers.status.failed", "gagal sebagian", "partly failed"},
        {"vouchers.print_a4", "Cetak A4", "Print A4"},
        {"vouchers.print_58mm", "Cetak 58 mm", "Print 58 mm"},
        {"vouchers.resellers_empty", "Belum ada reseller.", "No resellers yet."},
        {"vouchers.reseller", "Reseller", "Reseller"},
        {"vouchers.top_up_amount", "Isi saldo (Rp)", "Top-up (Rp)"},
        {"vouchers.top_up", "Isi saldo", "Top up"},
        {"vouchers.batch", "Batch", "Batch"},
        {"vouchers.sell", "Jual voucher", "Sell vouchers"},
        {"vouchers.sold_toast", "Terjual, saldo berkurang", "Sold, balance reduced by"},
        {"vouchers.from", "Dari tanggal", "From"},
        {"vouchers.to", "Sampai tanggal", "To"},
        {"vouchers.show", "Tampilkan", "Show"},
        {"vouchers.download_csv", "Unduh CSV", "Download CSV"},
        {"vouchers.date", "Tanggal", "Date"},
        {"vouchers.net", "Bersih", "Net"},
        {"setting.hotspot_login_url", "Alamat login hotspot", "Hotspot login address"},
        {"setting_help.hotspot_login_url", "Halaman login hotspot MikroTik yang dibuka kode QR di kartu voucher (username dan password ditambahkan).",
         "The MikroTik hotspot login page the QR code on voucher cards opens (username and password added)."},
        {"setting.voucher_schedule", "Jadwal voucher", "Voucher schedule"},
        {"setting_help.voucher_schedule", "Kapan pengiriman voucher yang terputus dilanjutkan dan voucher habis atau kedaluwarsa dihapus dari router.",
         "When interrupted voucher pushes resume and used-up or expired vouchers are removed from the routers."},
    };
    return entries;
}

}  // namespace kimonet::i18n
