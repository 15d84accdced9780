// Customer writes push the PPP secret to routers with push_secrets on: HTTP API -> customer
// service -> pending network action -> network worker round -> RouterOS client -> simulator.
#include <boost/test/unit_test.hpp>

#include "network_fixture.hpp"
#include "security/crypto.hpp"
#include "services/network_reconcile.hpp"
#include "store/customer_store.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// Router 1 ("Router Pusat", demo customers with even ids) with push_secrets on.
struct PushFixture : NetworkFixture {
    PushFixture() {
        admin = server.login("admin");
        auto reply = server.put("/api/routers/1", R"({"push_secrets":true})", server.login("superadmin"));
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        BOOST_TEST_REQUIRE(reply.json()["data"]["push_secrets"] == true);
    }
    std::optional<sim::Row> secret(int router_index, const std::string& name) { return routers[router_index]->find("/ppp/secret", name); }
    std::string profile_of_package(std::int64_t package_id) {
        return server.scalar("SELECT mikrotik_profile FROM internet_packages WHERE id = " + std::to_string(package_id));
    }
    api::Json new_customer(std::int64_t router_id, const std::string& username) {
        return {{"name", "Sari Wulandari"}, {"phone", "081298765432"}, {"package_id", 2}, {"router_id", router_id},
                {"pppoe_username", username}, {"pppoe_password", "Rahasia-123"}};
    }
    std::string pending_pushes() {
        return server.scalar("SELECT COUNT(*) FROM network_actions WHERE action = 'push_secret' AND status = 'pending'");
    }

