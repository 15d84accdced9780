#pragma once
// Building the text of a Database::copy_in() (PostgreSQL COPY … FROM STDIN, text format): each
// field followed by its separator, '\t' between fields and '\n' after the last of a row. The bulk
// writers (invoice_bulk_store, customer_bulk_store) use these.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

inline void add_copy_text(std::string& rows, std::string_view value, char end = '\t') {
    append_copy_field(rows, value);
    rows.push_back(end);
}

inline void add_copy_number(std::string& rows, std::int64_t value, char end = '\t') {
    char digits[24];
    const auto [last, error] = std::to_chars(digits, digits + sizeof digits, value);
    (void)error;
    rows.append(digits, last);
    rows.push_back(end);
}

// NULL (\N) when none.
inline void add_copy_optional_text(std::string& rows, const std::optional<std::string>& value, char end = '\t') {
    if (value) return add_copy_text(rows, std::string_view(*value), end);
    rows += "\\N";
    rows.push_back(end);
}

// NULL (\N) when empty.
inline void add_copy_number(std::string& rows, std::optional<std::int64_t> value, char end = '\t') {
    if (value) return add_copy_number(rows, *value, end);
    rows += "\\N";
    rows.push_back(end);
}

// COPY of `items` into `target` (PostgreSQL): add_row(rows, item) appends each item's line.
// Nothing is sent when there are none.
template <typename Items, typename AddRow>
Result<void> copy_items(Database& db, std::string_view target, const Items& items, AddRow add_row) {
    if (items.empty()) return {};
    std::string rows;
    for (const auto& item : items) add_row(rows, item);
    return db.copy_in(target, rows);
}

}  // namespace kimonet::store
