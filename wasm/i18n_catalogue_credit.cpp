// UI text of credit notes (nota kredit) and refunds (pengembalian dana), issue 20: the invoice
// modal's panel and list, the customer screen's refund dialog and history, the portal's notes.
// key, Indonesian (default), English. A part of the catalogue of its own (i18n.hpp).
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> credit_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"credit_note.action", "Buat nota kredit", "Issue credit note"},
        {"credit_note.title", "Buat nota kredit", "Issue a credit note"},
        {"credit_note.hint",
         "Paling banyak {amount} dapat dikreditkan. Sisa tagihan berkurang lebih dulu; bila tagihan sudah dibayar, kelebihannya menjadi "
         "saldo kredit pelanggan.",
         "At most {amount} can be credited. What is still owed goes down first; if the invoice was paid, the rest becomes the "
         "customer's credit."},
        {"credit_note.choice", "Yang dikreditkan", "Credit"},
        {"credit_note.full", "Seluruh sisa yang dapat dikreditkan", "Everything that can still be credited"},
        {"credit_note.partial", "Sebagian (jumlah)", "Part of it (an amount)"},
        {"credit_note.amount", "Jumlah nota kredit (termasuk PPN)", "Credit note amount (PPN included)"},
        {"credit_note.reason", "Alasan", "Reason"},
        {"credit_note.submit", "Buat nota kredit", "Issue credit note"},
        {"credit_note.created", "Nota kredit {number} dibuat; menjadi saldo kredit: {credit}.",
         "Credit note {number} issued; to customer credit: {credit}."},
        {"credit_note.credited", "Dikreditkan (nota kredit)", "Credited (credit notes)"},
        {"credit_note.list_title", "Nota kredit", "Credit notes"},
        {"credit_note.to_credit", "{credit} menjadi saldo kredit pelanggan", "{credit} became customer credit"},
        {"credit_note.history_title", "Nota kredit dan pengembalian dana", "Credit notes and refunds"},
        {"credit_note.portal_title", "Nota kredit untuk tagihan ini", "Credit notes on this invoice"},
        {"refund.action", "Kembalikan dana", "Refund"},
        {"refund.title", "Kembalikan dana", "Refund credit"},
        {"refund.balance", "Saldo kredit pelanggan: {amount}", "Customer credit: {amount}"},
        {"refund.amount", "Jumlah dikembalikan", "Amount refunded"},
        {"refund.method", "Cara pengembalian", "Refunded by"},
        {"refund.method_cash", "Tunai", "Cash"},
        {"refund.method_transfer", "Transfer bank", "Bank transfer"},
        {"refund.reference", "Nomor referensi transfer", "Transfer reference"},
        {"refund.reference_required", "wajib diisi untuk transfer", "required for a transfer"},
        {"refund.reason", "Alasan", "Reason"},
        {"refund.row", "Pengembalian dana · {method}", "Refund · {method}"},
    };
    return entries;
}

}  // namespace kimonet::i18n
