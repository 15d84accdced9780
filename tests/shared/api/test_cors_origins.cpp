// The CORS allowlist setting: parsing, validation and exact matching.
#include <boost/test/unit_test.hpp>

#include "api/cors.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(cors_origins)

BOOST_AUTO_TEST_CASE(entries_are_trimmed_lower_cased_and_matched_exactly) {
    const auto allowed = api::parse_allowed_origins(" https://WWW.Kimonet.id/ ,, http://localhost:8080");
    BOOST_TEST(allowed == (std::vector<std::string>{"https://www.kimonet.id", "http://localhost:8080"}), boost::test_tools::per_element());
    BOOST_TEST(api::is_origin_allowed(allowed, "https://www.kimonet.id"));
    BOOST_TEST(api::is_origin_allowed(allowed, "https://WWW.KIMONET.ID"));
    BOOST_TEST(!api::is_origin_allowed(allowed, "http://www.kimonet.id"));
    BOOST_TEST(!api::is_origin_allowed(allowed, "https://www.kimonet.id.evil.example"));
    BOOST_TEST(!api::is_origin_allowed(allowed, "http://localhost:8081"));
    BOOST_TEST(!api::is_origin_allowed(allowed, ""));
    BOOST_TEST(!api::is_origin_allowed({}, "https://www.kimonet.id"));
}

BOOST_AUTO_TEST_CASE(only_scheme_host_and_port_are_accepted) {
    BOOST_TEST(!api::allowed_origins_problem(""));
    BOOST_TEST(!api::allowed_origins_problem("https://kimonet.id, http://127.0.0.1:5500"));
    for (const char* bad : {"kimonet.id", "https://kimonet.id/landing", "ftp://kimonet.id", "https://", "https://kimonet.id:0", "*"})
        BOOST_TEST(api::allowed_origins_problem(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
