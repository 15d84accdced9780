// Static-IP and DHCP customers through the same services as PPPoE: isolation puts the customer's
// IP on the router's `ISOLIR` address list (a DHCP lease bound to the MAC first), restore removes
// it, each read back from the simulated router; the drift check finds and repairs a missing entry;
// the customer fields are validated at the edge.
#include "customers/name_mask.hpp"
#include "network_fixture.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

bool on_isolir_list(sim::RouterOsSimulator& router, const std::string& address) {
    for (const auto& row : router.rows("/ip/firewall/address-list"))
        if (row.at("list") == "ISOLIR" && row.at("address") == address) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(address_isolation)

BOOST_AUTO_TEST_CASE(static_customer_is_isolated_by_address_list_and_restored) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    const std::string package = fixture.package_profile(2);
    auto changed = fixture.server.put("/api/customers/2", R"({"connection_method":"static","ip_address":" 10.50.0.2 "})", admin);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    BOOST_TEST(changed.json()["data"]["connection_method"] == "static");
    BOOST_TEST(changed.json()["data"]["ip_address"] == "10.50.0.2");

    auto isolated = fixture.server.post("/api/customers/2/isolate", R"({"reason":"telat bayar"})", fixture.token);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST(isolated.json()["data"]["result"] == "applied");
    BOOST_TEST(isolated.json()["data"]["profile_after"] == "ISOLIR");
    BOOST_TEST(on_isolir_list(*fixture.routers[0], "10.50.0.2"));
    BOOST_TEST(fixture.profile_on_router(2) == package);  // the PPP secret is not this customer's way in any more
    BOOST_TEST(fixture.status(2) == "isolated");
    BOOST_TEST(fixture.server.scalar("SELECT result FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "applied");

    // Isolating again changes nothing on the router.
    auto again = fixture.server.post("/api/customers/2/isolate", "{}", fixture.token);
    BOOST_TEST(again.json()["data"]["result"] == "unchanged", again.body);
    BOOST_TEST(fixture.routers[0]->rows("/ip/firewall/address-list").size() == 1u);

    auto restored = fixture.server.post("/api/customers/2/restore", "", fixture.token);
    BOOST_TEST_REQUIRE(restored.status == 200, restored.body);
    BOOST_TEST(restored.json()["data"]["result"] == "applied");
    BOOST_TEST(!on_isolir_list(*fixture.routers[0], "10.50.0.2"));
    BOOST_TEST(fixture.status(2) == "active");
}

BOOST_AUTO_TEST_CASE(dhcp_customer_lease_is_bound_to_its_mac_before_isolation) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        state.menu("/ip/dhcp-server/lease")->add({{"address", "10.50.9.9"}, {"mac-address", "AA:BB:CC:00:00:04"}, {"dynamic", "true"},
                                                  {"disabled", "false"}, {"comment", ""}, {"server", "dhcp1"}});
        return 0;
    });
    auto changed = fixture.server.put("/api/customers/4", R"({"connection_method":"dhcp","ip_address":"10.50.0.4","mac_address":"aa-bb-cc-00-00-04"})", admin);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    BOOST_TEST(changed.json()["data"]["mac_address"] == "AA:BB:CC:00:00:04");

    auto isolated = fixture.server.post("/api/customers/4/isolate", "{}", fixture.token);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST(isolated.json()["data"]["result"] == "applied");
    const auto leases = fixture.routers[0]->rows("/ip/dhcp-server/lease");
    BOOST_TEST_REQUIRE(leases.size() == 1u);
    BOOST_TEST(leases[0].at("dynamic") == "false");
    BOOST_TEST(leases[0].at("address") == "10.50.0.4");
    BOOST_TEST(on_isolir_list(*fixture.routers[0], "10.50.0.4"));
}

