// UI text of the dashboard (stat cards, the revenue chart, today's jobs, quick actions): key,
// Indonesian (default), English. A part of the catalogue of its own (i18n.cpp, catalogue_parts).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> dashboard_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"dashboard.welcome", "Selamat datang, {name}", "Welcome, {name}"},
        {"dashboard.active", "Pelanggan aktif", "Active customers"},
        {"dashboard.isolated", "Terisolir", "Isolated"},
        {"dashboard.inactive", "Nonaktif", "Inactive"},
        {"dashboard.of_total", "dari {total} pelanggan", "of {total} customers"},
        {"dashboard.isolated_note", "Internet dibatasi karena tunggakan", "Internet limited for unpaid bills"},
        {"dashboard.inactive_note", "Berhenti berlangganan", "No longer subscribed"},
        {"dashboard.billed", "Ditagih bulan ini", "Billed this month"},
        {"dashboard.collected", "Terkumpul bulan ini", "Collected this month"},
        {"dashboard.overdue", "Tunggakan jatuh tempo", "Overdue"},
        {"dashboard.invoices_count", "{count} tagihan", "{count} invoices"},
        {"dashboard.collected_rate", "{rate}% dari yang ditagih", "{rate}% of billed"},
        {"dashboard.collected_rate_net", "{rate}% dari yang ditagih bersih", "{rate}% of net billed"},
        {"dashboard.billed_credited", "{invoices}; nota kredit {credited}, bersih {net}", "{invoices}; credit notes {credited}, net {net}"},
        {"dashboard.refunded", "Dikembalikan bulan ini", "Refunded this month"},
        {"dashboard.refunded_note", "kredit pelanggan dibayar kembali (uang keluar)", "customer credit paid back (money out)"},
        {"dashboard.vouchers", "Penjualan voucher bulan ini", "Voucher sales this month"},
        {"dashboard.vouchers_note", "terkumpul + voucher (bersih komisi) {total}", "collected + vouchers (net of commission) {total}"},
        {"dashboard.overdue_count", "{count} tagihan lewat jatuh tempo", "{count} invoices past due"},
        {"dashboard.gateway_review", "Pembayaran perlu ditinjau", "Payments to review"},
        {"dashboard.gateway_review_count", "{count} pembayaran gateway: refund, chargeback atau selisih", "{count} gateway payments: refund, chargeback or mismatch"},
        {"dashboard.chart", "Pendapatan 12 bulan terakhir", "Revenue, last 12 months"},
        {"dashboard.chart_billed", "Ditagih", "Billed"},
        {"dashboard.chart_collected", "Terkumpul", "Collected"},
        {"dashboard.jobs", "Tugas terjadwal hari ini", "Today's scheduled jobs"},
        {"dashboard.jobs_ok", "Tidak ada kegagalan hari ini", "No failures today"},
        {"dashboard.jobs_failed", "{count} gagal hari ini", "{count} failed today"},
        {"dashboard.job_next", "Berikutnya {time}", "Next at {time}"},
        {"dashboard.job_done_today", "Selesai hari ini ({count}×)", "Done for today ({count}×)"},
        {"dashboard.job_not_today", "Tidak terjadwal hari ini", "Not scheduled today"},
        {"dashboard.job_ok", "berhasil", "succeeded"},
        {"dashboard.job_failed", "gagal", "failed"},
        {"dashboard.actions", "Aksi cepat", "Quick actions"},
        {"dashboard.action_generate", "Buat tagihan bulan ini", "Generate this month's invoices"},
        {"dashboard.action_dunning", "Jalankan penagihan (dunning)", "Run dunning"},
        {"dashboard.action_payment", "Catat pembayaran", "Record a payment"},
        {"dashboard.action_find", "Cari pelanggan", "Find a customer"},
        {"dashboard.placeholder", "Ringkasan tagihan, pembayaran dan jaringan akan tampil di sini.",
         "Billing, payment and network summaries will appear here."},
        {"dashboard.shortcuts", "Pintasan", "Shortcuts"},
    };
    return entries;
}

}  // namespace kimonet::i18n
