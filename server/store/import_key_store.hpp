#pragma once
// The keys of rows imported from another billing system (migration 0045): which source row
// became which Kimonet row, and the fingerprint of its mapped fields at the time. Callers hold the
// write transaction for record_import_key.
#include <cstdint>
#include <map>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

struct ImportKey {
    std::int64_t entity_id = 0;
    std::string fingerprint;
};

// Every key of `source` and `kind` ("router", "package", "customer", "invoice"), by external id.
Result<std::map<std::string, ImportKey>> import_keys_of(Database& db, const std::string& source, const std::string& kind);

Result<void> record_import_key(Database& db, const std::string& source, const std::string& kind, const std::string& external_id,
                               std::int64_t entity_id, const std::string& fingerprint, std::int64_t now);

}  // namespace kimonet::store
