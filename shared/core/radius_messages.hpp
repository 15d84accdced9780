#pragma once
// Messages of RADIUS and of the connection methods a router offers (issue 19), in their own part of
// the catalogue like voucher_messages.hpp; core/message_catalogue.cpp reads this part too (English
// toggle, uniqueness check). X(name, Indonesian, English).
namespace kimonet::messages {

// clang-format off
#define KIMONET_RADIUS_MESSAGES(X) \
    X(kConnectionMethodNotOffered, "router ini tidak menyediakan cara koneksi ini", "this router does not offer this connection method") \
    X(kConnectionMethods, "pilih minimal satu cara koneksi: pppoe, static, dhcp, radius", "choose at least one connection method: pppoe, static, dhcp, radius") \
    X(kRadiusSecret, "rahasia RADIUS 8-64 karakter: huruf, angka, - _ . ~ + = @ ! * ^ : , / ?", "RADIUS secret: 8-64 characters, letters, digits, - _ . ~ + = @ ! * ^ : , / ?") \
    X(kConnectionMethodInUse, "cara koneksi masih dipakai pelanggan router ini", "a connection method still used by customers of this router")
// clang-format on

#define KIMONET_RADIUS_MESSAGE_CONSTANT(name, indonesian, english) inline constexpr const char* name = indonesian;
KIMONET_RADIUS_MESSAGES(KIMONET_RADIUS_MESSAGE_CONSTANT)
#undef KIMONET_RADIUS_MESSAGE_CONSTANT

}  // namespace kimonet::messages
