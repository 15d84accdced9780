// Bank statement import (issue 20) from the cashier's side and the attacker's: a statement pays the
// invoices it names once, a re-import or an overlapping statement pays nothing twice, a line naming
// two invoices waits for review, a bad file changes nothing, lower roles are refused.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"

#include "server/billing/billing_test_support.hpp"
#include "server/spreadsheets/xlsx_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Invoice {
    std::int64_t id = 0;
    std::string invoice_no;
    std::string service_number;
    std::int64_t total = 0;
    std::int64_t unique_code = 0;
};

// A server with unique codes switched on and January's invoices generated.
struct Statements {
    TestServer server;
    std::string token;
    Statements() {
        const std::string admin = server.login("admin");
        BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"transfer_unique_code":"1"})", admin).status == 200);
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }
    // The n-th open January invoice (1-based, by id).
    Invoice open_invoice(int n) {
        const std::string where = " FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period = '2026-01' AND "
                                  "i.status = 'unpaid' AND (SELECT COUNT(*) FROM invoices o WHERE o.customer_id = i.customer_id AND "
                                  "o.status IN ('unpaid','partial')) = 1 ORDER BY i.id LIMIT 1 OFFSET " + std::to_string(n - 1);
        Invoice invoice;
        invoice.id = scalar_int(server, "SELECT i.id" + where);
        invoice.invoice_no = server.scalar("SELECT i.invoice_no" + where);
        invoice.service_number = server.scalar("SELECT c.service_number" + where);
        invoice.total = scalar_int(server, "SELECT i.total" + where);
        invoice.unique_code = scalar_int(server, "SELECT i.unique_code" + where);
        return invoice;
    }
    HttpReply import(const std::string& file, const std::string& query = {}, const std::string& as = {}) {
        return server.call("POST", "/api/bank-statements/import" + query, file, as.empty() ? token : as);
    }
    std::int64_t payments_of(std::int64_t invoice_id) {
        return scalar_int(server, "SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(invoice_id));
    }
    std::string status_of(std::int64_t invoice_id) { return server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(invoice_id)); }
};

std::string rupiah(std::int64_t amount) {
    std::string digits = std::to_string(amount), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out + ".00";
}

// A KlikBCA export of January 2026; each line is {day, description, amount, balance}.
struct BcaLine {
    int day;
    std::string description;
    std::int64_t amount;
    std::int64_t balance;
};
std::string bca_csv(const std::vector<BcaLine>& lines) {
    std::string csv =
        "Informasi Rekening - Mutasi Rekening\r\nNo. rekening : 1234567890\r\nNama : PT KIMONET NET\r\n"
        "Periode : 01/01/2026 - 31/01/2026\r\nKode Mata Uang : Rp\r\n\r\nTanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\r\n";
    for (const auto& line : lines) {
        char day[8];
        std::snprintf(day, sizeof day, "%02d/01", line.day);
        csv += std::string("'") + day + ",'" + line.description + ",'0000,\"" + rupiah(line.amount) + "\",CR,\"" + rupiah(line.balance) + "\"\r\n";
    }
    return csv + "Saldo Awal,:,\"5,000,000.00\"\r\n";
}

std::string sample(const std::string& name) {
    std::ifstream file(std::string(KIMONET_SOURCE_DIR) + "/docs/samples/bank-statements/" + name, std::ios::binary);
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
}

