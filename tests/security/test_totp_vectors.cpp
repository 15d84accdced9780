// The TOTP arithmetic against the published vectors: RFC 4226 Appendix D (HOTP), RFC 6238
// Appendix B (TOTP, the SHA-1 rows) and RFC 4648 §10 (base32, and base64: the one encoder of HTTP
// Basic credentials, security::base64).
#include <boost/test/unit_test.hpp>

#include "security/base64.hpp"
#include "security/totp.hpp"

using namespace kimonet::security;

BOOST_AUTO_TEST_SUITE(totp_vectors)

BOOST_AUTO_TEST_CASE(hotp_matches_rfc_4226_appendix_d) {
    const std::string key = "12345678901234567890";
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
    for (std::uint64_t counter = 0; counter < 10; ++counter) BOOST_TEST(hotp(key, counter) == expected[counter], "counter " << counter);
}

BOOST_AUTO_TEST_CASE(totp_matches_rfc_6238_appendix_b_sha1) {
    const std::string key = "12345678901234567890";
    const std::pair<std::int64_t, const char*> vectors[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                                                            {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto& [time, code] : vectors) BOOST_TEST(totp(key, time, 8) == code, "T=" << time);
    // The six-digit code is the same value's last six digits.
    BOOST_TEST(totp(key, 59) == "287082");
}

BOOST_AUTO_TEST_CASE(base32_matches_rfc_4648_section_10) {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},           {"f", "MY"},           {"fo", "MZXQ"},       {"foo", "MZXW6"},
                                                           {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
    for (const auto& [plain, encoded] : vectors) {
        BOOST_TEST(base32_encode(plain) == encoded);
        BOOST_TEST(base32_decode(encoded).value() == plain);
    }
    BOOST_TEST(base32_decode("mzxw 6ytb oi").value() == "foobar");  // as people type it
    BOOST_TEST(!base32_decode("MZXW1").has_value());                 // 1 is not in the alphabet
}

BOOST_AUTO_TEST_CASE(a_code_matches_one_step_either_side_and_no_further) {
    const std::string key = "12345678901234567890";
    const std::int64_t now = 1111111111;
    const std::int64_t step = totp_step(now);
    BOOST_TEST(totp_matching_step(key, totp(key, now), now).value() == step);
    BOOST_TEST(totp_matching_step(key, totp(key, now - 30), now).value() == step - 1);
    BOOST_TEST(totp_matching_step(key, totp(key, now + 30), now).value() == step + 1);
    BOOST_TEST(!totp_matching_step(key, totp(key, now - 60), now).has_value());
    BOOST_TEST(!totp_matching_step(key, totp(key, now + 60), now).has_value());
    BOOST_TEST(!totp_matching_step(key, "12345", now).has_value());
    BOOST_TEST(!totp_matching_step(key, "12a456", now).has_value());
    BOOST_TEST(!totp_matching_step(key, totp(key, now) + "0", now).has_value());
}

BOOST_AUTO_TEST_CASE(base64_matches_rfc_4648_section_10_and_rfc_7617_example) {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},           {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) BOOST_TEST(kimonet::security::base64(plain) == encoded);
    // RFC 7617 §2's credential, and bytes above 0x7f (the standard alphabet's + and /, not URL-safe).
    BOOST_TEST(kimonet::security::base64("Aladdin:open sesame") == "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    BOOST_TEST(kimonet::security::base64(std::string("\xfb\xff\xbf", 3)) == "+/+/");
}

BOOST_AUTO_TEST_SUITE_END()
