// UI text of printed documents (invoice, receipt, report print views): key, Indonesian (default),
// English. A part of the catalogue of its own (i18n.hpp), like i18n_catalogue_reports.cpp.
#include "i18n.hpp"

namespace kimonet::i18n {

std::initializer_list<Entry> print_catalogue() {
    static const std::initializer_list<Entry> entries = {
        {"print.issuer", "Kimonet Billing", "Kimonet Billing"},
        {"print.customer", "Pelanggan", "Customer"},
        {"print.tax", "Pajak", "Tax"},
        {"print.payment_note", "Pembayaran {receipt} · {date} · {method} · {amount}", "Payment {receipt} · {date} · {method} · {amount}"},
        {"print.receipt_title", "Kuitansi Pembayaran", "Payment Receipt"},
        {"print.receipt_no", "No. kuitansi", "Receipt no."},
        {"print.paid_at", "Tanggal bayar", "Paid at"},
        {"print.invoice", "Tagihan", "Invoice"},
        {"print.method", "Metode", "Method"},
        {"print.received_by", "Diterima oleh", "Received by"},
        {"print.amount_paid", "Dibayar", "Paid"},
        {"print.credit_note", "{amount} menjadi saldo (kredit) pelanggan.", "{amount} became the customer's credit."},
        {"print.thanks", "Terima kasih atas pembayaran Anda.", "Thank you for your payment."},
        {"print.receipt_button", "Cetak kuitansi", "Print receipt"},
        {"print.report_range", "Rentang", "Range"},
    };
    return entries;
}

}  // namespace kimonet::i18n
