#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/csv.hpp"
#include "payments/bank_statement.hpp"

using namespace kimonet;
using namespace kimonet::payments;

namespace {

Result<BankStatement> read(const std::string& csv, std::optional<Bank> expected = std::nullopt) {
    auto rows = parse_csv(csv);
    BOOST_TEST_REQUIRE(rows.ok());
    std::vector<std::size_t> numbers;
    for (std::size_t i = 0; i < rows->size(); ++i) numbers.push_back(i + 1);
    return read_bank_statement(*rows, numbers, expected);
}

const std::string kBca =
    "Informasi Rekening - Mutasi Rekening\r\n"
    "No. rekening : 1234567890\r\n"
    "Periode : 20/12/2025 - 10/01/2026\r\n"
    "\r\n"
    "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\r\n"
    "'30/12,'TRSF E-BANKING CR 3012/FTSCY/WS95031     150123.00 BUDI,'0000,\"150,123.00\",CR,\"5,150,123.00\"\r\n"
    "'05/01,'BIAYA ADM,'0000,\"10,000.00\",DB,\"5,140,123.00\"\r\n"
    "'06/01,'BUNGA,'0000,\"1,234.56\",CR,\"5,141,357.56\"\r\n"
    "'PEND,'TRSF E-BANKING CR 1001 JOKO,'0000,\"150,000.00\",CR,\"5,291,357.56\"\r\n"
    "Saldo Awal,:,\"5,000,000.00\"\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(bank_statement)

BOOST_AUTO_TEST_CASE(bca_year_comes_from_the_period_across_new_year_and_pending_lines_wait) {
    auto statement = read(kBca);
    BOOST_TEST_REQUIRE(statement.ok(), (statement.ok() ? "" : statement.error().message()));
    BOOST_TEST((statement->bank == Bank::Bca));
    BOOST_TEST(statement->account == "1234567890");
    BOOST_TEST_REQUIRE(statement->credits.size() == 2u);
    BOOST_TEST(to_string(statement->credits[0].date) == "2025-12-30");  // December belongs to the period's first year
    BOOST_TEST(statement->credits[0].amount == 150123);
    BOOST_TEST(statement->credits[0].balance == "515012300");
    BOOST_TEST(statement->credits[0].row == 6u);
    BOOST_TEST(statement->credits[0].description == "TRSF E-BANKING CR 3012/FTSCY/WS95031 150123.00 BUDI");  // padding collapsed
    BOOST_TEST(to_string(statement->credits[1].date) == "2026-01-06");
    BOOST_TEST(!statement->credits[1].whole_rupiah);  // interest with cents: never matched by itself
    BOOST_TEST(statement->debits == 1);
    BOOST_TEST(statement->pending == 1);
}

BOOST_AUTO_TEST_CASE(mandiri_bri_and_bni_layouts_are_recognised_by_their_headers) {
    auto mandiri = read(
        "AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\r\n"
        "1300012345678;IDR;02 Januari 2026 09:14:05;TRANSFER   BUDI;INV-202601-00001;150000.00;0.00;10150000.00\r\n");
    BOOST_TEST_REQUIRE(mandiri.ok());
    BOOST_TEST((mandiri->bank == Bank::Mandiri));
    BOOST_TEST(mandiri->account == "1300012345678");
    BOOST_TEST(mandiri->credits.at(0).description == "TRANSFER BUDI INV-202601-00001");
    BOOST_TEST(to_string(mandiri->credits.at(0).date) == "2026-01-02");

    auto bri = read(
        "ID,NOREK,TGL_TRAN,SEQ,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT,SALDO_AKHIR_MUTASI\r\n"
        "1,012301000123456,2026-01-02,101,NBMB BUDI,0.00,150000.00,8150000.00\r\n"
        "2,012301000123456,2026-01-03,102,BIAYA,5500.00,0.00,8144500.00\r\n");
    BOOST_TEST_REQUIRE(bri.ok());
    BOOST_TEST((bri->bank == Bank::Bri));
    BOOST_TEST(bri->credits.size() == 1u);
    BOOST_TEST(bri->credits[0].reference == "101");
    BOOST_TEST(bri->debits == 1);

    auto bni = read(
        "Account No,0123456789\r\n\r\n"
        "Posting Date,Effective Date,Branch,Journal No.,Description,Amount,DB/CR,Balance\r\n"
        "02/01/2026 09:14:05,02/01/2026,0259,900101,TRANSFER BUDI,150000.00,C,7150000.00\r\n"
        "Posting Date,Effective Date,Branch,Journal No.,Description,Amount,DB/CR,Balance\r\n"  // a repeated page header
        "03/01/2026 10:00:00,03/01/2026,0259,900102,BIAYA ADM,7500.00,D,7142500.00\r\n");
    BOOST_TEST_REQUIRE(bni.ok());
    BOOST_TEST((bni->bank == Bank::Bni));
    BOOST_TEST(bni->account == "0123456789");
    BOOST_TEST(bni->credits.size() == 1u);
    BOOST_TEST(bni->credits[0].reference == "900101");
}

BOOST_AUTO_TEST_CASE(bad_rows_fail_the_whole_file_naming_each_row) {
    auto statement = read(
        "AccountNo;Ccy;PostDate;Remarks;AdditionalDesc;Credit Amount;Debit Amount;Close Balance\r\n"
        "1;IDR;02 January 2026;A;;150000.00;0.00;1\r\n"
        "1;IDR;31 Februari 2026;B;;150000.00;0.00;2\r\n"
        "1;IDR;03 January 2026;C;;seratus;0.00;3\r\n");
    BOOST_TEST_REQUIRE(!statement.ok());
    BOOST_TEST((statement.error().code == ErrorCode::ValidationFailed));
    BOOST_TEST(statement.error().fields.contains("row_3"));
    BOOST_TEST(statement.error().fields.contains("row_4"));
    BOOST_TEST(!statement.error().fields.contains("row_2"));
}

BOOST_AUTO_TEST_CASE(an_unknown_layout_or_the_wrong_bank_is_refused) {
    BOOST_TEST(!read("Nama,Alamat\r\nBudi,Jl. Mawar\r\n").ok());
    auto wrong = read(kBca, Bank::Mandiri);
    BOOST_TEST_REQUIRE(!wrong.ok());
    BOOST_TEST(wrong.error().fields.contains("file"));
}

BOOST_AUTO_TEST_CASE(amounts_in_either_convention) {
    BOOST_TEST(*parse_statement_cents("1,500,000.00") == 150000000);
    BOOST_TEST(*parse_statement_cents("1.500.000,00") == 150000000);
    BOOST_TEST(*parse_statement_cents("150.123") == 15012300);
    BOOST_TEST(*parse_statement_cents("150,123") == 15012300);
    BOOST_TEST(*parse_statement_cents("Rp 150.123") == 15012300);
    BOOST_TEST(*parse_statement_cents("150123.5") == 15012350);
    BOOST_TEST(*parse_statement_cents("'150000") == 15000000);
    BOOST_TEST(!parse_statement_cents("").has_value());
    BOOST_TEST(!parse_statement_cents("12ab").has_value());
    BOOST_TEST(!parse_statement_cents("-150000").has_value());
    BOOST_TEST(!parse_statement_cents("99999999999999999999").has_value());
}

BOOST_AUTO_TEST_CASE(dates_in_the_banks_forms) {
    BOOST_TEST(to_string(*parse_statement_date("02/01/2026")) == "2026-01-02");
    BOOST_TEST(to_string(*parse_statement_date("02/01/26")) == "2026-01-02");
    BOOST_TEST(to_string(*parse_statement_date("2026-01-02")) == "2026-01-02");
    BOOST_TEST(to_string(*parse_statement_date("01 September 2026 14:24:27")) == "2026-09-01");
    BOOST_TEST(to_string(*parse_statement_date("02/01/2026 09:14:05")) == "2026-01-02");
    BOOST_TEST(to_string(*parse_statement_date("46024")) == "2026-01-02");  // Excel's serial day
    BOOST_TEST(!parse_statement_date("31/02/2026").has_value());
    BOOST_TEST(!parse_statement_date("kemarin").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
