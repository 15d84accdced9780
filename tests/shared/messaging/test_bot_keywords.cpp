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

// "TAGIHAN cust012" names a subscription of a number several share; the server keeps only the
// sender's own numbers among these words.
BOOST_AUTO_TEST_CASE(named_service_numbers_are_the_upper_cased_words_a_service_number_may_be) {
    BOOST_TEST((named_service_numbers("tagihan cust012, CUST-13!") == std::vector<std::string>{"TAGIHAN", "CUST012", "CUST-13"}));
    BOOST_TEST((named_service_numbers("bayar 2024001 dong") == std::vector<std::string>{"BAYAR", "2024001", "DONG"}));
    BOOST_TEST(named_service_numbers("ok -x- ya").empty());  // too short, or a '-' at an end
    BOOST_TEST(named_service_numbers("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13").size() == 4u);  // j10 to m13: three characters
    BOOST_TEST(named_service_numbers("aaa bbb ccc ddd eee fff ggg hhh iii jjj").size() == 8u);
}

BOOST_AUTO_TEST_SUITE_END()
