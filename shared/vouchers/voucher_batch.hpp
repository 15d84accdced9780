#pragma once
// Voucher batches (issue 19): the request a batch is made from, and the codes. A code is drawn
// from an alphabet without look-alikes (no 0/O, 1/I), one character per 5 random bits from the
// server's CSPRNG, so it is unbiased and an 8-character code carries 40 bits. In "voucher" mode the
// code is both username and password (MikroTik's voucher login); in "userpass" mode a separate
// password is drawn the same way.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

// 32 characters (digits 2-9, capitals without I and O): a random byte's low 5 bits pick one without bias.
inline constexpr std::string_view kVoucherAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr int kMaxVouchersPerBatch = 25000;

struct VoucherBatchRequest {
    std::int64_t router_id = 0;
    std::int64_t profile_id = 0;
    int count = 0;
    std::string mode = "voucher";  // voucher | userpass
    int code_length = 8;
    std::string prefix;
    std::string note;
};

Result<VoucherBatchRequest> validate_voucher_batch(VoucherBatchRequest request);
// Bytes a code of `length` characters takes from the random source.
inline std::size_t voucher_random_bytes(int length) { return static_cast<std::size_t>(length); }
// `prefix` + one alphabet character per random byte (its low 5 bits: 32 characters, no bias).
std::string voucher_code(std::string_view prefix, std::string_view random_bytes);
// The hotspot login link printed as the QR code: `login_url` (http://hotspot.lan/login) with
// username and password as query parameters, which MikroTik's login page accepts.
std::string hotspot_login_link(std::string_view login_url, std::string_view username, std::string_view password);

}  // namespace kimonet
