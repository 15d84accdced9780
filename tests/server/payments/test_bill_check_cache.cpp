// The public bill check keeps answers in memory (http/bill_check_cache.hpp). From the customer's
// side nothing may change: a payment recorded anywhere shows in the next check, within the stated
// window when another server recorded it. From an outsider's side: numbers that do not exist are
// never kept (trying random numbers cannot grow it), and it stays within its bounds. A kept answer
// written whole (http/prepared_answers.hpp) is byte for byte the answer the full way writes.
// Runs on either engine (KIMONET_TEST_ENGINE=postgresql).
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <chrono>

#include "http/bill_check_cache.hpp"
#include "http/prepared_answers.hpp"
#include "security/raw_http.hpp"
#include "services/payment_service.hpp"
#include "services/settings.hpp"
#include "store/database.hpp"
#include "support/second_server.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void set_setting(TestServer& server, const std::string& key, const std::string& value) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::update_settings(context, {{key, value}}).ok());
}

// The status the bill check shows for `invoice_id`, "" when it does not list it.
std::string invoice_status(TestServer& server, const std::string& number, const std::string& invoice_id) {
    auto check = server.post("/billing/check", api::Json{{"customer_number", number}}.dump());
    BOOST_TEST_REQUIRE(check.status == 200, check.body);
    const api::Json answer = check.json();
    for (const auto& invoice : answer["invoices"])
        if (std::to_string(invoice["invoice_id"].get<std::int64_t>()) == invoice_id) return invoice["status"].get<std::string>();
    BOOST_TEST_MESSAGE("invoice " << invoice_id << " not in " << check.body);
    return "";
}

// January's invoices (the demo has none yet); the id of an unpaid one.
std::string unpaid_invoice(TestServer& server) {
    auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", server.login("finance"));
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    return server.scalar(
        "SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.status = 'unpaid' AND c.status <> 'terminated' "
        "ORDER BY i.id LIMIT 1");
}

int port_of(const TestServer& server) { return std::stoi(server.url("").substr(std::string("http://127.0.0.1:").size())); }

std::string check_request(const std::string& body, const std::string& version = "HTTP/1.1", const std::string& more_headers = "") {
    return "POST /billing/check " + version + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + more_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The exact bytes of the answer to `request`, sent alone on a new connection.
std::string answer_bytes(int port, const std::string& request) {
    RawConnection connection(port);
    BOOST_TEST_REQUIRE(connection.ok());
    BOOST_TEST_REQUIRE(connection.send_all(request));
    for (;;) {
        const std::string& got = connection.pending();
        const auto head_end = got.find("\r\n\r\n");
        const auto length_at = got.find("Content-Length: ");
        if (head_end != std::string::npos && length_at < head_end &&
            got.size() >= head_end + 4 + std::stoul(got.substr(length_at + 16, got.find("\r\n", length_at) - length_at - 16)))
            return got;
        if (!connection.fill(std::chrono::seconds(10))) return got;
    }
}

std::shared_ptr<const std::string> prepared_answer(TestServer& server, const std::string& body) {
    const auto routes = http::prepared_routes(server.app().router());
    BOOST_TEST_REQUIRE(routes.size() == 1u);
    http::Request request;
    request.method = routes[0]->method;
    request.path = routes[0]->path;
    request.body = body;
    return routes[0]->answer(request);
}

// A customer's number and the check's own body for it.
std::pair<std::string, std::string> plain_check_of_a_customer(TestServer& server) {
    const std::string number = server.scalar("SELECT service_number FROM customers WHERE status <> 'terminated' ORDER BY id LIMIT 1");
    return {number, R"({"customer_number":")" + number + R"("})"};
}

// Checks `body` until its answer is kept, then the bytes of that last answer and the prepared ones
// (asked again while the cache's watch, on a loaded machine, had not looked within its window).
std::pair<std::string, std::shared_ptr<const std::string>> check_until_kept(TestServer& server, const std::string& body) {
    std::string written;
    std::shared_ptr<const std::string> prepared;
    for (int attempt = 0; attempt < 100 && !prepared; ++attempt) {
        written = answer_bytes(port_of(server), check_request(body));
        prepared = prepared_answer(server, body);
    }
    return {written, prepared};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bill_check_cache)

BOOST_AUTO_TEST_CASE(a_kept_answer_written_whole_is_byte_for_byte_what_the_full_way_writes) {
    TestServer server;
    set_setting(server, "billing_check_rate_per_minute", "0");
    const int port = port_of(server);
    const auto [number, plain] = plain_check_of_a_customer(server);
    // The first check of a number is computed and written the full way, and kept.
    const auto [full, prepared] = check_until_kept(server, plain);
    BOOST_TEST_REQUIRE(full.starts_with("HTTP/1.1 200 OK\r\n"), full);
    BOOST_TEST_REQUIRE(prepared);
    BOOST_TEST(*prepared == full);
    for (const char* header : {"Content-Security-Policy: ", "X-Frame-Options: DENY", "X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer",
                               "Cache-Control: no-store", "Vary: Origin", "Content-Type: application/json", "Connection: keep-alive"})
        BOOST_TEST(full.find(header) != std::string::npos, header);
    // Kept: written whole for the plain shape, in any case of the number, and the full way (the
    // parser, an Origin header) from the same kept answer: the same bytes every time.
    std::string lower = number;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& request : {check_request(plain), check_request(R"({"customer_number":")" + lower + R"("})"),
                                       check_request(R"({ "customer_number" : ")" + number + R"(" })"),
                                       check_request(R"({"nomor_layanan":")" + number + R"("})"),
                                       check_request(plain, "HTTP/1.1", "Origin: https://not-allowed.example\r\n")})
        BOOST_TEST(answer_bytes(port, request) == full, request);
    // HTTP/1.0 and Connection: close are answered the full way, in their own framing.
    const std::string http10 = answer_bytes(port, check_request(plain, "HTTP/1.0", "Connection: keep-alive\r\n"));
    BOOST_TEST(http10.starts_with("HTTP/1.0 200 OK\r\n"));
    BOOST_TEST(http10.ends_with(full.substr(full.find("\r\n\r\n"))));
    BOOST_TEST(answer_bytes(port, check_request(plain, "HTTP/1.1", "Connection: close\r\n")).find("Connection: close\r\n") != std::string::npos);
    // Nothing prepared for a number that is not kept or a body of another shape.
    BOOST_TEST(!prepared_answer(server, R"({"customer_number":"NOPE404"})"));
    BOOST_TEST(!prepared_answer(server, R"({"customer_number":")" + number + R"(","x":1})"));
}

