// UI text of the customer screen's quick actions and the keys the role walk found missing (issue
// 18): key, Indonesian (default), English.
// A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_print.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> customer_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"customer_actions.edit", "Ubah data", "Edit"},
        {"customer_actions.pay", "Catat pembayaran", "Record payment"},
        {"customer_actions.invoice", "Buka tagihan", "Open invoice"},
        {"customer_actions.call", "Telepon", "Call"},
        {"customer_actions.whatsapp", "WhatsApp", "WhatsApp"},
        {"customer_actions.receipt", "Cetak kuitansi", "Print receipt"},
        // The pagers of the leads and online-transactions lists showed their keys (issue 18 polish).
        {"leads.summary", "Halaman {page} dari {pages} · {total} pendaftaran", "Page {page} of {pages} · {total} registrations"},
        {"gateway_tx.summary", "Halaman {page} dari {pages} · {total} transaksi", "Page {page} of {pages} · {total} transactions"},
    };
    return entries;
}

}  // namespace kimonet::i18n
