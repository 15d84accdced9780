// The message catalogue (core/message_catalogue.hpp): every message an Error or a field carries is an
// Indonesian id with its English, ids are unique (so a translation is never ambiguous), the error
// table's own messages are catalogue texts, and english_message() swaps the fixed part of a message
// with a detail while keeping the detail.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "core/error.hpp"
#include "core/message_catalogue.hpp"

using namespace kimonet;
namespace messages = kimonet::messages;

BOOST_AUTO_TEST_SUITE(message_catalogue)

BOOST_AUTO_TEST_CASE(every_entry_has_an_indonesian_id_and_an_english_text) {
    BOOST_TEST(messages::catalogue().size() > 150u);
    for (const auto& entry : messages::catalogue()) {
        BOOST_TEST(!entry.id.empty());
        BOOST_TEST(!entry.en.empty(), "no English for: " << entry.id);
        BOOST_TEST(entry.id != entry.en, "not translated: " << entry.id);
        // A fixed text never ends in the detail separator: with_detail() adds it.
        BOOST_TEST(!entry.id.ends_with(":"), entry.id);
        BOOST_TEST(!entry.en.ends_with(":"), entry.en);
    }
}

BOOST_AUTO_TEST_CASE(the_real_catalogue_breaks_no_rule_and_each_rule_can_fail) {
    BOOST_TEST(messages::catalogue_problem(messages::catalogue()) == "");
    const messages::CatalogueEntry no_english[] = {{"tagihan tidak ditemukan", "invoice not found"}, {"sesi tidak ditemukan", ""}};
    const messages::CatalogueEntry no_indonesian[] = {{"", "invoice not found"}};
    const messages::CatalogueEntry twice[] = {{"tagihan tidak ditemukan", "invoice not found"}, {"Sesi", "Session"},
                                              {"tagihan tidak ditemukan", "no such invoice"}};
    BOOST_TEST(messages::catalogue_problem(no_english) == "an entry has no English text");
    BOOST_TEST(messages::catalogue_problem(no_indonesian) == "an entry has no Indonesian text");
    BOOST_TEST(messages::catalogue_problem(twice) == "an Indonesian text appears twice");
}

BOOST_AUTO_TEST_CASE(no_two_entries_share_an_indonesian_text) {
    std::map<std::string_view, int> seen;
    for (const auto& entry : messages::catalogue()) ++seen[entry.id];
    for (const auto& [id, count] : seen) BOOST_TEST(count == 1, "\"" << id << "\" appears " << count << " times");
    BOOST_TEST(seen.size() == messages::catalogue().size());
}

BOOST_AUTO_TEST_CASE(the_error_tables_messages_are_indonesian_catalogue_texts) {
    for (const ErrorInfo& info : kErrorInfos) {
        BOOST_TEST(messages::english_message(info.message) != info.message, "not in the catalogue: " << info.message);
    }
    BOOST_TEST(make_error(ErrorCode::NotFound).message() == "Tidak ditemukan");
    BOOST_TEST(messages::english_message(make_error(ErrorCode::NotFound).message()) == "Not found");
    BOOST_TEST(messages::english_message(make_error(ErrorCode::Internal).message()) == "Internal error");
}

BOOST_AUTO_TEST_CASE(a_message_with_a_detail_translates_the_fixed_part_and_keeps_the_detail) {
    const std::string message = messages::with_detail(messages::kRouterLoginRejected, "core-1 (10.0.0.1:8728): 'api': invalid user name or password");
    BOOST_TEST(message == "router menolak login: core-1 (10.0.0.1:8728): 'api': invalid user name or password");
    BOOST_TEST(messages::english_message(message) == "the router rejected the login: core-1 (10.0.0.1:8728): 'api': invalid user name or password");
    BOOST_TEST(messages::english_message(messages::with_detail(messages::kTooManyLogins, "15")) ==
               "Too many login attempts; try again after (minutes): 15");
    // A nested catalogue message inside the detail is ours too, and is translated.
    const std::string nested = messages::with_detail(messages::kRouterUnreadableReply, "core-1: " + messages::with_detail(messages::kRouterOsEmptyReply, ""));
    BOOST_TEST(messages::english_message(nested) == "the router's reply could not be read: core-1: RouterOS sent an empty reply");
}

BOOST_AUTO_TEST_CASE(the_longest_catalogue_text_wins_and_unknown_text_passes_through) {
    // "tagihan sudah lunas atau dibatalkan" must not read as "tagihan sudah lunas" + a detail.
    BOOST_TEST(messages::english_message(messages::kInvoicePaidOrVoid) == "the invoice is already paid or voided");
    BOOST_TEST(messages::english_message(messages::kInvoiceAlreadyPaid) == "the invoice is already paid");
    // A catalogue text followed by anything but the separator is not that text.
    BOOST_TEST(messages::english_message("tagihan sudah lunasX") == "tagihan sudah lunasX");
    BOOST_TEST(messages::english_message("Kabel optik putus") == "Kabel optik putus");
    BOOST_TEST(messages::english_message(messages::kRequired) == "required");
    BOOST_TEST(messages::with_detail(messages::kUnknownGateway, "") == "gateway tidak dikenal");
}

BOOST_AUTO_TEST_SUITE_END()
