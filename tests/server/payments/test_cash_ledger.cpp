// The cash ledger's hash chain (issue 20), on the engine under test: concurrent appends never fork
// it; a row edited, deleted or cut off directly in the database, or a collection's payment edited
// under it, is caught by `kimonet audit verify` (exit 1, the first broken row named) and by
// GET /api/cash/ledger/verify; a row's hash is SHA-256 of the documented encoding, recomputed here
// with OpenSSL from docs/cash-collection.md rather than with the product's code.
#include <boost/test/unit_test.hpp>

#include <openssl/sha.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "cash_field.hpp"
#include "cli/args.hpp"
#include "cli/command_audit.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

// Runs a SQL statement on a connection of its own: the database file (or PostgreSQL database)
// edited behind the product's back.
void tamper(TestServer& server, const std::string& sql) {
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(static_cast<bool>(db));
    BOOST_TEST_REQUIRE(static_cast<bool>((*db)->execute(sql)), sql);
}

struct CliRun {
    int exit_code = -1;
    std::string out;
};

// `kimonet audit verify --db <the server's database>`, in this process, stdout captured.
CliRun audit_verify(TestServer& server) {
    ::setenv("KIMONET_SECRET_KEY_FILE", server.secret_key_file().c_str(), 1);
    TempDir directory;
    const std::string out_file = directory.file("out.txt");
    std::string db = server.db_path();
    std::vector<std::string> words{"kimonet", "audit", "verify", "--db", db};
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    std::FILE* capture = std::fopen(out_file.c_str(), "w");
    ::dup2(::fileno(capture), STDOUT_FILENO);
    CliRun run;
    run.exit_code = cli::command_audit(cli::parse_args(static_cast<int>(argv.size()), argv.data(), 2));
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    std::fclose(capture);
    ::unsetenv("KIMONET_SECRET_KEY_FILE");
    std::ifstream in(out_file);
    std::stringstream text;
    text << in.rdbuf();
    run.out = text.str();
    return run;
}

std::string sha256_of(const std::string& bytes) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
    std::string hex;
    char two[3];
    for (unsigned char byte : digest) {
        std::snprintf(two, sizeof two, "%02x", byte);
        hex += two;
    }
    return hex;
}

