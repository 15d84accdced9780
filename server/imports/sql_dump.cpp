#include "imports/sql_dump.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/import_messages.hpp"

namespace kimonet::imports {

namespace {

Error dump_error(const char* message, std::size_t line) {
    return make_error(ErrorCode::ValidationFailed, messages::with_detail(message, std::to_string(line)));
}

bool sql_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

// A cursor over one statement (comments already removed), knowing the line its first character is on.
class SqlCursor {
public:
    SqlCursor(std::string_view text, std::size_t first_line) : m_text(text), m_first_line(first_line) {}

    bool done() { skip_space(); return m_position >= m_text.size(); }
    char peek() { skip_space(); return m_position < m_text.size() ? m_text[m_position] : '\0'; }
    bool take(char c) {
        if (peek() != c) return false;
        ++m_position;
        return true;
    }
    // A keyword, case-insensitive, not followed by an identifier character.
    bool keyword(std::string_view word) {
        skip_space();
        if (m_text.size() - m_position < word.size()) return false;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (std::toupper(static_cast<unsigned char>(m_text[m_position + i])) != word[i]) return false;
        const std::size_t end = m_position + word.size();
        if (end < m_text.size() && sql_identifier_char(m_text[end])) return false;
        m_position = end;
        return true;
    }
    // `quoted` (`` doubled) or bare; `schema`.`table` gives the table.
    std::optional<std::string> identifier() {
        std::optional<std::string> name = one_identifier();
        while (name && m_position < m_text.size() && m_text[m_position] == '.') {
            ++m_position;
            name = one_identifier();
        }
        return name;
    }
    // A value of a VALUES tuple: a quoted string (with an optional _charset introducer), NULL, or a bare token.
    Result<std::optional<std::string>> value() {
        skip_space();
        if (m_position < m_text.size() && m_text[m_position] == '_') {  // _utf8mb4'...'
            std::size_t end = m_position + 1;
            while (end < m_text.size() && sql_identifier_char(m_text[end])) ++end;
            if (end < m_text.size() && m_text[end] == '\'') m_position = end;
        }
        if (m_position < m_text.size() && (m_text[m_position] == '\'' || m_text[m_position] == '"')) return quoted();
        const std::size_t start = m_position;
        while (m_position < m_text.size() && m_text[m_position] != ',' && m_text[m_position] != ')' &&
               !std::isspace(static_cast<unsigned char>(m_text[m_position])))
            ++m_position;
        if (m_position == start) return dump_error(messages::kDumpUnreadableInsert, line());
        const std::string_view token = m_text.substr(start, m_position - start);
        if (token.size() == 4 && std::equal(token.begin(), token.end(), "NULL", [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; }))
            return std::optional<std::string>();
        if (token.size() > kSqlDumpMaxValueBytes) return dump_error(messages::kDumpValueTooLong, line());
        return std::optional<std::string>(std::string(token));
    }
    // Skips one item of a parenthesised list (a column definition, a key), up to its ',' or ')'.
    void skip_item() {
        int depth = 0;
        while (m_position < m_text.size()) {
            const char c = m_text[m_position];
            if (c == '\'' || c == '"' || c == '`') {
                skip_quoted(c);
                continue;
            }
            if (depth == 0 && (c == ',' || c == ')')) return;
            if (c == '(') ++depth;
            if (c == ')') --depth;
            ++m_position;
        }
    }
    std::size_t line() const {
        return m_first_line + static_cast<std::size_t>(std::count(m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(std::min(m_position, m_text.size())), '\n'));
    }

private:
    void skip_space() {
        while (m_position < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_position]))) ++m_position;
    }
    std::optional<std::string> one_identifier() {
        skip_space();
        std::string name;
        if (m_position < m_text.size() && m_text[m_position] == '`') {
            ++m_position;
            while (m_position < m_text.size()) {
                const char c = m_text[m_position++];
                if (c != '`') name += c;
                else if (m_position < m_text.size() && m_text[m_position] == '`') name += c, ++m_position;
                else return name;
            }
            return std::nullopt;
        }
        while (m_position < m_text.size() && sql_identifier_char(m_text[m_position])) name += m_text[m_position++];
        if (name.empty()) return std::nullopt;
        return name;
    }
    void skip_quoted(char quote) {
        ++m_position;
        while (m_position < m_text.size()) {
            const char c = m_text[m_position++];
            if (c == '\\' && quote != '`') ++m_position;
            else if (c == quote) {
                if (m_position < m_text.size() && m_text[m_position] == quote) ++m_position;
                else return;
            }
        }
    }
    // MySQL's string literal: '' (or "") is the quote itself; backslash escapes \0 \b \n \r \t \Z,
    // and \% \_ keep their backslash (they matter only in LIKE); any other \x is x.
    Result<std::optional<std::string>> quoted() {
        const char quote = m_text[m_position++];
        std::string out;
        while (m_position < m_text.size()) {
            char c = m_text[m_position++];
            if (c == '\\') {
                if (m_position >= m_text.size()) break;
                const char next = m_text[m_position++];
                switch (next) {
                case '0': c = '\0'; break;
                case 'b': c = '\b'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'Z': c = '\x1a'; break;
                case '%': case '_': out += '\\'; c = next; break;
                default: c = next;
                }
            } else if (c == quote) {
                if (m_position < m_text.size() && m_text[m_position] == quote) ++m_position;
                else return std::optional<std::string>(std::move(out));
            }
            out += c;
            if (out.size() > kSqlDumpMaxValueBytes) return dump_error(messages::kDumpValueTooLong, line());
        }
        return dump_error(messages::kDumpUnreadableInsert, line());
    }

    std::string_view m_text;
    std::size_t m_first_line;
    std::size_t m_position = 0;
};

