// RADIUS customers end to end with the real FreeRADIUS (one per suite, radius_fixture.hpp):
// radclient is the NAS asking FreeRADIUS, FreeRADIUS asks Kimonet over rlm_rest, Kimonet sends
// CoA / Disconnect-Request to the CoA listener (server/sim/radius) and stores accounting. Each
// state is read back independently: the Access-Accept's attributes as radclient prints them, the
// listener's record of what reached the NAS, the API's sessions and usage.
#include "radius_fixture.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace kimonet;
using namespace kimonet::testing;

namespace {

std::string hmac_md5(const std::string& key, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_md5(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
    return std::string(reinterpret_cast<char*>(out), length);
}

// An Access-Request with User-Name and a Message-Authenticator (RFC 3579 §3.2), CHAP-less and
// password-less: FreeRADIUS must check the signature before anything else.
std::string signed_access_request(const std::string& username, const std::string& secret) {
    std::string packet(20, '\0');
    packet[0] = 1;
    packet[1] = 7;
    for (int index = 4; index < 20; ++index) packet[index] = static_cast<char>(index * 13);
    packet += std::string{1, static_cast<char>(username.size() + 2)} + username;
    const std::size_t signature = packet.size() + 2;
    packet += std::string{80, 18} + std::string(16, '\0');
    packet[3] = static_cast<char>(packet.size());
    packet.replace(signature, 16, hmac_md5(secret, packet));
    return packet;
}

api::Json summary(RadiusWorld& world, int customer) {
    auto reply = world.server.get("/api/customers/" + std::to_string(customer) + "/radius", world.server.login("technician"));
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json()["data"];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(radius)

BOOST_AUTO_TEST_CASE(access_request_gets_the_package_attributes_with_pap_and_a_wrong_password_is_rejected) {
    auto& world = radius_world();
    world.make_radius_customer(8, "rahasia%{User-Name}");
    const auto accepted = world.access_request(8, "rahasia%{User-Name}");
    BOOST_TEST_REQUIRE(accepted.code == "Access-Accept", accepted.output);
    const std::string rate = world.server.scalar(
        "SELECT p.upload_kbps || '/' || p.download_kbps FROM customers c JOIN internet_packages p ON p.id = c.package_id WHERE c.id = 8");
    BOOST_TEST_MESSAGE("package kbps " << rate << " -> " << accepted.attributes.at("Mikrotik-Rate-Limit"));
    BOOST_TEST(accepted.attributes.at("Mikrotik-Rate-Limit").find('/') != std::string::npos);
    BOOST_TEST(!accepted.attributes.contains("Framed-Pool"));
    BOOST_TEST(accepted.attributes.count("Cleartext-Password") == 0);  // never sent to the NAS
    const auto rejected = world.access_request(8, "rahasia-salah");
    BOOST_TEST(rejected.code == "Access-Reject", rejected.output);
    // A PPPoE customer (not RADIUS) is unknown to FreeRADIUS even with its PPPoE name.
    const auto stranger = radclient(world.dir, world.auth_port, "auth", kNasSecret,
                                    "User-Name = \"" + world.username(5) + "\"\nUser-Password = \"x\"\nMessage-Authenticator = 0x00\n");
    BOOST_TEST(stranger.code == "Access-Reject", stranger.output);
}

BOOST_AUTO_TEST_CASE(a_wrong_shared_secret_or_an_edited_message_authenticator_gets_no_answer) {
    auto& world = radius_world();
    world.make_radius_customer(10, "rahasia-10");
    const auto wrong_secret = radclient(world.dir, world.auth_port, "auth", "not-the-secret",
                                        "User-Name = \"" + world.username(10) + "\"\nUser-Password = \"rahasia-10\"\nMessage-Authenticator = 0x00\n", 1);
    BOOST_TEST(wrong_secret.code.empty(), wrong_secret.output);
    // The same signed packet reaches FreeRADIUS untouched (answered: a reject, no password) and
    // with one octet of its Message-Authenticator flipped (dropped).
    const std::string packet = signed_access_request(world.username(10), kNasSecret);
    BOOST_TEST(!udp_exchange(world.auth_port, packet, std::chrono::milliseconds(3000)).empty());
    std::string edited = packet;
    edited[edited.size() - 1] ^= 0x01;
    BOOST_TEST(udp_exchange(world.auth_port, edited, std::chrono::milliseconds(1000)).empty());
    // Oversized (past RFC 2865's 4096 octets) and truncated packets are dropped; FreeRADIUS still answers after them.
    BOOST_TEST(udp_exchange(world.auth_port, packet + std::string(5000, 'x'), std::chrono::milliseconds(300)).empty());
    BOOST_TEST(udp_exchange(world.auth_port, packet.substr(0, 19), std::chrono::milliseconds(300)).empty());
    BOOST_TEST(world.access_request(10, "rahasia-10").code == "Access-Accept");
}

BOOST_AUTO_TEST_CASE(accounting_start_interim_stop_is_stored_once_and_shown_per_customer) {
    auto& world = radius_world();
    world.make_radius_customer(12, "rahasia-12");
    const std::string user = world.username(12);
    auto packet = [&](const std::string& status, int gigawords, int octets, int seconds) {
        return "User-Name = \"" + user + "\"\nAcct-Status-Type = " + status + "\nAcct-Session-Id = \"81a00012\"\nNAS-IP-Address = 127.0.0.1\n"
               "Framed-IP-Address = 10.77.0.12\nAcct-Session-Time = " + std::to_string(seconds) +
               "\nAcct-Input-Octets = " + std::to_string(octets) + "\nAcct-Input-Gigawords = " + std::to_string(gigawords) +
               "\nAcct-Output-Octets = " + std::to_string(octets * 2) + "\nAcct-Output-Gigawords = " + std::to_string(gigawords) + "\n";
    };
    BOOST_TEST_REQUIRE(world.accounting(packet("Start", 0, 0, 0)).code == "Accounting-Response");
    auto online = summary(world, 12);
    BOOST_TEST(online["online"] == true, online.dump());
    BOOST_TEST(online["sessions"][0]["framed_ip"] == "10.77.0.12");

    BOOST_TEST_REQUIRE(world.accounting(packet("Interim-Update", 1, 1000, 600)).code == "Accounting-Response");
    const std::string after_interim = world.server.snapshot();
    // A replayed Interim-Update, and an older one arriving late, change nothing.
    BOOST_TEST_REQUIRE(world.accounting(packet("Interim-Update", 1, 1000, 600)).code == "Accounting-Response");
    BOOST_TEST_REQUIRE(world.accounting(packet("Interim-Update", 0, 500, 300)).code == "Accounting-Response");
    BOOST_TEST(world.server.snapshot() == after_interim);

    BOOST_TEST_REQUIRE(world.accounting(packet("Stop", 1, 3000, 900) + "Acct-Terminate-Cause = User-Request\n").code == "Accounting-Response");
    const std::string after_stop = world.server.snapshot();
    BOOST_TEST_REQUIRE(world.accounting(packet("Stop", 1, 3000, 900)).code == "Accounting-Response");  // replayed Stop
    BOOST_TEST_REQUIRE(world.accounting(packet("Start", 0, 0, 0)).code == "Accounting-Response");     // replayed Start
    BOOST_TEST(world.server.snapshot() == after_stop);

    const auto shown = summary(world, 12);
    BOOST_TEST(shown["online"] == false, shown.dump());
    BOOST_TEST(shown["last_session"]["acct_session_id"] == "81a00012");
    BOOST_TEST(shown["last_session"]["session_seconds"] == 900);
    BOOST_TEST(shown["last_session"]["terminate_cause"] == "User-Request");
    // Gigawords: 2^32 + octets.
    BOOST_TEST(shown["usage_month"]["period"] == "2026-01");
    BOOST_TEST(shown["usage_month"]["upload_bytes"] == 4294967296LL + 3000);
    BOOST_TEST(shown["usage_month"]["download_bytes"] == 4294967296LL + 6000);
}

BOOST_AUTO_TEST_CASE(the_endpoints_freeradius_calls_refuse_a_missing_or_wrong_credential_and_huge_bodies) {
    auto& world = radius_world();
    world.make_radius_customer(14, "rahasia-14");
    const std::string body = R"({"User-Name":{"type":"string","value":[")" + world.username(14) + R"("]}})";
    const std::vector<std::map<std::string, std::string>> callers = {
        {},
        {{"Authorization", "Basic " + std::string("ZnJlZXJhZGl1czp3cm9uZw==")}},  // freeradius:wrong
        {{"Authorization", "Bearer " + world.api_secret}},
        {{"Authorization", "Bearer " + world.server.login("superadmin")}},
    };
    const std::string before = world.server.snapshot();
    for (const auto& headers : callers) {
        auto reply = http_request("POST", world.server.url("/api/radius/authorize"), body, headers);
        BOOST_TEST(reply.status == 401, reply.body);
        BOOST_TEST(reply.body.find("rahasia-14") == std::string::npos);
        BOOST_TEST(http_request("POST", world.server.url("/api/radius/accounting"), body, headers).status == 401);
    }
    BOOST_TEST(world.server.snapshot() == before);
    // FreeRADIUS's own credential gets the password (that is what it is for), and a body past the
    // bound is refused before it is read.
    const std::string basic = "Basic " + [&] {
        unsigned char encoded[256];
        const std::string plain = "freeradius:" + world.api_secret;
        const int length = EVP_EncodeBlock(encoded, reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size()));
        return std::string(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(length));
    }();
    auto trusted = http_request("POST", world.server.url("/api/radius/authorize"), body, {{"Authorization", basic}});
    BOOST_TEST_REQUIRE(trusted.status == 200, trusted.body);
    BOOST_TEST(trusted.json()["control:Cleartext-Password"]["value"] == "rahasia-14");
    BOOST_TEST(trusted.json()["control:Cleartext-Password"]["do_xlat"] == false);
    // (the answer is remembered as what the customer's next session applies: radius_accepts)
    const std::string answered = world.server.snapshot();
    auto huge = http_request("POST", world.server.url("/api/radius/accounting"), std::string(40 * 1024, ' '), {{"Authorization", basic}});
    BOOST_TEST(huge.status == 413, huge.body);
    auto malformed = http_request("POST", world.server.url("/api/radius/accounting"),
                                  R"({"Acct-Status-Type":{"value":["Start"]},"Acct-Session-Id":{"value":["x"]},"User-Name":{"value":["a"]},"Acct-Input-Octets":{"value":["-1"]}})",
                                  {{"Authorization", basic}});
    BOOST_TEST(malformed.status == 422, malformed.body);
    BOOST_TEST(world.server.snapshot() == answered);
}

BOOST_AUTO_TEST_CASE(the_nas_settings_keep_the_secret_write_only_and_lower_roles_cannot_change_them) {
    auto& world = radius_world();
    for (const char* role : {"superadmin", "technician", "finance"}) {
        auto read = world.server.get("/api/routers/1/radius", world.server.login(role));
        BOOST_TEST_REQUIRE(read.status == 200, read.body);
        BOOST_TEST(read.json()["data"]["has_secret"] == true);
        BOOST_TEST(read.body.find(kNasSecret) == std::string::npos, read.body);
    }
    const std::string finance = world.server.login("finance"), technician = world.server.login("technician");
    const std::string before = world.server.snapshot();
    const std::string change = R"({"secret":"another-secret-2"})";
    BOOST_TEST(world.server.put("/api/routers/1/radius", change, finance).status == 403);
    BOOST_TEST(world.server.put("/api/routers/1/radius", change).status == 401);
    BOOST_TEST(world.server.get("/api/customers/12/radius", finance).status == 403);
    BOOST_TEST(world.server.get("/api/customers/12/radius").status == 401);
    for (const char* bad : {R"({"secret":"short"})", R"({"secret":"has \"quote\" inside"})", R"({"coa_port":70000})", R"({"nas_address":"10.0.0.256"})",
                            R"({"nas_address":"10.0.0.1","extra":1})"}) {
        auto reply = world.server.put("/api/routers/1/radius", bad, technician);
        BOOST_TEST(reply.status == 422, bad << " " << reply.body);
    }
    BOOST_TEST(world.server.snapshot() == before);
}

