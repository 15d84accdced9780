#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

#include "billing_test_support.hpp"
#include "core/money.hpp"
#include "support/pdf_text.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

}  // namespace

BOOST_AUTO_TEST_SUITE(invoice_pdf)

BOOST_AUTO_TEST_CASE(pdf_contains_number_customer_total_and_status_stamp) {
    TestServer server;
    TempDir dir;
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const api::Json invoice = server.get("/api/invoices?per_page=1", token).json()["data"][0];
    const std::string id = std::to_string(invoice["id"].get<std::int64_t>());

    auto reply = server.get("/api/invoices/" + id + "/pdf", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body.substr(0, 300));
    BOOST_TEST(reply.headers["content-type"] == "application/pdf");
    BOOST_TEST_REQUIRE(reply.body.starts_with("%PDF-"));
    std::string text = pdf_text(dir, reply.body);
    BOOST_TEST(text.find(invoice["invoice_no"].get<std::string>()) != std::string::npos, text);
    BOOST_TEST(text.find(invoice["customer_name"].get<std::string>()) != std::string::npos, text);
    BOOST_TEST(text.find(format_rupiah(invoice["total"].get<std::int64_t>())) != std::string::npos, text);
    BOOST_TEST(text.find("BELUM LUNAS") != std::string::npos, text);
    BOOST_TEST(text.find("/billing/" + invoice["service_number"].get<std::string>()) != std::string::npos, text);
    BOOST_TEST(text.find("Jatuh tempo") != std::string::npos, text);

    auto paid = server.post("/api/payments", api::Json{{"invoice_id", invoice["id"]}, {"amount", invoice["total"]}, {"method", "cash"}}.dump(), token);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    text = pdf_text(dir, server.get("/api/invoices/" + id + "/pdf", token).body);
    BOOST_TEST(text.find("LUNAS") != std::string::npos, text);
    BOOST_TEST(text.find("BELUM LUNAS") == std::string::npos, text);
    if (const char* keep = std::getenv("KIMONET_KEEP_PDF")) std::ofstream(keep, std::ios::binary) << server.get("/api/invoices/" + id + "/pdf", token).body;
}

BOOST_AUTO_TEST_CASE(company_logo_setting_embeds_the_png_in_the_invoice) {
    TestServer server;
    const std::string token = server.login("superadmin");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const std::string id = std::to_string(server.get("/api/invoices?per_page=1", token).json()["data"][0]["id"].get<std::int64_t>());
    const std::string without_logo = server.get("/api/invoices/" + id + "/pdf", token).body;
    BOOST_TEST(without_logo.find("/Subtype /Image") == std::string::npos);

    const std::string logo = std::string(KIMONET_SOURCE_DIR) + "/assets/logo.png";
    auto saved = server.put("/api/settings", api::Json{{"company_logo", logo}}.dump(), token);
    BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    const std::string with_logo = server.get("/api/invoices/" + id + "/pdf", token).body;
    BOOST_TEST(with_logo.find("/Subtype /Image") != std::string::npos);

    // Not a PNG: refused with a field message, the stored setting unchanged.
    auto refused = server.put("/api/settings", R"({"company_logo":"/etc/passwd"})", token);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(refused.json()["error"]["fields"].contains("company_logo"));
    BOOST_TEST(server.get("/api/settings", token).json()["data"]["company_logo"] == logo);
}

BOOST_AUTO_TEST_SUITE_END()
