#pragma once
// Bank statements ("mutasi rekening") as exported by Indonesian internet banking (issue 20): the
// rows of a CSV or of an .xlsx's first sheet in, the credit lines out. Pure: the server reads the
// file into rows (core/csv.hpp, spreadsheets/xlsx_reader.hpp) and stores what this returns.
//
// The four layouts (docs/bank-transfers.md, samples in docs/samples/bank-statements/):
// - BCA (KlikBCA): a header block ("No. rekening : …", "Periode : dd/mm/yyyy - dd/mm/yyyy"), then
//   "Tanggal Transaksi, Keterangan, Cabang, Jumlah, <CR/DB>, Saldo"; dates "dd/mm" without year
//   (the year comes from the period), "PEND" for pending lines, amounts "1,500,000.00".
// - Mandiri (Livin'/Kopra): "AccountNo; Ccy; PostDate; Remarks; AdditionalDesc; Credit Amount;
//   Debit Amount; Close Balance", dates "01 September 2026 14:24:27".
// - BRI (CMS/IBBIZ data export): "ID, NOREK, TGL_TRAN, …, SEQ, DESK_TRAN, …, MUTASI_DEBET,
//   MUTASI_KREDIT, SALDO_AKHIR_MUTASI, …".
// - BNI (BNIDirect): "Posting Date, …, Journal No., Description, Amount, DB/CR, Balance".
// The header row is found by its column names (within the first 40 rows), so extra header lines,
// extra columns and reordered columns are read alike.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::payments {

enum class Bank { Bca, Mandiri, Bri, Bni };
std::string_view to_string(Bank bank);  // "bca", "mandiri", "bri", "bni"
std::optional<Bank> parse_bank(std::string_view text);

struct StatementLine {
    std::size_t row = 0;  // the file's own row number (1-based), for messages
    Date date;
    Money amount = 0;         // whole rupiah of the credit
    bool whole_rupiah = true; // false when the export shows cents (interest): never matched automatically
    std::string description;  // the bank's text, spaces collapsed
    std::string balance;      // the running balance after the line as digits of cents ("515012300"), "" when absent
    std::string reference;    // the bank's own sequence or journal number, "" when absent
};

struct BankStatement {
    Bank bank = Bank::Bca;
    std::string account;  // the account number the file names, "" when it does not
    std::vector<StatementLine> credits;
    std::int64_t debits = 0;   // debit lines seen (not imported)
    std::int64_t pending = 0;  // BCA "PEND" lines: imported once the bank has booked them
};

// At most this many rows in one statement file (a month of a busy account is a few thousand).
inline constexpr std::size_t kMaxStatementRows = 100'000;
// Row errors reported at most (the rest are counted).
inline constexpr std::size_t kMaxStatementRowErrors = 20;

// Reads a statement. `expected` (the bank the user chose) must agree with the detected layout.
// Any unreadable data row fails the whole file (422): fields "row_<n>" name each bad row, "file" the count.
Result<BankStatement> read_bank_statement(const std::vector<std::vector<std::string>>& rows,
                                          const std::vector<std::size_t>& row_numbers, std::optional<Bank> expected);

// "1,500,000.00", "1.500.000,00", "150000", "Rp 150.123", "150123.5" → amount in cents; nothing when unreadable.
std::optional<std::int64_t> parse_statement_cents(std::string_view text);
// "02/01/2026", "02/01/26", "2026-01-02", "02 Januari 2026 10:00:01", "46024" (Excel serial) → date.
std::optional<Date> parse_statement_date(std::string_view text);

}  // namespace kimonet::payments