// The shared secret keys every Disconnect-Request and CoA-Request sent to the NAS address: a role
// that may edit the router's RADIUS settings but does not know the secret (a technician) cannot
// point that address at its own host and collect packets to guess the secret from.
BOOST_AUTO_TEST_CASE(moving_the_nas_address_needs_the_secret_typed_again) {
    auto& world = radius_world();
    const std::string technician = world.server.login("technician");
    const api::Json stored = world.server.get("/api/routers/1/radius", technician).json()["data"];
    const std::string before = world.server.snapshot();
    for (const char* move : {R"({"nas_address":"203.0.113.66"})", R"({"nas_address":"203.0.113.66","coa_port":3799})"}) {
        auto reply = world.server.put("/api/routers/1/radius", move, technician);
        BOOST_TEST(reply.status == 422, reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains("secret"), reply.body);
    }
    BOOST_TEST(world.server.snapshot() == before);
    // The same address again (the form sends every field) and a new port on it are not moves.
    auto same = world.server.put("/api/routers/1/radius", api::Json{{"nas_address", stored["nas_address"]}, {"coa_port", stored["coa_port"]}}.dump(), technician);
    BOOST_TEST(same.status == 200, same.body);
    // Typed again with the move, it is accepted; then put back as it was for the other cases.
    auto moved = world.server.put("/api/routers/1/radius", api::Json{{"nas_address", "203.0.113.66"}, {"secret", kNasSecret}}.dump(), technician);
    BOOST_TEST(moved.status == 200, moved.body);
    auto back = world.server.put("/api/routers/1/radius", api::Json{{"nas_address", stored["nas_address"]}, {"secret", kNasSecret}}.dump(), technician);
    BOOST_TEST_REQUIRE(back.status == 200, back.body);
}