    std::string admin;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(secret_push)

BOOST_AUTO_TEST_CASE(creating_a_customer_pushes_the_secret_with_the_package_profile) {
    PushFixture fixture;
    auto created = fixture.server.post("/api/customers", fixture.new_customer(1, "sari-w").dump(), fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    // Write-only: the answer says a password is stored, never what it is.
    BOOST_TEST(created.json()["data"]["has_pppoe_password"] == true);
    BOOST_TEST(created.body.find("Rahasia-123") == std::string::npos);
    BOOST_TEST(fixture.pending_pushes() == "1");
    BOOST_TEST(!fixture.secret(0, "sari-w").has_value());  // queued with the customer, pushed by the worker

    auto run = fixture.process_pending();
    BOOST_TEST_REQUIRE(run.ok());
    BOOST_TEST(run->applied == 1);
    auto secret = fixture.secret(0, "sari-w");
    BOOST_TEST_REQUIRE(secret.has_value());
    BOOST_TEST(secret->at("profile") == fixture.profile_of_package(2));
    BOOST_TEST(secret->at("password") == "Rahasia-123");
    BOOST_TEST(secret->at("service") == "pppoe");
    BOOST_TEST(fixture.pending_pushes() == "0");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM network_actions WHERE action = 'push_secret'") == "applied");
}

BOOST_AUTO_TEST_CASE(the_pppoe_password_is_sealed_at_rest_and_never_returned) {
    PushFixture fixture;
    auto created = fixture.server.post("/api/customers", fixture.new_customer(1, "sari-w").dump(), fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string id = std::to_string(created.json()["data"]["id"].get<std::int64_t>());
    const std::string stored = security::to_hex(fixture.server.scalar("SELECT pppoe_password_encrypted FROM customers WHERE id = " + id));
    BOOST_TEST(!stored.empty());
    BOOST_TEST(stored.find("52616861736961") == std::string::npos);  // "Rahasia" in hex
    auto read = fixture.server.get("/api/customers/" + id, fixture.admin);
    BOOST_TEST(read.body.find("Rahasia") == std::string::npos);
    BOOST_TEST(read.json()["data"]["has_pppoe_password"] == true);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE after_json LIKE '%Rahasia%' OR before_json LIKE '%Rahasia%'") ==
               "0");
}

BOOST_AUTO_TEST_CASE(a_bad_pppoe_password_is_a_field_error_and_changes_nothing) {
    PushFixture fixture;
    const std::string before = fixture.server.snapshot();
    auto body = fixture.new_customer(1, "sari-w");
    body["pppoe_password"] = "dua kata";
    auto created = fixture.server.post("/api/customers", body.dump(), fixture.admin);
    BOOST_TEST(created.status == 422, created.body);
    BOOST_TEST(created.json()["error"]["fields"].contains("pppoe_password"), created.body);
    body["pppoe_password"] = 12345678;
    BOOST_TEST(fixture.server.post("/api/customers", body.dump(), fixture.admin).status == 422);
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_package_change_switches_the_profile_and_kicks_the_session) {
    PushFixture fixture;
    // cust002 is on router 1 and online; give them a password and a different package.
    const std::int64_t package = std::stoll(fixture.server.scalar("SELECT package_id FROM customers WHERE id = 2"));
    const std::int64_t other = package == 1 ? 3 : 1;
    BOOST_TEST_REQUIRE(fixture.online(2));
    auto updated = fixture.server.put("/api/customers/2", api::Json{{"package_id", other}, {"pppoe_password", "Baru-4567"}}.dump(),
                                      fixture.admin);
    BOOST_TEST_REQUIRE(updated.status == 200, updated.body);
    BOOST_TEST_REQUIRE(fixture.process_pending()->applied == 1);
    BOOST_TEST(fixture.profile_on_router(2) == fixture.profile_of_package(other));
    BOOST_TEST(fixture.secret(0, "cust002")->at("password") == "Baru-4567");
    BOOST_TEST(!fixture.online(2));

    // A status change to isolated pushes the router's isolir profile.
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2", R"({"status":"isolated"})", fixture.admin).status == 200);
    BOOST_TEST_REQUIRE(fixture.process_pending()->applied == 1);
    BOOST_TEST(fixture.profile_on_router(2) == "ISOLIR");

    // Changing only the address pushes nothing.
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2", R"({"address":"Jl. Baru 2"})", fixture.admin).status == 200);
    BOOST_TEST(fixture.pending_pushes() == "0");
}

BOOST_AUTO_TEST_CASE(a_router_that_is_down_keeps_the_push_pending_until_it_is_back) {
    PushFixture fixture;
    fixture.routers[0]->set_down(true);
    auto created = fixture.server.post("/api/customers", fixture.new_customer(1, "sari-w").dump(), fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    auto first = fixture.process_pending();
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST(first->still_pending == 1);
    BOOST_TEST(fixture.pending_pushes() == "1");
    BOOST_TEST(fixture.server.scalar("SELECT attempts FROM network_actions WHERE action = 'push_secret'") == "1");
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM network_actions WHERE action = 'push_secret'").find("connection refused") !=
               std::string::npos);

    fixture.routers[0]->set_down(false);
    BOOST_TEST(fixture.process_pending()->due == 0);  // backoff: the next try is 30 s later
    fixture.server.clock().advance(31);
    auto second = fixture.process_pending();
    BOOST_TEST_REQUIRE(second.ok());
    BOOST_TEST(second->applied == 1);
    BOOST_TEST(fixture.secret(0, "sari-w")->at("profile") == fixture.profile_of_package(2));
    BOOST_TEST(fixture.pending_pushes() == "0");
}

BOOST_AUTO_TEST_CASE(a_router_with_push_secrets_off_gets_nothing) {
    PushFixture fixture;
    auto created = fixture.server.post("/api/customers", fixture.new_customer(2, "sari-w").dump(), fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM network_actions WHERE action = 'push_secret'") == "0");
    BOOST_TEST(fixture.process_pending()->due == 0);
    BOOST_TEST(!fixture.secret(1, "sari-w").has_value());
}

BOOST_AUTO_TEST_CASE(a_new_secret_without_a_password_is_refused_not_retried) {
    PushFixture fixture;
    auto body = fixture.new_customer(1, "tanpa-sandi");
    body.erase("pppoe_password");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers", body.dump(), fixture.admin).status == 201);
    auto run = fixture.process_pending();
    BOOST_TEST_REQUIRE(run.ok());
    BOOST_TEST(run->failed == 1);
    BOOST_TEST(!fixture.secret(0, "tanpa-sandi").has_value());
    BOOST_TEST(fixture.server.scalar("SELECT status FROM network_actions WHERE action = 'push_secret'") == "failed");
}

BOOST_AUTO_TEST_CASE(sync_recreates_a_secret_missing_on_a_push_router) {
    PushFixture fixture;
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        sim::Menu& secrets = *state.menu("/ppp/secret");
        return secrets.remove(secrets.find_name("cust004")->at(".id"));
    });
    auto sync = fixture.server.post("/api/network/sync", "", fixture.token);
    BOOST_TEST_REQUIRE(sync.status == 200, sync.body);
    bool queued = false;
    const auto report = sync.json();
    for (const auto& router : report["data"]["routers"])
        for (const auto& item : router["drift"])
            if (item["pppoe_username"] == "cust004") queued = item["kind"] == "missing_secret" && item["push_queued"] == true;
    BOOST_TEST(queued, sync.body);
    BOOST_TEST_REQUIRE(fixture.process_pending()->applied == 1);
    auto secret = fixture.secret(0, "cust004");
    BOOST_TEST_REQUIRE(secret.has_value());
    BOOST_TEST(secret->at("profile") == fixture.package_profile(4));
    BOOST_TEST(secret->at("password") == "ppp-cust004");  // the demo seed's sealed password
}

BOOST_AUTO_TEST_CASE(push_secrets_must_be_a_boolean) {
    PushFixture fixture;
    const std::string superadmin = fixture.server.login("superadmin");
    auto reply = fixture.server.put("/api/routers/2", R"({"push_secrets":"ya"})", superadmin);
    BOOST_TEST(reply.status == 422, reply.body);
    BOOST_TEST(reply.json()["error"]["fields"].contains("push_secrets"), reply.body);
    BOOST_TEST(fixture.server.get("/api/routers/2", superadmin).json()["data"]["push_secrets"] == false);
}

BOOST_AUTO_TEST_CASE(import_brings_the_secret_passwords_along) {
    PushFixture fixture;
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        state.menu("/ppp/secret")->add({{"name", "warung-bu-sri"}, {"profile", "10M"}, {"service", "pppoe"}, {"password", "sri-2024"},
                                        {"comment", "Bu Sri 081234567890"}, {"disabled", "false"}});
        return 0;
    });
    auto lease = fixture.server.app().database();
    app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    auto report = services::import_from_router(context, 1, false);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    BOOST_TEST(report->dump().find("sri-2024") == std::string::npos);
    const std::string id = fixture.server.scalar("SELECT id FROM customers WHERE pppoe_username = 'warung-bu-sri'");
    BOOST_TEST_REQUIRE(!id.empty());
    auto password = store::customer_pppoe_password(**lease, std::stoll(id), context.secrets);
    BOOST_TEST_REQUIRE(password.ok());
    BOOST_TEST(*password == "sri-2024");
}

BOOST_AUTO_TEST_SUITE_END()
