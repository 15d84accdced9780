#include "store/postgresql_sql.hpp"

namespace kimonet::store {

namespace {

bool is_name_character(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// The index just past a quoted run that starts at `start` with `quote` (a doubled quote is one
// character of the text, as in SQL).
std::size_t skip_quoted(std::string_view sql, std::size_t start, char quote) {
    std::size_t at = start + 1;
    while (at < sql.size()) {
        if (sql[at] == quote) {
            if (at + 1 < sql.size() && sql[at + 1] == quote) {
                at += 2;
                continue;
            }
            return at + 1;
        }
        ++at;
    }
    return sql.size();
}

}  // namespace

TranslatedSql translate_placeholders(std::string_view sql) {
    TranslatedSql out;
    out.sql.reserve(sql.size() + 16);
    auto name_slot = [&](int number) -> std::string& {
        if (static_cast<int>(out.names.size()) < number) out.names.resize(static_cast<std::size_t>(number));
        return out.names[static_cast<std::size_t>(number - 1)];
    };
    std::size_t at = 0;
    while (at < sql.size()) {
        const char c = sql[at];
        std::size_t next = at + 1;
        if (c == '\'' || c == '"') {
            next = skip_quoted(sql, at, c);
        } else if (c == '-' && at + 1 < sql.size() && sql[at + 1] == '-') {
            next = sql.find('\n', at);
            next = next == std::string_view::npos ? sql.size() : next;
        } else if (c == '/' && at + 1 < sql.size() && sql[at + 1] == '*') {
            next = sql.find("*/", at + 2);
            next = next == std::string_view::npos ? sql.size() : next + 2;
        } else if (c == ':' && at + 1 < sql.size() && sql[at + 1] == ':') {
            next = at + 2;  // a cast, value::type
        } else if (c == '?') {
            std::size_t digits = at + 1;
            while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
            const int number = digits > at + 1 ? std::stoi(std::string(sql.substr(at + 1, digits - at - 1))) : out.parameters + 1;
            if (number > out.parameters) out.parameters = number;
            name_slot(number);
            out.sql += "$" + std::to_string(number);
            at = digits;
            continue;
        } else if (c == ':' && at + 1 < sql.size() && is_name_character(sql[at + 1]) && (at == 0 || !is_name_character(sql[at - 1]))) {
            std::size_t end = at + 1;
            while (end < sql.size() && is_name_character(sql[end])) ++end;
            const std::string name(sql.substr(at, end - at));
            int number = 0;
            for (std::size_t i = 0; i < out.names.size(); ++i)
                if (out.names[i] == name) number = static_cast<int>(i) + 1;
            if (number == 0) {
                number = ++out.parameters;
                name_slot(number) = name;
            }
            out.sql += "$" + std::to_string(number);
            at = end;
            continue;
        }
        out.sql.append(sql.substr(at, next - at));
        at = next;
    }
    out.names.resize(static_cast<std::size_t>(out.parameters));
    return out;
}

}  // namespace kimonet::store