BOOST_AUTO_TEST_CASE(coa_nak_timeouts_and_retransmission_are_handled_and_logged) {
    auto& world = radius_world();
    world.make_radius_customer(16, "rahasia-16");
    const std::string technician = world.server.login("technician");
    auto last_log = [&] { return world.server.scalar("SELECT result || ' ' || detail FROM isolation_log WHERE customer_id = 16 ORDER BY id DESC LIMIT 1"); };

    // No session on the NAS (Error-Cause 503): the RADIUS answer already changed, so it is applied.
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Nak, 503);
    auto isolated = world.server.post("/api/customers/16/isolate", "{}", technician);
    BOOST_TEST_REQUIRE(isolated.status == 200, isolated.body);
    BOOST_TEST(isolated.json()["data"]["result"] == "applied");
    BOOST_TEST(last_log().find("Session-Context-Not-Found") != std::string::npos, last_log());

    // Another NAK (Administratively-Prohibited) leaves the restore pending, with the cause in the log.
    world.coa.set_reply(sim::CoaReply::Nak, 501);
    auto refused = world.server.post("/api/customers/16/restore", "{}", technician);
    BOOST_TEST(refused.status == 202, refused.body);
    BOOST_TEST(refused.json()["data"]["result"] == "pending");
    BOOST_TEST(last_log().find("Administratively-Prohibited") != std::string::npos, last_log());
    BOOST_TEST(world.server.scalar("SELECT status FROM customers WHERE id = 16") == "active");

    // A NAS that answers nothing: three tries, then still pending.
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Silent);
    world.server.clock().advance(3600);
    auto silent = world.process_pending();
    BOOST_TEST_REQUIRE(silent.ok());
    BOOST_TEST(world.coa.received().size() == 3u);
    BOOST_TEST(world.server.scalar("SELECT status FROM network_actions WHERE customer_id = 16 AND action = 'restore' ORDER BY id DESC LIMIT 1") ==
               "pending");

    // The NAS answers the second copy only (the first was "lost"): applied, the copy identical.
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    world.coa.answer_from_attempt(2);
    world.server.clock().advance(3600);
    BOOST_TEST_REQUIRE(world.process_pending().ok());
    world.coa.answer_from_attempt(1);
    const auto copies = world.coa.received();
    BOOST_TEST_REQUIRE(copies.size() == 2u);
    BOOST_TEST(copies[0].authenticator_ok);
    BOOST_TEST(copies[0].message_authenticator_ok);
    BOOST_TEST(world.server.scalar("SELECT status FROM network_actions WHERE customer_id = 16 AND action = 'restore' ORDER BY id DESC LIMIT 1") == "done");
    BOOST_TEST(last_log().rfind("applied", 0) == 0, last_log());
}

