// The page's text and accessibility layer (wasm/text_layer.*), headless: what a frame hands to
// web/text_layer.js. The customer list's cells arrive once with their role, text and table row;
// a frame that drew the same things hands over nothing; a changed cell is the only record sent.
// What opens an address (a menu entry, a customer's name) carries it, for the page's real links.
// Emoji: the app's font leaves a gap for each run of characters it lacks (widgets/browser_glyphs.*)
// and the record says where, so the page paints them there in the browser's colour emoji font.
// For screen readers: a saved customer is said once (the page's polite live region) and not read
// twice; each screen is a page of its own (the page moves focus to a new one, not on a redraw);
// a tab row is a tablist with its selected tab; the language buttons say their languages.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "api/dto.hpp"
#include "customer_world.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "text_layer.hpp"
#include "widgets/browser_glyphs.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using Json = kimonet::api::Json;

namespace {

kimonet::Customer customer(std::int64_t id, std::string number, std::string name) {
    kimonet::Customer c;
    c.id = id;
    c.service_number = std::move(number);
    c.name = std::move(name);
    c.phone = "6281234567890";
    c.package_id = 1;
    c.join_date = {2025, 3, 14};
    return c;
}

Json customer_list(const std::vector<kimonet::Customer>& customers) {
    Json data = Json::array();
    for (const auto& c : customers) data.push_back(kimonet::api::to_json(c));
    return {{"success", true}, {"data", data}, {"total", customers.size()}, {"page", 1}, {"per_page", 100}};
}

// The record set for `key` in these changes ([key, role, text, name, x, y, w, h, font, container, states]).
Json record(const Json& changes, const std::string& key) {
    for (const Json& entry : changes["set"])
        if (entry[0] == key) return entry;
    return nullptr;
}

Json changes() {
    const std::string& text = kimonet::text_layer::changes();
    return text.empty() ? Json(nullptr) : Json::parse(text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_layer)

BOOST_AUTO_TEST_CASE(the_customer_list_is_handed_over_once_as_a_table_and_then_only_what_changed) {
    kimonet::text_layer::reset();
    ViewHarness harness;
    harness.api().answer("GET", "/api/customers",
                         customer_list({customer(1, "CUST001", "Budi Santoso"), customer(2, "CUST002", "Siti Aminah")}));
    harness.sign_in_staff({"customers.read", "customers.update"});
    harness.settle();

    const Json first = changes();
    BOOST_REQUIRE(first.is_object());
    const Json name = record(first, "customers.CUST001.name");
    BOOST_REQUIRE(name.is_array());
    BOOST_TEST(name[1] == "");  // plain text: the page makes it a cell of its row
    BOOST_TEST(name[2] == "Budi Santoso");
    BOOST_TEST(name[9].get<std::string>().find("/r") != std::string::npos, "placed in a table row: " << name[9]);
    // The name opens the customer: the record ends with its address (no browser runs before it),
    // so the page makes it a link; the phone opens nothing and has none.
    BOOST_REQUIRE(name.size() == 17u);
    BOOST_TEST(name[15].is_null());
    BOOST_TEST(name[16] == "#/customers/1");

    BOOST_TEST(record(first, "customers.CUST001.phone").size() == 15u);
    const Json nav = record(first, "nav.customers");
    BOOST_REQUIRE(nav.is_array());
    BOOST_TEST(nav[1] == "link");
    BOOST_TEST(nav[16] == "#/customers", "a menu entry links to its screen");
    BOOST_TEST(nav[9] == "n", "in the navigation landmark");
    const Json other = record(first, "customers.CUST002.name");
    BOOST_TEST(other[9] != name[9], "each customer in its own row");
    const Json header = record(first, "column_header.Nama");
    BOOST_REQUIRE(header.is_array());
    BOOST_TEST(header[1] == "columnheader");
    const Json edit = record(first, "customers.CUST001.edit");
    BOOST_REQUIRE(edit.is_array());
    BOOST_TEST(edit[1] == "button");
    BOOST_TEST(!edit[2].get<std::string>().empty(), "the button's text names it");
    const Json search = record(first, "customers.search");
    BOOST_REQUIRE(search.is_array());
    BOOST_TEST(search[1] == "textbox");
    BOOST_TEST(!search[3].get<std::string>().empty(), "the search field is named");
    // Its hint ends its record: the page's input takes it as its placeholder (a script's
    // getByPlaceholder finds it; the layer keeps it transparent over ImGui's own drawing).
    BOOST_REQUIRE(search.size() == 19u);
    BOOST_TEST(search[18] == "Nama, nomor layanan atau telepon");
    BOOST_TEST(first.contains("order"));

    // Nothing new drawn: nothing handed over, frame after frame.
    harness.frames(3);
    BOOST_TEST(changes().is_null());

    // A letter typed into the search field (before the debounced reload): that field is the change.
    harness.click("customers.search");
    harness.frames(2);
    const Json focused = changes();
    BOOST_REQUIRE(focused.is_object());
    BOOST_TEST(focused["focus"] == "customers.search", "focus follows the clicked field");
    harness.type("B");
    harness.frames(1);
    const Json typed = changes();
    BOOST_REQUIRE(typed.is_object());
    BOOST_TEST(typed["set"].size() == 1u, "only the search field: " << typed["set"].dump());
    BOOST_TEST(record(typed, "customers.search")[2] == "B");
    BOOST_TEST(typed["del"].empty());
    BOOST_TEST(!typed.contains("order"), "the same things in the same order");
    BOOST_TEST(!typed.contains("focus"), "focus unchanged");
}

namespace {

const std::string kPray = "\xF0\x9F\x99\x8F";             // 🙏 (U+1F64F, beyond ImGui's 16-bit characters)
const std::string kHeart = "\xE2\x9D\xA4\xEF\xB8\x8F";   // ❤️ (U+2764 U+FE0F)
const std::string kZwj = "\xE2\x80\x8D";                    // zero-width joiner
const std::string kFamily = "\xF0\x9F\x91\xA8" + kZwj + "\xF0\x9F\x91\xA9" + kZwj + "\xF0\x9F\x91\xA7";  // 👨‍👩‍👧

float width_of(const ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, text.data(), text.data() + text.size()).x;
}

}  // namespace

BOOST_AUTO_TEST_CASE(emoji_leave_a_gap_in_the_canvas_text_where_the_page_paints_them) {
    using kimonet::widgets::browser_runs;
    kimonet::text_layer::reset();
    ViewHarness harness;
    harness.api().answer("GET", "/api/customers", customer_list({customer(1, "CUST001", "Putri " + kPray + " Sari")}));
    harness.sign_in_staff({"customers.read"});
    harness.settle();
    const ImFont* font = kimonet::platform::display().fonts().body;
    const float size = font->FontSize;
    const float gap = size * kimonet::widgets::kGapAdvance;

    // One run where the emoji is, as wide as the gap ImGui leaves; the text after it starts after
    // the gap (the whole line is exactly the three parts: nothing overlaps, nothing is drawn in it).
    const auto runs = browser_runs(font, size, "Putri " + kPray + " Sari");
    BOOST_REQUIRE(runs.size() == 1u);
    BOOST_TEST(runs[0].text == kPray);
    BOOST_TEST(runs[0].line == 0);
    BOOST_TEST(runs[0].x == width_of(font, "Putri "));
    BOOST_TEST(runs[0].width == gap);
    BOOST_TEST(width_of(font, "Putri " + kPray + " Sari") == width_of(font, "Putri ") + gap + width_of(font, " Sari"));
    BOOST_TEST(font->FallbackAdvanceX == gap);

    // Text the font draws itself (Indonesian, Latin-1) has no runs.
    BOOST_TEST(browser_runs(font, size, "Tagihan Rp 150.000").empty());
    BOOST_TEST(browser_runs(font, size, "D\xC3\xA9sir\xC3\xA9" "e ok").empty());
    // A selector or a joiner widens nothing and rides along with its emoji: "❤️" is one gap, a
    // family of three is three gaps in one run (the browser draws one glyph, centred in it).
    const auto heart = browser_runs(font, size, "Terima kasih " + kHeart);
    BOOST_REQUIRE(heart.size() == 1u);
    BOOST_TEST(heart[0].text == kHeart);
    BOOST_TEST(heart[0].width == gap);
    const auto family = browser_runs(font, size, kFamily + " & " + kPray + kPray);
    BOOST_REQUIRE(family.size() == 2u);
    BOOST_TEST(family[0].text == kFamily);
    BOOST_TEST(family[0].width == 3 * gap);
    BOOST_TEST(family[1].text == kPray + kPray);
    BOOST_TEST(family[1].x == 3 * gap + width_of(font, " & "));
    // Lines: after a new line, and where ImGui wraps (at the same words as its RenderText).
    const auto lines = browser_runs(font, size, "Halo\n" + kPray + " ok");
    BOOST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines[0].line == 1);
    BOOST_TEST(lines[0].x == 0.f);
    const std::string paragraph = "Terima kasih sudah membayar tepat " + kPray + " ok";
    const float wrap = width_of(font, "Terima kasih sudah membayar");
    const auto wrapped = browser_runs(font, size, paragraph, wrap + 1.f);
    BOOST_REQUIRE(wrapped.size() == 1u);
    BOOST_TEST(wrapped[0].line == 1);
    BOOST_TEST(wrapped[0].x == width_of(font, "tepat "));

