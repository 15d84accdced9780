// The drift check for RADIUS customers (services/radius_drift.*) with the real FreeRADIUS and the
// CoA listener as the NAS (radius_fixture.hpp). Each customer logs in through FreeRADIUS
// (radclient: what the Access-Accept carried is recorded) and starts an accounting session; the
// NAS then refuses or ignores a CoA, the drift report shows it, and the repair (POST
// /api/network/sync, the same call the PPPoE drift uses) sends again. What matters is read back
// independently: the listener's record of what reached the NAS, FreeRADIUS's answer, the
// session's applied state in the customer's RADIUS summary, the network action and the log.
#include "radius_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// Logs `customer` in through FreeRADIUS and starts its accounting session `session_id` at the NAS.
void go_online(RadiusWorld& world, int customer, const std::string& password, const std::string& session_id) {
    const auto accepted = world.access_request(customer, password);
    BOOST_TEST_REQUIRE(accepted.code == "Access-Accept", accepted.output);
    const auto started = world.accounting("User-Name = \"" + world.username(customer) + "\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"" +
                                          session_id + "\"\nNAS-IP-Address = 127.0.0.1\nFramed-IP-Address = 10.77.0." +
                                          std::to_string(customer) + "\n");
    BOOST_TEST_REQUIRE(started.code == "Accounting-Response", started.output);
}

std::vector<sim::CoaReceived> requests_for(RadiusWorld& world, int customer) {
    std::vector<sim::CoaReceived> out;
    for (const auto& request : world.coa.received())
        if (request.attributes.contains(1) && request.attributes.at(1) == world.username(customer)) out.push_back(request);
    return out;
}

// The customer's drift items in a drift report (GET /api/network/drift or the sync answer).
std::vector<api::Json> drift_of(const api::Json& report, int customer) {
    std::vector<api::Json> out;
    for (const auto& router : report["routers"])
        for (const auto& item : router["drift"])
            if (item["customer_id"] == customer) out.push_back(item);
    return out;
}

api::Json drift_report(RadiusWorld& world) {
    auto reply = world.server.get("/api/network/drift", world.server.login("technician"));
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json()["data"];
}

api::Json sync(RadiusWorld& world) {
    auto reply = world.server.post("/api/network/sync", "{}", world.server.login("technician"));
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json()["data"];
}

api::Json open_session(RadiusWorld& world, int customer) {
    auto reply = world.server.get("/api/customers/" + std::to_string(customer) + "/radius", world.server.login("technician"));
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto data = reply.json()["data"];
    BOOST_TEST_REQUIRE(data["sessions"].size() == 1u, data.dump());
    return data["sessions"][0];
}

// A FreeRADIUS and server of this suite's own: in one process (a PostgreSQL area runs every
// network suite in one) the radius suite's world has customers, sessions and CoA replies of its own
// that these counts must not see.
RadiusWorld& drift_world() {
    static RadiusWorld world;
    return world;
}

void set_setting(RadiusWorld& world, const std::string& key, const std::string& value) {
    auto lease = world.server.app().database();
    app::Context context = world.server.app().context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::update_settings(context, {{key, value}}).ok());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(radius_drift)

