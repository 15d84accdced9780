#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/validation_messages.hpp"
#include "routers/router.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

Router valid_router() {
    Router router;
    router.name = "Router Pusat";
    router.host = "192.168.88.1";
    router.port = 8728;
    router.username = "billing";
    router.password = "rahasia-router";
    router.isolir_profile = "ISOLIR";
    return router;
}

FieldErrors fields_of(const Result<Router>& result) { return result ? FieldErrors{} : result.error().fields; }

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

static const char* const kValidHosts[] = {"192.168.88.1", "router.rtrw.net.id", "mikrotik-1", "fe80::1", "::1", "localhost"};
static const char* const kInvalidHosts[] = {"",          "-router",      "router.",   ".router",   "router pusat",
                                            "host;rm -rf", "http://x.id", "fe80::zz",  "a_b.example"};

BOOST_DATA_TEST_CASE(accepts_hostnames_and_ip_addresses, data::make(kValidHosts), host) { BOOST_TEST(is_valid_host(host)); }

BOOST_DATA_TEST_CASE(rejects_other_hosts, data::make(kInvalidHosts), host) { BOOST_TEST(!is_valid_host(host)); }

BOOST_AUTO_TEST_CASE(host_of_254_characters_is_too_long) {
    BOOST_TEST(is_valid_host(std::string(253, 'a')));
    BOOST_TEST(!is_valid_host(std::string(254, 'a')));
}

static const int kInvalidPorts[] = {0, -1, 65536, 100000};
BOOST_DATA_TEST_CASE(rejects_ports_outside_1_to_65535, data::make(kInvalidPorts), port) {
    Router input = valid_router();
    input.port = port;
    BOOST_TEST(fields_of(validate_router(input, true)) == (FieldErrors{{"port", messages::kPort}}));
}

BOOST_AUTO_TEST_CASE(port_bounds_are_inclusive) {
    Router input = valid_router();
    input.port = 1;
    BOOST_TEST(validate_router(input, true).ok());
    input.port = 65535;
    BOOST_TEST(validate_router(input, true).ok());
}

BOOST_AUTO_TEST_CASE(password_is_required_on_create_only) {
    Router input = valid_router();
    input.password.clear();
    BOOST_TEST(fields_of(validate_router(input, true)) == (FieldErrors{{"password", messages::kRequired}}));
    BOOST_TEST(validate_router(input, false).ok());
}

BOOST_AUTO_TEST_CASE(password_longer_than_128_bytes_is_rejected) {
    Router input = valid_router();
    input.password = std::string(128, 'p');
    BOOST_TEST(validate_router(input, true).ok());
    input.password = std::string(129, 'p');
    BOOST_TEST(fields_of(validate_router(input, true)).contains("password"));
}

BOOST_AUTO_TEST_CASE(reports_every_missing_field) {
    Router input;
    input.isolir_profile = "";
    input.port = 0;
    const auto fields = fields_of(validate_router(input, true));
    for (const char* field : {"name", "host", "port", "username", "password", "isolir_profile"}) BOOST_TEST(fields.contains(field), field);
    BOOST_TEST(fields.size() == 6u);
}

BOOST_AUTO_TEST_CASE(isolir_profile_follows_mikrotik_profile_rules) {
    Router input = valid_router();
    input.isolir_profile = "ISOLIR'--";
    BOOST_TEST(fields_of(validate_router(input, true)) == (FieldErrors{{"isolir_profile", messages::kProfile}}));
}

BOOST_AUTO_TEST_SUITE_END()
