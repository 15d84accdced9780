// `kimonet mikrotik import` beyond PPP secrets (issue 22): the simulated router's hotspot users and
// DHCP leases (read over the RouterOS API like a real router's) become static-IP customers matched
// to packages by profile or rate, with the same dry run; what cannot be matched is listed with why.
#include <boost/test/unit_test.hpp>

#include "network_fixture.hpp"
#include "services/network_reconcile.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// The report's entries of `section` whose `key` is one of ours (the demo router has its own too).
std::map<std::string, api::Json> entries_by(const api::Json& report, const char* section, const char* key) {
    std::map<std::string, api::Json> out;
    for (const auto& entry : report[section])
        if (entry.contains(key)) out[entry[key].get<std::string>()] = entry;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router_import_accounts)

BOOST_AUTO_TEST_CASE(hotspot_users_and_static_leases_become_static_ip_customers_after_a_dry_run) {
    NetworkFixture fixture;
    const std::string admin = fixture.server.login("admin");
    auto package = fixture.server.post("/api/packages",
                                       R"({"name":"Rumah 12 Mbps","download_kbps":12000,"upload_kbps":6000,"price":175000,"mikrotik_profile":"home-12M"})", admin);
    BOOST_TEST_REQUIRE(package.status == 201, package.body);
    const std::int64_t package_id = package.json()["data"]["id"];
    fixture.routers[0]->with_state([](sim::RouterState& state) {
        state.menu("/ip/hotspot/user/profile")->add({{"name", "member-12M"}, {"rate-limit", "6M/12M"}, {"shared-users", "1"}});
        auto* users = state.menu("/ip/hotspot/user");
        users->add({{"name", "ruko-andi"}, {"profile", "member-12M"}, {"address", "10.5.50.10"}, {"mac-address", "AA:BB:CC:00:00:10"},
                    {"comment", "Andi Ruko 081377788899"}, {"disabled", "false"}});
        users->add({{"name", "kantor-desa"}, {"profile", "home-12M"}, {"address", "10.5.50.11"}, {"comment", "Kantor Desa 081300011122"},
                    {"disabled", "false"}});
        users->add({{"name", "tamu"}, {"profile", "default"}, {"comment", "Tamu 081355566677"}, {"disabled", "false"}});
        users->add({{"name", "V8XK2PQ"}, {"profile", "default"}, {"comment", "kimonet-voucher-batch-3"}, {"disabled", "false"}});
        auto* leases = state.menu("/ip/dhcp-server/lease");
        leases->add({{"address", "10.5.60.20"}, {"mac-address", "AA:BB:CC:00:00:20"}, {"rate-limit", "6M/12M"},
                     {"comment", "Warung Bu Tini 085711122233"}, {"dynamic", "false"}, {"disabled", "false"}});
        leases->add({{"address", "10.5.60.99"}, {"mac-address", "AA:BB:CC:00:00:99"}, {"comment", "HP tamu 081200000099"}, {"dynamic", "true"},
                     {"disabled", "false"}});
        leases->add({{"address", "10.5.60.21"}, {"mac-address", "AA:BB:CC:00:00:21"}, {"comment", "Pak RT 081299900011"}, {"dynamic", "false"},
                     {"disabled", "false"}});
        leases->add({{"address", "10.5.60.22"}, {"mac-address", "AA:BB:CC:00:00:22"}, {"rate-limit", "3M/3M"}, {"comment", "Bu Ani 081299900022"},
                     {"dynamic", "false"}, {"disabled", "false"}});
        return 0;
    });
    auto context_lease = fixture.server.app().database();
    app::Context context = fixture.server.app().context(**context_lease, app::Actor{"system", 0, "test", ""});

    const std::string before = fixture.server.snapshot();
    auto dry = services::import_from_router(context, 1, true);
    BOOST_TEST_REQUIRE(dry.ok(), (dry ? "" : dry.error().message()));
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(!dry->contains("accounts_error"));
    auto hotspot = entries_by(*dry, "hotspot_customers", "hotspot_user");
    auto leases = entries_by(*dry, "static_customers", "lease");
    BOOST_TEST_REQUIRE(hotspot.size() == 2u);
    BOOST_TEST(hotspot["ruko-andi"]["package_id"] == package_id);    // by the user profile's rate
    BOOST_TEST(hotspot["kantor-desa"]["package_id"] == package_id);  // by profile name
    BOOST_TEST(hotspot["ruko-andi"]["name"] == "Andi Ruko");
    BOOST_TEST(hotspot["ruko-andi"]["connection_method"] == "static");
    BOOST_TEST_REQUIRE(leases.size() == 1u);
    BOOST_TEST(leases["10.5.60.20"]["package_id"] == package_id);
    BOOST_TEST(leases["10.5.60.20"]["phone"] == "085711122233");
    auto skipped_users = entries_by(*dry, "skipped", "hotspot_user");
    auto skipped_leases = entries_by(*dry, "skipped", "lease");
    BOOST_TEST(skipped_users.count("tamu") == 1u);
    BOOST_TEST(skipped_users.count("V8XK2PQ") == 0u);  // a voucher, not a subscriber
    BOOST_TEST(skipped_leases["10.5.60.21"]["reason"].get<std::string>().find("rate-limit") != std::string::npos);
    BOOST_TEST(skipped_leases["10.5.60.22"]["reason"].get<std::string>().find("3M/3M") != std::string::npos);
    BOOST_TEST(skipped_leases.count("10.5.60.99") == 0u);  // dynamic: not a customer

    auto done = services::import_from_router(context, 1, false);
    BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()));
    BOOST_TEST(fixture.server.joined("SELECT ip_address || ':' || connection_method || ':' || mac_address || ':' || package_id FROM customers "
                                     "WHERE ip_address LIKE '10.5.%' ORDER BY ip_address") ==
               "10.5.50.10:static:AA:BB:CC:00:00:10:" + std::to_string(package_id) + ",10.5.50.11:static::" + std::to_string(package_id) +
                   ",10.5.60.20:static:AA:BB:CC:00:00:20:" + std::to_string(package_id));
    BOOST_TEST(fixture.server.scalar("SELECT phone FROM customers WHERE ip_address = '10.5.50.11'") == "6281300011122");

    // Again: the imported addresses are known, nothing new.
    auto again = services::import_from_router(context, 1, true);
    BOOST_TEST_REQUIRE(again.ok());
    BOOST_TEST(entries_by(*again, "hotspot_customers", "hotspot_user").empty());
    BOOST_TEST(entries_by(*again, "static_customers", "lease").empty());
}

BOOST_AUTO_TEST_SUITE_END()
