#pragma once
// Integration-test support for dunning: the demo server with both demo routers on in-process
// RouterOS simulators, invoices created through the API, and a dunning run per simulated day
// (09:00 WIB on the ManualClock).
#include <boost/test/unit_test.hpp>

#include "routeros/routeros_router_control.hpp"
#include "services/dunning_service.hpp"
#include "sim/routeros/routeros_simulator.hpp"
#include "support/column_values.hpp"
#include "support/test_server_support.hpp"

namespace kimonet::testing {

struct DunningFixture {
    TestServer server;
    std::unique_ptr<sim::RouterOsSimulator> routers[2];
    std::string admin;

    DunningFixture() {
        admin = server.login("superadmin");
        for (int index = 0; index < 2; ++index) {
            routers[index] = std::make_unique<sim::RouterOsSimulator>();
            BOOST_TEST_REQUIRE(routers[index]->start().ok());
            sim::seed_demo_router(*routers[index], index);
            auto reply = server.put("/api/routers/" + std::to_string(index + 1), api::Json{{"port", routers[index]->port()}, {"password", "billing-demo"}}.dump(), admin);
            BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        }
    }
    ~DunningFixture() { routeros::close_cached_connections(); }

    void set_day(const Date& date, int hour = 9) { server.clock().set(unix_from_local(LocalDateTime{date, hour, 0, 0}, UtcOffset{420})); }

    // A manual invoice of `amount` for the customer, due on `due_date`, issued today.
    std::int64_t create_invoice(std::int64_t customer_id, const std::string& due_date, Money amount = 150000) {
        const api::Json body = {{"customer_id", customer_id}, {"due_date", due_date},
                                {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", amount}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"].get<std::int64_t>();
    }

    api::Json run(bool dry_run = false) {
        auto lease = server.app().database();
        BOOST_TEST_REQUIRE(lease.ok());
        app::Context context = server.app().context(**lease, app::Actor{"system", 0, "test", ""});
        services::DunningOptions options;
        options.dry_run = dry_run;
        auto report = services::run_dunning(context, options);
        BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
        return *report;
    }

    // Runs dunning once a day at 09:00 from `from` to `to`, inclusive.
    void run_days(const Date& from, const Date& to) {
        for (Date day = from; day <= to; day = add_days(day, 1)) {
            set_day(day);
            run();
        }
    }

    // The customer's dunning messages in the outbox as "template@local-date", oldest first.
    std::string messages(std::int64_t customer_id) {
        // The local date is computed here (C++), so the SQL is the same on both engines.
        const std::string where = " FROM notifications WHERE customer_id = " + std::to_string(customer_id) +
                                  " AND idempotency_key LIKE 'dunning:%' ORDER BY id";
        const auto templates = column_values(server, "SELECT template" + where);
        const auto created = column_values(server, "SELECT created_at" + where);
        BOOST_TEST_REQUIRE(templates.size() == created.size());
        std::string entries;
        for (std::size_t index = 0; index < templates.size(); ++index)
            entries += (index ? "," : "") + templates[index] + "@" +
                       to_string(local_from_unix(std::stoll(created[index]), UtcOffset{420}).date);
        return entries;
    }
    std::int64_t count(const std::string& sql) { return std::stoll(server.scalar(sql)); }
    std::string status(std::int64_t customer_id) { return server.scalar("SELECT status FROM customers WHERE id = " + std::to_string(customer_id)); }
    std::string profile_on_router(int customer) {
        char name[16];
        std::snprintf(name, sizeof name, "cust%03d", customer);
        auto row = routers[customer % 2 == 0 ? 0 : 1]->find("/ppp/secret", name);
        return row ? row->at("profile") : "<missing>";
    }
};

}  // namespace kimonet::testing
