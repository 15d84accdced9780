#pragma once
// The messages of bank transfers (issue 20: the statement import and its review), a part of the
// message catalogue of its own so that the catalogue's shared headers stay as they are:
// core/message_catalogue.cpp reads this table with the others. X(name, Indonesian, English).
#include "core/validation_messages.hpp"

namespace kimonet::messages {

// clang-format off
#define KIMONET_BANK_TRANSFER_MESSAGES(X) \
    X(kStatementFormatUnknown, "format mutasi rekening tidak dikenali (ekspor CSV/XLSX BCA, Mandiri, BRI atau BNI)", "the bank statement format is not recognised (a BCA, Mandiri, BRI or BNI CSV/XLSX export)") \
    X(kStatementBankMismatch, "berkas ini bukan mutasi bank yang dipilih", "this file is not a statement of the chosen bank") \
    X(kStatementBankChoice, "bca, mandiri, bri atau bni", "bca, mandiri, bri or bni") \
    X(kStatementPeriodMissing, "periode mutasi (tahun) tidak ditemukan di kepala berkas", "the statement period (year) is missing from the file's header") \
    X(kStatementDate, "tanggal mutasi tidak terbaca", "the transaction date cannot be read") \
    X(kStatementAmount, "jumlah mutasi tidak terbaca", "the transaction amount cannot be read") \
    X(kStatementCreditDebit, "jenis mutasi harus CR atau DB", "the transaction type must be CR or DB") \
    X(kStatementRowsWithErrors, "baris mutasi bermasalah; tidak ada yang diimpor", "statement rows with errors; nothing was imported") \
    X(kStatementLineNotFound, "baris mutasi tidak ditemukan", "statement line not found") \
    X(kStatementLineResolved, "baris mutasi sudah diproses", "the statement line was already handled") \
    X(kStatementStatusChoice, "review, paid, ignored atau all", "review, paid, ignored or all") \
    X(kStatementOtherAccount, "berkas ini mutasi rekening lain", "this file is the statement of another account")
// clang-format on

#define KIMONET_BANK_TRANSFER_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_BANK_TRANSFER_MESSAGES(KIMONET_BANK_TRANSFER_MESSAGE_CONSTANT)
#undef KIMONET_BANK_TRANSFER_MESSAGE_CONSTANT

}  // namespace kimonet::messages
