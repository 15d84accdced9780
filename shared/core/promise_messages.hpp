#pragma once
// Messages of promises to pay (janji bayar, issue 20), in their own part of the catalogue so the
// feature's texts merge without touching the big tables; core/message_catalogue.cpp reads this
// part too (English toggle, uniqueness check). X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_PROMISE_MESSAGES(X) \
    X(kPromiseDisabled, "janji bayar tidak tersedia; silakan hubungi kami", "promise to pay is not available; please contact us") \
    X(kPromiseAfterBroken, "janji bayar tidak tersedia karena janji sebelumnya tidak ditepati; silakan hubungi kami", "promise to pay is not available because an earlier promise was not kept; please contact us") \
    X(kPromiseUsedForInvoice, "janji bayar untuk tagihan ini sudah pernah dipakai", "a promise to pay was already used for this invoice") \
    X(kPromiseUsedThisMonth, "janji bayar bulan ini sudah dipakai", "the promise to pay for this month was already used") \
    X(kPromiseUsedRecently, "janji bayar sudah dipakai dalam 90 hari terakhir", "a promise to pay was already used in the last 90 days") \
    X(kPromiseNoOverdueInvoice, "tidak ada tagihan jatuh tempo yang belum dibayar", "there is no overdue unpaid invoice") \
    X(kPromiseCustomerNotBillable, "janji bayar hanya untuk pelanggan aktif atau diisolir", "a promise to pay is only for active or isolated customers") \
    X(kPromiseVisitorUnknown, "alamat Anda tidak dikenali sebagai pelanggan; silakan hubungi kami", "your address is not recognised as a customer's; please contact us") \
    X(kPromiseFormExpired, "formulir janji bayar kedaluwarsa; muat ulang halaman", "the promise form has expired; reload the page") \
    X(kPromiseCrossSite, "permintaan dari situs lain ditolak", "a request from another site was refused") \
    X(kPromiseCustomerDays, "jumlah hari janji bayar 1-14", "promise days must be 1-14") \
    X(kPromiseStaffDays, "jumlah hari janji bayar 1-30", "promise days must be 1-30")
// clang-format on

#define KIMONET_PROMISE_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_PROMISE_MESSAGES(KIMONET_PROMISE_MESSAGE_CONSTANT)
#undef KIMONET_PROMISE_MESSAGE_CONSTANT

}  // namespace kimonet::messages
