// Dunning over HTTP: schedule validation (422 with field messages, nothing changed), schedule
// edits that keep step identity, assignment per package and customer, the customer timeline,
// the portal's isolation date, and who may do what.
#include <boost/test/unit_test.hpp>

#include "dunning_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(dunning_api)

BOOST_AUTO_TEST_CASE(bad_schedules_get_field_messages_and_change_nothing) {
    DunningFixture fixture;
    const std::string before = fixture.server.snapshot();
    auto reply = fixture.server.post("/api/dunning/schedules",
                                     R"({"name":"","steps":[{"day_offset":400,"action":"remind"},{"day_offset":3,"action":"late_fee",
                                        "fee_kind":"percent","fee_percent_bp":0,"channel":"none"}]})",
                                     fixture.admin);
    BOOST_TEST(reply.status == 422, reply.body);
    const auto fields = reply.json()["error"]["fields"];
    BOOST_TEST(fields.contains("name"), reply.body);
    BOOST_TEST(fields.contains("steps.0.day_offset"), reply.body);
    BOOST_TEST(fields.contains("steps.1.fee_percent_bp"), reply.body);
    auto wrong_type = fixture.server.post("/api/dunning/schedules", R"({"name":"X","steps":[{"day_offset":"3","action":"jump"}]})", fixture.admin);
    BOOST_TEST(wrong_type.status == 422);
    BOOST_TEST(wrong_type.json()["error"]["fields"].contains("steps.0.action"), wrong_type.body);
    BOOST_TEST(wrong_type.json()["error"]["fields"].contains("steps.0.day_offset"), wrong_type.body);
    auto duplicate = fixture.server.post("/api/dunning/schedules", R"({"name":"Standar","steps":[]})", fixture.admin);
    BOOST_TEST(duplicate.status == 422);
    BOOST_TEST(duplicate.json()["error"]["fields"]["name"] == "nama jadwal sudah dipakai");
    auto foreign_step = fixture.server.put("/api/dunning/schedules/1", R"({"name":"Standar","steps":[{"id":999,"day_offset":1,"action":"warn","template_key":"isolir_warning"}]})",
                                           fixture.admin);
    BOOST_TEST(foreign_step.status == 422);
    BOOST_TEST(foreign_step.json()["error"]["fields"].contains("steps.0.id"), foreign_step.body);
    auto unknown_schedule = fixture.server.put("/api/packages/1/dunning-schedule", R"({"schedule_id":77})", fixture.admin);
    BOOST_TEST(unknown_schedule.status == 422);
    BOOST_TEST(unknown_schedule.json()["error"]["fields"].contains("schedule_id"));
    auto bad_run = fixture.server.post("/api/dunning/run", R"({"dry_run":"yes","now":1})", fixture.admin);
    BOOST_TEST(bad_run.status == 422);
    BOOST_TEST(bad_run.json()["error"]["fields"].contains("dry_run"));
    BOOST_TEST(bad_run.json()["error"]["fields"].contains("now"));
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(editing_a_schedule_keeps_step_ids_and_retires_removed_steps) {
    DunningFixture fixture;
    auto schedule = fixture.server.get("/api/dunning/schedules/1", fixture.admin).json()["data"];
    BOOST_TEST_REQUIRE(schedule["steps"].size() == 7u);
    const auto h0_id = schedule["steps"][3]["id"];
    api::Json steps = api::Json::array();
    for (const auto& step : schedule["steps"])
        if (step["label"] != "H-7") steps.push_back(step);
    steps.push_back({{"day_offset", 14}, {"action", "terminate"}, {"template_key", "termination_notice"}});
    schedule["steps"] = steps;
    auto reply = fixture.server.put("/api/dunning/schedules/1", schedule.dump(), fixture.admin);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto saved = reply.json()["data"]["steps"];
    BOOST_TEST_REQUIRE(saved.size() == 7u);
    BOOST_TEST(saved[0]["label"] == "H-3");
    BOOST_TEST(saved[2]["id"] == h0_id);
    BOOST_TEST(saved[6]["action"] == "terminate");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM dunning_steps WHERE retired = 1") == "1");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'dunning.schedule_update'") == "1");
}

