#include <boost/test/unit_test.hpp>
#include <set>

#include "server/spreadsheets/xlsx_fixture.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

HttpReply upload(TestServer& server, const std::string& file, bool dry_run, const std::string& token) {
    return server.call("POST", std::string("/api/imports/customers") + (dry_run ? "?dry_run=true" : ""), file, token);
}

std::int64_t customer_count(TestServer& server) { return std::stoll(server.scalar("SELECT COUNT(*) FROM customers")); }

// Row numbers (spreadsheet numbering, header = 1) of the reported errors.
std::vector<std::int64_t> error_rows(const api::Json& data) {
    std::vector<std::int64_t> rows;
    for (const auto& error : data["errors"]) rows.push_back(error["row"].get<std::int64_t>());
    return rows;
}

std::string big_csv(int count, const std::set<int>& bad_rows) {
    std::string csv = "No. Layanan,Nama,Telepon,Paket,Tanggal Daftar\r\n";
    for (int i = 1; i <= count; ++i) {
        const int row = i + 1;  // the header is row 1
        std::string phone = "0813" + std::to_string(20000000 + i);
        std::string package = "Home 10 Mbps";
        if (bad_rows.contains(row)) {
            if (row % 3 == 0) phone = "12ab";
            else if (row % 3 == 1) package = "Paket Hantu";
            else phone = "";
        }
        csv += "IMP" + std::to_string(100000 + i) + ",Pelanggan " + std::to_string(i) + "," + phone + "," + package + ",2025-07-01\r\n";
    }
    return csv;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_import)

BOOST_AUTO_TEST_CASE(dry_run_detects_indonesian_headers_and_reports_each_bad_row_without_writing) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string package = server.scalar("SELECT name FROM internet_packages ORDER BY id LIMIT 1");
    const std::string csv =
        "Nama;No. Layanan;Telepon/HP/WA;Alamat;Paket;Tanggal Daftar;Email;Router/Lokasi;Catatan\r\n"
        "Budi;IMP001;0812-3456-7001;\"Jl. Mawar 1; RT 2\";" + package + ";01/06/2025;budi@example.com;;x\r\n"
        "Sari;IMP002;12345;Jl. Melati;" + package + ";2025-06-02;;;\r\n"          // bad phone
        "Joko;IMP003;081234567003;Jl. Kenanga;Paket Hantu;2025-06-03;;;\r\n"     // unknown package
        "Ani;IMP001;081234567004;Jl. Anggrek;" + package + ";2025-06-04;;;\r\n"  // duplicate in the file
        "Dedi;CUST001;081234567005;Jl. Dahlia;" + package + ";45809;;;\r\n"      // taken in the database
        "\r\n"
        "Rina;;081234567006;Jl. Tulip;" + package + ";45809;;Router Hantu;\r\n"; // unknown router
    const std::string before = server.snapshot();
    auto reply = upload(server, csv, true, token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto data = reply.json()["data"];
    BOOST_TEST(data["format"].get<std::string>() == "csv");
    BOOST_TEST(data["rows"].get<std::int64_t>() == 6);
    BOOST_TEST(data["valid"].get<std::int64_t>() == 1);
    BOOST_TEST(data["columns"][1]["field"].get<std::string>() == "service_number");
    BOOST_TEST(data["columns"][2]["field"].get<std::string>() == "phone");
    BOOST_TEST(data["columns"][7]["field"].get<std::string>() == "router");
    BOOST_TEST(data["columns"][8]["field"].is_null());
    BOOST_TEST(error_rows(data) == (std::vector<std::int64_t>{3, 4, 5, 6, 8}), boost::test_tools::per_element());
    BOOST_TEST(data["errors"][0]["fields"].contains("phone"));
    BOOST_TEST(data["errors"][1]["fields"]["package"].get<std::string>() == "paket tidak dikenal: Paket Hantu");
    BOOST_TEST(data["errors"][2]["fields"]["service_number"].get<std::string>() == "nomor layanan ganda di berkas (baris 2)");
    BOOST_TEST(data["errors"][3]["fields"]["service_number"].get<std::string>() == "nomor layanan sudah dipakai");
    BOOST_TEST(data["errors"][4]["fields"].contains("router"));
    BOOST_TEST(data["preview"][0]["phone"].get<std::string>() == "6281234567001");
    BOOST_TEST(data["preview"][0]["address"].get<std::string>() == "Jl. Mawar 1; RT 2");
    BOOST_TEST(data["preview"][0]["join_date"].get<std::string>() == "2025-06-01");
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(ten_thousand_rows_with_three_bad_import_nothing_then_all_once_fixed) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::int64_t before = customer_count(server);
    auto rejected = upload(server, big_csv(10000, {1234, 5678, 9999}), false, token);
    BOOST_TEST_REQUIRE(rejected.status == 422, rejected.body.substr(0, 300));
    BOOST_TEST(rejected.error_code() == "validation_failed");
    const auto data = rejected.json()["data"];
    BOOST_TEST(error_rows(data) == (std::vector<std::int64_t>{1234, 5678, 9999}), boost::test_tools::per_element());
    BOOST_TEST(data["imported"].get<std::int64_t>() == 0);
    BOOST_TEST(customer_count(server) == before);

    auto imported = upload(server, big_csv(10000, {}), false, token);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body.substr(0, 300));
    BOOST_TEST(imported.json()["data"]["imported"].get<std::int64_t>() == 10000);
    BOOST_TEST(customer_count(server) == before + 10000);
    BOOST_TEST(server.scalar("SELECT phone FROM customers WHERE service_number = 'IMP110000'") == "6281320010000");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'customer.import'") == "1");
}

