#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "core/validation_messages.hpp"

using namespace kimonet;
using api::Json;
namespace data = boost::unit_test::data;

namespace {

Customer stored_customer() {
    Customer customer;
    customer.id = 7;
    customer.service_number = "CUST007";
    customer.name = "Siti Rahayu";
    customer.phone = "6281234567890";
    customer.email = "siti@example.id";
    customer.address = "Gg. Melati No. 7";
    customer.package_id = 2;
    customer.router_id = 1;
    customer.pppoe_username = "siti7";
    customer.status = CustomerStatus::Active;
    customer.join_date = Date{2025, 6, 1};
    customer.due_day = 20;
    return customer;
}

Package stored_package() {
    return Package{3, "Home 30 Mbps", 30000, 15000, 300000, "30M", true};
}

Router stored_router() {
    Router router;
    router.id = 1;
    router.name = "Router Pusat";
    router.host = "10.0.0.1";
    router.port = 8728;
    router.username = "billing";
    router.password = "sangat-rahasia-42";
    router.isolir_profile = "ISOLIR";
    return router;
}

template <typename T>
FieldErrors fields_of(const Result<T>& result) {
    return result ? FieldErrors{} : result.error().fields;
}

struct WrongTypeCase {
    const char* field;
    Json value;
};
std::ostream& operator<<(std::ostream& out, const WrongTypeCase& c) { return out << c.field << "=" << c.value.dump(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(dto)

static const WrongTypeCase kPackageWrongTypes[] = {
    {"price", "abc"},          {"price", "150000"},     {"price", 1.5},           {"price", true},
    {"download_kbps", "10"},   {"upload_kbps", Json::array()}, {"name", 42},      {"mikrotik_profile", Json::object()},
    {"active", "yes"},         {"active", 1},
};

BOOST_DATA_TEST_CASE(package_wrong_types_are_field_errors, data::make(kPackageWrongTypes), c) {
    Json input = {{c.field, c.value}};
    const auto result = api::package_from_json(input, stored_package());
    BOOST_TEST_REQUIRE(!result.ok());
    BOOST_TEST(result.error().code_name() == "validation_failed");
    BOOST_TEST(result.error().http_status() == 422);
    BOOST_TEST(fields_of(result) == (FieldErrors{{c.field, messages::kWrongType}}));
}

static const WrongTypeCase kCustomerWrongTypes[] = {
    {"name", 12},           {"phone", 81234567890LL}, {"package_id", "2"},   {"package_id", 2.0},
    {"router_id", "1"},     {"due_day", "10"},        {"email", false},      {"status", 1},
    {"join_date", 20260115}, {"address", Json::array({"Jl."})}, {"pppoe_username", Json::object()},
    {"service_number", 7},
};

BOOST_DATA_TEST_CASE(customer_wrong_types_are_field_errors, data::make(kCustomerWrongTypes), c) {
    Json input = {{c.field, c.value}};
    const auto result = api::customer_from_json(input, stored_customer());
    BOOST_TEST_REQUIRE(!result.ok());
    BOOST_TEST(result.error().http_status() == 422);
    const auto fields = fields_of(result);
    BOOST_TEST(fields.size() == 1u);
    BOOST_TEST(fields.at(c.field) == messages::kWrongType);
}

BOOST_AUTO_TEST_CASE(wrong_type_wins_over_later_validation_message) {
    // "phone": 123 is a type error, not "invalid phone": the user sees what to fix.
    const auto result = api::customer_from_json(Json{{"phone", 123}, {"email", "bad"}}, stored_customer());
    BOOST_TEST(fields_of(result) == (FieldErrors{{"phone", messages::kWrongType}, {"email", messages::kEmail}}));
}

BOOST_AUTO_TEST_CASE(non_objects_are_bad_requests) {
    for (const Json& input : {Json::array({1, 2}), Json("text"), Json(42), Json(nullptr)}) {
        const auto customer = api::customer_from_json(input, stored_customer());
        BOOST_TEST_REQUIRE(!customer.ok());
        BOOST_TEST(customer.error().http_status() == 400);
        BOOST_TEST(api::package_from_json(input, stored_package()).error().http_status() == 400);
        BOOST_TEST(api::router_from_json(input, stored_router(), false).error().http_status() == 400);
    }
}

BOOST_AUTO_TEST_CASE(customer_partial_update_applies_over_the_stored_record) {
    const auto result = api::customer_from_json(Json{{"phone", "0813 1111 2222"}, {"due_day", nullptr}}, stored_customer());
    BOOST_TEST_REQUIRE(result.ok());
    Customer expected = stored_customer();
    expected.phone = "6281311112222";
    expected.due_day.reset();
    BOOST_TEST((*result == expected));
}

BOOST_AUTO_TEST_CASE(customer_update_can_clear_the_router_and_change_status) {
    const auto result = api::customer_from_json(Json{{"router_id", nullptr}, {"status", "isolated"}}, stored_customer());
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST(!result->router_id.has_value());
    BOOST_TEST((result->status == CustomerStatus::Isolated));
    BOOST_TEST(result->name == "Siti Rahayu");
}

static const char* const kBadJoinDates[] = {"2026-02-30", "15-01-2026", "2026/01/15", "2026-1-5", "", "kemarin"};

BOOST_DATA_TEST_CASE(customer_join_date_must_be_iso, data::make(kBadJoinDates), text) {
    const auto result = api::customer_from_json(Json{{"join_date", text}}, stored_customer());
    BOOST_TEST(fields_of(result) == (FieldErrors{{"join_date", messages::kDate}}));
}

BOOST_AUTO_TEST_CASE(customer_unknown_status_is_a_field_error) {
    const auto result = api::customer_from_json(Json{{"status", "deleted"}}, stored_customer());
    BOOST_TEST(fields_of(result) == (FieldErrors{{"status", messages::kStatus}}));
}

BOOST_AUTO_TEST_CASE(customer_json_round_trips) {
    const Customer customer = stored_customer();
    const Json json = api::to_json(customer);
    BOOST_TEST(json["join_date"] == "2025-06-01");
    BOOST_TEST(json["status"] == "active");
    BOOST_TEST(json["due_day"] == 20);
    Customer base;
    base.id = customer.id;
    const auto parsed = api::customer_from_json(json, base);
    BOOST_TEST_REQUIRE(parsed.ok());
    BOOST_TEST((*parsed == customer));
}

BOOST_AUTO_TEST_CASE(customer_json_uses_null_for_absent_optionals) {
    Customer customer = stored_customer();
    customer.router_id.reset();
    customer.due_day.reset();
    const Json json = api::to_json(customer);
    BOOST_TEST(json["router_id"].is_null());
    BOOST_TEST(json["due_day"].is_null());
}

BOOST_AUTO_TEST_CASE(customer_due_day_beyond_int_is_invalid_not_wrapped) {
    const auto result = api::customer_from_json(Json{{"due_day", 4294967306LL}}, stored_customer());
    BOOST_TEST(fields_of(result).contains("due_day"));
}

BOOST_AUTO_TEST_CASE(package_partial_update_applies_over_base) {
    const auto result = api::package_from_json(Json{{"price", 175000}}, stored_package());
    BOOST_TEST_REQUIRE(result.ok());
    Package expected = stored_package();
    expected.price = 175000;
    BOOST_TEST((*result == expected));
}

BOOST_AUTO_TEST_CASE(package_create_from_defaults_requires_every_field) {
    const auto result = api::package_from_json(Json::object(), Package{});
    BOOST_TEST(fields_of(result) == (FieldErrors{{"name", messages::kRequired},
                                                 {"download_kbps", messages::kPositiveSpeed},
                                                 {"upload_kbps", messages::kPositiveSpeed},
                                                 {"mikrotik_profile", messages::kRequired}}));
}

BOOST_AUTO_TEST_CASE(router_json_never_contains_the_password) {
    const Router router = stored_router();
    const Json json = api::to_json(router);
    BOOST_TEST(!json.contains("password"));
    BOOST_TEST(json.dump().find(router.password) == std::string::npos);
    BOOST_TEST(json["has_password"] == true);
    Router without = router;
    without.password.clear();
    BOOST_TEST(api::to_json(without)["has_password"] == false);
}

BOOST_AUTO_TEST_CASE(router_update_with_empty_or_absent_password_keeps_the_stored_one) {
    for (const Json& input : {Json{{"port", 8729}}, Json{{"port", 8729}, {"password", ""}}, Json{{"port", 8729}, {"password", nullptr}}}) {
        const auto result = api::router_from_json(input, stored_router(), false);
        BOOST_TEST_REQUIRE(result.ok());
        BOOST_TEST(result->password == "sangat-rahasia-42");
        BOOST_TEST(result->port == 8729);
    }
}

BOOST_AUTO_TEST_CASE(router_update_with_new_password_replaces_it) {
    const auto result = api::router_from_json(Json{{"password", "baru-12345"}}, stored_router(), false);
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST(result->password == "baru-12345");
}

BOOST_AUTO_TEST_CASE(router_create_requires_a_password) {
    const Json input = {{"name", "Router Baru"}, {"host", "10.0.0.9"}, {"username", "billing"}};
    const auto result = api::router_from_json(input, Router{}, true);
    BOOST_TEST(fields_of(result) == (FieldErrors{{"password", messages::kRequired}}));
    BOOST_TEST(result.error().message().find("sangat") == std::string::npos);
}

static const WrongTypeCase kRouterWrongTypes[] = {
    {"port", "8728"}, {"port", 8728.5}, {"tls", "true"}, {"password", 12345678}, {"host", Json::array()}, {"name", 1},
};

BOOST_DATA_TEST_CASE(router_wrong_types_are_field_errors, data::make(kRouterWrongTypes), c) {
    const auto result = api::router_from_json(Json{{c.field, c.value}}, stored_router(), false);
    BOOST_TEST(fields_of(result).at(c.field) == messages::kWrongType);
}

BOOST_AUTO_TEST_CASE(router_port_beyond_int_is_invalid) {
    const auto result = api::router_from_json(Json{{"port", 4294975024LL}}, stored_router(), false);
    BOOST_TEST(fields_of(result).contains("port"));
}

BOOST_AUTO_TEST_CASE(client_lists_parse_server_pages) {
    const Json page = {{"success", true}, {"data", Json::array({api::to_json(stored_customer())})}, {"total", 1}};
    const auto customers = api::customers_from_list(page);
    BOOST_TEST_REQUIRE(customers.ok());
    BOOST_TEST_REQUIRE(customers->size() == 1u);
    BOOST_TEST(((*customers)[0] == stored_customer()));
    BOOST_TEST(!api::customers_from_list(Json{{"success", true}}).ok());
    BOOST_TEST(!api::packages_from_list(Json::array()).ok());
}

BOOST_AUTO_TEST_CASE(malformed_json_text_is_discarded_not_thrown) {
    for (const char* text : {"{", "{\"a\":}", "", "nul", "{\"a\":1}}", "[1,2"}) BOOST_TEST(api::parse_json(text).is_discarded(), text);
    BOOST_TEST(api::parse_json("{\"a\":1}")["a"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
