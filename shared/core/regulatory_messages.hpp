#pragma once
// The messages of session 13's money screens (issue 20): the BHP Telekomunikasi and USO report
// (deductions, dated rates) and the collection areas screen, a part of the message catalogue of
// its own so that the catalogue's shared headers stay as they are: core/message_catalogue.cpp
// reads this table with the others. X(name, Indonesian, English).
#include "core/validation_messages.hpp"

namespace kimonet::messages {

// clang-format off
#define KIMONET_REGULATORY_MESSAGES(X) \
    X(kGroupingChoice, "month, quarter atau year", "month, quarter or year") \
    X(kDeductionKindChoice, "bad_debt, interconnection atau non_telecom", "bad_debt, interconnection or non_telecom") \
    X(kDeductionAmount, "jumlah 1 sampai Rp 1.000.000.000.000", "an amount from 1 to Rp 1,000,000,000,000") \
    X(kDeductionReason, "alasan wajib diisi (1–500 karakter)", "a reason is required (1–500 characters)") \
    X(kRateBasisPoints, "basis poin 0–10000 (50 = 0,5%)", "basis points 0–10000 (50 = 0.5%)") \
    X(kFirstOfMonth, "tanggal 1 suatu bulan (YYYY-MM-01)", "the first day of a month (YYYY-MM-01)") \
    X(kDeductionNotFound, "pengurang pendapatan tidak ditemukan", "revenue deduction not found") \
    X(kRateDateExists, "tarif untuk tanggal ini sudah ada", "a rate for this date already exists")
// clang-format on

#define KIMONET_REGULATORY_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_REGULATORY_MESSAGES(KIMONET_REGULATORY_MESSAGE_CONSTANT)
#undef KIMONET_REGULATORY_MESSAGE_CONSTANT

}  // namespace kimonet::messages