BOOST_AUTO_TEST_CASE(an_allowed_origin_and_the_rate_limit_still_go_the_full_way) {
    TestServer server;
    set_setting(server, "cors_allowed_origins", "https://shop.example");
    const int port = port_of(server);
    const auto [number, plain] = plain_check_of_a_customer(server);
    // The default limit (30 a minute): the answer is kept, but never written whole, so every
    // request takes a token and the 31st is refused.
    int refused = 0;
    for (int i = 0; i < 31; ++i) {
        const std::string answer = answer_bytes(port, check_request(plain));
        if (answer.starts_with("HTTP/1.1 429 ")) ++refused;
    }
    BOOST_TEST(refused >= 1);
    BOOST_TEST(!prepared_answer(server, plain));
    set_setting(server, "billing_check_rate_per_minute", "0");
    const auto prepared = check_until_kept(server, plain).second;
    BOOST_TEST_REQUIRE(prepared);
    // An allowed origin gets its CORS header (the full way), which the kept bytes do not have.
    const std::string cors = answer_bytes(port, check_request(plain, "HTTP/1.1", "Origin: https://shop.example\r\n"));
    BOOST_TEST(cors.find("Access-Control-Allow-Origin: https://shop.example\r\n") != std::string::npos, cors);
    BOOST_TEST(prepared->find("Access-Control-Allow-Origin") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_payment_recorded_through_another_server_shows_in_this_servers_check_within_the_window) {
    TestServer first;
    set_setting(first, "billing_check_rate_per_minute", "0");  // the loop below asks more than 30 times
    const std::string invoice_id = unpaid_invoice(first);
    const std::string number = first.scalar("SELECT c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = " + invoice_id);
    const std::int64_t outstanding = std::stoll(first.scalar("SELECT total - paid_amount FROM invoices WHERE id = " + invoice_id));
    // Asked twice: the second answer is the kept one.
    BOOST_TEST(invoice_status(first, number, invoice_id) == "pending");
    BOOST_TEST(invoice_status(first, number, invoice_id) == "pending");

    TestServer second{TestServer::Existing{another_servers_url(first.db_path()), first.secret_key_file()}};
    {
        auto lease = second.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = second.app().context(**lease, app::Actor{"system", 0, "test", ""});
        auto paid = services::record_payment(context, api::Json{{"invoice_id", std::stoll(invoice_id)}, {"amount", outstanding}, {"method", "cash"}});
        BOOST_TEST_REQUIRE(paid.ok(), (paid ? "" : paid.error().message()));
    }
    // The payment has committed: from now on the first server may answer "pending" only until the
    // window has passed (in practice until its watch hears of the commit, a few milliseconds).
    // Asked until a check that began after the window has answered (however long each check takes
    // on a loaded machine): that one must say "paid".
    const auto committed = std::chrono::steady_clock::now();
    std::string status;
    std::chrono::steady_clock::time_point asked;
    do {
        asked = std::chrono::steady_clock::now();
        status = invoice_status(first, number, invoice_id);
    } while (status != "paid" && asked - committed <= http::BillCheckCache::kWindow);
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(asked - committed);
    BOOST_TEST_MESSAGE("the first server showed the second server's payment to a check begun " << waited.count() << " ms after the commit");
    BOOST_TEST(status == "paid");
}

BOOST_AUTO_TEST_CASE(a_payment_recorded_through_this_server_shows_in_its_very_next_check) {
    TestServer server;
    const std::string invoice_id = unpaid_invoice(server);
    const std::string number = server.scalar("SELECT c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = " + invoice_id);
    const std::int64_t outstanding = std::stoll(server.scalar("SELECT total - paid_amount FROM invoices WHERE id = " + invoice_id));
    BOOST_TEST(invoice_status(server, number, invoice_id) == "pending");
    BOOST_TEST(invoice_status(server, number, invoice_id) == "pending");
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::record_payment(context, api::Json{{"invoice_id", std::stoll(invoice_id)}, {"amount", outstanding}, {"method", "cash"}}).ok());
    BOOST_TEST(invoice_status(server, number, invoice_id) == "paid");  // no window: the commit moved this process's counter
}

