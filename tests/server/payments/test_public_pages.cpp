// The public pages as a customer meets them, over real HTTP: a QRIS payment on the bill page is a
// QR image that a scanner reads back as the gateway's QR string (zbarimg, from zbar-tools), a
// virtual account is labelled as one, and {nomor_layanan}.<billing_base_domain> opens that
// customer's bill page whatever the case or port of the Host header (and follows a change of the
// setting made through another server within its stated bound); a payment's expiry reads as
// Indonesians write it, in the configured zone.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <regex>

#include "http/qr_svg.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/gateway_settings.hpp"
#include "support/second_server.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct PublicPages {
    TestServer server;
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false, .retry_delay_ms = 50, .max_retries = 2}};

    PublicPages() {
        BOOST_TEST_REQUIRE(simulator.start().ok());
        simulator.set_callback_base(server.url(""));
        configure(gateway_simulator_settings(simulator, server.url("")));
        const std::string token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }

    void configure(const std::map<std::string, std::string>& values) {
        apply_settings(server, values);
    }

    // CUST001's oldest open invoice.
    std::int64_t open_invoice() {
        return std::stoll(server.scalar("SELECT MIN(i.id) FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                        "WHERE c.service_number = 'CUST001' AND i.status <> 'paid'"));
    }
    HttpReply pay(std::int64_t invoice_id, const std::string& gateway, const std::string& method) {
        return server.post("/billing/pay", api::Json{{"invoice_id", invoice_id}, {"gateway", gateway}, {"method", method}}.dump());
    }
    HttpReply with_host(const std::string& method, const std::string& host) {
        return http_request(method, server.url("/"), "", {{"Host", host}});
    }
};

// The first <svg class="qr" …>…</svg> of `html`, or "".
std::string first_qr_svg(const std::string& html) {
    const auto start = html.find("<svg class=\"qr\"");
    if (start == std::string::npos) return {};
    const auto end = html.find("</svg>", start);
    return end == std::string::npos ? std::string() : html.substr(start, end + 6 - start);
}

// What a scanner reads from the SVG: its dark runs ("Mx yhNv1h-Nz") painted into a greyscale
// image, 6 pixels a module, then zbarimg.
std::string scan(const std::string& svg, const std::string& file) {
    std::smatch box;
    BOOST_TEST_REQUIRE(std::regex_search(svg, box, std::regex("viewBox=\"0 0 (\\d+) \\1\"")), svg.substr(0, 200));
    const int side = std::stoi(box[1]), scale = 6, pixels = side * scale;
    std::vector<unsigned char> image(static_cast<std::size_t>(pixels * pixels), 255);
    const std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    int runs = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), run); it != std::sregex_iterator(); ++it, ++runs) {
        const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), length = std::stoi((*it)[3]);
        for (int py = y * scale; py < (y + 1) * scale; ++py)
            for (int px = x * scale; px < (x + length) * scale; ++px) image[static_cast<std::size_t>(py * pixels + px)] = 0;
    }
    BOOST_TEST_REQUIRE(runs > 50);
    {
        std::ofstream out(file, std::ios::binary);
        out << "P5\n" << pixels << " " << pixels << "\n255\n";
        out.write(reinterpret_cast<const char*>(image.data()), static_cast<std::streamsize>(image.size()));
    }
    FILE* pipe = popen(("zbarimg --raw -q " + file + " 2>/dev/null").c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    std::string text;
    char buffer[512];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, read);
    BOOST_TEST(pclose(pipe) == 0, "zbarimg (zbar-tools, scripts/deps.sh): " << text);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(public_pages)

