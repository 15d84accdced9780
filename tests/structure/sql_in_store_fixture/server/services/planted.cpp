// Planted for structure.sql_in_store_catches_planted: each line below must be reported.
#include <sqlite3.h>

Result<int> count_customers(store::Database& db) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM customers"));
    TRY_VOID(db.execute("DELETE FROM sessions"));
    const char* later = "UPDATE invoices SET status = 'paid'";
    sqlite3_exec(nullptr, later, nullptr, nullptr, nullptr);
    return 0;
}
