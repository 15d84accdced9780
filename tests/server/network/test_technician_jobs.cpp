// Technician jobs (issue 21) from the dispatcher's and the technician's side: HTTP API -> job
// service -> customer service -> pending network action -> network worker -> RouterOS client ->
// simulator, and the RADIUS answer FreeRADIUS's rlm_rest would get. What the router holds is read
// back from the simulator, what RADIUS says from /api/radius/authorize with FreeRADIUS's credential.
#include <boost/test/unit_test.hpp>

#include "auth/user_service.hpp"
#include "field/signature_image.hpp"
#include "network_fixture.hpp"
#include "services/settings.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr const char* kJobsRadiusSecret = "radius-api-secret-for-jobs-0123456789";

// Router 1 pushes secrets; a dispatcher (the demo admin), the demo technician and a second technician.
struct JobsFixture : NetworkFixture {
    JobsFixture() {
        admin = server.login("admin");
        auto reply = server.put("/api/routers/1", R"({"push_secrets":true})", server.login("superadmin"));
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        auto lease = server.app().database();
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        BOOST_TEST_REQUIRE(auth::create_user(context, {{"username", "teknisi2"}, {"password", "demo12345"}, {"role", "technician"},
                                                      {"full_name", "Teknisi Dua"}},
                                             false)
                               .ok());
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"radius_api_secret", kJobsRadiusSecret}}).ok());
        technician_id = std::stoll(server.scalar("SELECT id FROM users WHERE username = 'technician'"));
        other_id = std::stoll(server.scalar("SELECT id FROM users WHERE username = 'teknisi2'"));
        other = server.login("teknisi2");
    }

    // A new customer waiting for installation (inactive) on router 1.
    std::int64_t waiting_customer(const std::string& username, const std::string& method = "pppoe") {
        api::Json body{{"name", "Sari Wulandari"}, {"phone", "081298765432"}, {"package_id", 2}, {"router_id", 1},
                       {"pppoe_username", username}, {"pppoe_password", "Rahasia-123"}, {"status", "inactive"},
                       {"connection_method", method}};
        auto created = server.post("/api/customers", body.dump(), admin);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return created.json()["data"]["id"].get<std::int64_t>();
    }
    std::int64_t create_job(const std::string& kind, std::int64_t customer, std::int64_t assignee) {
        api::Json body{{"kind", kind}, {"customer_id", customer}, {"scheduled_date", "2026-01-15"}, {"window_start", "13:00"},
                       {"window_end", "15:00"}, {"technician_id", assignee}};
        auto created = server.post("/api/technician-jobs", body.dump(), admin);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return created.json()["data"]["id"].get<std::int64_t>();
    }
    std::string job_path(std::int64_t job, const std::string& tail = "") { return "/api/technician-jobs/" + std::to_string(job) + tail; }
    void tick_all(std::int64_t job, const std::string& token) {
        auto read = server.get(job_path(job), token);
        BOOST_TEST_REQUIRE(read.status == 200, read.body);
        const api::Json job_json = read.json();  // kept: a range over a temporary's member would dangle
        for (const auto& check : job_json["data"]["checklist"]) {
            auto ticked = server.post(job_path(job, "/checklist/" + std::to_string(check["position"].get<int>())), R"({"done":true})", token);
            BOOST_TEST_REQUIRE(ticked.status == 200, ticked.body);
        }
    }
    // The customer's signature as the phone draws it (shared/field/signature_image).
    HttpReply sign(std::int64_t job, const std::string& token) {
        return http_request("POST", server.url(job_path(job, "/signature")), field::signature_png({{{40, 120}, {300, 90}, {520, 140}}}),
                            {{"Authorization", "Bearer " + token}, {"Content-Type", "image/png"}});
    }
    // Ticked and signed: ready to be done.
    void ready(std::int64_t job, const std::string& token) {
        tick_all(job, token);
        auto signed_job = sign(job, token);
        BOOST_TEST_REQUIRE(signed_job.status == 201, signed_job.body);
    }
    HttpReply complete(std::int64_t job, const api::Json& body, const std::string& token) {
        return server.post(job_path(job, "/complete"), body.dump(), token);
    }
    std::string customer_status(std::int64_t id) { return server.scalar("SELECT status FROM customers WHERE id = " + std::to_string(id)); }
    std::string pushes_of(std::int64_t customer) {
        return server.scalar("SELECT COUNT(*) FROM network_actions WHERE action = 'push_secret' AND customer_id = " + std::to_string(customer));
    }
    // FreeRADIUS's Access-Request as rlm_rest sends it, with FreeRADIUS's own credential.
    HttpReply radius_authorize(const std::string& username) {
        const std::string body = R"({"User-Name":{"type":"string","value":[")" + username + R"("]}})";
        return http_request("POST", server.url("/api/radius/authorize"), body,
                            {{"Authorization", "Basic " + base64("freeradius:" + std::string(kJobsRadiusSecret))}});
    }
    static std::string base64(const std::string& plain) {
        static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        for (std::size_t i = 0; i < plain.size(); i += 3) {
            const std::uint32_t chunk = (static_cast<unsigned char>(plain[i]) << 16) |
                                        (i + 1 < plain.size() ? static_cast<unsigned char>(plain[i + 1]) << 8 : 0) |
                                        (i + 2 < plain.size() ? static_cast<unsigned char>(plain[i + 2]) : 0);
            out += alphabet[(chunk >> 18) & 63];
            out += alphabet[(chunk >> 12) & 63];
            out += i + 1 < plain.size() ? alphabet[(chunk >> 6) & 63] : '=';
            out += i + 2 < plain.size() ? alphabet[chunk & 63] : '=';
        }
        return out;
    }

    std::string admin, other;
    std::int64_t technician_id = 0, other_id = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(technician_jobs)

