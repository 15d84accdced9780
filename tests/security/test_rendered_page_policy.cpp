// The pages the server renders for anyone (the bill check and its pay page, the gateways' way back,
// the isolir page, the promise page, the 429 page, the no-JavaScript pay redirect) were served with
// `script-src 'unsafe-inline'`: markup an attacker slipped past the escaping would have run. Now
// their policy allows exactly the page's own fixed script and style blocks (by SHA-256) and no
// inline event handler or style attribute, and every page is checked against its own policy: each
// <script> and <style> block's hash is in it, nothing else is inline, so the page works under it.
#include <sodium.h>

#include <boost/test/unit_test.hpp>
#include <regex>

#include "http/response.hpp"
#include "http/security_headers.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// "'sha256-…'" of `text`, as a browser computes it for an inline block.
std::string csp_hash(const std::string& text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char encoded[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(encoded, sizeof encoded, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return std::string("'sha256-") + encoded + "'";
}

// The sources of `name` (or default-src when the policy has no such directive), space-separated.
std::string directive(const std::string& policy, const std::string& name) {
    std::string fallback;
    std::size_t start = 0;
    while (start <= policy.size()) {
        std::size_t end = policy.find(';', start);
        if (end == std::string::npos) end = policy.size();
        std::string part = policy.substr(start, end - start);
        part.erase(0, part.find_first_not_of(' '));
        if (part.starts_with(name + " ")) return part.substr(name.size() + 1);
        if (part.starts_with("default-src ")) fallback = part.substr(12);
        start = end + 1;
    }
    return fallback;
}

// Every inline block of `tag` in `page`, and the page with those blocks' contents taken out.
std::vector<std::string> blocks(std::string& page, const std::string& tag) {
    std::vector<std::string> found;
    const std::string open = "<" + tag, close = "</" + tag + ">";
    for (std::size_t at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
        const std::size_t content = page.find('>', at);
        BOOST_TEST_REQUIRE(content != std::string::npos);
        BOOST_TEST(page.substr(at, content + 1 - at) == "<" + tag + ">", "a <" << tag << "> with attributes (src, nonce…)");
        const std::size_t end = page.find(close, content);
        BOOST_TEST_REQUIRE(end != std::string::npos);
        found.push_back(page.substr(content + 1, end - content - 1));
        page.erase(content + 1, end - content - 1);
    }
    return found;
}

// The page's policy has no 'unsafe-inline' (nor eval, nor another origin) for scripts or styles,
// and allows every inline block the page has, and the page has nothing inline a policy without
// 'unsafe-inline' would block: no on…= handler, no style= attribute, no javascript: URL.
void expect_strict_and_working(const HttpReply& reply, const std::string& where) {
    BOOST_TEST_CONTEXT(where) {
        BOOST_TEST_REQUIRE(reply.headers.contains("content-type"));
        BOOST_TEST_REQUIRE(reply.headers.at("content-type").starts_with("text/html"), reply.headers.at("content-type"));
        BOOST_TEST_REQUIRE(reply.headers.contains("content-security-policy"));
        const std::string policy = reply.headers.at("content-security-policy");
        const std::string scripts = directive(policy, "script-src"), styles = directive(policy, "style-src");
        for (const std::string* sources : {&scripts, &styles}) {
            BOOST_TEST(!sources->empty(), policy);
            for (const char* loose : {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "*", "data:", "http:", "https:", "blob:"})
                BOOST_TEST(sources->find(loose) == std::string::npos, loose << " in " << policy);
        }
        BOOST_TEST(directive(policy, "object-src") == "'none'");
        BOOST_TEST(directive(policy, "base-uri") == "'none'");
        std::string markup = reply.body;
        for (const auto& script : blocks(markup, "script")) BOOST_TEST(scripts.find(csp_hash(script)) != std::string::npos, "script not allowed: " << script.substr(0, 60));
        for (const auto& style : blocks(markup, "style")) BOOST_TEST(styles.find(csp_hash(style)) != std::string::npos, "style not allowed: " << style.substr(0, 60));
        static const std::regex handler(R"([\s"'/]on[a-zA-Z]+\s*=)"), style_attribute(R"([\s"'/]style\s*=)"), script_url(R"(javascript:)", std::regex::icase);
        std::smatch match;
        BOOST_TEST(!std::regex_search(markup, match, handler), "inline handler: " << (match.empty() ? "" : markup.substr(match.position(0), 80)));
        BOOST_TEST(!std::regex_search(markup, match, style_attribute), "style attribute: " << (match.empty() ? "" : markup.substr(match.position(0), 80)));
        BOOST_TEST(!std::regex_search(markup, script_url));
    }
}

struct PayingCustomer {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false}};
    std::string service_number, order_id;
    std::int64_t invoice = 0;

    PayingCustomer() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        apply_settings(server, gateway_simulator_settings(simulator, server.url("")));
        const std::string token = server.login("finance");
        BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token).status == 200);
        invoice = std::stoll(server.scalar("SELECT MIN(id) FROM invoices WHERE status <> 'paid'"));
        service_number = server.scalar("SELECT c.service_number FROM customers c JOIN invoices i ON i.customer_id = c.id WHERE i.id = " + std::to_string(invoice));
        auto paid = server.call("POST", "/billing/pay", api::Json{{"invoice_id", invoice}, {"gateway", "flip"}, {"method", "bni_va"}}.dump(), {}, "127.0.21.1");
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
        order_id = paid.json()["order_id"].get<std::string>();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rendered_page_policy)