class SqlDumpStatements {
public:
    SqlDumpStatements(const std::set<std::string, std::less<>>& tables, const std::function<Result<void>(const SqlDumpRow&)>& visit)
        : m_tables(tables), m_visit(visit) {}

    Result<void> statement(std::string_view text, std::size_t line) {
        SqlCursor cursor(text, line);
        if (cursor.keyword("CREATE")) {
            cursor.keyword("TEMPORARY");
            if (!cursor.keyword("TABLE")) return {};
            return create_table(cursor);
        }
        if (cursor.keyword("INSERT")) {
            for (const char* word : {"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE"}) cursor.keyword(word);
        } else if (cursor.keyword("REPLACE")) {
            for (const char* word : {"LOW_PRIORITY", "DELAYED"}) cursor.keyword(word);
        } else {
            return {};  // DROP, ALTER, SET, LOCK, ...: nothing we read, nothing we run
        }
        cursor.keyword("INTO");
        return insert(cursor);
    }

private:
    Result<void> create_table(SqlCursor& cursor) {
        if (cursor.keyword("IF")) {
            cursor.keyword("NOT");
            cursor.keyword("EXISTS");
        }
        const std::size_t line = cursor.line();
        auto table = cursor.identifier();
        if (!table) return dump_error(messages::kDumpUnreadableCreate, line);
        if (!m_tables.contains(*table)) return {};
        if (!cursor.take('(')) return dump_error(messages::kDumpUnreadableCreate, line);
        std::vector<std::string> columns;
        while (!cursor.done()) {
            const bool keyed = cursor.keyword("PRIMARY") || cursor.keyword("KEY") || cursor.keyword("INDEX") || cursor.keyword("UNIQUE") ||
                               cursor.keyword("CONSTRAINT") || cursor.keyword("FOREIGN") || cursor.keyword("FULLTEXT") ||
                               cursor.keyword("SPATIAL") || cursor.keyword("CHECK");
            if (!keyed) {
                auto column = cursor.identifier();
                if (!column) return dump_error(messages::kDumpUnreadableCreate, cursor.line());
                columns.push_back(std::move(*column));
            }
            cursor.skip_item();
            if (cursor.take(',')) continue;
            if (cursor.take(')')) break;
            return dump_error(messages::kDumpUnreadableCreate, cursor.line());
        }
        m_columns[*table] = std::move(columns);
        return {};
    }

    Result<void> insert(SqlCursor& cursor) {
        const std::size_t line = cursor.line();
        auto table = cursor.identifier();
        if (!table) return dump_error(messages::kDumpUnreadableInsert, line);
        if (!m_tables.contains(*table)) return {};
        std::vector<std::string> listed;
        if (cursor.take('(')) {
            do {
                auto column = cursor.identifier();
                if (!column) return dump_error(messages::kDumpUnreadableInsert, cursor.line());
                listed.push_back(std::move(*column));
            } while (cursor.take(','));
            if (!cursor.take(')')) return dump_error(messages::kDumpUnreadableInsert, cursor.line());
        }
        if (!cursor.keyword("VALUES") && !cursor.keyword("VALUE")) return dump_error(messages::kDumpUnreadableInsert, cursor.line());
        const auto known = m_columns.find(*table);
        if (listed.empty() && known == m_columns.end()) return dump_error(messages::kDumpNoColumns, line);
        const std::vector<std::string>& columns = listed.empty() ? known->second : listed;
        std::vector<std::optional<std::string>> values;
        do {
            const std::size_t row_line = cursor.line();
            if (!cursor.take('(')) return dump_error(messages::kDumpUnreadableInsert, row_line);
            values.clear();
            do values.push_back(TRY(cursor.value()));
            while (cursor.take(','));
            if (!cursor.take(')')) return dump_error(messages::kDumpUnreadableInsert, cursor.line());
            if (values.size() != columns.size()) return dump_error(messages::kDumpColumnCount, row_line);
            if (++m_rows > kSqlDumpMaxRows) return make_error(ErrorCode::ValidationFailed, messages::kDumpTooManyRows);
            TRY_VOID(m_visit(SqlDumpRow{*table, columns, values, row_line}));
        } while (cursor.take(','));
        if (cursor.keyword("ON")) return {};  // ON DUPLICATE KEY UPDATE ...: the rows are read
        if (!cursor.done()) return dump_error(messages::kDumpUnreadableInsert, cursor.line());
        return {};
    }