BOOST_AUTO_TEST_CASE(an_installation_completed_by_its_technician_activates_and_provisions_once) {
    JobsFixture fixture;
    auto& server = fixture.server;
    const std::int64_t customer = fixture.waiting_customer("sari-w");
    BOOST_TEST_REQUIRE(fixture.process_pending()->applied == 1);
    BOOST_TEST_REQUIRE(fixture.routers[0]->find("/ppp/secret", "sari-w")->at("disabled") == "true");  // waiting: no service yet
    const std::int64_t job = fixture.create_job("installation", customer, fixture.technician_id);

    // The technician's day: the job, with the customer's phone and address for the visit.
    auto mine = server.get("/api/technician-jobs/mine", fixture.token);
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    BOOST_TEST_REQUIRE(mine.json()["data"].size() == 1u);
    const auto listed = mine.json()["data"][0];
    BOOST_TEST(listed["id"] == job);
    BOOST_TEST(listed["customer_phone"] == "6281298765432");
    BOOST_TEST(listed["window_start"] == "13:00");
    BOOST_TEST(listed["checklist"].size() == 5u);
    BOOST_TEST(server.get("/api/technician-jobs/mine", fixture.other).json()["data"].size() == 0u);

    // Done with the checklist still open is refused and changes nothing.
    const std::string before = server.snapshot();
    const api::Json body{{"result", "done"},
                         {"idempotency_key", "hp-7-install-1"},
                         {"materials", {{{"item", "Kabel drop 1 core"}, {"quantity", 120}, {"unit", "m"}}, {{"item", "ONT"}, {"quantity", 1}}}}};
    auto refused = fixture.complete(job, body, fixture.token);
    BOOST_TEST(refused.status == 422, refused.body);
    BOOST_TEST(refused.json()["error"]["fields"].contains("checklist"));
    BOOST_TEST(refused.json()["error"]["fields"].contains("proof"));
    BOOST_TEST(server.snapshot() == before);

    fixture.tick_all(job, fixture.token);
    auto unsigned_job = fixture.complete(job, body, fixture.token);
    BOOST_TEST(unsigned_job.status == 422, unsigned_job.body);
    BOOST_TEST(!unsigned_job.json()["error"]["fields"].contains("checklist"));
    BOOST_TEST(unsigned_job.json()["error"]["fields"].contains("proof"));
    // Not an image: refused by its bytes, nothing stored.
    const std::string unsigned_state = server.snapshot();
    auto fake = http_request("POST", server.url(fixture.job_path(job, "/signature")), "<svg onload=alert(1)>",
                             {{"Authorization", "Bearer " + fixture.token}, {"Content-Type", "image/png"}});
    BOOST_TEST(fake.status == 422, fake.body);
    BOOST_TEST(server.snapshot() == unsigned_state);
    auto signed_job = fixture.sign(job, fixture.token);
    BOOST_TEST_REQUIRE(signed_job.status == 201, signed_job.body);
    BOOST_TEST(signed_job.json()["data"]["has_signature"] == true);
    // The image reads back byte for byte, to the technician and the dispatcher alike.
    auto image = server.get(fixture.job_path(job, "/signature"), fixture.admin);
    BOOST_TEST_REQUIRE(image.status == 200);
    BOOST_TEST(image.body == field::signature_png({{{40, 120}, {300, 90}, {520, 140}}}));
    BOOST_TEST(image.headers["content-type"].find("image/png") != std::string::npos);
    auto read = server.get(fixture.job_path(job), fixture.token).json()["data"];
    BOOST_TEST(read["checklist"][0]["done"] == true);
    BOOST_TEST(read["checklist"][0]["done_by"] == "technician");
    BOOST_TEST(read["checklist"][0]["done_at"] == "2026-01-15 09:00");

    auto done = fixture.complete(job, body, fixture.token);
    BOOST_TEST_REQUIRE(done.status == 200, done.body);
    BOOST_TEST(done.json()["data"]["status"] == "done");
    BOOST_TEST(done.json()["data"]["customer_change"] == "activated");
    BOOST_TEST(done.json()["data"]["repeated"] == false);
    BOOST_TEST(done.json()["data"]["materials"][0]["quantity"] == 120);
    BOOST_TEST(fixture.customer_status(customer) == "active");
    auto pushed = fixture.process_pending();
    BOOST_TEST_REQUIRE(pushed.ok());
    BOOST_TEST(pushed->applied == 1);
    const auto secret = fixture.routers[0]->find("/ppp/secret", "sari-w");
    BOOST_TEST_REQUIRE(secret.has_value());
    BOOST_TEST(secret->at("disabled") == "false");
    BOOST_TEST(secret->at("profile") == server.scalar("SELECT mikrotik_profile FROM internet_packages WHERE id = 2"));

    // The phone on a bad line sends it again: the first answer, nothing provisioned twice.
    const std::string pushes = fixture.pushes_of(customer);
    const std::string after = server.snapshot();
    auto again = fixture.complete(job, body, fixture.token);
    BOOST_TEST_REQUIRE(again.status == 200, again.body);
    BOOST_TEST(again.json()["data"]["repeated"] == true);
    BOOST_TEST(again.json()["data"]["customer_change"] == "");
    BOOST_TEST(fixture.pushes_of(customer) == pushes);
    BOOST_TEST(server.snapshot() == after);
    BOOST_TEST(fixture.process_pending()->due == 0);
    // Another completion (another key) of the closed job is a conflict.
    api::Json other_key = body;
    other_key["idempotency_key"] = "hp-7-install-2";
    BOOST_TEST(fixture.complete(job, other_key, fixture.token).status == 409);
    BOOST_TEST(server.snapshot() == after);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM technician_job_materials WHERE job_id = " + std::to_string(job)) == "2");
}