BOOST_AUTO_TEST_CASE(every_public_html_page_allows_only_its_own_script_and_style) {
    PayingCustomer fixture;
    TestServer& server = fixture.server;
    const std::string before = server.snapshot();
    const std::string pppoe = server.scalar("SELECT pppoe_username FROM customers WHERE service_number = '" + fixture.service_number + "'");

    const auto page = server.get("/billing/" + fixture.service_number);  // a waiting payment: VA number, copy button, poll, pay forms
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST_REQUIRE(page.body.find("data-poll=\"" + fixture.order_id + "\"") != std::string::npos);
    BOOST_TEST_REQUIRE(page.body.find("class=\"copy\"") != std::string::npos);
    BOOST_TEST_REQUIRE(page.body.find("data-gateway=") != std::string::npos);
    expect_strict_and_working(page, "/billing/{number} with a payment waiting");
    expect_strict_and_working(server.get("/billing"), "/billing");
    expect_strict_and_working(server.get("/billing?nomor_layanan=" + fixture.service_number), "/billing?nomor_layanan=");
    expect_strict_and_working(server.get("/billing/TIDAKADA"), "/billing/{unknown}");
    const auto back = server.get("/billing?order_id=" + fixture.order_id);
    BOOST_TEST(back.body.find("sedang dikonfirmasi") != std::string::npos);
    expect_strict_and_working(back, "the gateway's way back");
    expect_strict_and_working(server.get("/isolir"), "/isolir");
    const auto isolir = server.get("/isolir?u=" + pppoe);
    BOOST_TEST_REQUIRE(isolir.body.find("a class=\"pay\"") != std::string::npos);
    expect_strict_and_working(isolir, "/isolir?u=");
    const auto promise = http_request("POST", server.url("/isolir/janji"), "token=00",
                                      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "text/html"}}, "127.0.21.2");
    BOOST_TEST(promise.status == 403);
    expect_strict_and_working(promise, "/isolir/janji refused");
    BOOST_TEST(server.snapshot() == before);

    // Without JavaScript the pay form posts and a page sends the browser back to the bill.
    const auto redirect = http_request("POST", server.url("/billing/pay"),
                                       "invoice_id=" + std::to_string(fixture.invoice) + "&nomor_layanan=" + fixture.service_number + "&choice=flip%3Abni_va",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}}, "127.0.21.3");
    BOOST_TEST(redirect.status == 200, redirect.body);
    BOOST_TEST(redirect.body.find("url=/billing/" + fixture.service_number) != std::string::npos, redirect.body);
    expect_strict_and_working(redirect, "the no-JavaScript pay redirect");

    // Over the page's limit: the 429 page.
    apply_settings(server, {{"billing_check_rate_per_minute", "1"}});
    HttpReply limited;
    for (int attempt = 0; attempt < 10 && limited.status != 429; ++attempt)
        limited = http_request("GET", server.url("/billing/TIDAKADA"), {}, {}, "127.0.21.4");
    BOOST_TEST_REQUIRE(limited.status == 429);
    expect_strict_and_working(limited, "429 page");

    // The customer's own address ({nomor}.<domain>) renders the same bill page.
    apply_settings(server, {{"billing_check_rate_per_minute", "0"}, {"billing_base_domain", "tagihan.example.id"}});
    const auto host = http_request("GET", server.url("/"), {}, {{"Host", fixture.service_number + ".tagihan.example.id"}}, "127.0.21.5");
    BOOST_TEST_REQUIRE(host.body.find("Cek Tagihan") != std::string::npos, host.body.substr(0, 200));
    expect_strict_and_working(host, "{nomor}.<domain>/");
}

// A page some future route renders without naming a policy gets the strict one by default.
BOOST_AUTO_TEST_CASE(an_html_answer_without_its_own_policy_gets_one_without_unsafe_inline) {
    http::Response response = http::html("<!doctype html><p>x</p>");
    http::add_security_headers(response);
    const std::string policy = response.headers.at("Content-Security-Policy");
    BOOST_TEST(policy.find("unsafe-inline") == std::string::npos, policy);
    BOOST_TEST(directive(policy, "script-src").find("'self'") == std::string::npos, "no script of ours is a file: " << policy);
}

BOOST_AUTO_TEST_SUITE_END()
