// The settings screen's server side from the operator's (and an attacker's) seat: the company
// logo upload (content-sniffed PNG/JPEG, bounded, refused when it carries markup, role-gated,
// audited, used by the invoice PDF and the public bill page) and bank accounts as validated rows.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// A 16×16 baseline JPEG made for this test (Chromium's encoder, a blue square with a white corner).
const char* const kJpegHex = "ffd8ffe000104a46494600010100000100010000ffe201d84943435f50524f46494c45000101000001c800000000043000006d6e74725247422058595a2007e00001000100000000000061637370000000000000000000000000000000000000000000000000000000010000f6d6000100000000d32d0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000964657363000000f0000000247258595a00000114000000146758595a00000128000000146258595a0000013c00000014777470740000015000000014725452430000016400000028675452430000016400000028625452430000016400000028637072740000018c0000003c6d6c756300000000000000010000000c656e5553000000080000001c007300520047004258595a200000000000006fa2000038f50000039058595a2000000000000062990000b785000018da58595a2000000000000024a000000f840000b6cf58595a20000000000000f6d6000100000000d32d706172610000000000040000000266660000f2a700000d59000013d000000a5b00000000000000006d6c756300000000000000010000000c656e5553000000200000001c0047006f006f0067006c006500200049006e0063002e00200032003000310036ffdb0043000d090a0b0a080d0b0a0b0e0e0d0f13201513121213271c1e17202e2931302e292d2c333a4a3e333646372c2d405741464c4e525352323e5a615a50604a51524fffdb0043010e0e0e131113261515264f352d354f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4fffc00011080010001003012200021101031101ffc4001500010100000000000000000000000000000007ffc40014100100000000000000000000000000000000ffc40014010100000000000000000000000000000005ffc400191100010500000000000000000000000000110003041321ffda000c03010002110311003f00a72300663c7a4e928b79eb4600bfffd9";

std::string from_hex(const std::string& hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return bytes;
}

