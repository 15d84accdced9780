// What a technician's outage title may say to every customer: plain words and places, never a
// link or WhatsApp formatting.
#include <boost/test/unit_test.hpp>

#include "messaging/notice_text.hpp"

using kimonet::messaging::has_link_or_formatting;

BOOST_AUTO_TEST_SUITE(notice_text)

BOOST_AUTO_TEST_CASE(links_and_formatting_are_found_places_and_plain_words_are_not) {
    for (const char* text : {"Kabel putus. Bayar di https://kimonet-bayar.example", "lihat kimonet-bayar.id sekarang", "bit.ly/abc",
                             "cek www.contoh", "chat wa.me/628123", "*PENTING* kabel putus", "_miring_", "~coret~", "`kode`",
                             "HTTP://X", "promo.xyz!", "Info: isp-baru.com/bayar"})
        BOOST_TEST(has_link_or_formatting(text), text);
    for (const char* text : {"Kabel optik putus di Jl. Merdeka", "ODP-01.A mati", "ODC.Utara tanpa listrik", "Gangguan area Cimahi, estimasi 3 jam",
                             "Perbaikan tiang No. 12", "Listrik PLN padam 18.30-20.00", "", "Rp150.000 kompensasi"})
        BOOST_TEST(!has_link_or_formatting(text), text);
}

BOOST_AUTO_TEST_SUITE_END()
