#pragma once
// Bank statement import ("mutasi rekening", issue 20), shared by the HTTP routes and `kimonet
// statement import`. A file is read whole (payments/bank_statement.hpp) before anything is
// written: a bad row fails it (422, rows named) and nothing is stored. Then, in one transaction,
// each credit line is stored under its line key (a line imported before is skipped: re-importing
// the same or an overlapping statement pays nothing twice), matched against the open invoices
// (payments/statement_matching.hpp), and a matched line becomes a payment through
// record_payment_in_transaction — the same paid-sequence as any payment: restore of an isolated
// customer, the next invoice, overpayment (the unique code) to credit — with its WhatsApp receipt.
// The rest waits on the review screen: match it to an invoice, or ignore it.
#include <functional>
#include <optional>

#include "api/bank_statement_dto.hpp"
#include "app/context.hpp"
#include "payments/bank_statement.hpp"

namespace kimonet::services {

// At most this many bytes in one uploaded statement.
inline constexpr std::size_t kMaxStatementBytes = 8u << 20;

Result<api::BankStatementImportResource> import_bank_statement(app::Context& context, std::string_view file,
                                                               std::optional<payments::Bank> bank);

// The same with what `kimonet statement import` adds: `account` (non-empty) is the account the file
// must name (a file of another account is refused, 422 on "account"; a file naming none is taken as
// that account's), and `progress` hears (lines done, lines) every 500 lines and at the end.
struct StatementImportOptions {
    std::optional<payments::Bank> bank;
    std::string account;
    std::function<void(std::int64_t done, std::int64_t total)> progress;
};
Result<api::BankStatementImportResource> import_bank_statement(app::Context& context, std::string_view file,
                                                               const StatementImportOptions& options);

struct StatementLineList {
    std::vector<api::BankStatementLineResource> lines;
    std::int64_t total = 0;
};
// status: "review" (default), "paid", "ignored" or "all"; newest first.
Result<StatementLineList> list_statement_lines(app::Context& context, const std::string& status, int page, int per_page);

// {"invoice_id" or "invoice_no", "confirm"?}: a line under review becomes a payment of the line's amount to that
// open invoice. An amount other than the outstanding one (or outstanding + unique code) needs
// "confirm": "partial" or "overpayment", as at the cashier's desk (409 otherwise).
Result<api::BankStatementLineResource> match_statement_line(app::Context& context, std::int64_t id, const api::Json& input);
// {"note"?}: a line under review is set aside (not a customer's payment: interest, a refund, …).
Result<api::BankStatementLineResource> ignore_statement_line(app::Context& context, std::int64_t id, const api::Json& input);

}  // namespace kimonet::services