BOOST_AUTO_TEST_CASE(a_radius_customer_is_authorized_after_installation_and_refused_after_dismantle) {
    JobsFixture fixture;
    const std::int64_t customer = fixture.waiting_customer("rad-sari", "radius");
    BOOST_TEST(fixture.radius_authorize("rad-sari").status == 404);  // FreeRADIUS rejects: not installed yet
    const std::int64_t install = fixture.create_job("installation", customer, fixture.technician_id);
    fixture.ready(install, fixture.token);
    BOOST_TEST_REQUIRE(fixture.complete(install, {{"result", "done"}}, fixture.token).status == 200);
    auto accepted = fixture.radius_authorize("rad-sari");
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    BOOST_TEST(accepted.json()["control:Cleartext-Password"]["value"] == "Rahasia-123");

    const std::int64_t dismantle = fixture.create_job("dismantle", customer, fixture.other_id);
    fixture.ready(dismantle, fixture.other);
    auto done = fixture.complete(dismantle, {{"result", "done"}, {"idempotency_key", "dismantle-1"}}, fixture.other);
    BOOST_TEST_REQUIRE(done.status == 200, done.body);
    BOOST_TEST(done.json()["data"]["customer_change"] == "deactivated");
    BOOST_TEST(fixture.customer_status(customer) == "inactive");
    BOOST_TEST(fixture.radius_authorize("rad-sari").status == 404);
}

