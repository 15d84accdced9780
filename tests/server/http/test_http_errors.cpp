// Every error is JSON in one shape: {"success":false,"error":{"code","message"[,"fields"]}}.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

struct AdminSession {
    TestServer server;
    std::string token = server.login("admin");
};

void check_error(const kimonet::testing::HttpReply& reply, int status, const std::string& code) {
    BOOST_TEST(reply.status == status);
    BOOST_TEST(reply.headers.at("content-type").starts_with("application/json"));
    BOOST_TEST(reply.is_error_envelope(), reply.body);
    BOOST_TEST(reply.error_code() == code);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(http_errors, AdminSession)

BOOST_AUTO_TEST_CASE(unknown_api_route_is_404_json) {
    check_error(server.get("/api/does-not-exist", token), 404, "not_found");
    check_error(server.get("/api/customers/1/extra", token), 404, "not_found");
    check_error(server.post("/api/nothing", "{}", token), 404, "not_found");
    check_error(server.get("/api/does-not-exist"), 404, "not_found");  // even without a token
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_json) {
    check_error(server.del("/api/customers", token), 405, "method_not_allowed");
    check_error(server.post("/api/customers/1", "{}", token), 405, "method_not_allowed");
    check_error(server.put("/api/auth/login", "{}"), 405, "method_not_allowed");
    check_error(server.call("PATCH", "/api/packages/1", "{}", token), 405, "method_not_allowed");
}

BOOST_AUTO_TEST_CASE(body_over_1_mib_is_413_json_and_changes_nothing) {
    const std::string before = server.snapshot();
    Json input = {{"name", std::string(1 << 20, 'a')}, {"phone", "081234567890"}, {"package_id", 1}};
    check_error(server.post("/api/customers", input.dump(), token), 413, "payload_too_large");
    check_error(server.put("/api/customers/1", input.dump(), token), 413, "payload_too_large");
    check_error(server.post("/api/packages", std::string((1 << 20) + 1, ' '), token), 413, "payload_too_large");
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(body_of_exactly_1_mib_is_read) {
    std::string body = R"({"name":"")";
    body += std::string((1 << 20) - body.size() - 2, ' ');
    body += "}";
    body.insert(body.size() - 1, "\"");
    // Exactly 1 MiB: past the size gate, rejected by validation instead.
    BOOST_TEST_REQUIRE(body.size() == static_cast<std::size_t>(1 << 20));
    check_error(server.put("/api/packages/1", body, token), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(login_has_a_small_body_limit) {
    Json input = {{"username", std::string(20000, 'a')}, {"password", "x"}};
    check_error(server.post("/api/auth/login", input.dump()), 413, "payload_too_large");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400) {
    for (const char* body : {"{", "{\"name\":}", "name=Budi", "{'name':'Budi'}", "{\"name\":\"Budi\",}", "\xff\xfe"})
        check_error(server.post("/api/customers", body, token), 400, "bad_request");
    check_error(server.post("/api/auth/login", "{"), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(non_object_json_is_400) {
    for (const char* body : {"[]", "[{\"name\":\"Budi\"}]", "\"text\"", "42", "null", "true"})
        check_error(server.post("/api/customers", body, token), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(auth_errors_have_the_same_shape) {
    check_error(server.get("/api/customers"), 401, "unauthorized");
    check_error(server.get("/api/customers", "bogus"), 401, "unauthorized");
    check_error(server.get("/api/roles", server.login("technician")), 403, "forbidden");
    check_error(server.login_attempt("admin", "salah"), 401, "unauthorized");
}

BOOST_AUTO_TEST_CASE(validation_errors_carry_fields) {
    auto reply = server.post("/api/packages", "{}", token);
    check_error(reply, 422, "validation_failed");
    BOOST_TEST(reply.json()["error"]["fields"].is_object());
    BOOST_TEST(reply.json()["error"]["fields"].size() >= 3u);
}

BOOST_AUTO_TEST_CASE(conflicts_are_409) {
    check_error(server.post("/api/packages",
                            R"({"name":"Home 10 Mbps","download_kbps":1,"upload_kbps":1,"price":1,"mikrotik_profile":"x"})", token),
                409, "conflict");
}

BOOST_AUTO_TEST_CASE(non_api_path_without_a_web_app_is_404_json) {
    auto reply = server.get("/index.html");
    BOOST_TEST(reply.status == 404);
    BOOST_TEST(reply.is_error_envelope());
}

BOOST_AUTO_TEST_CASE(health_is_public) {
    auto reply = server.get("/api/health");
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json()["status"] == "ok");
}

BOOST_AUTO_TEST_CASE(ready_is_public_and_says_only_that_the_database_answers) {
    auto reply = server.get("/api/ready");
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json() == api::Json({{"success", true}, {"status", "ok"}}), reply.body);
}

BOOST_AUTO_TEST_CASE(responses_carry_the_headers_the_handlers_set) {
    TestServer server;
    // A handler's own header (the PDF's Content-Disposition) and the server-wide nosniff header.
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const auto id = server.get("/api/invoices?per_page=1", token).json()["data"][0]["id"].get<std::int64_t>();
    auto pdf = server.get("/api/invoices/" + std::to_string(id) + "/pdf", token);
    BOOST_TEST_REQUIRE(pdf.status == 200);
    BOOST_TEST(pdf.headers["content-type"] == "application/pdf");
    BOOST_TEST(pdf.headers["content-disposition"].find(".pdf") != std::string::npos);
    BOOST_TEST(pdf.headers["x-content-type-options"] == "nosniff");
    BOOST_TEST(server.get("/api/health").headers["x-content-type-options"] == "nosniff");
}

BOOST_AUTO_TEST_SUITE_END()
