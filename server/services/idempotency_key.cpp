#include "services/idempotency_key.hpp"

#include <cctype>

namespace kimonet::services {

bool idempotency_key_well_formed(const std::string& key) {
    if (key.empty() || key.size() > 128) return false;
    for (unsigned char c : key)
        if (!std::isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':') return false;
    return true;
}

Error key_reused(const char* message) {
    Error reused = make_error(ErrorCode::Conflict, message);
    reused.fields["idempotency_key"] = message;
    return reused;
}

}  // namespace kimonet::services