BOOST_AUTO_TEST_CASE(the_coa_listener_agrees_with_radclient_on_the_wire) {
    auto& world = radius_world();
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    const auto answer = radclient(world.dir, world.coa.port(), "coa", kNasSecret,
                                  "User-Name = \"probe\"\nMikrotik-Rate-Limit = \"1M/2M\"\nMessage-Authenticator = 0x00\n");
    BOOST_TEST(answer.code == "CoA-ACK", answer.output);  // radclient checked our Response Authenticator
    const auto seen = world.coa.received();
    BOOST_TEST_REQUIRE(seen.size() == 1u);
    BOOST_TEST(seen[0].code == 43);
    BOOST_TEST(seen[0].authenticator_ok);
    BOOST_TEST(seen[0].message_authenticator_ok);
    BOOST_TEST(seen[0].mikrotik_rate_limit == "1M/2M");
    // Signed with another secret: recorded as not authentic, and not answered.
    world.coa.clear();
    const auto forged = radclient(world.dir, world.coa.port(), "disconnect", "wrong-secret", "User-Name = \"probe\"\n", 1);
    BOOST_TEST(forged.code.empty(), forged.output);
    BOOST_TEST_REQUIRE(world.coa.received().size() == 1u);
    BOOST_TEST(!world.coa.received()[0].authenticator_ok);
}