    // The customer list's cell: its record carries the run, from the cell's corner, in CSS px.
    harness.frames(1);
    const Json first = changes();
    BOOST_REQUIRE(first.is_object());
    const Json name = record(first, "customers.CUST001.name");
    BOOST_REQUIRE(name.is_array());
    BOOST_REQUIRE(name.size() == 17u);  // its runs, then the customer's address
    BOOST_TEST(name[16] == "#/customers/1");
    const Json run = name[15][0];
    BOOST_TEST(run[4] == kPray);
    BOOST_TEST(std::abs(run[0].get<float>() - width_of(font, "Putri ")) <= 0.5f);
    BOOST_TEST(run[1].get<float>() == 0.f);
    BOOST_TEST(std::abs(run[2].get<float>() - gap) <= 0.5f);
    // A cell the font draws whole has no runs.
    BOOST_TEST(record(first, "customers.CUST001.number")[15].is_null());
    BOOST_TEST(record(first, "customers.CUST001.phone").size() == 15u);
}

namespace {

bool has_state(const Json& record, char state) { return record[10].get<std::string>().find(state) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(a_saved_customer_is_said_once_and_its_notice_is_not_read_twice) {
    kimonet::text_layer::reset();
    ViewHarness harness("customers");
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff({"customers.read", "customers.update", "packages.read", "routers.read"});
    harness.settle();
    BOOST_REQUIRE(harness.find("customers.CUST042.edit").has_value());
    harness.click("customers.CUST042.edit");
    harness.settle();
    BOOST_REQUIRE(harness.find("customer_form.save").has_value());
    BOOST_TEST(!changes().contains("say"), "nothing said while the form opens");
    kimonet::Customer budi = customer(42, "CUST042", "Budi Santoso");
    harness.api().answer("PUT", "/api/customers/42", {{"success", true}, {"data", kimonet::api::to_json(budi)}});
    harness.click("customer_form.save");
    harness.settle();

    const std::string saved = "Data pelanggan CUST042 disimpan.";
    BOOST_REQUIRE(harness.value("customers.notice") == saved);
    const Json after = changes();
    BOOST_REQUIRE(after.is_object());
    BOOST_TEST(after["say"] == Json::array({saved}), "said once: " << after.dump());
    const Json notice = record(after, "customers.notice");
    BOOST_REQUIRE(notice.is_array());
    BOOST_TEST(notice[1] == "", "the banner is text: the live region says it, not a status node read again");
    BOOST_TEST(notice[2] == saved);
    // Still on show, frame after frame: not said again.
    harness.frames(3);
    const Json later = changes();
    BOOST_TEST((later.is_null() || !later.contains("say")), "said again: " << later.dump());
}

BOOST_AUTO_TEST_CASE(each_screen_is_a_page_of_its_own_and_drawing_it_again_is_not_another) {
    kimonet::text_layer::reset();
    ViewHarness harness;
    harness.frames(2);
    const Json login = changes();
    BOOST_REQUIRE(login.is_object());
    BOOST_TEST(login["page"] == Json({{"name", "login"}, {"form", true}}), "the sign-in is a form: " << login.dump());
    kimonet::testing::answer_admin_lists(harness.api());
    harness.sign_in_staff({"customers.read", "invoices.read", "packages.read"});
    harness.settle();
    BOOST_TEST(changes()["page"] == Json({{"name", "customers"}, {"form", false}}));
    harness.click("nav.invoices");
    harness.settle();
    BOOST_TEST(changes()["page"] == Json({{"name", "invoices"}, {"form", false}}));
    // The same screen drawn again, in the other language too: the same page.
    harness.frames(3);
    harness.click("lang.en");
    harness.settle();
    const Json english = changes();
    BOOST_TEST((english.is_null() || !english.contains("page")), english.dump());
    harness.click("nav.customers");
    harness.settle();
    harness.click("customers.CUST042.name");
    harness.settle();
    BOOST_TEST(changes()["page"] == Json({{"name", "customer/42"}, {"form", false}}), "a customer is a page of its own");
    harness.click("lang.id");
    harness.settle();
}

BOOST_AUTO_TEST_CASE(report_kinds_are_a_tablist_and_the_language_buttons_say_their_languages) {
    kimonet::text_layer::reset();
    ViewHarness harness("reports");
    harness.sign_in_staff({"reports.read"});
    harness.settle();
    const Json first = changes();
    BOOST_REQUIRE(first.is_object());
    const Json revenue = record(first, "reports.tab.0");
    const Json customers = record(first, "reports.tab.1");
    BOOST_REQUIRE(revenue.is_array());
    BOOST_REQUIRE(customers.is_array());
    BOOST_TEST(revenue[1] == "tab");
    BOOST_TEST(customers[1] == "tab");
    BOOST_TEST((has_state(revenue, 'T') && has_state(revenue, 'O')), "the first kind is the selected tab: " << revenue[10]);
    BOOST_TEST((has_state(customers, 'T') && !has_state(customers, 'O')), customers[10]);
    BOOST_TEST(revenue[9] == "lreports.tab", "in the row's tablist");
    BOOST_TEST(customers[9] == revenue[9]);
    harness.click("reports.tab.1");
    harness.settle();
    const Json chosen = changes();
    BOOST_TEST(has_state(record(chosen, "reports.tab.1"), 'O'), "the chosen kind is selected now");
    BOOST_TEST(!has_state(record(chosen, "reports.tab.0"), 'O'));

    // "ID" and "EN" as drawn; said "Bahasa Indonesia (ID)" and "English (EN)" in their own languages (the drawn text
    // in the name: a voice-control user says "click EN"), the one
    // in use pressed.
    const Json indonesian = record(first, "lang.id");
    const Json english = record(first, "lang.en");
    BOOST_REQUIRE(indonesian.is_array());
    BOOST_REQUIRE(english.is_array());
    BOOST_TEST(indonesian[1] == "button");
    BOOST_TEST(indonesian[2] == "ID");
    BOOST_TEST(indonesian[3] == "Bahasa Indonesia (ID)");
    BOOST_TEST(english[2] == "EN");
    BOOST_TEST(english[3] == "English (EN)");
    BOOST_REQUIRE(english.size() == 18u);
    BOOST_TEST(english[17] == "en");
    BOOST_TEST(indonesian[17] == "id");
    BOOST_TEST((has_state(indonesian, 'B') && has_state(indonesian, 'O')), indonesian[10]);
    BOOST_TEST((has_state(english, 'B') && !has_state(english, 'O')), english[10]);
}

BOOST_AUTO_TEST_SUITE_END()
