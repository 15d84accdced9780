#pragma once
// PostgreSQL only: a session setting changed for one query and put back afterwards (RESET), for
// the few queries whose plan the defaults choose badly (dunning_store.cpp: JIT off;
// report_payment_totals.cpp: the merge join of two id-ordered indexes rather than a hash join).
// A no-op on SQLite. Errors are ignored: the query runs under the defaults then, and a broken
// connection is dropped by the pool anyway.
#include <string>
#include <utility>

#include "store/database.hpp"

namespace kimonet::store {

class ScopedPostgresqlSetting {
public:
    // `name` and `value` are constants of the caller, never user input.
    ScopedPostgresqlSetting(Database& db, std::string name, const std::string& value)
        : m_db(db.engine() == Engine::Postgresql ? &db : nullptr), m_name(std::move(name)) {
        if (m_db && !m_db->execute("SET " + m_name + " = " + value)) m_db = nullptr;
    }
    ~ScopedPostgresqlSetting() {
        if (m_db) (void)m_db->execute("RESET " + m_name);
    }
    ScopedPostgresqlSetting(const ScopedPostgresqlSetting&) = delete;
    ScopedPostgresqlSetting& operator=(const ScopedPostgresqlSetting&) = delete;

private:
    Database* m_db;
    std::string m_name;
};

}  // namespace kimonet::store