BOOST_AUTO_TEST_CASE(a_router_offers_only_its_connection_methods_and_keeps_those_its_customers_use) {
    auto& world = radius_world();
    const std::string technician = world.server.login("technician"), admin = world.server.login("admin"), finance = world.server.login("finance");
    auto read = world.server.get("/api/routers/2/radius", technician);
    BOOST_TEST_REQUIRE(read.status == 200, read.body);
    BOOST_TEST(read.json()["data"]["connection_methods"] == api::Json::array({"pppoe", "static", "dhcp", "radius"}));
    BOOST_TEST(read.json()["data"]["offers_radius"] == true);
    BOOST_TEST(read.json()["data"]["has_secret"] == false);

    // Router 2's customers all use PPPoE: RADIUS alone would strand them.
    const std::string before = world.server.snapshot();
    auto stranded = world.server.put("/api/routers/2/radius", R"({"connection_methods":["radius"]})", technician);
    BOOST_TEST(stranded.status == 422, stranded.body);
    BOOST_TEST(stranded.json()["error"]["fields"]["connection_methods"].get<std::string>().find("pppoe") != std::string::npos, stranded.body);
    for (const char* bad : {R"({"connection_methods":[]})", R"({"connection_methods":["pppoe","pppoe"]})", R"({"connection_methods":["wifi"]})",
                            R"({"connection_methods":"pppoe"})", R"({"connection_methods":[1]})"}) {
        auto reply = world.server.put("/api/routers/2/radius", bad, technician);
        BOOST_TEST(reply.status == 422, bad << " " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains("connection_methods"), reply.body);
    }
    BOOST_TEST(world.server.put("/api/routers/2/radius", R"({"connection_methods":["pppoe"]})", finance).status == 403);
    BOOST_TEST(world.server.snapshot() == before);

    // PPPoE only: stored in order, and a customer of that router cannot be moved to RADIUS.
    auto narrowed = world.server.put("/api/routers/2/radius", R"({"connection_methods":["pppoe"]})", technician);
    BOOST_TEST_REQUIRE(narrowed.status == 200, narrowed.body);
    BOOST_TEST(narrowed.json()["data"]["connection_methods"] == api::Json::array({"pppoe"}));
    BOOST_TEST(narrowed.json()["data"]["offers_radius"] == false);
    auto refused = world.server.put("/api/customers/3", R"({"connection_method":"radius","pppoe_password":"rahasia-3"})", admin);
    BOOST_TEST(refused.status == 422, refused.body);
    BOOST_TEST(refused.json()["error"]["fields"]["connection_method"] == "router ini tidak menyediakan cara koneksi ini", refused.body);
    BOOST_TEST(world.server.scalar("SELECT connection_method FROM customers WHERE id = 3") == "pppoe");
    BOOST_TEST_REQUIRE(world.server.put("/api/routers/2/radius", R"({"connection_methods":["radius","pppoe"]})", technician).status == 200);
    BOOST_TEST(world.server.get("/api/routers/2/radius", technician).json()["data"]["connection_methods"] == api::Json::array({"pppoe", "radius"}));
}

