// /api/customers over real HTTP: create, numbering, conflicts, validation, search, filters,
// sorting, pagination and delete = deactivate.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

Json new_customer(const std::string& name = "Rahmat Hidayat") {
    return Json{{"name", name}, {"phone", "0857-1234-5678"}, {"address", "Jl. Asia Afrika 8"}, {"package_id", 1}, {"router_id", 1}};
}

std::vector<std::string> column(const Json& rows, const char* field) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row[field].is_string() ? row[field].get<std::string>() : row[field].dump());
    return out;
}

struct AdminSession {
    TestServer server;
    std::string token = server.login("admin");
    kimonet::testing::HttpReply list(const std::string& query) { return server.get("/api/customers" + query, token); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(customers_api, AdminSession)

BOOST_AUTO_TEST_CASE(create_assigns_the_next_service_number_and_defaults) {
    auto reply = server.post("/api/customers", new_customer().dump(), token);
    BOOST_TEST_REQUIRE(reply.status == 201);
    const auto data = reply.json()["data"];
    BOOST_TEST(data["service_number"] == "CUST051");
    BOOST_TEST(data["phone"] == "6285712345678");
    BOOST_TEST(data["status"] == "active");
    BOOST_TEST(data["join_date"] == "2026-01-15");  // today in WIB
    BOOST_TEST(data["due_day"].is_null());
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE service_number = 'CUST051'") == "Rahmat Hidayat");

    auto second = server.post("/api/customers", new_customer("Another One").dump(), token);
    BOOST_TEST(second.json()["data"]["service_number"] == "CUST052");
}

BOOST_AUTO_TEST_CASE(numbering_follows_the_prefix_setting) {
    BOOST_TEST(server.put("/api/settings", R"({"service_number_prefix":"BDG-"})", token).status == 200);
    auto reply = server.post("/api/customers", new_customer().dump(), token);
    BOOST_TEST(reply.json()["data"]["service_number"] == "BDG-001");
}

BOOST_AUTO_TEST_CASE(explicit_service_number_is_upper_cased) {
    Json input = new_customer();
    input["service_number"] = "rt05-001";
    auto reply = server.post("/api/customers", input.dump(), token);
    BOOST_TEST_REQUIRE(reply.status == 201);
    BOOST_TEST(reply.json()["data"]["service_number"] == "RT05-001");
}

BOOST_AUTO_TEST_CASE(duplicate_service_number_is_409_with_the_field) {
    const std::string before = server.snapshot();
    Json input = new_customer();
    input["service_number"] = "cust001";
    auto reply = server.post("/api/customers", input.dump(), token);
    BOOST_TEST(reply.status == 409);
    BOOST_TEST(reply.error_code() == "conflict");
    BOOST_TEST(reply.json()["error"]["fields"].contains("service_number"));
    BOOST_TEST(server.snapshot() == before);

    auto update = server.put("/api/customers/2", R"({"service_number":"CUST001"})", token);
    BOOST_TEST(update.status == 409);
    BOOST_TEST(update.json()["error"]["fields"].contains("service_number"));
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(duplicate_pppoe_username_on_one_router_is_409) {
    Json input = new_customer();
    input["pppoe_username"] = "cust002";
    input["router_id"] = std::stoll(server.scalar("SELECT router_id FROM customers WHERE pppoe_username = 'cust002'"));
    const std::string before = server.snapshot();
    auto reply = server.post("/api/customers", input.dump(), token);
    BOOST_TEST(reply.status == 409);
    BOOST_TEST(reply.is_error_envelope());
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(invalid_fields_are_422_with_every_field_named) {
    const std::string before = server.snapshot();
    auto reply = server.post("/api/customers",
                             R"({"name":"","phone":"0812-ABC","email":"budi@","package_id":99,"router_id":77,"due_day":32,"join_date":"2026-02-30","status":"gone"})",
                             token);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.error_code() == "validation_failed");
    const auto fields = reply.json()["error"]["fields"];
    for (const char* field : {"name", "phone", "email", "due_day", "join_date", "status"}) BOOST_TEST(fields.contains(field), field);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(unknown_package_or_router_is_a_field_error) {
    Json input = new_customer();
    input["package_id"] = 999;
    input["router_id"] = 999;
    auto reply = server.post("/api/customers", input.dump(), token);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.json()["error"]["fields"].contains("package_id"));
    BOOST_TEST(reply.json()["error"]["fields"].contains("router_id"));
}

BOOST_AUTO_TEST_CASE(get_returns_the_customer_and_404_for_unknown_ids) {
    auto reply = server.get("/api/customers/1", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.json()["data"]["service_number"] == "CUST001");
    BOOST_TEST(!reply.json()["data"].contains("password_hash"));
    BOOST_TEST(!reply.json()["data"].contains("password"));
    for (const char* id : {"9999", "0", "-1", "abc", "1.5"}) {
        auto missing = server.get(std::string("/api/customers/") + id, token);
        BOOST_TEST(missing.status == 404, id);
        BOOST_TEST(missing.is_error_envelope(), id);
    }
}

BOOST_AUTO_TEST_CASE(update_changes_only_the_fields_sent) {
    const auto before = server.get("/api/customers/3", token).json()["data"];
    auto reply = server.put("/api/customers/3", R"({"phone":"0813 9999 0000","due_day":5})", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    auto after = server.get("/api/customers/3", token).json()["data"];
    BOOST_TEST(after["phone"] == "6281399990000");
    BOOST_TEST(after["due_day"] == 5);
    after["phone"] = before["phone"];
    after["due_day"] = before["due_day"];
    BOOST_TEST(after == before);
}

BOOST_AUTO_TEST_CASE(update_cannot_change_the_id) {
    auto reply = server.put("/api/customers/3", R"({"id":7,"name":"Renamed"})", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.json()["data"]["id"] == 3);
    BOOST_TEST(server.scalar("SELECT name FROM customers WHERE id = 7") != "Renamed");
}

BOOST_AUTO_TEST_CASE(password_given_on_create_enables_portal_login_and_is_never_returned) {
    Json input = new_customer();
    input["password"] = "portal-rahasia";
    auto reply = server.post("/api/customers", input.dump(), token);
    BOOST_TEST_REQUIRE(reply.status == 201);
    BOOST_TEST(reply.body.find("portal-rahasia") == std::string::npos);
    BOOST_TEST(server.login_attempt("CUST051", "portal-rahasia").status == 200);
    BOOST_TEST(server.count_containing("SELECT password_hash FROM customers WHERE service_number = 'CUST051'", "portal-rahasia") == 0);
}

BOOST_AUTO_TEST_CASE(delete_deactivates_and_keeps_the_record) {
    auto reply = server.del("/api/customers/5", token);
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(reply.json()["data"]["status"] == "inactive");
    auto after = server.get("/api/customers/5", token);
    BOOST_TEST(after.status == 200);
    BOOST_TEST(after.json()["data"]["status"] == "inactive");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM customers") == "50");
    BOOST_TEST(server.del("/api/customers/9999", token).status == 404);
}

BOOST_AUTO_TEST_CASE(list_without_filters_is_the_first_page_of_all_customers) {
    auto reply = list("");
    BOOST_TEST_REQUIRE(reply.status == 200);
    const auto body = reply.json();
    BOOST_TEST(body["success"] == true);
    BOOST_TEST(body["total"] == 50);
    BOOST_TEST(body["data"].size() == 25u);
    BOOST_TEST(body["page"] == 1);
    BOOST_TEST(body["per_page"] == 25);
}

BOOST_AUTO_TEST_CASE(pagination_totals_and_the_last_partial_page) {
    std::set<std::string> seen;
    for (int page = 1; page <= 3; ++page) {
        auto body = list("?per_page=20&page=" + std::to_string(page)).json();
        BOOST_TEST(body["total"] == 50);
        BOOST_TEST(body["data"].size() == (page < 3 ? 20u : 10u));
        for (const auto& number : column(body["data"], "service_number")) seen.insert(number);
    }
    BOOST_TEST(seen.size() == 50u);  // no row twice, none skipped
    auto beyond = list("?per_page=20&page=4").json();
    BOOST_TEST(beyond["total"] == 50);
    BOOST_TEST(beyond["data"].empty());
}

BOOST_AUTO_TEST_CASE(bad_pagination_and_sort_are_422) {
    for (const char* query : {"?page=0", "?page=abc", "?per_page=0", "?per_page=501", "?sort=password_hash", "?sort=name;DROP",
                              "?status=deleted", "?package_id=x", "?router_id=-1"}) {
        auto reply = list(query);
        BOOST_TEST(reply.status == 422, query);
        BOOST_TEST(reply.is_error_envelope(), query);
    }
}

BOOST_AUTO_TEST_CASE(search_by_name_fragment_is_case_insensitive) {
    BOOST_TEST_REQUIRE(server.post("/api/customers", new_customer("Zulkarnaen Batubara").dump(), token).status == 201);
    auto body = list("?q=karnaen").json();
    BOOST_TEST(body["total"] == 1);
    BOOST_TEST(body["data"][0]["name"] == "Zulkarnaen Batubara");
    BOOST_TEST(list("?q=ZULKAR").json()["total"] == 1);

    const std::string expected = server.scalar("SELECT COUNT(*) FROM customers WHERE LOWER(name) LIKE '%santoso%'");
    BOOST_TEST(std::stoi(expected) > 0);
    auto santoso = list("?q=Santoso&per_page=100").json();
    BOOST_TEST(santoso["total"] == std::stoi(expected));
    for (const auto& name : column(santoso["data"], "name")) BOOST_TEST(name.find("Santoso") != std::string::npos, name);
}

BOOST_AUTO_TEST_CASE(search_by_service_number) {
    auto body = list("?q=cust01&per_page=100").json();
    BOOST_TEST(body["total"] == 10);  // CUST010 … CUST019
    for (const auto& number : column(body["data"], "service_number")) BOOST_TEST(number.starts_with("CUST01"), number);
    auto exact = list("?q=CUST042").json();
    BOOST_TEST(exact["total"] == 1);
    BOOST_TEST(exact["data"][0]["service_number"] == "CUST042");
}

BOOST_AUTO_TEST_CASE(search_by_phone_typed_the_local_way) {
    const std::string stored = server.scalar("SELECT phone FROM customers WHERE service_number = 'CUST001'");
    BOOST_TEST_REQUIRE(stored.starts_with("62812"));
    const std::string local = "0" + stored.substr(2);  // 0812…
    auto body = list("?q=" + local).json();
    BOOST_TEST(body["total"] == 1);
    BOOST_TEST(body["data"][0]["service_number"] == "CUST001");
    BOOST_TEST(list("?q=" + stored).json()["total"] == 1);
    BOOST_TEST(list("?q=0812&per_page=100").json()["total"] == 50);  // every demo number is 0812…
}

BOOST_AUTO_TEST_CASE(search_with_like_wildcards_matches_them_literally) {
    BOOST_TEST(list("?q=%25").json()["total"] == 0);
    BOOST_TEST(list("?q=_").json()["total"] == 0);
    BOOST_TEST_REQUIRE(server.post("/api/customers", new_customer("Diskon 100% Jaya").dump(), token).status == 201);
    auto body = list("?q=100%25").json();
    BOOST_TEST(body["total"] == 1);
    BOOST_TEST(body["data"][0]["name"] == "Diskon 100% Jaya");
}

BOOST_AUTO_TEST_CASE(search_longer_than_100_characters_is_422) {
    BOOST_TEST(list("?q=" + std::string(101, 'a')).status == 422);
    BOOST_TEST(list("?q=" + std::string(100, 'a')).status == 200);
}

BOOST_AUTO_TEST_CASE(filter_by_status) {
    auto inactive = list("?status=inactive&sort=service_number").json();
    BOOST_TEST(inactive["total"] == 2);  // the demo makes CUST017 and CUST034 inactive
    BOOST_TEST(column(inactive["data"], "service_number") == (std::vector<std::string>{"CUST017", "CUST034"}),
               boost::test_tools::per_element());
    BOOST_TEST(list("?status=active").json()["total"] == 48);
    BOOST_TEST(server.del("/api/customers/1", token).status == 200);
    BOOST_TEST(list("?status=inactive").json()["total"] == 3);
    BOOST_TEST(list("?status=isolated").json()["total"] == 0);
}

BOOST_AUTO_TEST_CASE(filter_by_package_and_router_and_combined) {
    for (int package = 1; package <= 4; ++package) {
        const std::string id = std::to_string(package);
        auto body = list("?per_page=100&package_id=" + id).json();
        BOOST_TEST(body["total"] == std::stoi(server.scalar("SELECT COUNT(*) FROM customers WHERE package_id = " + id)));
        for (const auto& row : body["data"]) BOOST_TEST(row["package_id"] == package);
    }
    auto router = list("?per_page=100&router_id=2").json();
    BOOST_TEST(router["total"] == 25);
    for (const auto& row : router["data"]) BOOST_TEST(row["router_id"] == 2);
    auto combined = list("?per_page=100&router_id=2&package_id=1&status=active&q=0812").json();
    BOOST_TEST(combined["total"] == std::stoi(server.scalar(
                                        "SELECT COUNT(*) FROM customers WHERE router_id = 2 AND package_id = 1 AND status = 'active'")));
    BOOST_TEST(list("?package_id=999").json()["total"] == 0);
}

BOOST_AUTO_TEST_CASE(sort_by_each_key_both_ways) {
    auto ascending = column(list("?per_page=100&sort=service_number").json()["data"], "service_number");
    BOOST_TEST(ascending.front() == "CUST001");
    BOOST_TEST(ascending.back() == "CUST050");
    BOOST_TEST(std::is_sorted(ascending.begin(), ascending.end()));
    auto descending = column(list("?per_page=100&sort=-service_number").json()["data"], "service_number");
    BOOST_TEST(descending.front() == "CUST050");
    BOOST_TEST(std::is_sorted(descending.rbegin(), descending.rend()));

    auto names = column(list("?per_page=100").json()["data"], "name");  // default: name
    auto lower = [](std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    BOOST_TEST(std::is_sorted(names.begin(), names.end(), [&](const auto& a, const auto& b) { return lower(a) < lower(b); }));

    auto joined = column(list("?per_page=100&sort=-join_date").json()["data"], "join_date");
    BOOST_TEST(std::is_sorted(joined.rbegin(), joined.rend()));
    auto ids = list("?per_page=100&sort=-id").json()["data"];
    BOOST_TEST(ids.front()["id"] == 50);

    // Searches sort the same way (they take a different query plan).
    auto searched = column(list("?per_page=100&q=0812").json()["data"], "name");
    BOOST_TEST(searched.size() == 50u);
    BOOST_TEST(std::is_sorted(searched.begin(), searched.end(), [&](const auto& a, const auto& b) { return lower(a) < lower(b); }));
    auto searched_numbers = column(list("?per_page=100&q=cust&sort=-service_number").json()["data"], "service_number");
    BOOST_TEST(searched_numbers.front() == "CUST050");
    BOOST_TEST(std::is_sorted(searched_numbers.rbegin(), searched_numbers.rend()));
}

BOOST_AUTO_TEST_CASE(sorting_is_stable_across_pages) {
    // Many customers share a status; the id tie-break keeps pages disjoint.
    std::set<std::string> seen;
    for (int page = 1; page <= 5; ++page)
        for (const auto& number : column(list("?sort=status&per_page=10&page=" + std::to_string(page)).json()["data"], "service_number"))
            seen.insert(number);
    BOOST_TEST(seen.size() == 50u);
}

BOOST_AUTO_TEST_SUITE_END()