BOOST_AUTO_TEST_CASE(a_dismantle_deactivates_disables_the_secret_and_ends_the_session) {
    JobsFixture fixture;
    // cust002: active, on router 1, online.
    BOOST_TEST_REQUIRE(fixture.online(2));
    const std::int64_t job = fixture.create_job("dismantle", 2, fixture.technician_id);
    fixture.ready(job, fixture.token);
    auto done = fixture.complete(job, {{"result", "done"}, {"note", "ONT diambil"}}, fixture.token);
    BOOST_TEST_REQUIRE(done.status == 200, done.body);
    BOOST_TEST(fixture.status(2) == "inactive");
    BOOST_TEST_REQUIRE(fixture.process_pending()->applied == 1);
    BOOST_TEST(fixture.routers[0]->find("/ppp/secret", "cust002")->at("disabled") == "true");
    BOOST_TEST(!fixture.online(2));
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'customer.deactivate' AND subject_id = 2") == "1");
}

BOOST_AUTO_TEST_CASE(a_technician_cannot_read_tick_or_complete_another_technicians_job_nor_dispatch) {
    JobsFixture fixture;
    auto& server = fixture.server;
    const std::int64_t customer = fixture.waiting_customer("sari-w");
    const std::int64_t job = fixture.create_job("installation", customer, fixture.technician_id);
    const std::string finance = server.login("finance");  // before the snapshot: a login is logged
    const std::string before = server.snapshot();
    BOOST_TEST(server.get(fixture.job_path(job), fixture.other).status == 403);
    BOOST_TEST(server.post(fixture.job_path(job, "/checklist/1"), R"({"done":true})", fixture.other).status == 403);
    BOOST_TEST(fixture.sign(job, fixture.other).status == 403);
    BOOST_TEST(server.get(fixture.job_path(job, "/signature"), fixture.other).status == 403);
    auto stolen = fixture.complete(job, {{"result", "done"}, {"idempotency_key", "k"}}, fixture.other);
    BOOST_TEST(stolen.status == 403, stolen.body);
    BOOST_TEST(stolen.body.find("6281298765432") == std::string::npos);
    // Technicians do not dispatch: no list of every job, no create, assign or cancel.
    BOOST_TEST(server.get("/api/technician-jobs", fixture.token).status == 403);
    const api::Json reassign{{"technician_id", fixture.other_id}};
    BOOST_TEST(server.put(fixture.job_path(job), reassign.dump(), fixture.other).status == 403);
    BOOST_TEST(server.post(fixture.job_path(job, "/cancel"), "{}", fixture.token).status == 403);
    BOOST_TEST(server.post("/api/technician-jobs", R"({"kind":"repair","customer_id":1})", fixture.token).status == 403);
    // Finance, a customer and nobody at all get nothing.
    BOOST_TEST(server.get("/api/technician-jobs/mine", finance).status == 403);
    BOOST_TEST(server.get(fixture.job_path(job), finance).status == 403);
    BOOST_TEST(server.get("/api/technician-jobs/mine").status == 401);
    BOOST_TEST(server.post(fixture.job_path(job, "/complete"), R"({"result":"done"})").status == 401);
    BOOST_TEST(server.snapshot() == before);
    BOOST_TEST(fixture.customer_status(customer) == "inactive");

    // Reassigned by the dispatcher, the job moves from one phone to the other.
    BOOST_TEST_REQUIRE(server.put(fixture.job_path(job), reassign.dump(), fixture.admin).status == 200);
    BOOST_TEST(server.get(fixture.job_path(job), fixture.token).status == 403);
    BOOST_TEST(server.get(fixture.job_path(job), fixture.other).status == 200);
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_field_error_and_changes_nothing) {
    JobsFixture fixture;
    auto& server = fixture.server;
    const std::int64_t customer = fixture.waiting_customer("sari-w");
    const std::int64_t job = fixture.create_job("installation", customer, fixture.technician_id);
    const std::string before = server.snapshot();
    const std::string finance_id = server.scalar("SELECT id FROM users WHERE username = 'finance'");
    const std::vector<std::pair<std::string, std::string>> creates = {
        {R"({"kind":"pasang","customer_id":1,"scheduled_date":"2026-01-15","window_start":"08:00","window_end":"10:00"})", "kind"},
        {R"({"kind":"repair","customer_id":999999,"scheduled_date":"2026-01-15","window_start":"08:00","window_end":"10:00"})", "customer_id"},
        {R"({"kind":"repair","customer_id":1,"scheduled_date":"2026-02-30","window_start":"08:00","window_end":"10:00"})", "scheduled_date"},
        {R"({"kind":"repair","customer_id":1,"scheduled_date":"2026-01-15","window_start":"10:00","window_end":"08:00"})", "window_end"},
        {R"({"kind":"repair","customer_id":1,"scheduled_date":"2026-01-15","window_start":"8","window_end":"10:00"})", "window_start"},
        {R"({"kind":"repair","customer_id":1,"scheduled_date":"2026-01-15","window_start":"08:00","window_end":"10:00","technician_id":)" +
             finance_id + "}",
         "technician_id"},
        {R"({"kind":"installation","customer_id":1,"scheduled_date":"2026-01-15","window_start":"08:00","window_end":"10:00","ticket_id":5})",
         "ticket_id"},
        {R"({"kind":"repair","customer_id":1,"scheduled_date":"2026-01-15","window_start":"08:00","window_end":"10:00","notes":")" +
             std::string(600, 'x') + "\"}",
         "notes"},
        {R"({"kind":"repair","customer_id":"1'; DROP TABLE customers;--"})", "customer_id"},
    };
    for (const auto& [body, field] : creates) {
        auto reply = server.post("/api/technician-jobs", body, fixture.admin);
        BOOST_TEST(reply.status == 422, body << " -> " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), body << " -> " << reply.body);
    }
    const std::vector<std::pair<api::Json, std::string>> completions = {
        {{{"result", "finished"}}, "result"},
        {{{"result", "failed"}}, "failure_reason"},
        {{{"result", "failed"}, {"failure_reason", "x"}, {"materials", "kabel"}}, "materials"},
        {{{"result", "failed"}, {"failure_reason", "x"}, {"materials", {{{"item", ""}, {"quantity", 1}}}}}, "materials.0.item"},
        {{{"result", "failed"}, {"failure_reason", "x"}, {"materials", {{{"item", "Kabel"}, {"quantity", 0}}}}}, "materials.0.quantity"},
        {{{"result", "failed"}, {"failure_reason", "x"}, {"materials", api::Json::array()}, {"idempotency_key", std::string(200, 'k')}},
         "idempotency_key"},
    };
    for (const auto& [body, field] : completions) {
        auto reply = fixture.complete(job, body, fixture.token);
        BOOST_TEST(reply.status == 422, body.dump() << " -> " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), body.dump() << " -> " << reply.body);
    }
    api::Json many{{"result", "failed"}, {"failure_reason", "x"}, {"materials", api::Json::array()}};
    for (int i = 0; i < 31; ++i) many["materials"].push_back({{"item", "Kabel"}, {"quantity", 1}});
    BOOST_TEST(fixture.complete(job, many, fixture.token).status == 422);
    BOOST_TEST(server.post(fixture.job_path(job, "/checklist/99"), R"({"done":true})", fixture.token).status == 404);
    BOOST_TEST(server.post(fixture.job_path(job, "/checklist/1"), R"({"done":"ya"})", fixture.token).status == 422);
    BOOST_TEST(server.post(fixture.job_path(job, "/complete"), "not json", fixture.token).status == 400);
    BOOST_TEST(server.get("/api/technician-jobs?date=kemarin", fixture.admin).status == 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_failed_installation_leaves_the_customer_waiting_and_the_portal_shows_the_visit) {
    JobsFixture fixture;
    auto& server = fixture.server;
    const std::int64_t customer = fixture.waiting_customer("sari-w");
    const std::string service_number = server.scalar("SELECT service_number FROM customers WHERE id = " + std::to_string(customer));
    BOOST_TEST_REQUIRE(server.put("/api/customers/" + std::to_string(customer), R"({"password":"Tiang-Listrik-81"})", fixture.admin).status == 200);
    const std::int64_t job = fixture.create_job("installation", customer, fixture.technician_id);
    const std::string portal = server.login(service_number, "Tiang-Listrik-81");
    auto visits = server.get("/api/portal/jobs", portal);
    BOOST_TEST_REQUIRE(visits.status == 200, visits.body);
    BOOST_TEST_REQUIRE(visits.json()["data"].size() == 1u);
    BOOST_TEST(visits.json()["data"][0]["scheduled_date"] == "2026-01-15");
    BOOST_TEST(visits.json()["data"][0]["window_start"] == "13:00");
    BOOST_TEST(!visits.json()["data"][0].contains("customer_phone"));
    BOOST_TEST(server.get("/api/technician-jobs/mine", portal).status == 403);

    auto failed = fixture.complete(job, {{"result", "failed"}, {"failure_reason", "Tiang belum ada"}}, fixture.token);
    BOOST_TEST_REQUIRE(failed.status == 200, failed.body);
    BOOST_TEST(failed.json()["data"]["status"] == "failed");
    BOOST_TEST(failed.json()["data"]["failure_reason"] == "Tiang belum ada");
    BOOST_TEST(fixture.customer_status(customer) == "inactive");
    BOOST_TEST(server.get("/api/portal/jobs", portal).json()["data"].size() == 0u);
    // A closed job is no longer planned or ticked.
    BOOST_TEST(server.put(fixture.job_path(job), R"({"window_start":"09:00"})", fixture.admin).status == 409);
    BOOST_TEST(server.post(fixture.job_path(job, "/checklist/1"), R"({"done":true})", fixture.token).status == 409);
    BOOST_TEST(server.post(fixture.job_path(job, "/cancel"), "{}", fixture.admin).status == 409);
    BOOST_TEST(fixture.sign(job, fixture.token).status == 409);

    // The dispatcher's list of the day, by technician.
    auto day = server.get("/api/technician-jobs?date=2026-01-15&technician_id=" + std::to_string(fixture.technician_id), fixture.admin);
    BOOST_TEST_REQUIRE(day.status == 200, day.body);
    BOOST_TEST(day.json()["total"] == 1);
    BOOST_TEST(day.json()["data"][0]["technician_name"] == "Demo technician");
    auto technicians = server.get("/api/technician-jobs/technicians", fixture.admin);
    BOOST_TEST_REQUIRE(technicians.status == 200);
    bool listed = false;
    const api::Json technician_list = technicians.json();
    for (const auto& technician : technician_list["data"]) listed = listed || technician["username"] == "teknisi2";
    BOOST_TEST(listed);
}

BOOST_AUTO_TEST_SUITE_END()