// `kimonet statement import …` through the CLI's entry point on the test server's database, its
// standard output captured: {exit code, what it printed}.
std::pair<int, std::string> statement_cli(TestServer& server, std::vector<std::string> words) {
    words.insert(words.begin(), {"kimonet", "statement"});
    words.push_back("--db=" + server.db_path());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    TempDir dir;
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    const int captured = ::open(dir.file("out.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(captured, STDOUT_FILENO);
    ::setenv("KIMONET_SECRET_KEY_FILE", server.secret_key_file().c_str(), 1);
    const int exit_code = cli::run(static_cast<int>(argv.size()), argv.data());
    ::unsetenv("KIMONET_SECRET_KEY_FILE");
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    ::close(captured);
    std::ifstream out(dir.file("out.txt"));
    return {exit_code, std::string((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>())};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bank_statement_import)

BOOST_AUTO_TEST_CASE(the_cli_imports_a_file_with_the_routes_service_and_prints_matched_review_and_duplicates) {
    Statements statements;
    auto& server = statements.server;
    const Invoice by_amount = statements.open_invoice(1);
    TempDir dir;
    const std::string path = dir.file("mutasi.csv");
    {
        std::ofstream(path, std::ios::binary) << bca_csv({
            {2, "TRSF E-BANKING CR 0201/FTSCY/WS95031 BUDI", by_amount.total + by_amount.unique_code, 5200000},
            {5, "BUNGA REKENING", 1234, 5201234},
        });
    }
    // Refused before anything is written: no file, another bank, another account, no action.
    const std::string before = server.snapshot();
    BOOST_TEST(statement_cli(server, {"import", dir.file("none.csv"), "--bank", "bca"}).first == 1);
    BOOST_TEST(statement_cli(server, {"import", path, "--bank", "mandiri"}).first == 1);
    BOOST_TEST(statement_cli(server, {"import", path, "--bank", "bcx"}).first == 1);
    BOOST_TEST(statement_cli(server, {"import", path, "--bank", "bca", "--account", "999"}).first == 1);
    BOOST_TEST(statement_cli(server, {"list"}).first == 2);
    BOOST_TEST(server.snapshot() == before);

    const auto [code, printed] = statement_cli(server, {"import", path, "--bank", "bca", "--account", "1234567890"});
    BOOST_TEST_REQUIRE(code == 0);
    BOOST_TEST(printed.find("bca 1234567890 (csv): 2 credit lines; matched and paid 1") != std::string::npos, printed);
    BOOST_TEST(printed.find("review 1, duplicate 0") != std::string::npos, printed);
    BOOST_TEST(statements.status_of(by_amount.id) == "paid");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'bank_statement.import' AND actor_name LIKE 'cli:%'") == "1");
    // Again: the same lines are duplicates; nothing is paid twice.
    const auto [again_code, again] = statement_cli(server, {"import", path, "--bank", "bca"});
    BOOST_TEST(again_code == 0);
    BOOST_TEST(again.find("matched and paid 0") != std::string::npos, again);
    BOOST_TEST(again.find("duplicate 2") != std::string::npos, again);
    BOOST_TEST(statements.payments_of(by_amount.id) == 1);
}

BOOST_AUTO_TEST_CASE(open_invoices_get_distinct_unique_codes_shown_as_the_transfer_amount) {
    Statements statements;
    auto& server = statements.server;
    const std::string open = " FROM invoices WHERE status IN ('unpaid','partial') AND period = '2026-01'";
    const std::int64_t count = scalar_int(server, "SELECT COUNT(*)" + open);
    BOOST_TEST_REQUIRE(count > 2);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*)" + open + " AND unique_code BETWEEN 1 AND 999") == count);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(DISTINCT total + unique_code)" + open) == count);
    const Invoice invoice = statements.open_invoice(1);
    auto shown = server.get("/api/invoices/" + std::to_string(invoice.id), statements.token);
    BOOST_TEST_REQUIRE(shown.status == 200, shown.body);
    BOOST_TEST(shown.json()["data"]["transfer_amount"] == invoice.total + invoice.unique_code);
    BOOST_TEST(shown.json()["data"]["unique_code"] == invoice.unique_code);
}

