// The message-template preview from the side of a role that may only read messages (finance, or
// an ISP's own role with messages.read). The preview renders a template with sample data the
// caller may override ({key, body?, variables?}). Until Dec 2026 nothing bounded what it built:
// a 4,096-character body of 585 "{paket}" placeholders and one 60 KB variable, a 64 KB request,
// made a 35 MB text, dumped again as JSON and sent back; sixteen such requests at once aborted
// the server process (in its HTTP transport's write path). Now a value the caller supplies is at
// most 500 characters, as long as a real customer's value may be (a name, an address, a link):
// beyond it, 422 on `variables` and nothing is rendered.
#include <boost/test/unit_test.hpp>

#include <future>
#include <vector>

#include "peak_memory.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// 585 placeholders (4,095 characters, under the template limit) and a 60,000-byte value.
Json amplifying_preview() {
    return Json{{"key", "invoice_new"}, {"body", repeated("{paket}", 585)}, {"variables", {{"paket", std::string(60000, 'x')}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(template_preview_bounds)

BOOST_AUTO_TEST_CASE(a_preview_that_would_render_megabytes_is_refused_before_it_is_built) {
    TestServer server;
    const std::string finance = server.login("finance");
    const std::string before = server.snapshot();

    auto reply = server.post("/api/message-templates/preview", amplifying_preview().dump(), finance);
    BOOST_TEST(reply.status == 422, reply.status << " with " << reply.body.size() << " bytes");
    BOOST_TEST(reply.body.size() < 4096u);
    if (reply.status == 422) BOOST_TEST(reply.json()["error"]["fields"].contains("variables"), reply.body);

    // Sixteen at once (every HTTP worker) stay in bounded memory.
    const std::size_t baseline = reset_peak_mib();
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < 16; ++i)
        replies.push_back(std::async(std::launch::async, [&] { return server.post("/api/message-templates/preview", amplifying_preview().dump(), finance); }));
    for (auto& each : replies) BOOST_TEST(each.get().status == 422);
    const std::size_t growth = growth_since(baseline);
    BOOST_TEST_MESSAGE("16 amplifying previews: peak RSS +" << growth << " MiB");
    BOOST_TEST(growth < 64u);
    BOOST_TEST(server.snapshot() == before, "a preview changes nothing");
}

BOOST_AUTO_TEST_CASE(an_ordinary_preview_with_the_callers_own_values_still_renders) {
    TestServer server;
    const std::string finance = server.login("finance");
    const Json body{{"key", "invoice_new"},
                    {"body", "Halo {nama_pelanggan}, paket {paket}: {total}"},
                    {"variables", {{"nama_pelanggan", "Rina"}, {"paket", std::string(500, 'p')}}}};
    auto reply = server.post("/api/message-templates/preview", body.dump(), finance);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const std::string text = reply.json()["data"]["text"];
    BOOST_TEST(text.starts_with("Halo Rina, paket ppp"));
    BOOST_TEST(text.size() > 500u);
    // One character more is refused, on the field that carried it.
    Json longer = body;
    longer["variables"]["paket"] = std::string(501, 'p');
    auto refused = server.post("/api/message-templates/preview", longer.dump(), finance);
    BOOST_TEST(refused.status == 422, refused.body);
    // The stored template, previewed with the sample data, renders as before.
    auto stored = server.post("/api/message-templates/preview", R"({"key":"invoice_new"})", finance);
    BOOST_TEST_REQUIRE(stored.status == 200, stored.body);
    BOOST_TEST(stored.json()["data"]["text"].get<std::string>().find("Budi Santoso") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