    const std::set<std::string, std::less<>>& m_tables;
    const std::function<Result<void>(const SqlDumpRow&)>& m_visit;
    std::map<std::string, std::vector<std::string>, std::less<>> m_columns;
    std::size_t m_rows = 0;
};

}  // namespace

Result<void> read_sql_dump(std::istream& in, const std::set<std::string, std::less<>>& tables,
                           const std::function<Result<void>(const SqlDumpRow&)>& visit) {
    enum class Lexical { Code, SingleQuote, DoubleQuote, Backtick, LineComment, BlockComment };
    SqlDumpStatements statements(tables, visit);
    Lexical state = Lexical::Code;
    std::string statement;
    std::size_t line = 1, statement_line = 1;
    bool escaped = false;
    char previous = '\0';
    std::string chunk(64 * 1024, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < got; ++i) {
            const char c = chunk[i];
            const char next = i + 1 < got ? chunk[i + 1] : static_cast<char>(in.peek());
            switch (state) {
            case Lexical::LineComment:
                if (c == '\n') {
                    state = Lexical::Code;
                    if (!statement.empty()) statement += '\n';
                }
                break;
            case Lexical::BlockComment:
                if (c == '\n' && !statement.empty()) statement += '\n';
                if (previous == '*' && c == '/') {
                    state = Lexical::Code;
                    previous = '\0';
                    continue;
                }
                break;
            case Lexical::SingleQuote:
            case Lexical::DoubleQuote:
            case Lexical::Backtick:
                statement += c;
                if (escaped) escaped = false;
                else if (c == '\\' && state != Lexical::Backtick) escaped = true;
                else if ((c == '\'' && state == Lexical::SingleQuote) || (c == '"' && state == Lexical::DoubleQuote) ||
                         (c == '`' && state == Lexical::Backtick))
                    state = Lexical::Code;  // a doubled quote reopens at once: the next char is the quote again
                break;
            case Lexical::Code:
                if (c == '-' && next == '-') {
                    // "-- " starts a comment only when followed by a space or control character.
                    const char after = i + 2 < got ? chunk[i + 2] : ' ';
                    if (after == ' ' || after == '\t' || after == '\n' || after == '\r') {
                        state = Lexical::LineComment;
                        break;
                    }
                }
                if (c == '#') {
                    state = Lexical::LineComment;
                    break;
                }
                if (c == '/' && next == '*') {
                    state = Lexical::BlockComment;
                    ++i;  // the '*' must not close the comment it opens
                    previous = '\0';
                    continue;
                }
                if (c == ';') {
                    TRY_VOID(statements.statement(statement, statement_line));
                    statement.clear();
                    break;
                }
                if (statement.empty()) {
                    if (std::isspace(static_cast<unsigned char>(c))) break;
                    statement_line = line;
                }
                statement += c;
                if (c == '\'') state = Lexical::SingleQuote;
                else if (c == '"') state = Lexical::DoubleQuote;
                else if (c == '`') state = Lexical::Backtick;
                break;
            }
            previous = c;
            if (c == '\n') ++line;
            if (statement.size() > kSqlDumpMaxStatementBytes) return dump_error(messages::kDumpStatementTooLong, statement_line);
        }
    }
    if (in.bad()) return make_error(ErrorCode::ValidationFailed, messages::kCannotReadFile);
    const bool blank = std::all_of(statement.begin(), statement.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (state == Lexical::SingleQuote || state == Lexical::DoubleQuote || state == Lexical::Backtick || !blank)
        return dump_error(messages::kDumpUnterminated, statement_line);
    return {};
}

}  // namespace kimonet::imports
