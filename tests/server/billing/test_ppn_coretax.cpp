#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

#include "support/test_server_support.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

// PKP/PPN with dated rules and the Coretax export, as the accountant and the cashier meet them.
// The demo's clock stands at 2026-01-15; the default PPN rule is PMK 131/2024's (12% on 11/12).

namespace {

const std::string kCompanyNpwp = "0012345678901000";
const std::string kBuyerNpwp = "0123456789012345";

std::string output_of(const std::string& command) {
    std::string text;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, read);
    const int status = pclose(pipe);
    return std::to_string(status) + ":" + text;
}

// The repository holding this build tree (its CMakeCache names it), for the committed XSD.
std::string repository_file(const std::string& relative) {
    const auto build = std::filesystem::read_symlink("/proc/self/exe").parent_path().parent_path();
    std::ifstream cache(build / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
        if (line.starts_with("CMAKE_HOME_DIRECTORY:")) return line.substr(line.find('=') + 1) + "/" + relative;
    return relative;
}

// xmllint --schema with the XSD written from DJP's template: "0:" when the file validates.
std::string schema_check(const TempDir& dir, const std::string& xml, const std::string& name) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << xml;
    return output_of("xmllint --noout --schema " + repository_file("docs/integrations/coretax-taxinvoice.xsd") + " " + path);
}

api::Json manual_invoice(TestServer& server, const std::string& token, std::int64_t customer_id, std::int64_t price) {
    const api::Json body = {{"customer_id", customer_id},
                            {"lines", api::Json::array({{{"kind", "charge"}, {"description", "Internet 30 Mbps"}, {"quantity", 1},
                                                         {"unit_price", price}}})}};
    auto created = server.post("/api/invoices", body.dump(), token);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    return created.json()["data"];
}

