#pragma once
// Raw bytes from libsodium's CSPRNG (getrandom), for codes drawn from an alphabet (vouchers).
#include <cstddef>
#include <string>

namespace kimonet::security {

std::string random_bytes(std::size_t count);

}  // namespace kimonet::security