// Two bills owed: the older (the one dunning acts on first) comes first; each pay button names the
// bill it pays (a screen reader's list of buttons is otherwise "Bayar dengan BCA Virtual Account"
// once per bill), and what a payment shows is announced where it appears.
BOOST_FIXTURE_TEST_CASE(the_oldest_bill_comes_first_and_each_button_names_its_bill, PublicPages) {
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false,"dry_run":false})", token).status == 200);
    const std::string january = server.scalar("SELECT i.invoice_no FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                              "WHERE c.service_number = 'CUST001' AND i.period = '2026-01'");
    const std::string february = server.scalar("SELECT i.invoice_no FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                               "WHERE c.service_number = 'CUST001' AND i.period = '2026-02'");
    const auto page = server.get("/billing/CUST001");
    BOOST_TEST_REQUIRE(page.status == 200);
    const auto first = page.body.find("<b>" + january + "</b>"), second = page.body.find("<b>" + february + "</b>");
    BOOST_TEST_REQUIRE(first != std::string::npos);
    BOOST_TEST_REQUIRE(second != std::string::npos);
    BOOST_TEST(first < second, "January's bill before February's");
    BOOST_TEST(page.body.find("aria-label=\"Bayar " + january + " (Januari 2026) dengan ") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("aria-label=\"Bayar " + february + " (Februari 2026) dengan ") != std::string::npos);
    BOOST_TEST(page.body.find("aria-live=\"polite\"") != std::string::npos, "payment details are announced");
}

BOOST_AUTO_TEST_CASE(a_qris_payment_is_a_qr_image_that_scans_as_the_gateways_string_not_a_va_number) {
    PublicPages pages;
    TempDir dir;
    auto paid = pages.pay(pages.open_invoice(), "flip", "qris");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string qr_string = paid.json()["qr_string"];
    BOOST_TEST_REQUIRE(qr_string.starts_with("000201"));
    // The pay answer carries the drawing the page's script shows at once.
    const std::string answered = paid.json()["qr_svg"];
    BOOST_TEST(scan(answered, dir.file("answer.pgm")) == qr_string);

    // Coming back to the page: the live payment is drawn by the server.
    auto page = pages.server.get("/billing/cust001");
    BOOST_TEST_REQUIRE(page.status == 200);
    const std::string svg = first_qr_svg(page.body);
    BOOST_TEST_REQUIRE(!svg.empty(), page.body);
    BOOST_TEST(scan(svg, dir.file("page.pgm")) == qr_string);
    BOOST_TEST(svg.find("role=\"img\" aria-label=\"Kode QRIS\"") != std::string::npos);
    BOOST_TEST(page.body.find("Pindai kode QRIS") != std::string::npos);
    // Flip repeats the QR string as the "account number": it is not shown as a number to type.
    BOOST_TEST(page.body.find(qr_string) == std::string::npos);
    BOOST_TEST(page.body.find("<p>Nomor virtual account:</p>") == std::string::npos);
    BOOST_TEST(page.body.find("<p>Kode bayar:</p>") == std::string::npos);
    BOOST_TEST(page.body.find("(flip)") == std::string::npos);  // no gateway names for the customer
}

BOOST_AUTO_TEST_CASE(a_pending_payment_says_until_when_as_indonesians_read_it) {
    PublicPages pages;
    // The server's clock is at 2026-01-15 09:00 WIB: 897 minutes later is 23:57 the same day.
    pages.configure({{"payment_expiry_minutes", "897"}});
    auto paid = pages.pay(pages.open_invoice(), "flip", "qris");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string expiry = pages.server.scalar("SELECT expires_at FROM gateway_transactions WHERE order_id = '" +
                                                   paid.json()["order_id"].get<std::string>() + "'");
    BOOST_TEST_REQUIRE(std::stoll(expiry) == pages.server.clock().now() + 897 * 60);
    // The answer the page's script shows at once, and the page drawn by the server on coming back.
    BOOST_TEST(paid.json()["expires_text"] == "15 Januari 2026 pukul 23.57 WIB");
    BOOST_TEST(paid.json()["expires_at"] == "2026-01-15 23:57:00");  // unchanged for API clients
    const std::string page = pages.server.get("/billing/cust001").body;
    BOOST_TEST(page.find("<small>Berlaku sampai 15 Januari 2026 pukul 23.57 WIB</small>") != std::string::npos, page);
    BOOST_TEST(page.find("2026-01-15 23:57") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_full_length_qris_payload_still_scans) {
    // A dynamic QRIS payload as the gateways send it (EMVCo tags, merchant PAN, amount, CRC): ~200
    // characters, a version 9 symbol, where a drawing error would show.
    const std::string payload =
        "00020101021226670016COM.NOBUBANK.WWW01189360050300000488170214080200000005380303UMI51440014ID.CO.QRIS.WWW0215"
        "ID20232790823290303UMI5204481653033605406152000.05802ID5913KIMONET NET6007BANDUNG61054011162070703A0163046C1E";
    TempDir dir;
    auto svg = http::qr_svg(payload, "Kode QRIS");
    BOOST_TEST_REQUIRE(svg.ok());
    BOOST_TEST(scan(*svg, dir.file("long.pgm")) == payload);
    BOOST_TEST(svg->size() < 16u * 1024u);  // light enough for a 512 kbps isolated line
}

BOOST_AUTO_TEST_CASE(a_virtual_account_is_labelled_as_one_and_has_no_qr) {
    PublicPages pages;
    auto paid = pages.pay(pages.open_invoice(), "flip", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string code = paid.json()["payment_code"];
    BOOST_TEST_REQUIRE(!code.empty());
    BOOST_TEST(paid.json()["qr_svg"] == "");
    auto page = pages.server.get("/billing/CUST001");
    BOOST_TEST(page.body.find("<p>Nomor virtual account:</p><div class=\"code\">" + code + "</div>") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("BNI Virtual Account, bayar") != std::string::npos);
    BOOST_TEST(first_qr_svg(page.body).empty());
    // The number is typed into a banking app: one tap copies it.
    BOOST_TEST(page.body.find("data-copy=\"" + code + "\">Salin nomor</button>") != std::string::npos, page.body);
    // With a payment waiting, the other methods fold under a summary, after the number: the page
    // shows how to pay what was started rather than inviting a second payment.
    const auto folded = page.body.find("<details><summary>Pilih metode pembayaran lain</summary>");
    BOOST_TEST_REQUIRE(folded != std::string::npos, page.body);
    BOOST_TEST(page.body.find(code) < folded);
    BOOST_TEST(page.body.find("Bayar dengan", folded) != std::string::npos);
    BOOST_TEST(page.body.rfind("Bayar dengan", folded) == std::string::npos, "no pay button before the fold");
}

// Without JavaScript the bill page's pay buttons post a form and the server sends the browser back
// to that bill page. The way back names the page the form came from, and only when it is the
// invoice's customer's: a stranger posting invoice ids learns no service number from it.
BOOST_AUTO_TEST_CASE(a_pay_form_without_javascript_comes_back_to_its_own_bill_page_only) {
    PublicPages pages;
    const std::int64_t invoice = pages.open_invoice();
    auto page = pages.server.get("/billing/CUST001");
    BOOST_TEST_REQUIRE(page.status == 200);
    BOOST_TEST(page.body.find("<input type=\"hidden\" name=\"nomor_layanan\" value=\"CUST001\">") != std::string::npos, page.body);
    auto post_form = [&](const std::string& form) {
        return http_request("POST", pages.server.url("/billing/pay"), form, {{"Content-Type", "application/x-www-form-urlencoded"}});
    };
    const std::string choice = "invoice_id=" + std::to_string(invoice) + "&choice=flip%3Abni_va";
    auto own = post_form(choice + "&nomor_layanan=cust001");
    BOOST_TEST_REQUIRE(own.status == 200, own.body);
    BOOST_TEST(own.body.find("url=/billing/CUST001\"") != std::string::npos, own.body);
    for (const std::string& stranger : {choice, choice + "&nomor_layanan=CUST002"}) {
        auto answer = post_form(stranger);
        BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
        BOOST_TEST(answer.body.find("url=/billing\"") != std::string::npos, answer.body);
        BOOST_TEST(answer.body.find("CUST0") == std::string::npos, answer.body);
    }
}

BOOST_AUTO_TEST_CASE(a_customer_address_opens_that_customers_bill_page_in_any_case_and_with_a_port) {
    PublicPages pages;
    // Off by default: a customer-shaped host is the normal site.
    const HttpReply normal = pages.with_host("GET", "billing.example.id");
    BOOST_TEST(pages.with_host("GET", "cust001.billing.example.id").body == normal.body);
    pages.configure({{"billing_base_domain", "billing.example.id"}});
    const std::string bill = pages.server.get("/billing/CUST001").body;
    for (const char* host : {"cust001.billing.example.id", "CUST001.Billing.Example.ID", "cust001.billing.example.id:8443",
                             "cust001.billing.example.id."}) {
        BOOST_TEST_CONTEXT(host) {
            const HttpReply page = pages.with_host("GET", host);
            BOOST_TEST(page.status == 200);
            BOOST_TEST(page.headers.at("content-type").starts_with("text/html"));
            BOOST_TEST(page.body == bill);
            BOOST_TEST(page.headers.at("cache-control") == "no-store");
        }
    }
    const HttpReply head = pages.with_host("HEAD", "cust001.billing.example.id");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.body.empty());
    // The base itself, another customer's depth of name and other hosts are the normal site.
    for (const char* host : {"billing.example.id", "www.cust001.billing.example.id", "cust001.example.id", "127.0.0.1", "[::1]:8080"}) {
        BOOST_TEST_CONTEXT(host) {
            const HttpReply other = pages.with_host("GET", host);
            BOOST_TEST(other.status == normal.status);
            BOOST_TEST(other.body == normal.body);
        }
    }
    // Another customer gets their own page.
    BOOST_TEST(pages.with_host("GET", "cust002.billing.example.id").body == pages.server.get("/billing/CUST002").body);
}

// Uptime monitors and link checkers ask with HEAD (RFC 9110 9.3.2: the GET's answer without its
// body). A public page or the health check answered 405, so a monitor reported the ISP down. Staff
// routes keep refusing it: HEAD stands in for GET only where anyone may GET.
BOOST_AUTO_TEST_CASE(a_monitors_head_gets_the_public_gets_answer_without_its_body) {
    PublicPages pages;
    for (const char* path : {"/api/health", "/billing/CUST001", "/billing", "/api/packages/public", "/isolir"}) {
        BOOST_TEST_CONTEXT(path) {
            const HttpReply get = pages.server.get(path);
            const HttpReply head = http_request("HEAD", pages.server.url(path), "", {});
            BOOST_TEST(head.status == get.status);
            BOOST_TEST(head.body.empty());
            BOOST_TEST(head.headers.at("content-type") == get.headers.at("content-type"));
            BOOST_TEST(head.headers.at("content-length") == std::to_string(get.body.size()));
        }
    }
    const HttpReply staff = http_request("HEAD", pages.server.url("/api/customers"), "", {});
    BOOST_TEST(staff.status == 405);
}

BOOST_AUTO_TEST_CASE(a_base_domain_changed_on_another_server_takes_effect_here_within_five_seconds) {
    PublicPages pages;  // the first server
    TestServer second{TestServer::Existing{another_servers_url(pages.server.db_path()), pages.server.secret_key_file()}};
    const auto on = [](TestServer& server, const char* host) { return http_request("GET", server.url("/"), "", {{"Host", host}}); };
    const std::string normal = on(pages.server, "billing.example.id").body;
    const std::string bill = pages.server.get("/billing/CUST001").body;
    BOOST_TEST_REQUIRE(bill != normal);
    // Both servers have read the setting (off) and keep it.
    BOOST_TEST(on(pages.server, "cust001.billing.example.id").body == normal);
    BOOST_TEST(on(second, "cust001.billing.example.id").body == normal);

    const std::string token = second.login("admin");
    BOOST_TEST_REQUIRE(second.put("/api/settings", R"({"billing_base_domain":"billing.example.id"})", token).status == 200);
    // The server that wrote it: at once.
    BOOST_TEST(on(second, "cust001.billing.example.id").body == bill);
    // The other: within five seconds of its clock, and not before (what it kept is used until then).
    pages.server.clock().advance(4);
    BOOST_TEST(on(pages.server, "cust001.billing.example.id").body == normal);
    pages.server.clock().advance(1);
    BOOST_TEST(on(pages.server, "cust001.billing.example.id").body == bill);

    // Turned off again on the second server: the first stops answering for customers as promptly.
    BOOST_TEST_REQUIRE(second.put("/api/settings", R"({"billing_base_domain":""})", token).status == 200);
    BOOST_TEST(on(second, "cust001.billing.example.id").body == normal);
    pages.server.clock().advance(5);
    BOOST_TEST(on(pages.server, "cust001.billing.example.id").body == normal);

    // A change made through the first server itself needs no wait there.
    pages.configure({{"billing_base_domain", "billing.example.id"}});
    BOOST_TEST(on(pages.server, "cust001.billing.example.id").body == bill);
}

BOOST_AUTO_TEST_CASE(billing_base_domain_takes_a_bare_lower_case_domain_name) {
    PublicPages pages;
    const std::string token = pages.server.login("admin");
    for (const char* bad : {"https://billing.example.id", "billing.example.id:8080", "Billing.Example.ID", ".example.id", "a..b", "bill ing.id"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto refused = pages.server.put("/api/settings", api::Json{{"billing_base_domain", bad}}.dump(), token);
            BOOST_TEST(refused.status == 422);
            BOOST_TEST(refused.json()["error"]["fields"].contains("billing_base_domain"));
        }
    }
    BOOST_TEST(pages.server.put("/api/settings", R"({"billing_base_domain":"tagihan.kimonet.id"})", token).status == 200);
    BOOST_TEST(pages.server.put("/api/settings", R"({"billing_base_domain":""})", token).status == 200);
}


// After paying on Duitku's or Midtrans' page the customer's browser comes back to /billing with the
// gateway's order id in the query (Duitku: merchantOrderId, Midtrans: order_id). The page says what
// happened to that payment, as our records have it (never the gateway's word in the query), and
// nothing more than GET /billing/status/{order_id} tells the holder of that id: no service number,
// no name. An unknown order id gets the plain page, byte for byte.
BOOST_AUTO_TEST_CASE(coming_back_from_the_gateway_says_whether_the_payment_arrived_and_nothing_more) {
    PublicPages pages;
    auto paid = pages.pay(pages.open_invoice(), "duitku", "bni_va");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    const std::string order = paid.json()["order_id"];
    const std::string plain = pages.server.get("/billing").body;

    auto waiting = pages.server.get("/billing?merchantOrderId=" + order + "&resultCode=00&reference=x");
    BOOST_TEST_REQUIRE(waiting.status == 200);
    BOOST_TEST(waiting.body.find("role=\"status\"") != std::string::npos, waiting.body);
    BOOST_TEST(waiting.body.find("Pembayaran Anda sedang dikonfirmasi") != std::string::npos, waiting.body);
    BOOST_TEST(waiting.body.find("CUST001") == std::string::npos, waiting.body);
    BOOST_TEST(waiting.body.find("**") == std::string::npos, "no masked name either");

    BOOST_TEST_REQUIRE(pages.simulator.pay(paid.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(pages.simulator.wait_idle());
    BOOST_TEST_REQUIRE(pages.server.callbacks_settled());
    auto arrived = pages.server.get("/billing?order_id=" + order + "&status_code=200&transaction_status=settlement");
    BOOST_TEST_REQUIRE(arrived.status == 200);
    BOOST_TEST(arrived.body.find("Pembayaran diterima. Terima kasih!") != std::string::npos, arrived.body);
    BOOST_TEST(arrived.body.find("CUST001") == std::string::npos, arrived.body);

    for (const char* unknown : {"/billing?order_id=INV-0-deadbeef", "/billing?merchantOrderId=%3Cscript%3E", "/billing?order_id="})
        BOOST_TEST(pages.server.get(unknown).body == plain, unknown);
}

// The small pages a phone may meet besides the bill page (the per-source limit's 429, the way back
// from a pay form without JavaScript) are phone pages too: Indonesian, titled, at the phone's width.
BOOST_AUTO_TEST_CASE(the_small_public_pages_are_titled_indonesian_phone_pages) {
    PublicPages pages;
    const auto phone_page = [](const std::string& body) {
        BOOST_TEST(body.find("<html lang=\"id\">") != std::string::npos, body);
        BOOST_TEST(body.find("<title>") != std::string::npos, body);
        BOOST_TEST(body.find("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">") != std::string::npos, body);
    };
    auto back = http_request("POST", pages.server.url("/billing/pay"),
                             "invoice_id=" + std::to_string(pages.open_invoice()) + "&choice=flip%3Abni_va&nomor_layanan=CUST001",
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
    BOOST_TEST_REQUIRE(back.status == 200, back.body);
    phone_page(back.body);

    pages.configure({{"billing_check_rate_per_minute", "1"}});  // the page's budget: 4 a minute
    HttpReply limited;
    for (int attempt = 0; attempt < 6 && limited.status != 429; ++attempt) limited = pages.server.get("/billing/CUST001");
    BOOST_TEST_REQUIRE(limited.status == 429, limited.body);
    phone_page(limited.body);

    // The bill page's number field: a service number (CUST001) is neither corrected nor lower-cased
    // by the phone's keyboard.
    const std::string page = pages.server.get("/billing").body;
    BOOST_TEST(page.find("autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\"") != std::string::npos, page);
}

BOOST_AUTO_TEST_SUITE_END()