// Valid rows are written in chunks while the rest are still checked: a bad row after whole chunks
// are written must still import nothing, and once fixed every row is found by search at once.
BOOST_AUTO_TEST_CASE(a_bad_row_after_written_chunks_imports_nothing_and_imported_rows_are_found_by_search) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::int64_t before = customer_count(server);
    auto rejected = upload(server, big_csv(12000, {11500}), false, token);
    BOOST_TEST_REQUIRE(rejected.status == 422, rejected.body.substr(0, 300));
    BOOST_TEST(error_rows(rejected.json()["data"]) == (std::vector<std::int64_t>{11500}), boost::test_tools::per_element());
    BOOST_TEST(customer_count(server) == before);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'customer.import'") == "0");

    auto imported = upload(server, big_csv(12000, {}), false, token);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body.substr(0, 300));
    BOOST_TEST(customer_count(server) == before + 12000);
    for (const char* typed : {"IMP111999", "Pelanggan 11999", "081320011999"}) {
        auto found = server.get("/api/customers?q=" + api::url_encode(typed), token);
        BOOST_TEST_REQUIRE(found.status == 200, found.body);
        BOOST_TEST_REQUIRE(found.json()["data"].size() == 1u, typed << ": " << found.body.substr(0, 300));
        BOOST_TEST(found.json()["data"][0]["service_number"] == "IMP111999", typed);
    }
    auto again = upload(server, big_csv(12000, {}), false, token);  // the same file twice adds nothing
    BOOST_TEST_REQUIRE(again.status == 422, again.body.substr(0, 300));
    BOOST_TEST(customer_count(server) == before + 12000);
}

// The import writes by COPY on PostgreSQL (text format: backslash, tab, newline and \N mean
// something there) and by many rows per INSERT on SQLite: text carrying those characters must be
// stored as typed, and never shift a value into the next column or turn it into NULL.
BOOST_AUTO_TEST_CASE(text_with_copy_escape_characters_is_stored_exactly_as_written) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string package = server.scalar("SELECT name FROM internet_packages ORDER BY id LIMIT 1");
    const std::string address = "Jl. Mawar \\N\\ RT\t2\\t";
    const std::string csv = "No. Layanan,Nama,Telepon,Alamat,Paket,Tanggal Daftar\r\n"
                            "ESC001,\"Budi \\N\",081299990101,\"" + address + "\"," + package + ",2025-07-01\r\n"
                            "ESC002,\\N,081299990102,\\," + package + ",2025-07-01\r\n";
    auto reply = upload(server, csv, false, token);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE service_number = 'ESC001'") == "Budi \\N");
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE service_number = 'ESC001'") == address);
    BOOST_TEST(server.scalar("SELECT phone FROM customers WHERE service_number = 'ESC001'") == "6281299990101");
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE service_number = 'ESC002'") == "\\N");
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE service_number = 'ESC002'") == "\\");
    BOOST_TEST(server.scalar("SELECT phone FROM customers WHERE service_number = 'ESC002'") == "6281299990102");
}

