#include <boost/test/unit_test.hpp>

#include "billing/bank_accounts.hpp"

using namespace kimonet::billing;

BOOST_AUTO_TEST_SUITE(bank_accounts)

BOOST_AUTO_TEST_CASE(the_setting_reads_as_rows_and_writes_back_the_same_text) {
    const std::string text = "BCA 1234567890 a.n. PT Kimonet Net|Bank Jago 100200300 a.n. Siti Rahayu";
    const auto rows = parse_bank_accounts(text);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST((rows[0] == BankAccount{"BCA", "1234567890", "PT Kimonet Net"}));
    BOOST_TEST((rows[1] == BankAccount{"Bank Jago", "100200300", "Siti Rahayu"}));
    BOOST_TEST(format_bank_accounts(rows) == text);
    BOOST_TEST(!bank_accounts_problem(text));
    BOOST_TEST(!bank_accounts_problem(""));
}

BOOST_AUTO_TEST_CASE(empty_rows_are_dropped_and_order_is_kept) {
    std::vector<BankAccount> rows = {{"Mandiri", "1300012345678", "A"}, {"", "", ""}, {"BRI", "0012345", "B"}};
    BOOST_TEST(format_bank_accounts(rows) == "Mandiri 1300012345678 a.n. A|BRI 0012345 a.n. B");
}

BOOST_AUTO_TEST_CASE(bad_rows_are_refused_with_their_row_number) {
    BOOST_TEST(bank_accounts_problem("BCA 12-34 a.n. X").value_or("") == "baris 1: nomor rekening hanya angka");
    BOOST_TEST(bank_accounts_problem("BCA 1234567 a.n. X|just text").value_or("") == "baris 2: nomor rekening 5-20 angka");
    BOOST_TEST(bank_accounts_problem("BCA 1234567 a.n. ").has_value());
    BOOST_TEST(bank_account_problem({"BCA", "123456", "A|B"}).has_value());
    std::string eleven;
    for (int i = 0; i < 11; ++i) eleven += (i ? "|" : "") + std::string("BCA 1234567 a.n. X");
    BOOST_TEST(bank_accounts_problem(eleven).value_or("") == "paling banyak 10 rekening");
}

BOOST_AUTO_TEST_SUITE_END()