// Three collections by the west collector: ledger rows 1, 2, 3.
void three_collections(CashField& field) {
    for (std::int64_t customer : {1, 2, 1}) {
        const auto invoice = field.invoice(customer, 100000 + customer);
        BOOST_TEST_REQUIRE(field.collect(invoice, field.total_of(invoice), field.west).status == 201);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cash_ledger)

BOOST_AUTO_TEST_CASE(concurrent_collections_form_one_unforked_chain) {
    CashField field;
    std::vector<std::pair<std::int64_t, const std::string*>> work;
    for (std::int64_t customer : {1, 2, 1, 2}) work.emplace_back(field.invoice(customer, 120000), &field.west);
    for (int index = 0; index < 4; ++index) work.emplace_back(field.invoice(3, 130000 + index), &field.east);
    // The amounts are read before the threads start: the test's inspection connection serves one
    // thread at a time (on PostgreSQL a shared connection read from eight threads at once failed).
    std::vector<std::int64_t> totals;
    for (const auto& [invoice, collector] : work) totals.push_back(field.total_of(invoice));
    std::vector<int> statuses(work.size());
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < work.size(); ++index)
        threads.emplace_back([&, index] { statuses[index] = field.collect(work[index].first, totals[index], *work[index].second).status; });
    for (auto& thread : threads) thread.join();
    for (int status : statuses) BOOST_TEST(status == 201);
    const auto verified = field.verify();
    BOOST_TEST(verified["ok"] == true, verified.dump());
    BOOST_TEST(verified["rows"] == 8);
    BOOST_TEST(verified["head_seq"] == 8);
    const auto previous = field.server.column_values("SELECT prev_hash FROM cash_ledger ORDER BY seq");
    BOOST_TEST(std::set<std::string>(previous.begin(), previous.end()).size() == 8u, "no two rows follow the same row");
    BOOST_TEST(audit_verify(field.server).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(a_rows_hash_is_sha256_of_the_documented_encoding_and_the_previous_hash) {
    CashField field;
    const auto invoice = field.invoice(1, 150000);
    const Money total = field.total_of(invoice);
    auto paid = field.keyed("/api/cash/collections", {{"invoice_id", invoice}, {"amount", total}, {"note", "bayar di warung"}}, field.west, "");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string payment = paid.json()["data"]["id"].dump();
    const std::string customer = field.server.scalar("SELECT customer_id FROM invoices WHERE id = " + std::to_string(invoice));
    const std::string at = field.server.scalar("SELECT recorded_at FROM cash_ledger WHERE seq = 1");
    const std::string west = std::to_string(field.west_id);
    const std::string encoding = "kimonet-cash-ledger/1\nseq=1\nkind=10:collection\ncollector_id=" + west + "\nactor_id=" + west +
                                 "\nbusiness_date=10:2026-01-15\namount=" + std::to_string(total) +
                                 "\nexpected_amount=0\ncustomer_id=" + customer + "\ninvoice_id=" + std::to_string(invoice) +
                                 "\npayment_id=" + payment + "\nrefers_to=0\nrecorded_at=" + at + "\nnote=15:bayar di warung\n";
    const std::string genesis(64, '0');
    BOOST_TEST(field.server.scalar("SELECT prev_hash FROM cash_ledger WHERE seq = 1") == genesis);
    BOOST_TEST(field.server.scalar("SELECT hash FROM cash_ledger WHERE seq = 1") == sha256_of(encoding + genesis));
    BOOST_TEST(paid.json()["data"]["ledger_hash"] == sha256_of(encoding + genesis));
}

BOOST_AUTO_TEST_CASE(a_row_edited_in_the_database_is_named_by_audit_verify) {
    CashField field;
    three_collections(field);
    BOOST_TEST(audit_verify(field.server).exit_code == 0);
    tamper(field.server, "UPDATE cash_ledger SET amount = amount + 50000 WHERE seq = 2");
    const auto run = audit_verify(field.server);
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.out.find("BROKEN at row 2: hash does not match") != std::string::npos, run.out);
    const auto verified = field.verify();
    BOOST_TEST(verified["ok"] == false);
    BOOST_TEST(verified["broken_seq"] == 2);
    // Overwriting its hash as well still fails there: the hash is not the fields' (and row 3 names the old one).
    tamper(field.server, "UPDATE cash_ledger SET hash = '" + std::string(64, 'a') + "' WHERE seq = 2");
    BOOST_TEST(field.verify()["broken_seq"] == 2);
}

BOOST_AUTO_TEST_CASE(a_deleted_row_a_cut_tail_and_an_edited_payment_are_caught) {
    {
        CashField field;
        three_collections(field);
        tamper(field.server, "DELETE FROM cash_ledger WHERE seq = 2");
        const auto verified = field.verify();
        BOOST_TEST(verified["ok"] == false);
        BOOST_TEST(verified["broken_seq"] == 3, verified.dump());
    }
    {
        CashField field;
        three_collections(field);
        BOOST_TEST_REQUIRE(field.keyed("/api/cash/remittances", Json::object(), field.west, "").status == 201);  // anchors row 4
        tamper(field.server, "DELETE FROM cash_ledger WHERE seq = 4");
        const auto verified = field.verify();
        BOOST_TEST(verified["ok"] == false);
        BOOST_TEST(verified["broken_seq"] == 4, verified.dump());
        BOOST_TEST(verified["reason"].get<std::string>().find("cut") != std::string::npos);
    }
    {
        CashField field;
        three_collections(field);
        tamper(field.server, "UPDATE payments SET amount = amount - 1000 WHERE id = (SELECT payment_id FROM cash_ledger WHERE seq = 3)");
        const auto run = audit_verify(field.server);
        BOOST_TEST(run.exit_code == 1);
        BOOST_TEST(run.out.find("BROKEN at row 3") != std::string::npos, run.out);
    }
}

BOOST_AUTO_TEST_SUITE_END()