std::string demo_png() {
    std::ifstream file(std::string(KIMONET_SOURCE_DIR) + "/assets/logo.png", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

// The PNG with an extra chunk (type + data; the CRC is not checked by the sniffer) before IEND.
std::string png_with_chunk(const std::string& type, const std::string& data) {
    std::string png = demo_png();
    const std::size_t iend = png.size() - 12;
    std::string chunk;
    const auto length = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>((length >> shift) & 0xff);
    chunk += type + data + std::string(4, '\0');
    return png.insert(iend, chunk);
}

HttpReply upload(TestServer& server, const std::string& bytes, const std::string& token, const std::string& content_type = "image/png") {
    return http_request("POST", server.url("/api/settings/logo"), bytes, {{"Authorization", "Bearer " + token}, {"Content-Type", content_type}});
}

std::string logo_field(const HttpReply& reply) {
    const auto body = reply.json();
    return body.contains("error") && body["error"].contains("fields") && body["error"]["fields"].contains("logo")
               ? body["error"]["fields"]["logo"].get<std::string>() : std::string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_upload)

BOOST_AUTO_TEST_CASE(a_png_logo_is_stored_served_printed_and_audited) {
    TestServer server;
    const std::string token = server.login("admin");
    BOOST_TEST(server.get("/api/logo").status == 404);
    // The browser's file name and type are not believed: the bytes say PNG.
    auto saved = upload(server, demo_png(), token, "application/octet-stream");
    BOOST_TEST_REQUIRE(saved.status == 201, saved.body);
    BOOST_TEST(saved.json()["data"]["content_type"] == "image/png");
    BOOST_TEST(saved.json()["data"]["width"] == 256);
    auto served = server.get("/api/logo");  // public: the bill page shows it without a session
    BOOST_TEST(served.status == 200);
    BOOST_TEST(served.body == demo_png());
    BOOST_TEST(server.get("/billing").body.find("<img class=\"logo\" src=\"/api/logo\"") != std::string::npos);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'settings.logo'") == "1");
    const auto settings = server.get("/api/settings", token).json();
    BOOST_TEST_REQUIRE(settings.contains("logo"), settings.dump().substr(0, 300));
    BOOST_TEST(settings["data"].contains("company_logo_image") == false);
    BOOST_TEST(settings["logo"]["content_type"] == "image/png");
    BOOST_TEST(settings["logo"]["height"] == 256);

    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const std::string id = std::to_string(server.get("/api/invoices?per_page=1", token).json()["data"][0]["id"].get<std::int64_t>());
    BOOST_TEST(server.get("/api/invoices/" + id + "/pdf", token).body.find("/Subtype /Image") != std::string::npos);

    BOOST_TEST(server.del("/api/settings/logo", token).status == 200);
    BOOST_TEST(server.get("/api/logo").status == 404);
    BOOST_TEST(server.get("/billing").body.find("/api/logo") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_jpeg_logo_is_accepted_and_printed) {
    TestServer server;
    const std::string token = server.login("superadmin");
    const std::string jpeg = from_hex(kJpegHex);
    auto saved = upload(server, jpeg, token, "image/png");  // a wrong Content-Type changes nothing
    BOOST_TEST_REQUIRE(saved.status == 201, saved.body);
    BOOST_TEST(saved.json()["data"]["content_type"] == "image/jpeg");
    BOOST_TEST(saved.json()["data"]["width"] == 16);
    BOOST_TEST(saved.json()["data"]["height"] == 16);
    auto served = server.get("/api/logo");
    BOOST_TEST(served.body == jpeg);
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const std::string id = std::to_string(server.get("/api/invoices?per_page=1", token).json()["data"][0]["id"].get<std::int64_t>());
    BOOST_TEST(server.get("/api/invoices/" + id + "/pdf", token).body.find("/DCTDecode") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(oversize_svg_polyglot_and_broken_files_are_refused_and_nothing_changes) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string before = server.snapshot();
    const std::string oversize = png_with_chunk("zzZz", std::string(300u << 10, 'a'));
    BOOST_TEST(upload(server, oversize, token).status == 422);
    BOOST_TEST(logo_field(upload(server, oversize, token)) == "logo paling besar 256 KB");
    const std::string svg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>)";
    BOOST_TEST(logo_field(upload(server, svg, token, "image/png")) == "logo berisi teks HTML/skrip, tidak diterima");
    const std::string clean_svg = R"(<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>)";
    BOOST_TEST(upload(server, clean_svg, token, "image/svg+xml").status == 422);
    // Polyglots: a valid PNG carrying a script in a text chunk, and one with HTML after IEND.
    BOOST_TEST(logo_field(upload(server, png_with_chunk("tEXt", "Comment <script>alert(document.cookie)</script>"), token)) ==
               "logo berisi teks HTML/skrip, tidak diterima");
    BOOST_TEST(logo_field(upload(server, demo_png() + "<html><body>x</body></html>", token)) == "logo berisi teks HTML/skrip, tidak diterima");
    BOOST_TEST(logo_field(upload(server, demo_png() + "trailing", token)) == "logo harus gambar PNG atau JPEG yang utuh");
    BOOST_TEST(logo_field(upload(server, demo_png().substr(0, 200), token)) == "logo harus gambar PNG atau JPEG yang utuh");
    BOOST_TEST(logo_field(upload(server, from_hex(kJpegHex).substr(0, 300), token)) == "logo harus gambar PNG atau JPEG yang utuh");
    // Too many pixels a side (the IHDR says 4096 wide).
    std::string huge = demo_png();
    huge[16] = 0, huge[17] = 0, huge[18] = 0x10, huge[19] = 0;
    BOOST_TEST(logo_field(upload(server, huge, token)) == "ukuran logo 16-1024 piksel per sisi");
    BOOST_TEST(logo_field(upload(server, "", token)) == "pilih file logo (PNG atau JPEG)");
    BOOST_TEST(upload(server, std::string((1u << 20) + 1, 'x'), token).status == 413);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.get("/api/logo").status == 404);
}

BOOST_AUTO_TEST_CASE(only_a_role_that_may_change_settings_uploads_a_logo) {
    TestServer server;
    const std::string before = server.snapshot();
    for (const char* role : {"finance", "technician"}) {
        auto refused = upload(server, demo_png(), server.login(role));
        BOOST_TEST(refused.status == 403, role);
        BOOST_TEST(server.del("/api/settings/logo", server.login(role)).status == 403, role);
    }
    BOOST_TEST(http_request("POST", server.url("/api/settings/logo"), demo_png(), {{"Content-Type", "image/png"}}).status == 401);
    BOOST_TEST(server.get("/api/logo").status == 404);
    (void)before;
}

BOOST_AUTO_TEST_CASE(bank_accounts_are_rows_checked_by_the_server) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string rows = "BCA 1234567890 a.n. PT Kimonet Net|Bank Jago 100200300 a.n. Siti Rahayu";
    auto saved = server.put("/api/settings", api::Json{{"bank_accounts", rows}}.dump(), token);
    BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    BOOST_TEST(saved.json()["data"]["bank_accounts"] == rows);
    for (const auto& [bad, message] : std::vector<std::pair<std::string, std::string>>{
             {"BCA 12-34-56 a.n. X", "baris 1: nomor rekening hanya angka"},
             {rows + "|Mandiri 1300012345678", "baris 3: nomor rekening 5-20 angka"},
             {"BCA 1234567890 a.n. ", "baris 1: nomor rekening 5-20 angka"}}) {
        auto refused = server.put("/api/settings", api::Json{{"bank_accounts", bad}}.dump(), token);
        BOOST_TEST(refused.status == 422, bad);
        BOOST_TEST(refused.json()["error"]["fields"]["bank_accounts"] == message, bad);
    }
    BOOST_TEST(server.get("/api/settings", token).json()["data"]["bank_accounts"] == rows);
}

BOOST_AUTO_TEST_CASE(the_whatsapp_status_says_why_messages_wait) {
    TestServer server;
    std::string token = server.login("admin");
    auto reason = [&] {
        const auto reply = server.get("/api/whatsapp/status", token);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"]["waiting"];
    };
    BOOST_TEST(reason()["reason"] == "none");
    BOOST_TEST_REQUIRE(server.post("/api/whatsapp/test", R"({"phone":"081234567890","message":"Tes"})", token).status < 300);
    BOOST_TEST(reason()["reason"] == "unconfigured");
    // A gateway that refuses connections at once; 23:00 local is inside the default quiet hours.
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"whatsapp_api_url":"http://127.0.0.1:9"})", token).status == 200);
    server.clock().set(unix_from_local(LocalDateTime{{2026, 1, 15}, 23, 0, 0}, UtcOffset{420}));
    token = server.login("admin");  // a session idles out over the hours the clock moved
    BOOST_TEST(reason()["reason"] == "quiet_hours");
    BOOST_TEST(reason()["until"] == "07:00");
    server.clock().set(unix_from_local(LocalDateTime{{2026, 1, 16}, 10, 0, 0}, UtcOffset{420}));
    token = server.login("admin");
    BOOST_TEST(reason()["reason"] == "rate_limit");
    BOOST_TEST(reason()["seconds"] == 2);
}

BOOST_AUTO_TEST_SUITE_END()