BOOST_AUTO_TEST_CASE(cashier_imports_a_statement_pays_each_named_invoice_once_and_a_reimport_adds_nothing) {
    Statements statements;
    auto& server = statements.server;
    const Invoice by_amount = statements.open_invoice(1), by_number = statements.open_invoice(2), by_service = statements.open_invoice(3);
    const std::int64_t transfer = by_amount.total + by_amount.unique_code;
    const std::string file = bca_csv({
        {2, "TRSF E-BANKING CR 0201/FTSCY/WS95031 BUDI", transfer, 5000000 + transfer},
        {3, "TRSF E-BANKING CR 0301/FTSCY/WS95221 BAYAR " + by_number.invoice_no, by_number.total, 6000000},
        {4, "SETORAN TUNAI " + by_service.service_number, by_service.total, 7000000},
        {5, "BUNGA REKENING", 1234, 7001234},
    });
    const std::int64_t credit_before = scalar_int(server, "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger");
    auto imported = statements.import(file);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body);
    const auto summary = imported.json()["data"];
    BOOST_TEST(summary["bank"] == "bca");
    BOOST_TEST(summary["account"] == "1234567890");
    BOOST_TEST(summary["added"] == 4);
    BOOST_TEST(summary["paid"] == 3);
    BOOST_TEST(summary["review"] == 1);
    for (const Invoice& invoice : {by_amount, by_number, by_service}) {
        BOOST_TEST(statements.status_of(invoice.id) == "paid", invoice.invoice_no);
        BOOST_TEST(statements.payments_of(invoice.id) == 1, invoice.invoice_no);
        const std::string payment = server.scalar("SELECT id FROM payments WHERE invoice_id = " + std::to_string(invoice.id));
        BOOST_TEST(server.scalar("SELECT method FROM payments WHERE id = " + payment) == "bank_transfer");
        // The receipt goes out as for any payment.
        BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM notifications WHERE idempotency_key = 'payment:" + payment + "'") == 1);
    }
    // The unique code is the customer's credit: received total + code, applied total, the code credited
    // (and used at once by the next month's invoice, which the payment ensured).
    const std::string paid = std::to_string(by_amount.id);
    BOOST_TEST(scalar_int(server, "SELECT applied_amount FROM payments WHERE invoice_id = " + paid) == by_amount.total);
    BOOST_TEST(scalar_int(server, "SELECT amount FROM payments WHERE invoice_id = " + paid) == transfer);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM credit_ledger WHERE invoice_id = " + paid + " AND amount = " +
                                      std::to_string(by_amount.unique_code)) == 1);
    BOOST_TEST(scalar_int(server, "SELECT COALESCE(SUM(amount), 0) FROM credit_ledger") == credit_before);  // credited, then used

    // The same file again: nothing new, nothing paid, nothing written.
    const std::string before = server.snapshot();
    auto again = statements.import(file);
    BOOST_TEST_REQUIRE(again.status == 201, again.body);
    BOOST_TEST(again.json()["data"]["added"] == 0);
    BOOST_TEST(again.json()["data"]["repeated"] == 4);
    BOOST_TEST(again.json()["data"]["paid"] == 0);
    BOOST_TEST(server.snapshot() == before);

    // An overlapping statement (the 4th and 5th again, one new line) adds only the new line.
    const Invoice next = statements.open_invoice(1);
    auto overlapping = statements.import(bca_csv({
        {4, "SETORAN TUNAI " + by_service.service_number, by_service.total, 7000000},
        {5, "BUNGA REKENING", 1234, 7001234},
        {6, "TRSF BAYAR " + next.invoice_no, next.total, 7500000},
    }));
    BOOST_TEST_REQUIRE(overlapping.status == 201, overlapping.body);
    BOOST_TEST(overlapping.json()["data"]["added"] == 1);
    BOOST_TEST(overlapping.json()["data"]["repeated"] == 2);
    BOOST_TEST(overlapping.json()["data"]["paid"] == 1);
    BOOST_TEST(statements.payments_of(by_service.id) == 1);
    BOOST_TEST(statements.status_of(next.id) == "paid");
}

