// Issue 14, items 9 and "hard to break", from the attacker's side: a password someone else set
// (a reset, a new account) must be replaced before the account can do anything; sessions end
// when a password changes; owners see and revoke their own sessions and nobody else's; weak
// passwords are refused by libpwquality; a technician neither reads payments nor sets a
// customer's portal password.
#include <boost/test/unit_test.hpp>

#include "core/validation_messages.hpp"
#include "store/session_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

struct Scene {
    TestServer server;
    std::string admin = server.login("admin");
    std::string id_of(const std::string& username) { return server.scalar("SELECT id FROM users WHERE username = '" + username + "'"); }
    std::string change_password(const std::string& token, const std::string& current, const std::string& next, int expected = 200) {
        auto reply = server.post("/api/auth/password", Json{{"current_password", current}, {"new_password", next}}.dump(), token);
        BOOST_TEST(reply.status == expected, reply.body);
        return reply.body;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(staff_sessions, Scene)

BOOST_AUTO_TEST_CASE(a_reset_by_someone_else_ends_every_session_and_forces_a_change) {
    const std::string finance_a = server.login("finance");
    const std::string finance_b = server.login("finance");
    BOOST_TEST_REQUIRE(server.put("/api/users/" + id_of("finance"), R"({"password":"Kunci-Gudang-4471"})", admin).status == 200);
    BOOST_TEST(server.get("/api/me", finance_a).status == 401);
    BOOST_TEST(server.get("/api/me", finance_b).status == 401);
    BOOST_TEST(server.login_attempt("finance", "demo12345").status == 401);

    auto login = server.login_attempt("finance", "Kunci-Gudang-4471");
    BOOST_TEST_REQUIRE(login.status == 200);
    BOOST_TEST(login.json()["password_change_required"] == true);
    const std::string token = login.json()["token"].get<std::string>();
    // Until changed, the token reaches only /api/me, logout and the password change.
    const std::string before = server.snapshot();
    for (const char* path : {"/api/customers", "/api/invoices", "/api/auth/sessions", "/api/dashboard"}) {
        auto refused = server.get(path, token);
        BOOST_TEST(refused.status == 403, path);
        BOOST_TEST(refused.error_code() == "password_change_required", path);
    }
    BOOST_TEST(server.post("/api/customers", R"({"name":"X","phone":"081234567890","package_id":1})", token).status == 403);
    BOOST_TEST(server.snapshot() == before);
    auto me = server.get("/api/me", token);
    BOOST_TEST(me.status == 200);
    BOOST_TEST(me.json()["user"]["password_change_required"] == true);

    change_password(token, "salah-lama", "Sapu-Lidi-Merah-93", 422);
    change_password(token, "Kunci-Gudang-4471", "Kunci-Gudang-4471", 422);
    change_password(token, "Kunci-Gudang-4471", "Sapu-Lidi-Merah-93");
    BOOST_TEST(server.get("/api/customers", token).status == 200);
    BOOST_TEST(server.get("/api/me", token).json()["user"]["password_change_required"] == false);
    auto again = server.login_attempt("finance", "Sapu-Lidi-Merah-93");
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json()["password_change_required"] == false);
}

BOOST_AUTO_TEST_CASE(a_new_user_changes_the_password_at_first_login_and_the_demo_users_do_not) {
    BOOST_TEST_REQUIRE(server.post("/api/users", R"({"username":"kasir.dua","password":"Tiang-Listrik-81","role":"finance"})", admin).status == 201);
    auto first = server.login_attempt("kasir.dua", "Tiang-Listrik-81");
    BOOST_TEST_REQUIRE(first.status == 200);
    BOOST_TEST(first.json()["password_change_required"] == true);
    BOOST_TEST(server.get("/api/customers", first.json()["token"].get<std::string>()).error_code() == "password_change_required");
    for (const char* demo : {"superadmin", "admin", "finance", "technician"}) {
        auto reply = server.login_attempt(demo, "demo12345");
        BOOST_TEST(reply.status == 200, demo);
        BOOST_TEST(reply.json()["password_change_required"] == false, demo);
    }
}

BOOST_AUTO_TEST_CASE(changing_ones_own_password_ends_the_other_sessions_only) {
    const std::string current = server.login("technician");
    const std::string other = server.login("technician");
    const std::string admin_before = server.get("/api/me", admin).body;
    change_password(current, "demo12345", "Sapu-Lidi-Merah-93");
    BOOST_TEST(server.get("/api/me", current).status == 200);
    BOOST_TEST(server.get("/api/me", other).status == 401);
    BOOST_TEST(server.get("/api/me", admin).body == admin_before);  // other people's sessions untouched
    BOOST_TEST(server.login_attempt("technician", "demo12345").status == 401);
    // One's own password is not reset through the user admin route (that needs no current password).
    auto self_reset = server.put("/api/users/" + id_of("admin"), R"({"password":"Kunci-Gudang-4471"})", admin);
    BOOST_TEST(self_reset.status == 422);
    BOOST_TEST(self_reset.json()["error"]["fields"].contains("password"));
}

BOOST_AUTO_TEST_CASE(wrong_current_passwords_count_as_failed_logins) {
    const std::string token = server.login("finance");
    for (int i = 0; i < 5; ++i) change_password(token, "tebak-" + std::to_string(i), "Sapu-Lidi-Merah-93", 422);
    auto limited = server.post("/api/auth/password", R"({"current_password":"demo12345","new_password":"Sapu-Lidi-Merah-93"})", token);
    BOOST_TEST(limited.status == 429);
    BOOST_TEST(limited.headers.contains("retry-after"));
}

BOOST_AUTO_TEST_CASE(owners_list_and_revoke_their_own_sessions_only) {
    const std::string first = server.login("finance");
    const std::string second = server.login("finance");
    auto listed = server.get("/api/auth/sessions", second);
    BOOST_TEST_REQUIRE(listed.status == 200);
    const Json sessions = listed.json()["data"];
    BOOST_TEST_REQUIRE(sessions.size() == 2u);
    BOOST_TEST(listed.body.find(first) == std::string::npos);
    BOOST_TEST(listed.body.find(second) == std::string::npos);
    BOOST_TEST(listed.body.find("token") == std::string::npos);
    BOOST_TEST(sessions[0]["current"] == true);
    BOOST_TEST(sessions[1]["current"] == false);
    BOOST_TEST(sessions[0]["client_ip"] == "127.0.0.1");
    for (const char* field : {"id", "created_at", "expires_at", "user_agent"}) BOOST_TEST(sessions[0].contains(field), field);

    // Someone else's session id is "not found", and stays alive.
    const std::string admin_session = server.scalar("SELECT id FROM api_tokens WHERE subject_id = " + id_of("admin") + " ORDER BY id LIMIT 1");
    const std::string before = server.snapshot();
    BOOST_TEST(server.del("/api/auth/sessions/" + admin_session, second).status == 404);
    BOOST_TEST(server.del("/api/auth/sessions/999999", second).status == 404);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.get("/api/me", admin).status == 200);

