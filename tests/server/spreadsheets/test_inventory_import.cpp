// POST /api/imports/inventory (issue 21): one CSV with a type column builds OLT → PON → ODC → ODP, parents
// named from the database or from earlier rows; a dry run reports and writes nothing; a file with one
// bad row imports nothing and names each bad row and field.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr const char* kInventoryCsv =
    "type,name,olt,pon,odc,port_count,latitude,longitude,router,site\r\n"
    "olt,OLT-Pusat,,,,,-6.9147,107.6098,%ROUTER%,POP Pusat\r\n"
    "pon,0/1/1,OLT-Pusat,,,,,,,\r\n"
    "pon,0/1/2,OLT-Pusat,,,,,,,\r\n"
    "odc,ODC-01,OLT-Pusat,0/1/1,,,-6.9150,107.6100,,\r\n"
    "odp,ODP-01-01,,,ODC-01,8,\"-6,9151\",\"107,6101\",,\r\n"
    "odp,ODP-01-02,,,ODC-01,16,,,,\r\n";

struct ImportSession {
    TestServer server;
    std::string admin = server.login("admin");
    std::string csv() {
        std::string text = kInventoryCsv;
        text.replace(text.find("%ROUTER%"), 8, server.scalar("SELECT name FROM routers WHERE id = 1"));
        return text;
    }
    HttpReply upload(const std::string& file, bool dry_run) {
        return server.call("POST", std::string("/api/imports/inventory") + (dry_run ? "?dry_run=1" : ""), file, admin);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(inventory_import, ImportSession)

BOOST_AUTO_TEST_CASE(a_dry_run_counts_each_type_and_writes_nothing_then_the_import_builds_the_tree) {
    const std::string before = server.snapshot();
    const auto preview = upload(csv(), true);
    BOOST_TEST_REQUIRE(preview.status == 200, preview.body);
    const auto data = preview.json()["data"];
    BOOST_TEST(data["rows"] == 6);
    BOOST_TEST(data["valid"] == 6);
    BOOST_TEST(data["olts"] == 1);
    BOOST_TEST(data["pon_ports"] == 2);
    BOOST_TEST(data["odcs"] == 1);
    BOOST_TEST(data["odps"] == 2);
    BOOST_TEST(data["imported"] == 0);
    BOOST_TEST(server.snapshot() == before);

    const auto imported = upload(csv(), false);
    BOOST_TEST_REQUIRE(imported.status == 201, imported.body);
    BOOST_TEST(imported.json()["data"]["imported"] == 6);
    BOOST_TEST(server.scalar("SELECT router_id FROM olts WHERE name = 'OLT-Pusat'") == "1");
    BOOST_TEST(server.scalar("SELECT p.label FROM odcs d JOIN pon_ports p ON p.id = d.pon_port_id WHERE d.name = 'ODC-01'") == "0/1/1");
    BOOST_TEST(server.scalar("SELECT port_count FROM odps WHERE name = 'ODP-01-02'") == "16");
    BOOST_TEST(std::stod(server.scalar("SELECT latitude FROM odps WHERE name = 'ODP-01-01'")) == -6.9151);  // the decimal comma read
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM odps WHERE latitude IS NULL") == "1");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'inventory.import'") == "1");

    // The same file again: every name is taken now, so nothing more is imported.
    const std::string after = server.snapshot();
    const auto again = upload(csv(), false);
    BOOST_TEST(again.status == 422);
    BOOST_TEST(again.json()["data"]["invalid"] == 6);
    BOOST_TEST(server.snapshot() == after);
    // Rows may hang off what the database already has.
    const auto more = upload("type,name,odc,port_count\nodp,ODP-01-03,ODC-01,4\n", false);
    BOOST_TEST(more.status == 201, more.body);
}

BOOST_AUTO_TEST_CASE(one_bad_row_imports_nothing_and_each_bad_row_says_why) {
    const std::string file =
        "type,name,olt,pon,odc,port_count,latitude,longitude\n"
        "olt,OLT-A,,,,,-6.9,107.6\n"
        "pon,0/1/1,OLT-A,,,,,\n"
        "odc,ODC-A,OLT-A,0/1/9,,,,\n"           // row 4: no such PON port
        "odp,ODP-A,,,ODC-Z,8,,\n"               // row 5: no such ODC
        "odp,ODP-B,,,ODC-A,200,,\n"             // row 6: port count out of range (and its ODC was refused)
        "olt,OLT-B,,,,,95,107.6\n"              // row 7: latitude out of range
        "olt,OLT-A,,,,,,\n"                     // row 8: duplicate in the file
        "box,X,,,,,,\n";                        // row 9: unknown type
    const std::string before = server.snapshot();
    for (const bool dry_run : {true, false}) {
        const auto reply = upload(file, dry_run);
        BOOST_TEST(reply.status == (dry_run ? 200 : 422), reply.body);
        const auto data = reply.json()["data"];
        BOOST_TEST(data["valid"] == 2);
        BOOST_TEST(data["imported"] == 0);
        std::map<std::int64_t, api::Json> by_row;
        for (const auto& error : data["errors"]) by_row[error["row"].get<std::int64_t>()] = error["fields"];
        BOOST_TEST(by_row.size() == 6U);
        BOOST_TEST(by_row[4]["pon"] == "induk tidak dikenal (di database maupun di baris sebelumnya)");
        BOOST_TEST(by_row[5]["odc"] == "induk tidak dikenal (di database maupun di baris sebelumnya)");
        BOOST_TEST(by_row[6]["port_count"] == "jumlah port ODP 1–128");
        BOOST_TEST(by_row[7]["latitude"] == "lintang harus angka antara -90 dan 90");
        BOOST_TEST(by_row[8]["name"] == "nama ganda di berkas, baris: 2");
        BOOST_TEST(by_row[9]["type"] == "type: olt, pon, odc atau odp");
    }
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(upload("name,site\nOLT-A,x\n", true).status == 422);  // no type column
    BOOST_TEST(upload("", true).status == 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