BOOST_AUTO_TEST_CASE(a_line_naming_two_invoices_waits_for_review_where_the_cashier_matches_or_ignores_it) {
    Statements statements;
    auto& server = statements.server;
    // Two open invoices of the same total, both named: which one is a person's call.
    const std::string same = " FROM invoices WHERE period = '2026-01' AND status = 'unpaid' AND total = "
                             "(SELECT total FROM invoices WHERE period = '2026-01' AND status = 'unpaid' GROUP BY total HAVING COUNT(*) > 1 "
                             "ORDER BY total LIMIT 1) ORDER BY id";
    const auto ids = server.column_values("SELECT id" + same);
    BOOST_TEST_REQUIRE(ids.size() >= 2u);
    const auto numbers = server.column_values("SELECT invoice_no" + same);
    const std::int64_t total = scalar_int(server, "SELECT total" + same + " LIMIT 1");
    auto imported = statements.import(bca_csv({
        {7, "BAYAR " + numbers[0] + " DAN " + numbers[1], total, 5100000},
        {8, "KOREKSI BANK", 5000, 5105000},
    }));
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body);
    BOOST_TEST(imported.json()["data"]["paid"] == 0);
    BOOST_TEST(imported.json()["data"]["review"] == 2);
    BOOST_TEST(scalar_int(server, "SELECT COUNT(*) FROM payments WHERE invoice_id IN (" + ids[0] + "," + ids[1] + ")") == 0);

    auto review = server.get("/api/bank-statements/lines?status=review", statements.token);
    BOOST_TEST_REQUIRE(review.status == 200, review.body);
    const auto lines = review.json()["data"];
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    const auto& ambiguous = lines[1];  // newest first
    BOOST_TEST(ambiguous["review_reason"] == "ambiguous");
    BOOST_TEST(ambiguous["file_row"] == 8);
    const std::string line_id = std::to_string(ambiguous["id"].get<std::int64_t>());

    auto matched = server.post("/api/bank-statements/lines/" + line_id + "/match", R"({"invoice_id":)" + ids[1] + "}", statements.token);
    BOOST_TEST_REQUIRE(matched.status == 200, matched.body);
    BOOST_TEST(matched.json()["data"]["status"] == "paid");
    BOOST_TEST(matched.json()["data"]["match_rule"] == "manual");
    BOOST_TEST(statements.status_of(std::stoll(ids[1])) == "paid");
    BOOST_TEST(statements.status_of(std::stoll(ids[0])) == "unpaid");
    // Twice is refused: the line is handled.
    auto twice = server.post("/api/bank-statements/lines/" + line_id + "/match", R"({"invoice_id":)" + ids[0] + "}", statements.token);
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(statements.payments_of(std::stoll(ids[0])) == 0);

    // The bank's own correction is no customer's payment: set aside with a note.
    const std::string other = std::to_string(lines[0]["id"].get<std::int64_t>());
    auto small = server.post("/api/bank-statements/lines/" + other + "/match", R"({"invoice_id":)" + ids[0] + "}", statements.token);
    BOOST_TEST(small.status == 409);  // Rp 5.000 against a full invoice needs "confirm": "partial"
    auto ignored = server.post("/api/bank-statements/lines/" + other + "/ignore", R"({"note":"koreksi bank"})", statements.token);
    BOOST_TEST_REQUIRE(ignored.status == 200, ignored.body);
    BOOST_TEST(ignored.json()["data"]["status"] == "ignored");
    BOOST_TEST(server.get("/api/bank-statements/lines", statements.token).json()["total"] == 0);
}

BOOST_AUTO_TEST_CASE(an_edited_reupload_of_a_paid_line_goes_to_review_and_pays_nothing) {
    Statements statements;
    const Invoice invoice = statements.open_invoice(1);
    const std::int64_t transfer = invoice.total + invoice.unique_code;
    BOOST_TEST_REQUIRE(statements.import(bca_csv({{2, "TRSF CR BUDI", transfer, 5000000 + transfer}})).status == 201);
    BOOST_TEST_REQUIRE(statements.status_of(invoice.id) == "paid");
    // The same bank line (date, amount, running balance) with its description changed.
    auto edited = statements.import(bca_csv({{2, "TRSF CR BUDI " + invoice.invoice_no, transfer, 5000000 + transfer}}));
    BOOST_TEST_REQUIRE(edited.status == 201, edited.body);
    BOOST_TEST(edited.json()["data"]["paid"] == 0);
    BOOST_TEST(edited.json()["data"]["review"] == 1);
    BOOST_TEST(statements.payments_of(invoice.id) == 1);
    auto review = statements.server.get("/api/bank-statements/lines", statements.token);
    BOOST_TEST(review.json()["data"][0]["review_reason"] == "edited_duplicate");
}

