#pragma once
// Bank accounts for transfers, as rows (bank, number, holder). The `bank_accounts` setting keeps
// its wire form — rows joined by "|", each "BANK NUMBER a.n. HOLDER" — so invoices, the API and
// older clients read it unchanged; the settings screen edits rows and the server validates each.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::billing {

struct BankAccount {
    std::string bank, number, holder;
    bool operator==(const BankAccount&) const = default;
};

inline constexpr std::size_t kMaxBankAccounts = 10;

// Rows of the setting; a row that does not have the "BANK NUMBER a.n. HOLDER" shape keeps its
// whole text in `bank` (so nothing typed before is lost on screen).
std::vector<BankAccount> parse_bank_accounts(std::string_view text);
std::string format_bank_accounts(const std::vector<BankAccount>& rows);
// Why the setting's text is unacceptable (row number 1-based in the message), or nothing.
std::optional<std::string> bank_accounts_problem(std::string_view text);
// Why one row is unacceptable, or nothing.
std::optional<std::string> bank_account_problem(const BankAccount& row);

}  // namespace kimonet::billing