BOOST_AUTO_TEST_CASE(timeline_shows_every_step_with_dates_amounts_and_the_isolation_date) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-24");
    fixture.run_days({2026, 1, 15}, {2026, 1, 21});
    auto reply = fixture.server.get("/api/customers/2/dunning", fixture.server.login("finance"));
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto data = reply.json()["data"];
    BOOST_TEST(data["schedule"]["name"] == "Standar");
    BOOST_TEST(data["schedule_source"] == "default");
    BOOST_TEST(data["isolation_date"] == "2026-01-31");
    BOOST_TEST(data["outstanding"] == 150000);
    std::string shape;
    for (const auto& entry : data["timeline"])
        shape += entry["label"].get<std::string>() + "@" + entry["date"].get<std::string>() + ":" + entry["state"].get<std::string>() + " ";
    BOOST_TEST(shape ==
               "H-7@2026-01-17:done H-3@2026-01-21:done H-1@2026-01-23:upcoming H0@2026-01-24:upcoming "
               "H+1@2026-01-25:upcoming H+7@2026-01-31:upcoming ");
    BOOST_TEST(data["timeline"][5]["amount"] == 150000);
    BOOST_TEST(data["actions"].size() == 2u);

    const std::string customer = fixture.server.login("CUST002");
    auto portal = fixture.server.get("/api/portal/dunning", customer);
    BOOST_TEST_REQUIRE(portal.status == 200, portal.body);
    BOOST_TEST(portal.json()["data"]["isolation_date"] == "2026-01-31");
    BOOST_TEST(portal.json()["data"]["isolation_date_text"] == "31 Januari 2026");
    // A customer cannot read the staff timeline, not even their own.
    BOOST_TEST(fixture.server.get("/api/customers/2/dunning", customer).status == 403);
}

BOOST_AUTO_TEST_CASE(a_customer_schedule_overrides_the_package_schedule) {
    DunningFixture fixture;
    fixture.create_invoice(2, "2026-01-24");
    auto created = fixture.server.post("/api/dunning/schedules",
                                       R"({"name":"Tanpa isolir","steps":[{"day_offset":-1,"action":"remind","template_key":"reminder"}]})",
                                       fixture.admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const auto id = created.json()["data"]["id"].get<std::int64_t>();
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2/dunning-schedule", api::Json{{"schedule_id", id}}.dump(), fixture.admin).status == 200);
    auto data = fixture.server.get("/api/customers/2/dunning", fixture.admin).json()["data"];
    BOOST_TEST(data["schedule_source"] == "customer");
    BOOST_TEST(data["isolation_date"].is_null());
    BOOST_TEST(data["timeline"].size() == 1u);
    BOOST_TEST_REQUIRE(fixture.server.put("/api/customers/2/dunning-schedule", R"({"schedule_id":null})", fixture.admin).status == 200);
    BOOST_TEST(fixture.server.get("/api/customers/2/dunning", fixture.admin).json()["data"]["schedule_source"] == "default");
    auto listed = fixture.server.get("/api/dunning/schedules", fixture.admin).json()["data"];
    BOOST_TEST(listed.size() == 2u);
}

BOOST_AUTO_TEST_CASE(finance_reads_dunning_but_may_not_run_it_or_edit_schedules) {
    DunningFixture fixture;
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST(fixture.server.get("/api/dunning/schedules", finance).status == 200);
    BOOST_TEST(fixture.server.post("/api/dunning/run", R"({"dry_run":true})", finance).status == 403);
    BOOST_TEST(fixture.server.post("/api/dunning/schedules", R"({"name":"X","steps":[]})", finance).status == 403);
    BOOST_TEST(fixture.server.get("/api/dunning/schedules", fixture.server.login("technician")).status == 403);
    BOOST_TEST(fixture.server.post("/api/dunning/run", R"({"dry_run":true})", fixture.server.login("admin")).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