BOOST_AUTO_TEST_CASE(unknown_numbers_are_never_kept_and_known_ones_are_kept_once) {
    TestServer server(false);
    http::BillCheckCache cache(server.db_path(), store::commit_counter(server.db_path()), std::chrono::hours(1));
    int asked = 0;
    for (int i = 0; i < 1000; ++i) {
        auto answer = cache.answer("NOPE" + std::to_string(i), [&]() -> Result<std::string> {
            ++asked;
            return make_error(ErrorCode::NotFound);
        });
        BOOST_TEST(!answer.ok());
    }
    BOOST_TEST(asked == 1000);  // every unknown number went to the database
    BOOST_TEST(cache.size() == 0u);

    asked = 0;
    const auto known = [&]() -> Result<std::string> {
        ++asked;
        return std::string("{\"success\":true}");
    };
    BOOST_TEST(*cache.answer("CUST001", known) == "{\"success\":true}");
    BOOST_TEST(*cache.answer("CUST001", known) == "{\"success\":true}");
    BOOST_TEST(asked == 1);
    BOOST_TEST(cache.size() == 1u);
    // Any commit forgets it.
    set_setting(server, "company_name", "PT Lain");
    BOOST_TEST(*cache.answer("CUST001", known) == "{\"success\":true}");
    BOOST_TEST(asked == 2);
}

BOOST_AUTO_TEST_CASE(it_stays_within_its_entry_and_byte_bounds_oldest_out_first) {
    TestServer server(false);
    http::BillCheckCache cache(server.db_path(), store::commit_counter(server.db_path()), std::chrono::hours(1));
    const auto small = []() -> Result<std::string> { return std::string("{}"); };
    for (std::size_t i = 0; i < http::BillCheckCache::kMaxEntries + 100; ++i) BOOST_TEST_REQUIRE(cache.answer("N" + std::to_string(i), small).ok());
    BOOST_TEST(cache.size() == http::BillCheckCache::kMaxEntries);
    int asked = 0;
    const auto counted = [&]() -> Result<std::string> {
        ++asked;
        return std::string("{}");
    };
    (void)cache.answer("N0", counted);  // the oldest went first
    (void)cache.answer("N" + std::to_string(http::BillCheckCache::kMaxEntries + 99), counted);  // the newest stayed
    BOOST_TEST(asked == 1);

    // A fresh cache, not a commit, to start empty: a commit moves the generation at once and again
    // when the SQLite watch next sees data_version move, which could empty the cache mid-loop.
    http::BillCheckCache big(server.db_path(), store::commit_counter(server.db_path()), std::chrono::hours(1));
    const std::string megabyte(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) BOOST_TEST_REQUIRE(big.answer("B" + std::to_string(i), [&]() -> Result<std::string> { return megabyte; }).ok());
    BOOST_TEST(big.size() * megabyte.size() <= http::BillCheckCache::kMaxBytes);
    BOOST_TEST(big.size() >= 60u);
}

BOOST_AUTO_TEST_SUITE_END()
