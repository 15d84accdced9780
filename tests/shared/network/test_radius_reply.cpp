// What FreeRADIUS is answered for a RADIUS customer, and which RFC 5176 message changes a live session.
#include <boost/test/unit_test.hpp>

#include "network/radius_reply.hpp"

using namespace kimonet::network;

namespace {

std::string value_of(const RadiusAttributes& attributes, const std::string& name) {
    for (const auto& [key, value] : attributes.reply)
        if (key == name) return value;
    return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(radius_reply)

BOOST_AUTO_TEST_CASE(rate_limit_is_rx_tx_from_the_routers_side_in_whole_megabits_where_possible) {
    BOOST_TEST(mikrotik_rate_limit(2048, 10240) == "2M/10M");
    BOOST_TEST(mikrotik_rate_limit(1536, 512) == "1536k/512k");
    BOOST_TEST(mikrotik_rate_limit(0, 1024) == "0k/1M");
}

BOOST_AUTO_TEST_CASE(an_active_customer_gets_the_package_speed_and_its_fixed_address) {
    const auto active = radius_reply_attributes(false, 2048, 10240, "10.7.0.5", {"isolir", "512k/512k"});
    BOOST_TEST(value_of(active, "Mikrotik-Rate-Limit") == "2M/10M");
    BOOST_TEST(value_of(active, "Framed-IP-Address") == "10.7.0.5");
    BOOST_TEST(value_of(active, "Framed-Pool") == "<absent>");
    BOOST_TEST(value_of(active, "Mikrotik-Address-List") == "<absent>");
}

BOOST_AUTO_TEST_CASE(an_isolated_customer_gets_the_isolir_pool_rate_and_list_as_configured) {
    const auto pooled = radius_reply_attributes(true, 2048, 10240, "10.7.0.5", {"isolir", "512k/512k"});
    BOOST_TEST(value_of(pooled, "Framed-Pool") == "isolir");
    BOOST_TEST(value_of(pooled, "Framed-IP-Address") == "<absent>");  // the pool gives the address
    BOOST_TEST(value_of(pooled, "Mikrotik-Rate-Limit") == "512k/512k");
    BOOST_TEST(value_of(pooled, "Mikrotik-Address-List") == "ISOLIR");
    const auto rate_only = radius_reply_attributes(true, 2048, 10240, "10.7.0.5", {"", ""});
    BOOST_TEST(value_of(rate_only, "Framed-Pool") == "<absent>");
    BOOST_TEST(value_of(rate_only, "Framed-IP-Address") == "10.7.0.5");
    BOOST_TEST(value_of(rate_only, "Mikrotik-Rate-Limit") == "2M/10M");
}

BOOST_AUTO_TEST_CASE(a_pool_change_needs_a_disconnect_a_rate_change_a_coa) {
    BOOST_TEST((dynamic_authorization_for({"isolir", ""}) == DynamicAuthorization::Disconnect));
    BOOST_TEST((dynamic_authorization_for({"", "256k/256k"}) == DynamicAuthorization::ChangeOfAuthorization));
}

BOOST_AUTO_TEST_CASE(settings_are_checked) {
    BOOST_TEST(!radius_setting_problem("radius_isolir_pool", "isolir").has_value());
    BOOST_TEST(!radius_setting_problem("radius_isolir_pool", "").has_value());
    BOOST_TEST(radius_setting_problem("radius_isolir_pool", "iso lir").has_value());
    BOOST_TEST(radius_setting_problem("radius_isolir_pool", "%{User-Name}").has_value());
    BOOST_TEST(!radius_setting_problem("radius_isolir_rate_limit", "1M/1M").has_value());
    BOOST_TEST(!radius_setting_problem("radius_isolir_rate_limit", "").has_value());
    BOOST_TEST(radius_setting_problem("radius_isolir_rate_limit", "fast").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
