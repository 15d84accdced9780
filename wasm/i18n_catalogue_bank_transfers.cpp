// UI text of bank transfers (issue 20): the "Mutasi bank" screen and the unique-code setting.
// key, Indonesian (default), English. A part of the catalogue of its own (i18n.hpp).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> bank_transfer_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"nav.bank_statements", "Mutasi bank", "Bank statements"},
        {"bank.title", "Mutasi bank", "Bank statements"},
        {"bank.hint", "Unggah ekspor mutasi rekening (CSV atau XLSX) dari internet banking BCA, Mandiri, BRI atau BNI. Transfer yang jelas tagihannya langsung dicatat; sisanya menunggu di bawah. Mengunggah berkas yang sama lagi tidak mencatat apa pun dua kali.",
         "Upload the account statement export (CSV or XLSX) of BCA, Mandiri, BRI or BNI internet banking. Transfers whose invoice is clear are recorded at once; the rest wait below. Uploading the same file again records nothing twice."},
        {"bank.import", "Impor mutasi", "Import statement"},
        {"bank.busy", "Mengimpor…", "Importing…"},
        {"bank.imported", "Mutasi {bank}: {added} baris baru, {paid} dibayar ({amount}), {review} menunggu diperiksa, {repeated} sudah pernah diimpor.",
         "{bank} statement: {added} new lines, {paid} paid ({amount}), {review} waiting for review, {repeated} imported before."},
        {"bank.row_error", "Baris {row}: {message}", "Row {row}: {message}"},
        {"bank.matched", "Dicatat sebagai pembayaran {invoice}.", "Recorded as a payment of {invoice}."},
        {"bank.ignored", "Baris mutasi diabaikan.", "Statement line ignored."},
        {"bank.filter", "Tampilkan", "Show"},
        {"bank.status.review", "Perlu diperiksa", "To review"},
        {"bank.status.paid", "Dibayar", "Paid"},
        {"bank.status.ignored", "Diabaikan", "Ignored"},
        {"bank.empty.review", "Tidak ada mutasi yang menunggu.", "No statement lines waiting."},
        {"bank.empty.paid", "Belum ada mutasi yang dibayar.", "No statement lines paid yet."},
        {"bank.empty.ignored", "Belum ada mutasi yang diabaikan.", "No statement lines ignored."},
        {"bank.row", "baris", "row"},
        {"bank.reason.no_match", "Tidak cocok dengan tagihan mana pun", "Matches no invoice"},
        {"bank.reason.ambiguous", "Cocok dengan lebih dari satu tagihan", "Matches more than one invoice"},
        {"bank.reason.amount_differs", "Tagihan disebut, tetapi jumlahnya berbeda", "An invoice is named, but the amount differs"},
        {"bank.reason.name_only", "Hanya nama pelanggan yang cocok", "Only the customer's name matches"},
        {"bank.reason.cents", "Jumlah bersen (mis. bunga)", "An amount with cents (e.g. interest)"},
        {"bank.reason.edited_duplicate", "Sama dengan baris yang sudah diimpor, tetapi keterangannya berubah", "Same as a line imported before, but its description changed"},
        {"bank.paid_to", "Dibayarkan ke", "Paid to"},
        {"bank.suggested", "Saran:", "Suggested:"},
        {"bank.pay_to", "Bayarkan ke {invoice}", "Pay {invoice}"},
        {"bank.other_invoice", "Tagihan lain…", "Another invoice…"},
        {"bank.invoice_no", "Nomor tagihan", "Invoice number"},
        {"bank.match", "Catat pembayaran", "Record payment"},
        {"bank.match_confirm", "Tetap catat", "Record anyway"},
        {"bank.ignore", "Abaikan", "Ignore"},
        {"bank.summary", "Halaman {page} dari {pages} · {total} baris", "Page {page} of {pages} · {total} lines"},
        {"setting.transfer_unique_code", "Kode unik transfer", "Unique transfer code"},
        {"setting_help.transfer_unique_code",
         "Dicentang: setiap tagihan baru meminta transfer sebesar total ditambah kode unik Rp 1–999 (menjadi saldo pelanggan), sehingga impor mutasi mengenali tagihannya dari jumlahnya saja.",
         "Ticked: each new invoice asks for a transfer of its total plus a unique code of Rp 1–999 (kept as the customer's credit), so the statement import recognises the invoice by its amount alone."},
    };
    return entries;
}

}  // namespace kimonet::i18n
