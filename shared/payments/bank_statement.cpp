#include "payments/bank_statement.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/text.hpp"
#include "core/bank_transfer_messages.hpp"

namespace kimonet::payments {

namespace {

// Where each part of a line sits in one bank's layout; -1 = the layout has no such column.
struct Columns {
    int date = -1;
    std::vector<int> description;
    int amount = -1;   // one amount column with a CR/DB column beside it (BCA, BNI)...
    int kind = -1;
    int credit = -1;   // ...or a credit and a debit column (Mandiri, BRI)
    int debit = -1;
    int balance = -1;
    int reference = -1;
    int account = -1;
};

std::string lower_cell(std::string_view cell) {
    std::string text = to_lower_ascii(trim_copy(cell));
    if (!text.empty() && text.front() == '\'') text.erase(0, 1);
    return trim_copy(text);
}

std::string clean_cell(std::string_view cell) {
    std::string text = trim_copy(cell);
    if (!text.empty() && text.front() == '\'') text.erase(0, 1);  // BCA marks text cells with a leading '
    // Collapse runs of spaces (banks pad descriptions to fixed widths).
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

int find_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
    for (std::size_t i = 0; i < header.size(); ++i)
        for (auto name : names)
            if (header[i] == name) return static_cast<int>(i);
    return -1;
}

// The layout of `header` (lower-cased cells), or nothing when it is no bank's header row.
std::optional<std::pair<Bank, Columns>> layout_of(const std::vector<std::string>& header) {
    Columns columns;
    if (find_column(header, {"tgl_tran"}) >= 0 && find_column(header, {"mutasi_kredit"}) >= 0) {
        columns.date = find_column(header, {"tgl_tran"});
        columns.description = {find_column(header, {"desk_tran"})};
        if (int custom = find_column(header, {"remark_custom"}); custom >= 0) columns.description.push_back(custom);
        columns.credit = find_column(header, {"mutasi_kredit"});
        columns.debit = find_column(header, {"mutasi_debet"});
        columns.balance = find_column(header, {"saldo_akhir_mutasi"});
        columns.reference = find_column(header, {"seq"});
        columns.account = find_column(header, {"norek"});
        if (columns.description[0] < 0) return std::nullopt;
        return std::pair{Bank::Bri, columns};
    }
    if (find_column(header, {"remarks"}) >= 0 && find_column(header, {"credit amount"}) >= 0) {
        columns.date = find_column(header, {"postdate", "post date"});
        columns.description = {find_column(header, {"remarks"})};
        if (int more = find_column(header, {"additionaldesc", "additional desc"}); more >= 0) columns.description.push_back(more);
        columns.credit = find_column(header, {"credit amount"});
        columns.debit = find_column(header, {"debit amount"});
        columns.balance = find_column(header, {"close balance"});
        columns.account = find_column(header, {"accountno", "account no"});
        if (columns.date < 0) return std::nullopt;
        return std::pair{Bank::Mandiri, columns};
    }
    if (find_column(header, {"tanggal transaksi"}) >= 0 && find_column(header, {"keterangan"}) >= 0 &&
        find_column(header, {"jumlah"}) >= 0) {
        columns.date = find_column(header, {"tanggal transaksi"});
        columns.description = {find_column(header, {"keterangan"})};
        columns.amount = find_column(header, {"jumlah"});
        columns.kind = find_column(header, {"cr/db", "db/cr"});
        // KlikBCA leaves the CR/DB column's header empty, right after "Jumlah".
        if (columns.kind < 0 && columns.amount + 1 < static_cast<int>(header.size()) && header[columns.amount + 1].empty())
            columns.kind = columns.amount + 1;
        columns.balance = find_column(header, {"saldo"});
        return std::pair{Bank::Bca, columns};
    }
    if (find_column(header, {"posting date", "post date"}) >= 0 && find_column(header, {"description"}) >= 0) {
        columns.date = find_column(header, {"posting date", "post date"});
        columns.description = {find_column(header, {"description"})};
        columns.amount = find_column(header, {"amount"});
        columns.kind = find_column(header, {"db/cr", "d/k", "cr/db"});
        columns.credit = find_column(header, {"credit"});
        columns.debit = find_column(header, {"debit"});
        columns.balance = find_column(header, {"balance"});
        columns.reference = find_column(header, {"journal no.", "journal no"});
        if (!((columns.amount >= 0 && columns.kind >= 0) || columns.credit >= 0)) return std::nullopt;
        return std::pair{Bank::Bni, columns};
    }
    return std::nullopt;
}

std::string cell_at(const std::vector<std::string>& row, int column) {
    return column >= 0 && static_cast<std::size_t>(column) < row.size() ? clean_cell(row[column]) : std::string();
}

// A run of at least 6 digits in `text` (an account number in a header line), or "".
std::string digits_run(std::string_view text) {
    std::string best, current;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) current.push_back(c);
        else {
            if (current.size() > best.size()) best = current;
            current.clear();
        }
    }
    if (current.size() > best.size()) best = current;
    return best.size() >= 6 ? best : std::string();
}

