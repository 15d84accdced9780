// The page's text and accessibility layer (wasm/text_layer.*), headless: what a frame hands to
// web/text_layer.js. The customer list's cells arrive once with their role, text and table row;
// a frame that drew the same things hands over nothing; a changed cell is the only record sent.
// What opens an address (a menu entry, a customer's name) carries it, for the page's real links.
// Emoji: the app's font leaves a gap for each run of characters it lacks (widgets/browser_glyphs.*)
// and the record says where, so the page paints them there in the browser's colour emoji font.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "api/dto.hpp"
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

BOOST_AUTO_TEST_SUITE_END()