void set_settings(TestServer& server, const std::string& token, const api::Json& settings) {
    auto reply = server.put("/api/settings", settings.dump(), token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ppn_coretax)

BOOST_AUTO_TEST_CASE(pkp_off_puts_no_ppn_on_the_invoice_or_its_pdf_and_pkp_on_taxes_eleven_twelfths) {
    TestServer server;
    TempDir dir;
    const std::string admin = server.login("admin");
    // Not a PKP: whatever the old flat rate says, no PPN.
    set_settings(server, admin, {{"pkp", "off"}, {"tax_rate", "11"}});
    const api::Json untaxed = manual_invoice(server, admin, 1, 150000);
    BOOST_TEST(untaxed["tax"] == 0);
    BOOST_TEST(untaxed["dpp"] == 0);
    BOOST_TEST(untaxed["total"] == 150000);
    auto pdf = server.get("/api/invoices/" + std::to_string(untaxed["id"].get<std::int64_t>()) + "/pdf", admin);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    const std::string untaxed_text = pdf_text(dir, pdf.body);
    BOOST_TEST(untaxed_text.find("PPN") == std::string::npos, untaxed_text);

    // A PKP from today: 150,000 exclusive → DPP 137,500 (11/12), PPN 16,500 (12%), total 166,500.
    set_settings(server, admin, {{"pkp", "on"}});
    const api::Json taxed = manual_invoice(server, admin, 1, 150000);
    BOOST_TEST(taxed["subtotal"] == 150000);
    BOOST_TEST(taxed["dpp"] == 137500);
    BOOST_TEST(taxed["tax"] == 16500);
    BOOST_TEST(taxed["total"] == 166500);
    BOOST_TEST(taxed["tax_rate_bp"] == 1200);
    BOOST_TEST(taxed["dpp_numerator"] == 11);
    BOOST_TEST(taxed["dpp_denominator"] == 12);
    BOOST_TEST(taxed["tax_pkp"] == true);
    const std::string id = std::to_string(taxed["id"].get<std::int64_t>());
    const std::string taxed_text = pdf_text(dir, server.get("/api/invoices/" + id + "/pdf", admin).body);
    BOOST_TEST(taxed_text.find("PPN 12%") != std::string::npos, taxed_text);
    BOOST_TEST(taxed_text.find("16.500") != std::string::npos, taxed_text);
    BOOST_TEST(taxed_text.find("166.500") != std::string::npos, taxed_text);

    // A rule dated next month (full DPP) leaves this month's invoice as it was, even when a line is
    // added to it later: the invoice keeps the rule it was made with.
    set_settings(server, admin, {{"ppn_rules", "2025-01-01,1200,11/12;2026-02-01,1200,1/1"}});
    auto added = server.post("/api/invoices/" + id + "/lines",
                             R"({"kind":"charge","description":"Pasang ulang","quantity":1,"unit_price":12000})", admin);
    BOOST_TEST_REQUIRE(added.status == 201, added.body);
    const api::Json kept = server.get("/api/invoices/" + id, admin).json()["data"];
    BOOST_TEST(kept["subtotal"] == 162000);
    BOOST_TEST(kept["dpp"] == 148500);  // 162,000 × 11/12
    BOOST_TEST(kept["tax"] == 17820);   // 148,500 × 12%
    BOOST_TEST(kept["dpp_denominator"] == 12);
    BOOST_TEST(server.scalar("SELECT tax_base FROM invoices WHERE id = " + id) == "148500");

    // February's invoices take the new rule.
    server.clock().advance(20 * 86400);  // 2026-02-04; a new session (the old one has expired)
    const std::string admin_february = server.login("admin");
    const api::Json february = manual_invoice(server, admin_february, 1, 150000);
    BOOST_TEST(february["tax"] == 18000);
    BOOST_TEST(february["dpp"] == 150000);

    // A rule that does not read changes nothing.
    const std::string before = server.snapshot();
    auto refused = server.put("/api/settings", R"({"ppn_rules":"2025-01-01,1200,13/12"})", admin_february);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(refused.body.find("ppn_rules") != std::string::npos);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(customers_carry_checked_tax_numbers_that_never_reach_the_activity_log) {
    TestServer server;
    const std::string admin = server.login("admin");
    const std::string before = server.snapshot();
    auto bad = server.put("/api/customers/1", R"({"npwp":"123","nik":"3201013201900001","nitku":"1","needs_faktur":true})", admin);
    BOOST_TEST_REQUIRE(bad.status == 422, bad.body);
    const api::Json fields = bad.json()["error"]["fields"];
    BOOST_TEST(fields["npwp"] == "NPWP harus 15 atau 16 angka");
    BOOST_TEST(fields["nik"] == "NIK: tanggal lahir (hari +40 untuk perempuan) tidak valid");
    BOOST_TEST(fields.contains("nitku"));
    BOOST_TEST(server.snapshot() == before);

    auto saved = server.put("/api/customers/1", R"({"npwp":"01.234.567.8-901.234","nik":"3201014101900001","needs_faktur":true})", admin);
    BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    BOOST_TEST(saved.json()["data"]["npwp"] == "012345678901234");
    BOOST_TEST(saved.json()["data"]["needs_faktur"] == true);
    BOOST_TEST(server.get("/api/customers/1", admin).json()["data"]["nik"] == "3201014101900001");
    // The change is in the activity log, the numbers are not.
    BOOST_TEST(server.count_containing("SELECT COALESCE(after_json, '') FROM activity_log", "012345678901234") == 0);
    BOOST_TEST(server.count_containing("SELECT COALESCE(after_json, '') FROM activity_log", "3201014101900001") == 0);
    BOOST_TEST(server.count_containing("SELECT COALESCE(after_json, '') FROM activity_log", "\"npwp\":\"***\"") == 1);
}

BOOST_AUTO_TEST_CASE(the_accountant_exports_a_month_of_faktur_keluaran_once) {
    TestServer server;
    TempDir dir;
    const std::string admin = server.login("admin");
    const std::string finance = server.login("finance");
    set_settings(server, admin, {{"pkp", "on"}});
    BOOST_TEST_REQUIRE(server.put("/api/customers/1", api::Json{{"npwp", kBuyerNpwp}, {"needs_faktur", true},
                                                                 {"name", "CV \"Aman\" & <Sentosa> 'Jaya'"}}.dump(), admin)
                           .status == 200);
    BOOST_TEST_REQUIRE(server.put("/api/customers/2", R"({"nik":"3201014101900001","needs_faktur":true})", admin).status == 200);
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", admin).status == 200);

    // Without the company's NPWP there is no seller: refused, nothing marked.
    auto summary = server.get("/api/tax/coretax/2026-01", finance);
    BOOST_TEST_REQUIRE(summary.status == 200, summary.body);
    BOOST_TEST(summary.json()["data"]["pending"] == 2);
    BOOST_TEST(summary.json()["data"]["files"] == 1);
    BOOST_TEST(summary.json()["data"]["seller_ready"] == false);
    auto no_seller = server.get("/api/tax/coretax/2026-01/faktur.xml", finance);
    BOOST_TEST(no_seller.status == 422);
    BOOST_TEST(no_seller.body.find("company_npwp") != std::string::npos);
    set_settings(server, admin, {{"company_npwp", kCompanyNpwp}});

    auto file = server.get("/api/tax/coretax/2026-01/faktur.xml", finance);
    BOOST_TEST_REQUIRE(file.status == 200, file.body.substr(0, 300));
    BOOST_TEST(file.headers["content-type"].starts_with("application/xml"));
    BOOST_TEST(file.headers["content-disposition"].find("coretax-2026-01.xml") != std::string::npos);
    BOOST_TEST(schema_check(dir, file.body, "month.xml").starts_with("0:"), schema_check(dir, file.body, "month.xml"));
    BOOST_TEST(file.body.find("<TIN>0012345678901000</TIN>") != std::string::npos);
    BOOST_TEST(file.body.find("<BuyerName>CV &quot;Aman&quot; &amp; &lt;Sentosa&gt; &apos;Jaya&apos;</BuyerName>") != std::string::npos);
    BOOST_TEST(file.body.find("<BuyerDocumentNumber>3201014101900001</BuyerDocumentNumber>") != std::string::npos);
    BOOST_TEST(file.body.find("<TrxCode>04</TrxCode>") != std::string::npos);
    // Every faktur's figures are its invoice's stored ones.
    const std::string invoice_tax = server.scalar("SELECT tax FROM invoices WHERE customer_id = 1 AND period = '2026-01'");
    BOOST_TEST(file.body.find("<VAT>" + invoice_tax + "</VAT>") != std::string::npos, invoice_tax);

    // A second export of the month has nothing new; ?again=1 gives the month again.
    auto summary_after = server.get("/api/tax/coretax/2026-01", finance).json()["data"];
    BOOST_TEST(summary_after["pending"] == 0);
    BOOST_TEST(summary_after["exported"] == 2);
    BOOST_TEST(server.get("/api/tax/coretax/2026-01/faktur.xml", finance).status == 404);
    auto again = server.get("/api/tax/coretax/2026-01/faktur.xml?again=1", finance);
    BOOST_TEST_REQUIRE(again.status == 200);
    BOOST_TEST(again.body == file.body);

    // The export is audited, without the tax numbers.
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'tax.coretax_export'") == "2");
    BOOST_TEST(server.count_containing("SELECT COALESCE(after_json, '') FROM activity_log", kBuyerNpwp) == 0);

    // A structural check that can fail: the XSD refuses a file without its seller.
    std::string broken = file.body;
    broken.replace(broken.find("<TIN>"), std::string("<TIN>0012345678901000</TIN>").size(), "");
    BOOST_TEST(!schema_check(dir, broken, "broken.xml").starts_with("0:"));
}

BOOST_AUTO_TEST_CASE(a_month_of_1001_fakturs_comes_as_two_files) {
    TestServer server;
    TempDir dir;
    const std::string admin = server.login("admin");
    set_settings(server, admin, {{"company_npwp", kCompanyNpwp}});
    BOOST_TEST_REQUIRE(server.put("/api/customers/1", api::Json{{"npwp", kBuyerNpwp}, {"needs_faktur", true}}.dump(), admin).status == 200);
    auto db = store::Database::open(server.db_path());
    BOOST_TEST_REQUIRE(db.ok());
    auto inserted = (*db)->execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001) "
        "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, tax_rate_bp, "
        "tax_mode, paid_amount, status, created_at, tax_pkp, tax_dpp_numerator, tax_dpp_denominator, tax_base) "
        "SELECT 'T-' || i, 1, '2025-11', 'manual', 5000 + i, '2025-11-01', '2025-11-10', 150000, 16500, 166500, 1200, 'exclusive', 0, "
        "'unpaid', 0, 1, 11, 12, 137500 FROM n");
    BOOST_TEST_REQUIRE(inserted.ok(), (inserted ? "" : inserted.error().message()));
    (*db).reset();

    BOOST_TEST(server.get("/api/tax/coretax/2025-11", admin).json()["data"]["files"] == 2);
    const std::string before = server.snapshot();
    auto one_file = server.get("/api/tax/coretax/2025-11/faktur.xml", admin);
    BOOST_TEST(one_file.status == 422);
    BOOST_TEST(one_file.body.find("format") != std::string::npos);
    BOOST_TEST(server.snapshot() == before);

    auto archive = server.get("/api/tax/coretax/2025-11/faktur.zip", admin);
    BOOST_TEST_REQUIRE(archive.status == 200, archive.body.substr(0, 300));
    const std::string path = dir.file("coretax.zip");
    std::ofstream(path, std::ios::binary) << archive.body;
    const std::string listing = output_of("unzip -Z1 " + path);
    BOOST_TEST(listing == "0:coretax-2025-11-1.xml\ncoretax-2025-11-2.xml\n");
    const std::string second = output_of("unzip -p " + path + " coretax-2025-11-2.xml").substr(2);
    BOOST_TEST(second.find("<RefDesc>T-999</RefDesc>") != std::string::npos);  // ordered by number as text: T-1 … T-999 last
    BOOST_TEST(schema_check(dir, second, "second.xml").starts_with("0:"));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM invoices WHERE coretax_exported_at IS NOT NULL") == "1001");
}

BOOST_AUTO_TEST_CASE(lower_roles_and_strangers_cannot_export) {
    TestServer server;
    const std::string technician = server.login("technician");
    const std::string customer = server.login("CUST001");
    const std::string finance = server.login("finance");
    const std::string before = server.snapshot();
    for (const std::string& token : {technician, customer}) {
        const char* who = token == technician ? "technician" : "customer";
        BOOST_TEST(server.get("/api/tax/coretax/2026-01", token).status == 403, who);
        BOOST_TEST(server.get("/api/tax/coretax/2026-01/faktur.zip?again=1", token).status == 403, who);
        BOOST_TEST(server.put("/api/settings", R"({"pkp":"on"})", token).status == 403, who);
    }
    BOOST_TEST(server.get("/api/tax/coretax/2026-01/faktur.xml").status == 401);
    BOOST_TEST(server.get("/api/tax/coretax/2026-13", finance).status == 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
