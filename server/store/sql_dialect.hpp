#pragma once
// The few SQL fragments that differ between the engines, in one place, for the store's own
// statements. (Customer search has its own query per engine in customer_store.cpp.)
#include "store/database.hpp"

namespace kimonet::store {

// The database's current UTC time as ISO-8601 text ("2026-01-15T02:00:00Z"), for the text
// updated_at columns. (The services' times come from the Clock; these columns are bookkeeping.)
inline const char* utc_now_text(Engine engine) {
    return engine == Engine::Postgresql ? "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                        : "strftime('%Y-%m-%dT%H:%M:%SZ','now')";
}

}  // namespace kimonet::store
