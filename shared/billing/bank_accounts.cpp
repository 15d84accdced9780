#include "billing/bank_accounts.hpp"

namespace kimonet::billing {
namespace {

constexpr std::string_view kHolderMark = " a.n. ";

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

bool has_separator(const std::string& text) { return text.find('|') != std::string::npos || text.find('\n') != std::string::npos; }

}  // namespace

std::vector<BankAccount> parse_bank_accounts(std::string_view text) {
    std::vector<BankAccount> rows;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('|', start), text.size());
        const std::string row = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (row.empty()) continue;
        BankAccount account;
        const std::size_t mark = row.find(kHolderMark);
        const std::size_t space = row.find(' ');
        if (mark == std::string::npos || space == std::string::npos || space >= mark) {
            account.bank = row;
        } else {
            // The number is the last word before " a.n. "; the bank is everything before it
            // ("Bank Jago 1234 a.n. X" has a two-word bank).
            const std::string before = row.substr(0, mark);
            const std::size_t last_space = before.rfind(' ');
            account.bank = trimmed(before.substr(0, last_space));
            account.number = trimmed(before.substr(last_space + 1));
            account.holder = trimmed(row.substr(mark + kHolderMark.size()));
        }
        rows.push_back(std::move(account));
    }
    return rows;
}

std::string format_bank_accounts(const std::vector<BankAccount>& rows) {
    std::string text;
    for (const BankAccount& row : rows) {
        if (trimmed(row.bank).empty() && trimmed(row.number).empty() && trimmed(row.holder).empty()) continue;
        if (!text.empty()) text += '|';
        text += trimmed(row.bank) + " " + trimmed(row.number) + std::string(kHolderMark) + trimmed(row.holder);
    }
    return text;
}

std::optional<std::string> bank_account_problem(const BankAccount& row) {
    const std::string bank = trimmed(row.bank), number = trimmed(row.number), holder = trimmed(row.holder);
    if (bank.empty() || bank.size() > 40 || has_separator(bank)) return std::string("nama bank wajib diisi (maks. 40 huruf)");
    if (number.size() < 5 || number.size() > 20) return std::string("nomor rekening 5-20 angka");
    for (char c : number)
        if (c < '0' || c > '9') return std::string("nomor rekening hanya angka");
    if (holder.empty() || holder.size() > 80 || has_separator(holder)) return std::string("nama pemilik rekening wajib diisi (maks. 80 huruf)");
    return std::nullopt;
}

std::optional<std::string> bank_accounts_problem(std::string_view text) {
    const auto rows = parse_bank_accounts(text);
    if (rows.size() > kMaxBankAccounts) return "paling banyak " + std::to_string(kMaxBankAccounts) + " rekening";
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (auto problem = bank_account_problem(rows[i])) return "baris " + std::to_string(i + 1) + ": " + *problem;
    return std::nullopt;
}

}  // namespace kimonet::billing