// Last: the automatic isolir run isolates every overdue demo customer.
BOOST_AUTO_TEST_CASE(a_radius_customer_goes_through_generate_overdue_isolate_pay_restore) {
    auto& world = radius_world();
    world.make_radius_customer(2, "rahasia-2");
    const std::string finance = world.server.login("finance");
    const auto active = world.access_request(2, "rahasia-2");
    BOOST_TEST_REQUIRE(active.code == "Access-Accept", active.output);
    const std::string package_rate = active.attributes.at("Mikrotik-Rate-Limit");

    BOOST_TEST_REQUIRE(world.server.post("/api/invoices/generate", R"({"period":"2026-01"})", finance).status == 200);
    world.server.clock().advance(25 * 86400);  // 9 February: past every January due day and the grace days
    world.coa.clear();
    world.coa.set_reply(sim::CoaReply::Ack);
    auto run = world.server.post("/api/network/isolir/auto", R"({"force":true})", world.server.login("technician"));
    BOOST_TEST_REQUIRE(run.status == 200, run.body);
    BOOST_TEST(world.server.scalar("SELECT status FROM customers WHERE id = 2") == "isolated");

    // The NAS got a Disconnect-Request for the customer (the isolir pool needs a new session)...
    // (the RADIUS customers of the cases above are overdue too: only customer 2's requests are looked at)
    auto requests_for = [&](int customer) {
        std::vector<sim::CoaReceived> out;
        for (const auto& request : world.coa.received())
            if (request.attributes.contains(1) && request.attributes.at(1) == world.username(customer)) out.push_back(request);
        return out;
    };
    const auto received = requests_for(2);
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].code == 40);
    BOOST_TEST(received[0].attributes.at(1) == world.username(2));
    BOOST_TEST(received[0].attributes.at(55) == std::to_string(world.server.app().clock().now()));  // Event-Timestamp
    BOOST_TEST(received[0].authenticator_ok);
    BOOST_TEST(received[0].message_authenticator_ok);
    // ...and FreeRADIUS now answers the isolir pool, rate limit and address list.
    const auto isolated = world.access_request(2, "rahasia-2");
    BOOST_TEST_REQUIRE(isolated.code == "Access-Accept", isolated.output);
    BOOST_TEST(isolated.attributes.at("Framed-Pool") == "isolir");
    BOOST_TEST(isolated.attributes.at("Mikrotik-Rate-Limit") == "512k/512k");
    BOOST_TEST(isolated.attributes.at("Mikrotik-Address-List") == "ISOLIR");
    BOOST_TEST(world.server.scalar("SELECT result || ' ' || profile_after FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") ==
               "applied Disconnect-Request");

    const std::string cashier = world.server.login("finance");  // a new session: the clock moved 25 days
    const auto listed = world.server.get("/api/invoices?customer_id=2", cashier).json()["data"];
    api::Json invoices = api::Json::array();
    for (const auto& invoice : listed)
        if (invoice["status"] == "unpaid") invoices.push_back(invoice);
    BOOST_TEST_REQUIRE(!invoices.empty(), listed.dump().substr(0, 400));
    for (const auto& invoice : invoices) {
        auto paid = world.server.post("/api/payments", api::Json{{"invoice_id", invoice["id"]}, {"amount", invoice["total"]}, {"method", "cash"}}.dump(),
                                      cashier);
        BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    }
    world.coa.clear();
    BOOST_TEST_REQUIRE(world.process_pending().ok());
    BOOST_TEST(world.server.scalar("SELECT status FROM customers WHERE id = 2") == "active");
    BOOST_TEST_REQUIRE(requests_for(2).size() == 1u);
    BOOST_TEST(requests_for(2)[0].code == 40);
    const auto restored = world.access_request(2, "rahasia-2");
    BOOST_TEST_REQUIRE(restored.code == "Access-Accept", restored.output);
    BOOST_TEST(!restored.attributes.contains("Framed-Pool"));
    BOOST_TEST(restored.attributes.at("Mikrotik-Rate-Limit") == package_rate);
    BOOST_TEST(world.server.scalar("SELECT action || ' ' || result FROM isolation_log WHERE customer_id = 2 ORDER BY id DESC LIMIT 1") == "restore applied");
}

BOOST_AUTO_TEST_SUITE_END()