// BCA's "Periode : 01/12/2025 - 31/01/2026": the period's last day.
std::optional<Date> period_end(const std::vector<std::string>& cells) {
    std::string joined;
    for (const auto& cell : cells) joined += cell + " ";
    if (to_lower_ascii(joined).find("periode") == std::string::npos) return std::nullopt;
    const auto dash = joined.rfind('-');
    if (dash == std::string::npos) return std::nullopt;
    return parse_statement_date(trim_copy(std::string_view(joined).substr(dash + 1)));
}

bool summary_row(const std::string& first) {
    static constexpr std::array<std::string_view, 8> kWords{"saldo", "mutasi", "total", "opening", "closing", "ending", "beginning", "balance"};
    for (auto word : kWords)
        if (first.rfind(word, 0) == 0) return true;
    return false;
}

int month_from_name(std::string_view name) {
    static constexpr std::array<std::array<std::string_view, 3>, 12> kNames{{
        {"januari", "january", "jan"}, {"februari", "february", "feb"}, {"maret", "march", "mar"}, {"april", "apr", "apr"},
        {"mei", "may", "mei"}, {"juni", "june", "jun"}, {"juli", "july", "jul"}, {"agustus", "august", "agu"},
        {"september", "sep", "sept"}, {"oktober", "october", "okt"}, {"november", "nov", "nov"}, {"desember", "december", "des"},
    }};
    const std::string lower = to_lower_ascii(name);
    for (std::size_t month = 0; month < kNames.size(); ++month)
        for (auto candidate : kNames[month])
            if (lower == candidate) return static_cast<int>(month) + 1;
    if (lower == "aug") return 8;
    if (lower == "oct") return 10;
    if (lower == "dec") return 12;
    return 0;
}

bool read_int(std::string_view text, int& out) {
    if (text.empty()) return false;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

std::optional<Date> checked_date(int year, int month, int day) {
    if (year < 100) year += 2000;
    if (!is_valid_date(year, month, day) || year < 2000 || year > 2999) return std::nullopt;
    return Date{year, month, day};
}

}  // namespace

std::string_view to_string(Bank bank) {
    switch (bank) {
        case Bank::Bca: return "bca";
        case Bank::Mandiri: return "mandiri";
        case Bank::Bri: return "bri";
        case Bank::Bni: return "bni";
    }
    return "bca";
}

std::optional<Bank> parse_bank(std::string_view text) {
    for (Bank bank : {Bank::Bca, Bank::Mandiri, Bank::Bri, Bank::Bni})
        if (text == to_string(bank)) return bank;
    return std::nullopt;
}

