#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "messaging/bot_keywords.hpp"

using namespace kimonet::messaging;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(bot_keywords)

struct Case {
    const char* text;
    BotIntent intent;
};
std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

static const Case kCases[] = {
    {"tagihan", BotIntent::Invoices},       {"TAGIHAN", BotIntent::Invoices},     {"Tagihan?", BotIntent::Invoices},
    {"tagihn", BotIntent::Invoices},        {"taghan", BotIntent::Invoices},      {"tgaihan", BotIntent::Invoices},
    {"cek", BotIntent::Invoices},           {"Cek tagihan saya", BotIntent::Invoices}, {"cekk", BotIntent::Invoices},
    {"tagihannya berapa", BotIntent::Invoices}, {"1", BotIntent::Invoices},
    {"bayar", BotIntent::PaymentLink},      {"BAYR", BotIntent::PaymentLink},     {"mau bayar", BotIntent::PaymentLink},
    {"byar", BotIntent::PaymentLink},       {"2", BotIntent::PaymentLink},
    {"status", BotIntent::ServiceStatus},   {"statsu", BotIntent::ServiceStatus}, {"stats", BotIntent::ServiceStatus},
    {"3", BotIntent::ServiceStatus},
    {"menu", BotIntent::Menu},              {"bantuan", BotIntent::Menu},         {"bantuam", BotIntent::Menu},
    {"Menu!", BotIntent::Menu},             {"help", BotIntent::Menu},
    {"janji bayar", BotIntent::Promise},    {"JANJI BAYAR", BotIntent::Promise},  {"saya janji bayar besok", BotIntent::Promise},
    {"janj bayar", BotIntent::Promise},     {"bayar janji", BotIntent::Promise},  {"janji", BotIntent::Promise},
    {"halo", BotIntent::Unknown},           {"", BotIntent::Unknown},             {"dek", BotIntent::Unknown},
    {"🙏", BotIntent::Unknown},             {"terima kasih", BotIntent::Unknown}, {"xyzzy", BotIntent::Unknown},
    {"gangguan", BotIntent::Trouble},       {"GANGGUAN internet", BotIntent::Trouble}, {"ganguan", BotIntent::Trouble},
    {"lapor", BotIntent::Trouble},          {"internet mati", BotIntent::Trouble}, {"lapor, masih mati", BotIntent::Trouble},
    {"wifi lemot", BotIntent::Trouble},     {"router rusak", BotIntent::Trouble},
};

BOOST_DATA_TEST_CASE(classifies_indonesian_keywords_with_typos, data::make(kCases), sample) {
    BOOST_TEST(to_string(classify_message(sample.text)) == to_string(sample.intent), sample.text);
}

BOOST_AUTO_TEST_CASE(edit_distance_counts_swaps_as_one) {
    BOOST_TEST(edit_distance("tagihan", "tagihan") == 0);
    BOOST_TEST(edit_distance("tgaihan", "tagihan") == 1);
    BOOST_TEST(edit_distance("tagihn", "tagihan") == 1);
    BOOST_TEST(edit_distance("", "abc") == 3);
    BOOST_TEST(edit_distance("kitten", "sitting") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