BOOST_AUTO_TEST_CASE(an_isolation_the_nas_refused_is_sent_again_by_the_repair_and_reads_back_isolated) {
    auto& world = drift_world();
    world.make_radius_customer(4, "rahasia-4");
    go_online(world, 4, "rahasia-4", "d4000001");
    BOOST_TEST(open_session(world, 4)["applied_state"] == "normal");
    BOOST_TEST(open_session(world, 4)["applied_by"] == "access-accept");

    // The NAS refuses the Disconnect-Request (Administratively-Prohibited): billing says isolated, the session is not.
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Nak, 501);
    auto isolated = world.server.post("/api/customers/4/isolate", "{}", world.server.login("technician"));
    BOOST_TEST_REQUIRE(isolated.status == 202, isolated.body);
    BOOST_TEST(requests_for(world, 4).size() == 1u);
    BOOST_TEST(open_session(world, 4)["applied_state"] == "normal");
    BOOST_TEST(open_session(world, 4)["last_coa"] == "nak");

    const auto found = drift_of(drift_report(world), 4);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0]["kind"] == "session_not_isolated", found[0].dump());
    BOOST_TEST(found[0]["expected_state"] == "isolated");
    BOOST_TEST(found[0]["session_state"] == "normal");
    BOOST_TEST(found[0]["last_coa_detail"].get<std::string>().find("Administratively-Prohibited") != std::string::npos, found[0].dump());
    BOOST_TEST(found[0]["pending"] == true);
    BOOST_TEST(found[0]["repaired"] == false);
    BOOST_TEST(requests_for(world, 4).size() == 1u, "the check alone sends nothing");

    // The NAS accepts again: the repair sends the same Disconnect-Request, signed, with the session's id.
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    const auto repaired = drift_of(sync(world), 4);
    BOOST_TEST_REQUIRE(repaired.size() == 1u);
    BOOST_TEST(repaired[0]["repaired"] == true, repaired[0].dump());
    const auto sent = requests_for(world, 4);
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].code == 40);
    BOOST_TEST(sent[0].authenticator_ok);
    BOOST_TEST(sent[0].message_authenticator_ok);
    BOOST_TEST(sent[0].attributes.at(44) == "d4000001");  // Acct-Session-Id
    BOOST_TEST(open_session(world, 4)["applied_state"] == "isolated");
    BOOST_TEST(open_session(world, 4)["applied_by"] == "disconnect");
    // The isolation the network worker was retrying is done, and the repair is logged like the other drift repairs.
    BOOST_TEST(world.server.scalar("SELECT status FROM network_actions WHERE customer_id = 4 AND action = 'isolate' ORDER BY id DESC LIMIT 1") == "done");
    BOOST_TEST(world.server.scalar("SELECT action || ' ' || reason || ' ' || result || ' ' || profile_after FROM isolation_log "
                                   "WHERE customer_id = 4 ORDER BY id DESC LIMIT 1") == "repair drift applied Disconnect-Request");
    // FreeRADIUS answers the isolir pool to the login that follows.
    const auto relogin = world.access_request(4, "rahasia-4");
    BOOST_TEST_REQUIRE(relogin.code == "Access-Accept", relogin.output);
    BOOST_TEST(relogin.attributes.at("Framed-Pool") == "isolir");

    // Idempotent: the next check finds nothing and the next repair sends nothing and logs nothing.
    BOOST_TEST(drift_of(drift_report(world), 4).empty());
    world.coa.clear();
    BOOST_TEST(drift_of(sync(world), 4).empty());
    BOOST_TEST(requests_for(world, 4).empty());
    BOOST_TEST(world.server.scalar("SELECT COUNT(*) FROM isolation_log WHERE customer_id = 4 AND action = 'repair'") == "1");
}

BOOST_AUTO_TEST_CASE(a_healthy_customer_gets_nothing_and_a_restore_the_nas_never_answered_is_repaired_by_coa) {
    auto& world = drift_world();
    // Keep the address, change the rate: isolation and restore are CoA-Requests.
    set_setting(world, "radius_isolir_pool", "");
    world.make_radius_customer(6, "rahasia-6");
    world.make_radius_customer(8, "rahasia-8");
    world.coa.set_reply(sim::CoaReply::Ack);
    BOOST_TEST_REQUIRE(world.server.post("/api/customers/8/isolate", "{}", world.server.login("technician")).status == 200);
    go_online(world, 6, "rahasia-6", "d6000001");
    go_online(world, 8, "rahasia-8", "d8000001");
    BOOST_TEST(open_session(world, 8)["applied_state"] == "isolated");

    // A healthy online customer: no drift, no request.
    world.coa.clear();
    BOOST_TEST(drift_of(sync(world), 6).empty());
    BOOST_TEST(requests_for(world, 6).empty());

    // The NAS answers nothing to the restore (three tries): the session keeps the isolir rate.
    world.coa.set_reply(sim::CoaReply::Silent);
    auto restored = world.server.post("/api/customers/8/restore", "{}", world.server.login("technician"));
    BOOST_TEST_REQUIRE(restored.status == 202, restored.body);
    BOOST_TEST(requests_for(world, 8).size() == 3u);
    const auto found = drift_of(drift_report(world), 8);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0]["kind"] == "session_still_isolated", found[0].dump());
    BOOST_TEST(found[0]["last_coa"] == "timeout");
    BOOST_TEST(found[0]["session_rate_limit"] == "512k/512k");
    const std::string package_rate = found[0]["expected_rate_limit"];
    BOOST_TEST(package_rate != "512k/512k");

    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    BOOST_TEST(drift_of(sync(world), 8).at(0)["repaired"] == true);
    const auto sent = requests_for(world, 8);
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].code == 43);
    BOOST_TEST(sent[0].mikrotik_rate_limit == package_rate);
    BOOST_TEST(open_session(world, 8)["applied_state"] == "normal");
    BOOST_TEST(open_session(world, 8)["applied_rate_limit"] == package_rate);
    BOOST_TEST(requests_for(world, 6).empty());
    // The speed sent is the package's, as FreeRADIUS answers the customer's next login.
    const auto relogin = world.access_request(8, "rahasia-8");
    BOOST_TEST_REQUIRE(relogin.code == "Access-Accept", relogin.output);
    BOOST_TEST(relogin.attributes.at("Mikrotik-Rate-Limit") == package_rate);
    set_setting(world, "radius_isolir_pool", "isolir");
}

