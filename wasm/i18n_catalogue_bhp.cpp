// UI text of session 13's money screens (issue 20): the BHP Tel & USO report tab, the collection
// areas screen, and transfer amounts with a unique code: key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_customer.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> bhp_catalogue() {
    static const std::initializer_list<Entry> entries = {
        // The BHP Tel & USO tab of Laporan.
        {"reports.tab.bhp_uso", "BHP & USO", "BHP & USO"},
        {"reports.col.period", "Periode", "Period"},
        {"reports.bhp.per", "Per", "Per"},
        {"reports.bhp.per.month", "Bulan", "Month"},
        {"reports.bhp.per.quarter", "Triwulan", "Quarter"},
        {"reports.bhp.per.year", "Tahun", "Year"},
        {"reports.bhp.quarter", "Triwulan {roman} {year}", "Q{number} {year}"},
        {"reports.bhp.gross", "Pendapatan kotor", "Gross revenue"},
        {"reports.bhp.gross_note", "{count} tagihan, tanpa PPN {tax}, nota kredit {credited}; penjualan voucher {vouchers}",
         "{count} invoices, without {tax} of PPN and {credited} of credit notes; voucher sales {vouchers}"},
        {"reports.bhp.base", "Dasar pengenaan", "Base"},
        {"reports.bhp.base_note", "setelah pengurang {amount}", "after {amount} of deductions"},
        {"reports.bhp.bhp", "BHP Tel", "BHP Tel"},
        {"reports.bhp.uso", "USO/KPU", "USO/KPU"},
        {"reports.bhp.periods", "Per periode", "Per period"},
        {"reports.bhp.basis_note",
         "Pendapatan kotor = tagihan bulan tagih yang tidak dibatalkan, tanpa PPN, dikurangi nota kredit yang terbit di bulan itu "
         "(tanpa PPN), ditambah penjualan voucher hotspot ke reseller di bulan itu (harga voucher; komisi reseller adalah biaya "
         "penjualan, bukan pengurang) (akrual: piutang yang nyata-nyata tidak tertagih dikurangkan sebagai pengurang). Tarif per "
         "bulan sesuai tanggal berlakunya.",
         "Gross revenue = invoices of the billing months that are not void, without PPN, less the credit notes issued in the "
         "month (without PPN), plus the hotspot vouchers sold to resellers in the month (at the voucher price; the resellers' "
         "commission is a cost of sale, not a deduction) (accrual: bad debts written off are entered as deductions). Each month "
         "uses the rates in force for it."},
        {"reports.bhp.col.billed", "Ditagih (dg PPN)", "Billed (with PPN)"},
        {"reports.bhp.col.tax", "PPN", "PPN"},
        {"reports.bhp.col.credited", "Nota kredit (DPP)", "Credit notes (DPP)"},
        {"reports.bhp.col.vouchers", "Penjualan voucher", "Voucher sales"},
        {"reports.bhp.col.gross", "Kotor", "Gross"},
        {"reports.bhp.col.base", "Dasar", "Base"},
        {"reports.bhp.col.deductions", "Pengurang", "Deductions"},
        {"reports.bhp.col.from", "Berlaku mulai", "From"},
        {"reports.bhp.col.note", "Catatan", "Note"},
        {"reports.bhp.varies", "* tarif berubah dalam periode ini: tiap bulan memakai tarifnya sendiri (lihat Tarif)",
         "* the rates changed within this period: each month used its own (see Rates)"},
        {"reports.bhp.deductions", "Pengurang pendapatan", "Revenue deductions"},
        {"reports.bhp.deductions_hint",
         "Yang boleh dikurangkan: piutang yang nyata-nyata tidak tertagih (dihapusbukukan), biaya interkoneksi/ketersambungan yang "
         "dibayar ke penyelenggara lain, dan pendapatan di luar penyelenggaraan telekomunikasi (mis. penjualan perangkat).",
         "What may be deducted: bad debts written off, interconnection paid to other operators, and revenue that is not from "
         "telecommunication service (e.g. devices sold)."},
        {"reports.bhp.deductions_empty", "Belum ada pengurang pada rentang ini.", "No deductions in this range."},
        {"reports.bhp.kind.bad_debt", "Piutang tak tertagih", "Bad debt written off"},
        {"reports.bhp.kind.interconnection", "Interkoneksi", "Interconnection"},
        {"reports.bhp.kind.non_telecom", "Di luar telekomunikasi", "Not telecommunication"},
        {"reports.bhp.remove", "Hapus", "Remove"},
        {"reports.bhp.removed", "Pengurang dihapus", "Deduction removed"},
        {"reports.bhp.saved", "Tersimpan", "Saved"},
        {"reports.bhp.add_deduction", "Tambah pengurang", "Add a deduction"},
        {"reports.bhp.form.period", "Bulan", "Month"},
        {"reports.bhp.form.kind", "Jenis", "Kind"},
        {"reports.bhp.form.amount", "Jumlah (Rp)", "Amount (Rp)"},
        {"reports.bhp.form.reason", "Alasan / bukti", "Reason / evidence"},
        {"reports.bhp.form.save", "Simpan pengurang", "Save deduction"},
        {"reports.bhp.rates", "Tarif BHP Tel dan USO", "BHP Tel and USO rates"},
        {"reports.bhp.rate_hint", "Tarif baru berlaku mulai tanggal 1 bulan yang dipilih; bulan sebelumnya tetap memakai tarif lama.",
         "New rates apply from the first day of the chosen month; earlier months keep the old rates."},
        {"reports.bhp.rate.month", "Berlaku mulai bulan (YYYY-MM)", "From month (YYYY-MM)"},
        {"reports.bhp.rate.bhp", "Tarif BHP Tel (%)", "BHP Tel rate (%)"},
        {"reports.bhp.rate.uso", "Tarif USO/KPU (%)", "USO/KPU rate (%)"},
        {"reports.bhp.rate.note", "Dasar hukum / catatan", "Legal basis / note"},
        {"reports.bhp.rate.save", "Simpan tarif", "Save rates"},
        {"reports.bhp.rate.month_error", "bulan YYYY-MM", "month YYYY-MM"},
        {"reports.bhp.rate.percent_error", "persen 0–100, paling banyak 2 desimal (0,5 atau 1,25)", "percent 0–100, at most 2 decimals (0.5 or 1.25)"},
        // Area tagih: the collection areas screen (cash.areas).
        {"nav.areas", "Area tagih", "Collection areas"},
        {"areas.title", "Area tagih", "Collection areas"},
        {"areas.new", "Area baru", "New area"},
        {"areas.name", "Nama area", "Area name"},
        {"areas.name_hint", "mis. RW 03 Sukamaju", "e.g. RW 03 Sukamaju"},
        {"areas.create", "Buat area", "Create area"},
        {"areas.created", "Area dibuat", "Area created"},
        {"areas.saved", "Tersimpan", "Saved"},
        {"areas.empty", "Belum ada area. Buat area, lalu tetapkan kolektor dan pelanggannya.",
         "No areas yet. Create one, then choose its collectors and customers."},
        {"areas.summary", "{count} pelanggan · Kolektor: {collectors}", "{count} customers · Collectors: {collectors}"},
        {"areas.nobody", "belum ada", "none yet"},
        {"areas.open", "Atur area", "Manage area"},
        {"areas.close", "Tutup", "Close"},
        {"areas.rename", "Ganti nama", "Rename"},
        {"areas.collectors", "Kolektor", "Collectors"},
        {"areas.no_collectors", "Belum ada staf dengan izin tagih tunai (cash.collect).", "No staff may collect cash yet (cash.collect)."},
        {"areas.save_collectors", "Simpan kolektor", "Save collectors"},
        {"areas.customers", "Pelanggan", "Customers"},
        {"areas.customers_hint", "Tulis nomor layanan, dipisah koma atau spasi. Pelanggan yang sudah di area lain pindah ke area ini.",
         "Type service numbers, separated by commas or spaces. Customers already in another area move to this one."},
        {"areas.service_numbers", "Nomor layanan", "Service numbers"},
        {"areas.add_customers", "Masukkan ke area", "Put in this area"},
        // Transfer amounts with a unique code (invoice detail, portal).
        {"transfer.exact", "Transfer tepat {amount}", "Transfer exactly {amount}"},
        {"transfer.exact_hint",
         "Angka terakhir adalah kode unik {code}: tanda pengenal pembayaran ini di mutasi bank, sehingga tercatat otomatis. Kode unik menjadi saldo.",
         "The last digits are the unique code {code}: they identify this payment on the bank statement, so it is recorded by itself. The code becomes credit."},
        {"portal.of_total", "sisa dari {total}", "left of {total}"},
    };
    return entries;
}

}  // namespace kimonet::i18n
