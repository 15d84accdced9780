#include "security/random_bytes.hpp"

#include <sodium.h>

namespace kimonet::security {

std::string random_bytes(std::size_t count) {
    std::string bytes(count, '\0');
    randombytes_buf(bytes.data(), count);
    return bytes;
}

}  // namespace kimonet::security