std::optional<std::int64_t> parse_statement_cents(std::string_view input) {
    std::string text;
    for (char c : input)
        if (c != ' ' && c != '\'' && c != '\t') text.push_back(c);
    const std::string lower = to_lower_ascii(text);
    if (lower.rfind("rp", 0) == 0) text.erase(0, 2);
    else if (lower.rfind("idr", 0) == 0) text.erase(0, 3);
    if (text.empty() || text.size() > 32) return std::nullopt;
    // The decimal separator: the last of ',' '.' when followed by one or two digits and the other one
    // also occurs, or when it occurs once and is followed by exactly one or two digits.
    const auto last = text.find_last_of(".,");
    std::string whole = text, fraction;
    if (last != std::string::npos) {
        const std::size_t after = text.size() - last - 1;
        const char separator = text[last];
        const char other = separator == '.' ? ',' : '.';
        const bool once = text.find(separator) == last;
        if ((after == 1 || after == 2) && (text.find(other) != std::string::npos || once)) {
            whole = text.substr(0, last);
            fraction = text.substr(last + 1);
        }
    }
    std::string digits;
    for (char c : whole) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
        else if (c != '.' && c != ',') return std::nullopt;
    }
    for (char c : fraction)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    if (digits.empty() || digits.size() > 13) return std::nullopt;
    std::int64_t rupiah = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), rupiah);
    if (fraction.size() == 1) fraction.push_back('0');
    std::int64_t cents = 0;
    if (!fraction.empty()) std::from_chars(fraction.data(), fraction.data() + 2, cents);
    if (rupiah > kMaxMoney) return std::nullopt;
    return rupiah * 100 + cents;
}

std::optional<Date> parse_statement_date(std::string_view input) {
    std::string text = trim_copy(input);
    if (!text.empty() && text.front() == '\'') text.erase(0, 1);
    if (const auto space = text.find(' '); space != std::string::npos && std::isdigit(static_cast<unsigned char>(text.back()))) {
        // "02/01/2026 10:00:01": drop the time; "01 September 2026 14:24:27": keep three words.
        const auto colon = text.find(':');
        if (colon != std::string::npos) text = trim_copy(std::string_view(text).substr(0, text.rfind(' ', colon)));
    }
    if (text.size() == 5 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
        int serial = 0;  // an Excel serial day number: days since 1899-12-30
        read_int(text, serial);
        if (serial < 36526 || serial > 80000) return std::nullopt;
        return add_days(Date{1899, 12, 30}, serial);
    }
    if (auto iso = parse_date(text); iso) return *iso;
    for (char separator : {'/', '-', '.'}) {
        const auto first = text.find(separator), second = text.find(separator, first == std::string::npos ? 0 : first + 1);
        if (first == std::string::npos || second == std::string::npos) continue;
        int day = 0, month = 0, year = 0;
        if (!read_int(std::string_view(text).substr(0, first), day) ||
            !read_int(std::string_view(text).substr(first + 1, second - first - 1), month) ||
            !read_int(std::string_view(text).substr(second + 1), year))
            return std::nullopt;
        return checked_date(year, month, day);
    }
    // "01 September 2026", "1 Jan 2026"
    const auto first = text.find(' '), second = text.find(' ', first == std::string::npos ? 0 : first + 1);
    if (first == std::string::npos || second == std::string::npos) return std::nullopt;
    int day = 0, year = 0;
    if (!read_int(std::string_view(text).substr(0, first), day) || !read_int(std::string_view(text).substr(second + 1), year))
        return std::nullopt;
    const int month = month_from_name(std::string_view(text).substr(first + 1, second - first - 1));
    if (month == 0) return std::nullopt;
    return checked_date(year, month, day);
}

