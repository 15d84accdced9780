#pragma once
// A cash collection world for the cash tests (issue 20): two collectors ("kolektor.barat" in area
// "RW 03" with customers 1 and 2, "kolektor.timur" in "RW 05" with customer 3), a manual open
// invoice per customer, and the requests a collector's phone and the cashier send.
#include <string>

#include "support/test_server_support.hpp"

namespace kimonet::testing {

struct CashField {
    TestServer server;
    std::string admin = server.login("superadmin");
    std::string finance = server.login("finance");
    std::int64_t west_id = 0, east_id = 0;
    std::string west, east;  // the collectors' tokens

    CashField() {
        west_id = add_collector("kolektor.barat");
        east_id = add_collector("kolektor.timur");
        const auto rw03 = area("RW 03"), rw05 = area("RW 05");
        put(rw03, "customers", "customer_ids", {1, 2});
        put(rw05, "customers", "customer_ids", {3});
        put(rw03, "collectors", "user_ids", {west_id});
        put(rw05, "collectors", "user_ids", {east_id});
        west = own_password("kolektor.barat");
        east = own_password("kolektor.timur");
    }

    // The collector sets their own password (one made by an admin must be changed first) and signs in.
    std::string own_password(const std::string& username) {
        const std::string first = server.login(username, "Tagih-Tunai-2026");
        auto changed = server.post("/api/auth/password", R"({"current_password":"Tagih-Tunai-2026","new_password":"Jalan-Keliling-77"})", first);
        BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
        return server.login(username, "Jalan-Keliling-77");
    }

    std::int64_t add_collector(const std::string& username) {
        const api::Json body = {{"username", username}, {"full_name", username}, {"password", "Tagih-Tunai-2026"}, {"role", "collector"}};
        auto reply = server.post("/api/users", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    std::int64_t area(const std::string& name) {
        auto reply = server.post("/api/cash/areas", api::Json{{"name", name}}.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    void put(std::int64_t area_id, const std::string& what, const char* field, std::vector<std::int64_t> ids) {
        auto reply = server.put("/api/cash/areas/" + std::to_string(area_id) + "/" + what, api::Json{{field, ids}}.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    }
    // A manual open invoice of `amount` for the customer.
    std::int64_t invoice(std::int64_t customer_id, Money amount) {
        const api::Json body = {{"customer_id", customer_id}, {"due_date", "2026-01-24"},
                                {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", amount}}}}};
        auto reply = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    Money total_of(std::int64_t invoice_id) {
        return std::stoll(server.scalar("SELECT total FROM invoices WHERE id = " + std::to_string(invoice_id)));
    }
    HttpReply keyed(const std::string& path, const api::Json& body, const std::string& token, const std::string& key) {
        std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
        if (!key.empty()) headers["Idempotency-Key"] = key;
        return http_request("POST", server.url(path), body.dump(), headers);
    }
    // The whole outstanding amount of the invoice, in cash, by the collector.
    HttpReply collect(std::int64_t invoice_id, Money amount, const std::string& token, const std::string& key = {}) {
        return keyed("/api/cash/collections", {{"invoice_id", invoice_id}, {"amount", amount}}, token, key);
    }
    api::Json verify() {
        auto reply = server.get("/api/cash/ledger/verify", admin);
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return reply.json()["data"];
    }
};

}  // namespace kimonet::testing