BOOST_AUTO_TEST_CASE(xlsx_with_shared_and_inline_strings_serial_dates_and_formulas) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string package = server.scalar("SELECT name FROM internet_packages ORDER BY id LIMIT 1");
    // Row 2: shared strings, a numeric phone, a date serial, an empty cell skipped (no D2).
    // Row 3: a formula with a cached value for the name, inline strings.
    // Row 4: a formula never calculated (no <v>) in the phone column.
    const std::string shared = "<si><t>Nama Pelanggan</t></si><si><t>No HP</t></si><si><t>Paket</t></si><si><t>Tgl Daftar</t></si>"
                               "<si><t>Alamat</t></si><si><r><t>Siti </t></r><r><t>Aminah</t></r></si><si><t>" + package + "</t></si>";
    const std::string rows =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="s"><v>3</v></c></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2"><v>81234567890</v></c><c r="C2" t="s"><v>6</v></c><c r="E2" s="1"><v>45809</v></c></row>)"
        R"(<row r="3"><c r="A3" t="str"><f>CONCAT("Bu ","Tejo")</f><v>Bu Tejo</v></c><c r="B3" t="inlineStr"><is><t>0857-1111-2222</t></is></c><c r="C3" t="s"><v>6</v></c><c r="D3" t="inlineStr"><is><t>Jl. Inline</t></is></c></row>)"
        R"(<row r="4"><c r="A4" t="inlineStr"><is><t>Tanpa Nilai</t></is></c><c r="B4"><f>A1*2</f></c><c r="C4" t="s"><v>6</v></c></row>)";
    auto reply = upload(server, xlsx_bytes(rows, shared), true, token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto data = reply.json()["data"];
    BOOST_TEST(data["format"].get<std::string>() == "xlsx");
    BOOST_TEST(data["rows"].get<std::int64_t>() == 3);
    BOOST_TEST_REQUIRE(data["preview"].size() == 2u);
    BOOST_TEST(data["preview"][0]["name"].get<std::string>() == "Siti Aminah");
    BOOST_TEST(data["preview"][0]["phone"].get<std::string>() == "6281234567890");
    BOOST_TEST(data["preview"][0]["join_date"].get<std::string>() == "2025-06-01");
    BOOST_TEST(data["preview"][0]["address"].get<std::string>() == "");
    BOOST_TEST(data["preview"][1]["name"].get<std::string>() == "Bu Tejo");
    BOOST_TEST(data["preview"][1]["address"].get<std::string>() == "Jl. Inline");
    BOOST_TEST_REQUIRE(data["errors"].size() == 1u);
    BOOST_TEST(data["errors"][0]["row"].get<std::int64_t>() == 4);
    BOOST_TEST(data["errors"][0]["fields"]["phone"].get<std::string>().find("rumus") == 0u);
}

BOOST_AUTO_TEST_CASE(malformed_files_and_wrong_encodings_are_refused_with_a_file_error) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string before = server.snapshot();
    const auto refused = [&](const std::string& file, const std::string& why, const std::string& field = "file") {
        auto reply = upload(server, file, false, token);
        BOOST_TEST(reply.status == 422, why << ": " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), why);
    };
    refused(std::string("PK\x03\x04garbage that is no zip", 25), "truncated zip");
    refused(zip_bytes({{"hello.txt", "not a workbook"}}), "zip without a worksheet");
    refused(xlsx_bytes("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), "shared string index out of range");
    refused(xlsx_bytes("<row><c r=\"A1\"><v>1</v></c></row") , "broken XML");
    refused(std::string("\xFF\xFEN\0a\0m\0a\0", 10), "UTF-16 CSV");
    refused("Nama,Telepon,Paket\r\n\"Budi,0812,Home\r\n", "unterminated quote");
    refused("Nama,Alamat\r\nBudi,Jl. Mawar\r\n", "required columns missing", "phone");
    refused("", "empty body");
    BOOST_TEST(server.snapshot() == before);
    // A header-only file has nothing to import.
    auto header_only = upload(server, "Nama,Telepon,Paket\r\n", true, token);
    BOOST_TEST(header_only.status == 422);
}

BOOST_AUTO_TEST_CASE(windows_1252_csv_is_converted_and_said_so) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string package = server.scalar("SELECT name FROM internet_packages ORDER BY id LIMIT 1");
    // "José" and "Jl. Café" in Windows-1252 (é = 0xE9), as Excel's plain "CSV" writes them.
    const std::string csv = "Nama,Telepon,Paket,Alamat\r\nJos\xE9,081299990001," + package + ",Jl. Caf\xE9\r\n";
    auto reply = upload(server, csv, false, token);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    BOOST_TEST(reply.json()["data"]["encoding"].get<std::string>() == "windows-1252");
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE phone = '6281299990001'") == "Jos\xC3\xA9");
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE phone = '6281299990001'") == "Jl. Caf\xC3\xA9");
    BOOST_TEST(server.scalar("SELECT service_number FROM customers WHERE phone = '6281299990001'") == "CUST051");
}

BOOST_AUTO_TEST_CASE(importing_needs_customers_create) {
    TestServer server;
    auto reply = upload(server, "Nama,Telepon,Paket\r\nBudi,0812,X\r\n", true, server.login("finance"));
    BOOST_TEST(reply.status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
