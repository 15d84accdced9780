// The landing page's registration rules (shared/leads): normalisation, every problem at once,
// coordinates as numbers or form text, and the honeypot.
#include <boost/test/unit_test.hpp>

#include "core/text.hpp"
#include "leads/registration.hpp"

using namespace kimonet;
using api::Json;

BOOST_AUTO_TEST_SUITE(registration_form)

BOOST_AUTO_TEST_CASE(a_good_form_is_normalised) {
    auto registration = leads::registration_from_json(Json{{"name", "  Siti  "}, {"phone", "0812-3456-7890"}, {"email", " Siti@Example.ID "},
                                                           {"address", " Jl. Melati 7 "}, {"package_id", "2"}, {"latitude", "-6.9"},
                                                           {"longitude", 107.6}});
    BOOST_TEST_REQUIRE(registration.ok());
    BOOST_TEST(registration->name == "Siti");
    BOOST_TEST(registration->phone == "6281234567890");
    BOOST_TEST(registration->email == "siti@example.id");
    BOOST_TEST(registration->address == "Jl. Melati 7");
    BOOST_TEST(registration->package_id == 2);
    BOOST_TEST(*registration->latitude == -6.9);
    BOOST_TEST(*registration->longitude == 107.6);
}

BOOST_AUTO_TEST_CASE(every_problem_comes_back_at_once_in_indonesian) {
    auto registration = leads::registration_from_json(Json{{"name", 5}, {"phone", ""}, {"package_id", "abc"}, {"latitude", 91}, {"longitude", ""}});
    BOOST_TEST_REQUIRE(!registration.ok());
    const auto& fields = registration.error().fields;
    BOOST_TEST(fields.at("name") == "tipe data salah");
    BOOST_TEST(fields.at("phone") == "wajib diisi");
    BOOST_TEST(fields.at("email") == "wajib diisi");
    BOOST_TEST(fields.at("address") == "alamat pemasangan wajib diisi");
    BOOST_TEST(fields.at("package_id") == "tidak valid");
    BOOST_TEST(fields.at("latitude") == "garis lintang harus -90 sampai 90");
    BOOST_TEST(!fields.contains("longitude"));  // empty text = not given
}

BOOST_AUTO_TEST_CASE(the_honeypot_is_any_non_empty_website) {
    BOOST_TEST(!leads::is_bot_submission(Json{{"name", "x"}}));
    BOOST_TEST(!leads::is_bot_submission(Json{{"website", "  "}}));
    BOOST_TEST(!leads::is_bot_submission(Json{{"website", nullptr}}));
    BOOST_TEST(leads::is_bot_submission(Json{{"website", "http://spam"}}));
    BOOST_TEST(leads::is_bot_submission(Json{{"website", 1}}));
}

// The confirmation goes from the ISP's WhatsApp number to a number anybody can type: only a name
// that reads as a name is repeated in it.
BOOST_AUTO_TEST_CASE(the_confirmation_greets_by_name_only_when_it_reads_as_one) {
    for (const char* name : {"Budi Santoso", "Moh. Rizki", "Siti Nur'aini", "Anak Agung Gde-Putra", "  Dewi  ", "H."})
        BOOST_TEST(leads::greeting_name(name) == trim_copy(name), name);
    for (const char* text : {"Tagihan Rp750rb nunggak, bayar di bit.ly/x", "bit.ly", "Budi 0812345678", "wa.me/628123", "*PENTING* Budi",
                             "https://contoh.id", "", "   ", ".", "Budi\nSantoso", "Nama yang panjangnya lebih dari empat puluh huruf sekali"})
        BOOST_TEST(leads::greeting_name(text) == leads::kUnverifiedGreeting, text);
}

BOOST_AUTO_TEST_SUITE_END()
