// The invoice PDF by a signed link (GET /billing/invoice/<id>-<expires>-<signature>.pdf,
// services/invoice_pdf_link.hpp): what WhatsApp providers that take documents only by a link fetch,
// with no login. Seen from the attacker: a link opens only its own invoice and only until it
// expires; any edit of it, a guess, or a malformed one is a 404 that says nothing and writes
// nothing (not even the signing key); a voided invoice is gone; one link cannot be used to hammer
// the server, and that limit never blocks another customer's link from the same address.
#include <boost/test/unit_test.hpp>

#include "services/invoice_pdf_link.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct LinkFixture {
    TestServer server;
    std::string admin = server.login("admin");

    // A manual invoice for `service_number`; its id.
    std::int64_t invoice(const std::string& service_number) {
        const std::string customer = server.scalar("SELECT id FROM customers WHERE service_number = '" + service_number + "'");
        auto created = server.post("/api/invoices",
                                   R"({"customer_id":)" + customer + R"(,"lines":[{"description":"Internet Januari","quantity":1,"unit_price":150000}]})",
                                   admin);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return created.json()["data"]["id"].get<std::int64_t>();
    }

    // The link's path, as the send makes it.
    std::string link(std::int64_t invoice_id) {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        auto made = services::invoice_pdf_link(context, "", invoice_id);
        BOOST_TEST_REQUIRE(made.ok(), (made ? "" : made.error().message()));
        return *made;
    }

    HttpReply open(const std::string& path, const std::string& source_ip = "127.0.9.1") { return server.call("GET", path, "", {}, source_ip); }
};

// The parts of "/billing/invoice/<id>-<expires>-<signature>.pdf".
struct LinkParts {
    std::string id, expires, signature;
};
LinkParts parts_of(const std::string& path) {
    const std::string segment = path.substr(path.rfind('/') + 1, path.size() - path.rfind('/') - 1 - 4);
    const auto first = segment.find('-'), second = segment.find('-', first + 1);
    return {segment.substr(0, first), segment.substr(first + 1, second - first - 1), segment.substr(second + 1)};
}
std::string path_of(const LinkParts& parts) { return "/billing/invoice/" + parts.id + "-" + parts.expires + "-" + parts.signature + ".pdf"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(signed_invoice_link)

BOOST_AUTO_TEST_CASE(guesses_before_any_link_exists_are_404_and_write_nothing) {
    LinkFixture fixture;
    fixture.invoice("CUST001");
    const std::string before = fixture.server.snapshot();
    const std::string future = std::to_string(fixture.server.clock().now() + 3600);
    for (const std::string& path : {"/billing/invoice/1-" + future + "-" + std::string(64, '0') + ".pdf", std::string("/billing/invoice/1.pdf"),
                                    std::string("/billing/invoice/") + std::string(1000, '1')}) {
        const auto reply = fixture.open(path);
        BOOST_TEST(reply.status == 404, path.substr(0, 80) << " " << reply.body.substr(0, 200));
    }
    BOOST_TEST(fixture.server.snapshot() == before, "a guess made no signing key and changed nothing");
}

BOOST_AUTO_TEST_CASE(a_link_opens_its_own_invoice_and_any_edit_of_it_is_404) {
    LinkFixture fixture;
    const std::int64_t mine = fixture.invoice("CUST001");
    const std::int64_t theirs = fixture.invoice("CUST002");
    const std::string link = fixture.link(mine);
    const auto opened = fixture.open(link);
    BOOST_TEST_REQUIRE(opened.status == 200, opened.body.substr(0, 200));
    BOOST_TEST(opened.headers.at("content-type") == "application/pdf");
    BOOST_TEST(opened.body.starts_with("%PDF-"));
    const auto staff = fixture.server.get("/api/invoices/" + std::to_string(mine) + "/pdf", fixture.admin);
    BOOST_TEST(opened.body == staff.body, "the invoice's own PDF, as the staff see it");

    const LinkParts genuine = parts_of(link);
    std::vector<LinkParts> edits;
    edits.push_back({std::to_string(theirs), genuine.expires, genuine.signature});  // another invoice
    edits.push_back({genuine.id, std::to_string(std::stoll(genuine.expires) + 86400), genuine.signature});  // a longer life
    LinkParts flipped = genuine;
    flipped.signature[10] = flipped.signature[10] == 'a' ? 'b' : 'a';
    edits.push_back(flipped);
    LinkParts upper = genuine;
    for (char& c : upper.signature) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.signature != genuine.signature) edits.push_back(upper);
    edits.push_back({"0" + genuine.id, genuine.expires, genuine.signature});         // the same number spelled otherwise
    edits.push_back({genuine.id, genuine.expires, genuine.signature.substr(0, 63)});  // a shorter signature
    const std::string before = fixture.server.snapshot();
    for (const LinkParts& edit : edits) {
        const auto reply = fixture.open(path_of(edit));
        BOOST_TEST(reply.status == 404, path_of(edit));
        BOOST_TEST(reply.body.find("%PDF") == std::string::npos);
    }
    BOOST_TEST(fixture.open(link.substr(0, link.size() - 4)).status == 404, "without .pdf");
    BOOST_TEST(fixture.open(link + "x").status == 404);
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.open(link).status == 200, "the genuine link still opens");
}

BOOST_AUTO_TEST_CASE(a_link_expires_and_a_voided_invoice_is_gone) {
    LinkFixture fixture;
    const std::int64_t invoice = fixture.invoice("CUST001");
    const std::string link = fixture.link(invoice);
    fixture.server.clock().advance(services::kInvoiceLinkSeconds - 1);
    BOOST_TEST(fixture.open(link).status == 200, "open until its last second");
    fixture.server.clock().advance(1);
    BOOST_TEST(fixture.open(link).status == 404, "expired");

    const std::string fresh = fixture.link(invoice);
    BOOST_TEST_REQUIRE(fixture.open(fresh).status == 200);
    fixture.admin = fixture.server.login("admin");  // the week ended the first session
    auto voided = fixture.server.post("/api/invoices/" + std::to_string(invoice) + "/void", R"({"reason":"salah paket"})", fixture.admin);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(fixture.open(fresh).status == 404, "a voided invoice is not handed out");
}

BOOST_AUTO_TEST_CASE(one_link_is_limited_per_minute_and_never_blocks_another_customers_link) {
    LinkFixture fixture;
    const std::string mine = fixture.link(fixture.invoice("CUST001"));
    const std::string theirs = fixture.link(fixture.invoice("CUST002"));
    int opened = 0;
    HttpReply refused;
    for (int attempt = 0; attempt < 40; ++attempt) {
        refused = fixture.open(mine);
        if (refused.status != 200) break;
        ++opened;
    }
    BOOST_TEST(opened == 20, "the per-link allowance per minute");
    BOOST_TEST_REQUIRE(refused.status == 429, refused.body.substr(0, 200));
    BOOST_TEST(std::stoi(refused.headers.at("retry-after")) >= 1);
    BOOST_TEST(fixture.open(theirs).status == 200, "another customer's link from the same provider address still opens");
    fixture.server.clock().advance(60);
    BOOST_TEST(fixture.open(mine).status == 200, "a minute later it opens again");
}

BOOST_AUTO_TEST_SUITE_END()