BOOST_AUTO_TEST_CASE(a_package_change_is_a_rate_limit_drift_repaired_by_coa_even_when_isolation_disconnects) {
    auto& world = drift_world();
    world.make_radius_customer(10, "rahasia-10");
    go_online(world, 10, "rahasia-10", "d10000001");
    const std::string before_rate = open_session(world, 10)["applied_rate_limit"];
    const std::string other_package = world.server.scalar(
        "SELECT id FROM internet_packages WHERE id <> (SELECT package_id FROM customers WHERE id = 10) AND download_kbps <> "
        "(SELECT p.download_kbps FROM internet_packages p JOIN customers c ON c.package_id = p.id WHERE c.id = 10) ORDER BY id LIMIT 1");
    BOOST_TEST_REQUIRE(!other_package.empty());
    auto changed = world.server.put("/api/customers/10", api::Json{{"package_id", std::stoll(other_package)}}.dump(), world.server.login("admin"));
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);

    const auto found = drift_of(drift_report(world), 10);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0]["kind"] == "rate_limit_mismatch", found[0].dump());
    BOOST_TEST(found[0]["session_rate_limit"] == before_rate);
    const std::string new_rate = found[0]["expected_rate_limit"];
    BOOST_TEST(new_rate != before_rate);

    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    BOOST_TEST(drift_of(sync(world), 10).at(0)["repaired"] == true);
    const auto sent = requests_for(world, 10);
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].code == 43);  // a CoA-Request: the speed changes without dropping the session
    BOOST_TEST(sent[0].mikrotik_rate_limit == new_rate);
    BOOST_TEST(open_session(world, 10)["applied_rate_limit"] == new_rate);
}

BOOST_AUTO_TEST_CASE(one_repair_sends_at_most_radius_drift_max_per_run_and_the_next_run_takes_the_rest) {
    auto& world = drift_world();
    set_setting(world, "radius_drift_max_per_run", "1");
    world.make_radius_customer(14, "rahasia-14");
    world.make_radius_customer(18, "rahasia-18");
    go_online(world, 14, "rahasia-14", "d14000001");
    go_online(world, 18, "rahasia-18", "d18000001");
    world.coa.set_reply(sim::CoaReply::Nak, 501);
    const std::string technician = world.server.login("technician");
    BOOST_TEST_REQUIRE(world.server.post("/api/customers/14/isolate", "{}", technician).status == 202);
    BOOST_TEST_REQUIRE(world.server.post("/api/customers/18/isolate", "{}", technician).status == 202);

    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    auto first = sync(world);
    const int sent_first = static_cast<int>(requests_for(world, 14).size() + requests_for(world, 18).size());
    BOOST_TEST(sent_first == 1);
    const bool first_is_14 = !requests_for(world, 14).empty();
    const int second = first_is_14 ? 18 : 14;
    BOOST_TEST(drift_of(first, second).at(0)["deferred"] == true);

    world.coa.clear();
    sync(world);
    BOOST_TEST(requests_for(world, second).size() == 1u);
    BOOST_TEST(requests_for(world, first_is_14 ? 14 : 18).empty());
    BOOST_TEST(open_session(world, 14)["applied_state"] == "isolated");
    BOOST_TEST(open_session(world, 18)["applied_state"] == "isolated");

    // A bad value is refused at the field.
    auto refused = world.server.put("/api/settings", api::Json{{"radius_drift_max_per_run", "0"}}.dump(), world.server.login("superadmin"));
    BOOST_TEST(refused.status == 422, refused.body);
    set_setting(world, "radius_drift_max_per_run", "100");
}

BOOST_AUTO_TEST_CASE(a_silent_nas_stops_the_repair_after_three_unanswered_requests) {
    auto& world = drift_world();
    world.coa.set_reply(sim::CoaReply::Silent);
    const std::string technician = world.server.login("technician");
    for (int customer : {20, 22, 24, 26}) {
        world.make_radius_customer(customer, "rahasia-" + std::to_string(customer));
        go_online(world, customer, "rahasia-" + std::to_string(customer), "d" + std::to_string(customer) + "00001");
        BOOST_TEST_REQUIRE(world.server.post("/api/customers/" + std::to_string(customer) + "/isolate", "{}", technician).status == 202);
    }
    world.coa.clear();
    const auto report = sync(world);
    // Three customers tried (three copies each), the fourth deferred to the next run.
    BOOST_TEST(world.coa.received().size() == 9u);
    int deferred = 0;
    for (int customer : {20, 22, 24, 26}) deferred += drift_of(report, customer).at(0).value("deferred", false) ? 1 : 0;
    BOOST_TEST(deferred == 1);
}

BOOST_AUTO_TEST_SUITE_END()