BOOST_AUTO_TEST_CASE(address_fields_are_validated_and_unique_per_router) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2", R"({"connection_method":"static","ip_address":"10.50.0.2"})", admin).status == 200);
    const auto before = fixture.server.snapshot();
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"({"connection_method":"static","ip_address":"10.0.0.256"})", "ip_address"},
        {R"({"connection_method":"static","ip_address":"10.0.0.05"})", "ip_address"},
        {R"({"connection_method":"static","ip_address":"10.0.0.0/24"})", "ip_address"},
        {R"({"connection_method":"static","ip_address":""})", "ip_address"},
        {R"({"connection_method":"dhcp","ip_address":"10.50.0.6"})", "mac_address"},
        {R"({"connection_method":"dhcp","ip_address":"10.50.0.6","mac_address":"zz:bb:cc:00:00:06"})", "mac_address"},
        {R"({"connection_method":"dhcp","ip_address":"10.50.0.6","mac_address":"aa:bb-cc:00:00:06"})", "mac_address"},
        {R"({"connection_method":"hotspot"})", "connection_method"},
        {R"({"connection_method":"static","ip_address":10})", "ip_address"},
    };
    for (const auto& [body, field] : bad) {
        auto reply = fixture.server.put("/api/customers/4", body, admin);
        BOOST_TEST(reply.status == 422, body + " " + reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), body + " " + reply.body);
    }
    // Customer 4 is on the same router as customer 2: the address is taken there.
    auto taken = fixture.server.put("/api/customers/4", R"({"connection_method":"static","ip_address":"10.50.0.2"})", admin);
    BOOST_TEST(taken.status == 409, taken.body);
    BOOST_TEST(taken.json()["error"]["fields"].contains("ip_address"));
    BOOST_TEST(fixture.server.snapshot() == before);
    // On the other router the same address is free.
    BOOST_TEST(fixture.server.put("/api/customers/3", R"({"connection_method":"static","ip_address":"10.50.0.2"})", admin).status == 200);
}

BOOST_AUTO_TEST_CASE(drift_finds_a_missing_isolir_entry_and_sync_repairs_it) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2", R"({"connection_method":"static","ip_address":"10.50.0.2"})", admin).status == 200);
    BOOST_TEST_REQUIRE(fixture.server.post("/api/customers/2/isolate", "{}", fixture.token).status == 200);
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        auto* list = state.menu("/ip/firewall/address-list");
        for (const auto* row : list->rows()) {
            list->remove(row->at(".id"));
            break;
        }
        return 0;
    });
    BOOST_TEST_REQUIRE(!on_isolir_list(*fixture.routers[0], "10.50.0.2"));
    auto drift = fixture.server.get("/api/network/drift", fixture.token);
    BOOST_TEST_REQUIRE(drift.status == 200, drift.body);
    BOOST_TEST_REQUIRE(drift.json()["data"]["drift"] == 1, drift.body);
    api::Json item;
    const auto report = drift.json();
    for (const auto& router : report["data"]["routers"])
        if (router["router_id"] == 1) item = router["drift"].at(0);
    BOOST_TEST(item["kind"] == "missing_from_isolir_list");
    BOOST_TEST(item["ip_address"] == "10.50.0.2");

    auto sync = fixture.server.post("/api/network/sync", "", fixture.token);
    BOOST_TEST_REQUIRE(sync.status == 200, sync.body);
    BOOST_TEST(sync.json()["data"]["repaired"] == 1, sync.body);
    BOOST_TEST(on_isolir_list(*fixture.routers[0], "10.50.0.2"));
    BOOST_TEST(fixture.server.get("/api/network/drift", fixture.token).json()["data"]["drift"] == 0);
}

