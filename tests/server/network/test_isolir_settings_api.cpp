// The isolir settings through PUT /api/settings: bad values are 422 with a message per field and
// nothing is stored, good values are stored.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct BadSetting {
    const char* key;
    const char* value;
};
std::ostream& operator<<(std::ostream& out, const BadSetting& c) { return out << c.key << "=" << c.value; }

const BadSetting kBad[] = {
    {"isolir_rate_limit", "cepat"},     {"isolir_schedule", "setiap hari"}, {"isolir_schedule", "0 25 * * *"},
    {"isolir_hours", "08.00-20.00"},    {"isolir_holidays", "17 Agustus"},  {"isolir_max_per_run", "0"},
    {"isolir_grace_days", "-3"},        {"isolir_skip_sundays", "ya"},      {"network_retry_schedule", "sering"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(isolir_settings_api)

BOOST_DATA_TEST_CASE(a_bad_isolir_setting_is_422_with_its_field_and_changes_nothing, boost::unit_test::data::make(kBad), c) {
    TestServer server;
    const std::string token = server.login("superadmin");
    const std::string before = server.snapshot();
    // A good value in the same request is not stored either: the request is all or nothing.
    auto reply = server.put("/api/settings", api::Json{{c.key, c.value}, {"isolir_grace_days", "5"}}.dump(), token);
    BOOST_TEST(reply.status == 422, reply.body);
    const auto fields = reply.json()["error"]["fields"];
    BOOST_TEST_REQUIRE(fields.contains(c.key), reply.body);
    const std::string message = fields[c.key].template get<std::string>();
    BOOST_TEST(!message.empty());
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(good_isolir_settings_are_stored) {
    TestServer server;
    const std::string token = server.login("superadmin");
    auto reply = server.put("/api/settings",
                            R"({"isolir_rate_limit":"1M/1M","isolir_schedule":"30 7 * * 1-6","isolir_hours":"07:00-21:00",
                                "isolir_holidays":"2026-08-17,2026-12-25","isolir_max_per_run":"50","isolir_grace_days":"0",
                                "isolir_skip_sundays":"0"})",
                            token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto settings = server.get("/api/settings", token).json()["data"];
    BOOST_TEST(settings.dump().find("2026-08-17,2026-12-25") != std::string::npos, settings.dump());
    BOOST_TEST(server.scalar("SELECT value FROM settings WHERE key = 'isolir_rate_limit'") == "1M/1M");
    BOOST_TEST(server.scalar("SELECT value FROM settings WHERE key = 'isolir_grace_days'") == "0");
}

BOOST_AUTO_TEST_SUITE_END()
