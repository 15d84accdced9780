#pragma once
// Messages of credit notes (nota kredit) and refunds (pengembalian dana), issue 20, in their own part
// of the catalogue so the feature's texts merge without touching the big tables;
// core/message_catalogue.cpp reads this part too (English toggle, uniqueness check).
// X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_CREDIT_NOTE_MESSAGES(X) \
    X(kCreditNoteNotFound, "nota kredit tidak ditemukan", "credit note not found") \
    X(kCreditNoteOnVoidInvoice, "tagihan yang dibatalkan tidak dapat diberi nota kredit", "a voided invoice cannot get a credit note") \
    X(kCreditNoteNothingLeft, "tagihan ini sudah dikreditkan penuh", "this invoice has been fully credited") \
    X(kCreditNoteExceedsBilled, "melebihi sisa yang dapat dikreditkan", "exceeds what can still be credited") \
    X(kCreditNoteAmountPositive, "jumlah nota kredit harus lebih dari 0", "the credit note amount must be more than 0") \
    X(kCreditNoteChooseOne, "pilih salah satu: full, amount atau lines", "choose one of: full, amount or lines") \
    X(kCreditNoteLineChoice, "nomor baris tagihan tidak ada, ganda, atau jumlahnya tidak positif", "a line number does not exist, repeats, or the lines do not add up to a positive amount") \
    X(kCreditNoteReasonRequired, "alasan nota kredit wajib diisi (minimal 3 huruf)", "a credit note reason is required (at least 3 letters)") \
    X(kCreditNoteKeyReused, "Idempotency-Key ini sudah dipakai untuk nota kredit lain", "this Idempotency-Key was already used for another credit note") \
    X(kRefundAmountPositive, "jumlah pengembalian harus lebih dari 0", "the refund amount must be more than 0") \
    X(kRefundExceedsCredit, "melebihi saldo kredit pelanggan", "exceeds the customer's credit balance") \
    X(kRefundMethodChoice, "cash atau bank_transfer", "cash or bank_transfer") \
    X(kRefundReferenceRequired, "nomor referensi transfer wajib diisi", "the transfer reference is required") \
    X(kRefundReasonRequired, "alasan pengembalian wajib diisi (minimal 3 huruf)", "a refund reason is required (at least 3 letters)") \
    X(kRefundKeyReused, "Idempotency-Key ini sudah dipakai untuk pengembalian lain", "this Idempotency-Key was already used for another refund") \
    X(kRefundNotFound, "pengembalian dana tidak ditemukan", "refund not found")
// clang-format on

#define KIMONET_CREDIT_NOTE_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_CREDIT_NOTE_MESSAGES(KIMONET_CREDIT_NOTE_MESSAGE_CONSTANT)
#undef KIMONET_CREDIT_NOTE_MESSAGE_CONSTANT

}  // namespace kimonet::messages