// The isolir page recognises a static-IP or DHCP visitor by the source address the router's
// redirect keeps, and shows what the PPPoE path shows: the masked name, the nomor layanan, the
// open bills with their pay links. X-Forwarded-For counts only from a configured proxy; an
// address two customers share, or nobody's, gets the generic page.
BOOST_AUTO_TEST_CASE(isolir_page_recognises_static_and_dhcp_visitors_by_source_address) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    BOOST_TEST_REQUIRE(fixture.server.post("/api/invoices/generate", R"({"period":"2026-01"})", fixture.server.login("finance")).status == 200);
    const std::vector<std::pair<int, std::string>> changes = {
        {2, R"({"connection_method":"static","ip_address":"127.0.5.2"})"},
        {4, R"({"connection_method":"dhcp","ip_address":"127.0.5.4","mac_address":"AA:BB:CC:00:00:04"})"},
        {6, R"({"connection_method":"static","ip_address":"127.0.5.9"})"},  // router 1
        {3, R"({"connection_method":"static","ip_address":"127.0.5.9"})"},  // router 2: the same private address
        {8, R"({"connection_method":"static","ip_address":"127.0.5.7"})"},  // later also the reverse proxy's address
    };
    for (const auto& [customer, body] : changes) {
        auto reply = fixture.server.put("/api/customers/" + std::to_string(customer), body, admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    }
    const auto column = [&](const char* name, int customer) {
        return fixture.server.scalar(std::string("SELECT ") + name + " FROM customers WHERE id = " + std::to_string(customer));
    };
    const std::string invoice_no = fixture.server.scalar("SELECT invoice_no FROM invoices WHERE customer_id = 2 AND status = 'unpaid' LIMIT 1");
    BOOST_TEST_REQUIRE(!invoice_no.empty());
    auto isolir_from = [&](const std::string& source, const std::map<std::string, std::string>& headers = {}) {
        auto reply = http_request("GET", fixture.server.url("/isolir"), {}, headers, source);
        BOOST_TEST_REQUIRE(reply.status == 200);
        return reply.body;
    };
    const auto generic = [](const std::string& body) { return body.find("tidak dapat mengenali") != std::string::npos; };

    const std::string page = isolir_from("127.0.5.2");
    BOOST_TEST(page.find(customers::mask_name(column("name", 2))) != std::string::npos, page);
    BOOST_TEST(page.find(column("service_number", 2)) != std::string::npos);
    BOOST_TEST(page.find(invoice_no) != std::string::npos);
    BOOST_TEST(page.find("/billing?nomor=" + column("service_number", 2) + "&amp;invoice=" + invoice_no) != std::string::npos);
    // No more than the PPPoE path shows: not the full name, phone, e-mail, address, IP or MAC.
    for (const char* hidden : {"name", "phone", "email", "address"})
        if (!column(hidden, 2).empty() && column(hidden, 2) != customers::mask_name(column("name", 2)))
            BOOST_TEST(page.find(column(hidden, 2)) == std::string::npos, hidden);
    BOOST_TEST(page.find("127.0.5.2") == std::string::npos);

    BOOST_TEST(isolir_from("127.0.5.4").find(column("service_number", 4)) != std::string::npos);
    BOOST_TEST(generic(isolir_from("127.0.5.9")));  // two customers on two routers: no guess
    BOOST_TEST(generic(isolir_from("127.0.5.8")));  // nobody's address
    // A forged X-Forwarded-For from an ordinary client is not believed: the peer is customer 8.
    BOOST_TEST(isolir_from("127.0.5.7", {{"X-Forwarded-For", "127.0.5.2"}}).find(column("service_number", 8)) != std::string::npos);
    BOOST_TEST(generic(isolir_from("127.0.5.8", {{"X-Forwarded-For", "127.0.5.2"}})));
    {
        auto lease = fixture.server.app().database();
        app::Context context = fixture.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"trusted_proxies", "127.0.5.7"}}).ok());
    }
    // From the configured proxy it is; from anyone else still not. The proxy's own address names
    // no one, even a customer given it by mistake.
    BOOST_TEST(isolir_from("127.0.5.7", {{"X-Forwarded-For", "127.0.5.2"}}).find(column("service_number", 2)) != std::string::npos);
    BOOST_TEST(generic(isolir_from("127.0.5.8", {{"X-Forwarded-For", "127.0.5.2"}})));
    BOOST_TEST(generic(isolir_from("127.0.5.7")));
    // A PPPoE customer is never found by an address: only static and DHCP customers have one here.
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2", R"({"connection_method":"pppoe"})", admin).status == 200);
    BOOST_TEST(generic(isolir_from("127.0.5.2")));
}

BOOST_AUTO_TEST_SUITE_END()
