#pragma once
// Our SQL is written with SQLite's placeholders (`?`, `?NNN`, `:name`); PostgreSQL wants $1…$n.
// translate_placeholders rewrites one statement's text once (the connection keeps the result),
// numbering the parameters exactly as SQLite does, so bind(index) and bind_named(":name") mean
// the same on both engines: `?` takes the next number after the largest so far, `?NNN` that
// number, and a `:name` the next number the first time it appears and the same one after.
// String literals, quoted identifiers, comments and `::` casts are left alone.
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::store {

struct TranslatedSql {
    std::string sql;                 // with $1…$n
    int parameters = 0;              // the largest parameter number
    std::vector<std::string> names;  // names[i] = ":name" of parameter i + 1, or "" for `?`
};

TranslatedSql translate_placeholders(std::string_view sql);

}  // namespace kimonet::store