BOOST_AUTO_TEST_CASE(a_bad_file_is_refused_with_its_row_numbers_and_changes_nothing) {
    Statements statements;
    auto& server = statements.server;
    const std::string before = server.snapshot();
    std::string bad = bca_csv({{2, "A", 150000, 5150000}, {3, "B", 175000, 5325000}});
    bad.replace(bad.find("'03/01"), 6, "'31/02");
    auto refused = statements.import(bad);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(refused.json()["error"]["fields"].contains("row_9"), refused.body);
    auto unknown = statements.import("Nama,Alamat\r\nBudi,Jl. Mawar\r\n");
    BOOST_TEST(unknown.status == 422);
    BOOST_TEST(unknown.json()["error"]["fields"].contains("file"));
    BOOST_TEST(statements.import(sample("bca.csv"), "?bank=mandiri").status == 422);
    BOOST_TEST(statements.import(sample("bca.csv"), "?bank=xyz").status == 422);
    BOOST_TEST(statements.import("").status == 422);
    // Past the size bound: refused before it is read.
    BOOST_TEST(statements.import(std::string(9u << 20, 'a')).status == 413);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(lower_roles_and_strangers_are_refused_and_nothing_changes) {
    Statements statements;
    auto& server = statements.server;
    const std::string technician = server.login("technician");
    const std::string before = server.snapshot();
    const std::string file = sample("bca.csv");
    for (const std::string& token : {std::string(), technician}) {
        const int expected = token.empty() ? 401 : 403;
        BOOST_TEST(server.call("POST", "/api/bank-statements/import", file, token).status == expected);
        BOOST_TEST(server.get("/api/bank-statements/lines", token).status == expected);
        BOOST_TEST(server.post("/api/bank-statements/lines/1/match", R"({"invoice_id":1})", token).status == expected);
        BOOST_TEST(server.post("/api/bank-statements/lines/1/ignore", "{}", token).status == expected);
    }
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(the_documented_samples_of_the_four_banks_and_an_xlsx_export_are_read) {
    Statements statements;
    const std::pair<const char*, int> samples[] = {{"bca.csv", 3}, {"mandiri.csv", 2}, {"bri.csv", 2}, {"bni.csv", 2}};
    for (const auto& [name, credits] : samples) {
        auto imported = statements.import(sample(name));
        BOOST_TEST_REQUIRE(imported.status == 201, name << ": " << imported.body);
        BOOST_TEST(imported.json()["data"]["credits"] == credits, name);
        BOOST_TEST(imported.json()["data"]["debits"] == 1, name);
        BOOST_TEST(std::string(name).starts_with(imported.json()["data"]["bank"].get<std::string>()), name);
    }
    const std::string xlsx = xlsx_bytes(
        R"(<row r="1"><c t="inlineStr"><is><t>AccountNo</t></is></c><c t="inlineStr"><is><t>PostDate</t></is></c>)"
        R"(<c t="inlineStr"><is><t>Remarks</t></is></c><c t="inlineStr"><is><t>Credit Amount</t></is></c>)"
        R"(<c t="inlineStr"><is><t>Debit Amount</t></is></c><c t="inlineStr"><is><t>Close Balance</t></is></c></row>)"
        R"(<row r="2"><c t="inlineStr"><is><t>1300012345678</t></is></c><c><v>46028</v></c>)"
        R"(<c t="inlineStr"><is><t>TRANSFER JOKO</t></is></c><c><v>99000</v></c><c><v>0</v></c><c><v>10099000</v></c></row>)");
    auto imported = statements.import(xlsx);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body);
    BOOST_TEST(imported.json()["data"]["format"] == "xlsx");
    BOOST_TEST(imported.json()["data"]["bank"] == "mandiri");
    BOOST_TEST(statements.server.scalar("SELECT posted_on FROM bank_statement_lines WHERE amount = 99000") == "2026-01-06");
}

BOOST_AUTO_TEST_SUITE_END()
