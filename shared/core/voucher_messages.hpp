#pragma once
// Messages of hotspot vouchers and resellers (issue 19), in their own part of the catalogue so the
// feature's texts merge without touching the big tables; core/message_catalogue.cpp reads this
// part too (English toggle, uniqueness check). X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_VOUCHER_MESSAGES(X) \
    X(kHotspotProfileNotFound, "profil hotspot tidak ditemukan", "hotspot profile not found") \
    X(kHotspotProfileNameTaken, "nama profil hotspot sudah dipakai", "the hotspot profile name is taken") \
    X(kHotspotProfileName, "nama profil 1-64 huruf, angka, titik, garis bawah atau minus", "profile name: 1-64 letters, digits, dots, underscores or dashes") \
    X(kHotspotRateLimit, "batas kecepatan seperti 2M/2M atau 512k/1M", "rate limit like 2M/2M or 512k/1M") \
    X(kHotspotTimeLimit, "batas waktu 0 sampai 365 hari (dalam detik)", "time limit 0 to 365 days (in seconds)") \
    X(kHotspotQuota, "kuota 0 sampai 100 TB (dalam byte)", "quota 0 to 100 TB (in bytes)") \
    X(kHotspotValidity, "masa berlaku 0-365 hari", "validity 0-365 days") \
    X(kHotspotSharedUsers, "pemakai bersamaan 1-100", "shared users 1-100") \
    X(kVoucherBatchNotFound, "batch voucher tidak ditemukan", "voucher batch not found") \
    X(kVoucherCount, "jumlah voucher 1-25000 per batch", "voucher count 1-25000 per batch") \
    X(kVoucherCodeLength, "panjang kode 8-16 karakter", "code length 8-16 characters") \
    X(kVoucherPrefix, "awalan kode maksimal 6 huruf besar atau angka", "code prefix: at most 6 capital letters or digits") \
    X(kVoucherMode, "mode voucher atau userpass", "mode voucher or userpass") \
    X(kVoucherCodesExhausted, "kode voucher unik tidak dapat dibuat", "cannot make unique voucher codes") \
    X(kVoucherBatchBusy, "batch sedang dikirim ke router", "the batch is being pushed to the router") \
    X(kVoucherPushFailed, "router menolak voucher", "the router refused a voucher") \
    X(kResellerNotFound, "reseller tidak ditemukan", "reseller not found") \
    X(kResellerNameTaken, "nama reseller sudah dipakai", "the reseller name is taken") \
    X(kResellerCommissionType, "komisi percent atau fixed", "commission percent or fixed") \
    X(kResellerCommissionValue, "komisi persen 0-10000 basis poin (100 = 1%) atau nominal 0 sampai harga", "commission: percent 0-10000 basis points (100 = 1%) or an amount up to the price") \
    X(kResellerInactive, "reseller nonaktif", "the reseller is inactive") \
    X(kTopUpAmount, "isi saldo 1 sampai 1 triliun rupiah", "top-up 1 to 1 trillion rupiah") \
    X(kInsufficientBalance, "saldo reseller tidak cukup", "the reseller's balance is not enough") \
    X(kNotEnoughVouchers, "voucher tersedia di batch tidak cukup", "not enough available vouchers in the batch") \
    X(kVoucherBatchNotPushed, "batch belum terkirim ke router", "the batch is not on the router yet") \
    X(kSaleCount, "jumlah voucher dijual 1-25000", "vouchers sold 1-25000") \
    X(kSaleReplayDiffers, "Idempotency-Key sudah dipakai untuk penjualan lain", "the Idempotency-Key was used for another sale") \
    X(kTopUpReplayDiffers, "Idempotency-Key sudah dipakai untuk isi saldo lain", "the Idempotency-Key was used for another top-up") \
    X(kSheetLayout, "tata letak a4 atau 58mm", "layout a4 or 58mm") \
    X(kVoucherBatchIdRequired, "nomor batch voucher wajib (kimonet voucher push NOMOR)", "a voucher batch number is required (kimonet voucher push NUMBER)")
// clang-format on

#define KIMONET_VOUCHER_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_VOUCHER_MESSAGES(KIMONET_VOUCHER_MESSAGE_CONSTANT)
#undef KIMONET_VOUCHER_MESSAGE_CONSTANT

}  // namespace kimonet::messages