    BOOST_TEST(server.del("/api/auth/sessions/" + std::to_string(sessions[1]["id"].get<std::int64_t>()), second).status == 200);
    BOOST_TEST(server.get("/api/me", first).status == 401);
    BOOST_TEST(server.get("/api/me", second).status == 200);
    BOOST_TEST(server.get("/api/auth/sessions", second).json()["data"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(weak_passwords_are_refused_with_a_clear_message) {
    struct Case {
        const char* password;
        const char* message;
    };
    const Case cases[] = {
        {"        ", messages::kPasswordBlank},
        // Tabs are control characters, refused for every single-line text field before any policy.
        {" \t \t \t \t ", messages::kControlCharacters},
        {"password1", messages::kPasswordDictionary},
        {"12345678", messages::kPasswordDictionary},
        {"short", messages::kPassword},
    };
    const std::string token = server.login("finance");
    const std::string before = server.snapshot();
    for (const auto& weak : cases) {
        auto created = server.post("/api/users", Json{{"username", "kasir.tiga"}, {"password", weak.password}, {"role", "finance"}}.dump(), admin);
        BOOST_TEST(created.status == 422, weak.password);
        BOOST_TEST(created.json()["error"]["fields"]["password"] == weak.message, weak.password);
        auto reset = server.put("/api/users/" + id_of("finance"), Json{{"password", weak.password}}.dump(), admin);
        BOOST_TEST(reset.status == 422, weak.password);
        auto portal = server.put("/api/customers/1", Json{{"password", weak.password}}.dump(), admin);
        BOOST_TEST(portal.status == 422, weak.password);
        BOOST_TEST(portal.json()["error"]["fields"].contains("password"), weak.password);
    }
    auto named = server.post("/api/users", R"({"username":"kasir.tiga","password":"kasir.tiga-2026","role":"finance"})", admin);
    BOOST_TEST(named.json()["error"]["fields"]["password"] == messages::kPasswordHasUsername);
    change_password(token, "demo12345", "        ", 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_technician_neither_reads_payments_nor_sets_portal_passwords) {
    const std::string finance = server.login("finance");
    const std::string technician = server.login("technician");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    const Json invoice = server.get("/api/invoices?customer_id=1", finance).json()["data"][0];
    BOOST_TEST_REQUIRE(server.post("/api/payments", Json{{"invoice_id", invoice["id"]}, {"amount", 1000}, {"method", "cash"}, {"confirm", "partial"}}.dump(), finance).status ==
                       201);
    BOOST_TEST(server.get("/api/customers/1/history", finance).json()["data"]["payments"].size() == 1u);
    auto history = server.get("/api/customers/1/history", technician);
    BOOST_TEST(history.status == 200);
    BOOST_TEST(history.json()["data"]["payments"].empty());
    BOOST_TEST(history.json()["data"]["invoices"].size() == 1u);
    // Nor through the invoice itself: the technician reads the invoice without its payments; finance
    // and the invoice's own customer see them.
    const std::string invoice_path = "/api/invoices/" + std::to_string(invoice["id"].get<std::int64_t>());
    const Json as_technician = server.get(invoice_path, technician).json();
    BOOST_TEST(as_technician["data"]["total"] == invoice["total"]);
    BOOST_TEST(as_technician["data"]["payments"].empty(), as_technician.dump());
    BOOST_TEST(as_technician.dump().find("\"receipt_no\"") == std::string::npos);
    BOOST_TEST(server.get(invoice_path, finance).json()["data"]["payments"].size() == 1u);
    BOOST_TEST(server.get("/api/portal/invoices/" + std::to_string(invoice["id"].get<std::int64_t>()), server.login("CUST001")).json()["data"]["payments"].size() ==
               1u);

    const std::string customer_session = server.login("CUST001");
    const std::string before = server.snapshot();
    auto refused = server.put("/api/customers/1", R"({"password":"Kunci-Gudang-4471"})", technician);
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(server.login_attempt("CUST001", "Kunci-Gudang-4471").status == 401);
    // Other edits stay the technician's to make.
    BOOST_TEST(server.put("/api/customers/1", R"({"address":"Jl. Tiang No. 2"})", technician).status == 200);
    // The admin holds customers.portal_password; setting it ends the customer's sessions.
    BOOST_TEST(server.put("/api/customers/1", R"({"password":"Kunci-Gudang-4471"})", admin).status == 200);
    BOOST_TEST(server.get("/api/me", customer_session).status == 401);
    BOOST_TEST(server.login_attempt("CUST001", "Kunci-Gudang-4471").status == 200);
}

BOOST_AUTO_TEST_CASE(a_customer_changing_the_portal_password_keeps_this_session_and_ends_the_others) {
    const std::string current = server.login("CUST002");
    const std::string other = server.login("CUST002");
    auto weak = server.post("/api/portal/password", R"({"current_password":"demo12345","new_password":"        "})", current);
    BOOST_TEST(weak.status == 422);
    BOOST_TEST(weak.json()["error"]["fields"]["new_password"] == messages::kPasswordBlank);
    BOOST_TEST(server.post("/api/portal/password", R"({"current_password":"demo12345","new_password":"Sapu-Lidi-Merah-93"})", current).status == 200);
    BOOST_TEST(server.get("/api/portal/me", current).status == 200);
    BOOST_TEST(server.get("/api/portal/me", other).status == 401);
    BOOST_TEST(server.login_attempt("CUST002", "Sapu-Lidi-Merah-93").status == 200);
}

BOOST_AUTO_TEST_CASE(signing_in_again_and_again_cannot_grow_the_sessions_without_bound) {
    // A script with a customer's right password (any customer is an outsider) signs in and out
    // again and again: each subject keeps its newest ended sessions only, and the live ones it
    // holds are bounded too; nobody else's sessions are touched.
    const std::string customer = server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    const std::string rows = "SELECT COUNT(*) FROM api_tokens WHERE subject_type = 'customer' AND subject_id = " + customer;
    const std::string kept = server.login("CUST001");  // stays signed in throughout
    for (int i = 0; i < store::kKeptEndedSessionsPerSubject + 10; ++i)
        BOOST_TEST_REQUIRE(server.post("/api/auth/logout", "{}", server.login("CUST001")).status == 200);
    BOOST_TEST(server.scalar(rows) == std::to_string(store::kKeptEndedSessionsPerSubject + 1));  // the ended ones kept, and the live one
    BOOST_TEST(server.get("/api/me", kept).status == 200, "a live session is not an ended one");

    // Live sessions beyond the bound: the oldest ends when a new one begins.
    const std::string now = server.scalar("SELECT MAX(created_at) FROM api_tokens");
    server.scalar("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(store::kMaxLiveSessionsPerSubject) +
                  ") INSERT INTO api_tokens(token_hash, subject_type, subject_id, created_at, expires_at, client_ip, user_agent) "
                  "SELECT 'seeded-' || i, 'customer', " + customer + ", " + now + ", " + now + " + 86400, '127.0.0.1', 'script' FROM n RETURNING id");
    const std::string newest = server.login("CUST001");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens WHERE subject_type = 'customer' AND subject_id = " + customer +
                             " AND revoked_at IS NULL") == std::to_string(store::kMaxLiveSessionsPerSubject));
    BOOST_TEST(server.get("/api/me", kept).status == 401, "the oldest live session ended");
    BOOST_TEST(server.get("/api/me", newest).status == 200);
    BOOST_TEST(server.get("/api/me", admin).status == 200, "nobody else's sessions went");
}

BOOST_AUTO_TEST_SUITE_END()