Result<BankStatement> read_bank_statement(const std::vector<std::vector<std::string>>& rows,
                                          const std::vector<std::size_t>& row_numbers, std::optional<Bank> expected) {
    if (rows.size() > kMaxStatementRows + 50)
        return validation_error({{"file", messages::with_detail(messages::kTooManyRows, std::to_string(kMaxStatementRows))}});
    const auto row_number = [&](std::size_t index) { return index < row_numbers.size() ? row_numbers[index] : index + 1; };
    BankStatement statement;
    std::optional<Columns> columns;
    std::optional<Date> bca_period_end;
    std::size_t index = 0;
    std::vector<std::string> header;
    for (; index < rows.size() && index < 40; ++index) {
        header.clear();
        for (const auto& cell : rows[index]) header.push_back(lower_cell(cell));
        if (auto layout = layout_of(header)) {
            statement.bank = layout->first;
            columns = layout->second;
            break;
        }
        std::string joined;
        for (const auto& cell : header) joined += cell + " ";
        if (statement.account.empty() && (joined.find("rekening") != std::string::npos || joined.find("account") != std::string::npos))
            statement.account = digits_run(joined);
        if (auto end = period_end(rows[index])) bca_period_end = end;
    }
    if (!columns) return validation_error({{"file", messages::kStatementFormatUnknown}});
    if (expected && *expected != statement.bank) return validation_error({{"file", messages::kStatementBankMismatch}});

    FieldErrors errors;
    std::size_t error_rows = 0;
    const auto fail = [&](std::size_t at, const char* message) {
        if (++error_rows <= kMaxStatementRowErrors) errors["row_" + std::to_string(row_number(at))] = message;
    };
    for (++index; index < rows.size(); ++index) {
        const auto& row = rows[index];
        const std::string date_text = cell_at(row, columns->date);
        const std::string first = lower_cell(row.empty() ? std::string() : row.front());
        if (date_text.empty() || summary_row(first) || lower_cell(date_text) == header[columns->date]) continue;
        if (to_lower_ascii(date_text) == "pend") {
            ++statement.pending;
            continue;
        }
        std::optional<Date> date;
        if (statement.bank == Bank::Bca && date_text.size() == 5 && date_text[2] == '/') {
            int day = 0, month = 0;
            if (bca_period_end && read_int(std::string_view(date_text).substr(0, 2), day) && read_int(std::string_view(date_text).substr(3), month)) {
                const bool last_year = month > bca_period_end->month || (month == bca_period_end->month && day > bca_period_end->day);
                date = checked_date(bca_period_end->year - (last_year ? 1 : 0), month, day);
            } else if (!bca_period_end) {
                fail(index, messages::kStatementPeriodMissing);
                continue;
            }
        } else {
            date = parse_statement_date(date_text);
        }
        if (!date) {
            fail(index, messages::kStatementDate);
            continue;
        }
        bool credit = false;
        std::optional<std::int64_t> cents;
        if (columns->amount >= 0 && columns->kind >= 0) {
            std::string amount_text = cell_at(row, columns->amount);
            std::string kind = to_upper_ascii(cell_at(row, columns->kind));
            if (kind.empty() && amount_text.size() > 3) {  // "150,000.00 CR" in one cell
                kind = to_upper_ascii(trim_copy(std::string_view(amount_text).substr(amount_text.size() - 2)));
                amount_text = amount_text.substr(0, amount_text.size() - 2);
            }
            cents = parse_statement_cents(amount_text);
            if (kind == "CR" || kind == "K" || kind == "C") credit = true;
            else if (kind != "DB" && kind != "D") {
                fail(index, messages::kStatementCreditDebit);
                continue;
            }
        } else {
            const std::string credit_text = cell_at(row, columns->credit), debit_text = cell_at(row, columns->debit);
            auto credit_cents = credit_text.empty() ? std::optional<std::int64_t>(0) : parse_statement_cents(credit_text);
            auto debit_cents = debit_text.empty() ? std::optional<std::int64_t>(0) : parse_statement_cents(debit_text);
            if (!credit_cents || !debit_cents) {
                fail(index, messages::kStatementAmount);
                continue;
            }
            credit = *credit_cents > 0;
            cents = credit ? credit_cents : debit_cents;
        }
        if (!cents) {
            fail(index, messages::kStatementAmount);
            continue;
        }
        if (!credit) {
            ++statement.debits;
            continue;
        }
        if (*cents <= 0) continue;
        StatementLine line;
        line.row = row_number(index);
        line.date = *date;
        line.amount = *cents / 100;
        line.whole_rupiah = *cents % 100 == 0;
        for (int column : columns->description) {
            const std::string part = cell_at(row, column);
            if (part.empty()) continue;
            if (!line.description.empty()) line.description += " ";
            line.description += part;
        }
        if (line.description.size() > 500) line.description.resize(500);
        if (auto balance = parse_statement_cents(cell_at(row, columns->balance))) line.balance = std::to_string(*balance);
        line.reference = cell_at(row, columns->reference).substr(0, 64);
        if (statement.account.empty() && columns->account >= 0) statement.account = digits_run(cell_at(row, columns->account));
        statement.credits.push_back(std::move(line));
    }
    if (!errors.empty()) {
        errors["file"] = messages::with_detail(messages::kStatementRowsWithErrors, std::to_string(error_rows));
        return validation_error(std::move(errors), messages::kStatementRowsWithErrors);
    }
    return statement;
}

}  // namespace kimonet::payments
