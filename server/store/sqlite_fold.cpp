#include "store/sqlite_fold.hpp"

namespace kimonet::store {

namespace {

// The visit of the fold_rows() running on this thread: SQLite calls the aggregate synchronously
// inside sqlite3_step, on the caller's thread, so no lock is needed and connections on other
// threads have their own.
thread_local const FoldVisit* t_visit = nullptr;

void fold_step(sqlite3_context* context, int count, sqlite3_value** values) {
    if (!t_visit) {
        sqlite3_result_error(context, "kimonet_fold runs only inside store::fold_rows", -1);
        return;
    }
    (*t_visit)(FoldRow(count, values));
}

void fold_final(sqlite3_context* context) { sqlite3_result_null(context); }

}  // namespace

std::int64_t FoldRow::integer(int index) const { return index < m_count ? sqlite3_value_int64(m_values[index]) : 0; }

std::string_view FoldRow::text(int index) const {
    if (index >= m_count) return {};
    const unsigned char* text = sqlite3_value_text(m_values[index]);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(m_values[index]))};
}

bool FoldRow::is_null(int index) const { return index >= m_count || sqlite3_value_type(m_values[index]) == SQLITE_NULL; }

Result<void> fold_rows(Statement& statement, const FoldVisit& visit) {
    const FoldVisit* outer = t_visit;
    t_visit = &visit;
    auto stepped = statement.step();
    if (stepped && *stepped) stepped = statement.step();  // the one result row, then done
    statement.reset();
    t_visit = outer;
    if (!stepped) return stepped.error();
    return {};
}

namespace detail {

int register_fold_function(sqlite3* db) {
    return sqlite3_create_function_v2(db, "kimonet_fold", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, nullptr, fold_step, fold_final,
                                      nullptr);
}

}  // namespace detail

}  // namespace kimonet::store
