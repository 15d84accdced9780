#pragma once
// The messages of PPN and Coretax (issue 20: the PKP switch, dated PPN rules, tax identities of
// customers, the Coretax export), a part of the message catalogue of its own:
// core/message_catalogue.cpp reads this table with the others. X(name, Indonesian, English).
#include "core/validation_messages.hpp"

namespace kimonet::messages {

// clang-format off
#define KIMONET_TAX_MESSAGES(X) \
    X(kPpnRules, "aturan PPN: baris \"YYYY-MM-DD,tarif_bp,pembilang/penyebut\" dipisah ;, tanggal naik, tarif 0-10000bp, 1 <= pembilang <= penyebut <= 1000", "PPN rules: rows \"YYYY-MM-DD,rate_bp,numerator/denominator\" separated by ;, dates ascending, rate 0-10000bp, 1 <= numerator <= denominator <= 1000") \
    X(kPkpChoice, "legacy, off atau on", "legacy, off or on") \
    X(kNpwpFormat, "NPWP harus 15 atau 16 angka", "NPWP must be 15 or 16 digits") \
    X(kNpwpZeros, "NPWP tidak boleh nol semua", "NPWP must not be all zeros") \
    X(kNikFormat, "NIK harus 16 angka", "NIK must be 16 digits") \
    X(kNikRegion, "NIK: kode provinsi/kabupaten/kecamatan tidak valid", "NIK: invalid province/regency/district code") \
    X(kNikBirthDate, "NIK: tanggal lahir (hari +40 untuk perempuan) tidak valid", "NIK: invalid date of birth (day +40 for women)") \
    X(kNikSerial, "NIK: nomor urut tidak boleh 0000", "NIK: the serial number must not be 0000") \
    X(kNitkuFormat, "NITKU harus 22 angka (NPWP 16 angka + 6 angka kode cabang, 000000 untuk pusat)", "NITKU must be 22 digits (16-digit NPWP + 6-digit branch code, 000000 for the head office)") \
    X(kNitkuNpwpMismatch, "NITKU harus diawali NPWP 16 angka pelanggan", "NITKU must start with the customer's 16-digit NPWP") \
    X(kFakturNeedsTaxId, "pelanggan yang minta faktur perlu NPWP atau NIK", "a customer who needs a faktur needs an NPWP or NIK") \
    X(kCompanyNpwpMissing, "NPWP perusahaan (company_npwp, 16 angka) belum diisi", "the company's NPWP (company_npwp, 16 digits) is not set") \
    X(kCoretaxNothingToExport, "tidak ada faktur untuk diekspor pada bulan ini", "no faktur to export for this month") \
    X(kCoretaxTooManyForOneFile, "lebih dari 1.000 faktur: unduh sebagai .zip", "more than 1,000 fakturs: download the .zip")
// clang-format on

#define KIMONET_TAX_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_TAX_MESSAGES(KIMONET_TAX_MESSAGE_CONSTANT)
#undef KIMONET_TAX_MESSAGE_CONSTANT

}  // namespace kimonet::messages
