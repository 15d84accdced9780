// Paging from the reader's side: every list route a staff role may read takes ?page and
// ?per_page, and a page far past the end must be an empty page, never the first one and never a
// 500. Until Dec 2026 the activity log, the notification log, the tickets and the landing page's
// registrations computed the offset as an int, (page - 1) * per_page, before widening it: page
// 2,147,483,647 with per_page 2 wrapped to offset -4, which SQLite reads as 0 (page 1 came back
// under page 2,147,483,647) and PostgreSQL refuses ("OFFSET must not be negative": a 500).
#include <boost/test/unit_test.hpp>

#include <map>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

// Each list route that pages, with the role that may read it in the demo data.
struct Listing {
    const char* path;
    const char* role;
};
constexpr Listing kListings[] = {
    {"/api/activity", "admin"},          {"/api/notifications", "admin"}, {"/api/tickets", "technician"},
    {"/api/leads", "admin"},             {"/api/customers", "admin"},     {"/api/invoices", "finance"},
    {"/api/payments", "finance"},        {"/api/credit-notes", "finance"}, {"/api/payments/transactions", "finance"},
    {"/api/bank-statements/lines", "finance"}, {"/api/jobs", "admin"},
    {"/api/technician-jobs", "admin"},
};

// The rows of a list answer, whichever envelope the route uses.
Json rows_of(const Json& body) {
    if (body.contains("data") && body["data"].is_array()) return body["data"];
    if (body.contains("data") && body["data"].is_object() && body["data"].contains("rows")) return body["data"]["rows"];
    if (body.contains("rows")) return body["rows"];
    return Json::array();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(list_paging)

BOOST_AUTO_TEST_CASE(a_page_far_past_the_end_is_empty_on_every_list_and_changes_nothing) {
    TestServer server;
    std::map<std::string, std::string> tokens;
    for (const char* role : {"admin", "finance", "technician"}) tokens[role] = server.login(role);
    // Something in every log: a ticket, a registration, a queued message, activity rows.
    auto ticket = server.post("/api/tickets", R"({"customer_id":2,"category":"device","priority":"normal","message":"ONT mati total"})", tokens["admin"]);
    BOOST_TEST_REQUIRE(ticket.status == 201, ticket.body);
    auto lead = server.post("/api/register", Json{{"name", "Sari Dewi"}, {"phone", "081211110001"}, {"email", "calon@example.id"},
                                                  {"address", "Jl. Kenanga 3, Cimahi"}, {"package_id", 1}}.dump());
    BOOST_TEST_REQUIRE(lead.status == 201, lead.body);
    const std::string before = server.snapshot();
    for (const auto& listing : kListings) {
        const std::string& token = tokens[listing.role];
        BOOST_TEST_CONTEXT(listing.path) {
            auto first = server.get(std::string(listing.path) + "?page=1&per_page=2", token);
            BOOST_TEST_REQUIRE(first.status == 200, first.body);
            for (const char* page : {"2147483647", "1073741825", "4294967297"}) {
                BOOST_TEST_CONTEXT("page " << page) {
                    auto far = server.get(std::string(listing.path) + "?page=" + page + "&per_page=2", token);
                    // Either an empty page or a 422 on `page`; never page 1's rows, never a 500.
                    BOOST_TEST((far.status == 200 || far.status == 422), far.status << " " << far.body);
                    if (far.status == 200) BOOST_TEST(rows_of(far.json()).empty(), far.body);
                    else BOOST_TEST(far.json()["error"]["fields"].contains("page"), far.body);
                }
            }
        }
    }
    BOOST_TEST(server.snapshot() == before, "reading a list changes nothing");
}

BOOST_AUTO_TEST_SUITE_END()
