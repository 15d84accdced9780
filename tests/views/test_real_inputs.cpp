// Issue 18, real inputs: in the browser a text field edits through a real <input> of the page
// (web/text_layer.js). Headless, the page's side is played by dom_fields::page_typed/focused: what
// it types lands in the field and goes to the server byte for byte (accents, a dash, an emoji);
// the layer's records carry each field's kind (phone keypad, password manager hints) and never a
// password's text; Esc closes the customer form and Enter saves it. The multi-line fields (a
// WhatsApp template body, a broadcast message) are <textarea>s ('M'): a body typed there with new
// lines and an emoji is what Ctrl+Enter (or Save) sends.
#include <boost/test/unit_test.hpp>

#include <string>

#include "api/dto.hpp"
#include "imgui.h"
#include "text_layer.hpp"
#include "headless_platform.hpp"
#include "view_harness.hpp"
#include "widgets/field_kind.hpp"

using kimonet::testing::ViewHarness;
using Json = kimonet::api::Json;

namespace {

const std::string kName = "D\xC3\xA9sir\xC3\xA9" "e \xE2\x80\x94 \xF0\x9F\x99\x8F";  // "Désirée — 🙏"

// Every record the layer was handed since reset(), latest per key.
struct LayerRecords {
    Json latest = Json::object();
    void take() {
        const std::string& text = kimonet::text_layer::changes();
        if (text.empty()) return;
        const Json changes = Json::parse(text);
        for (const Json& entry : changes["set"]) latest[entry[0].get<std::string>()] = entry;
    }
    std::string states(const std::string& key) const { return latest.contains(key) ? latest[key][10].get<std::string>() : "?"; }
    std::string text(const std::string& key) const { return latest.contains(key) ? latest[key][2].get<std::string>() : "?"; }
};

Json empty_list() { return {{"success", true}, {"data", Json::array()}, {"total", 0}, {"page", 1}, {"per_page", 100}}; }

void open_customer_form(ViewHarness& harness) {
    harness.api().answer("GET", "/api/customers", empty_list());
    kimonet::Package package;
    package.id = 1;
    package.name = "Paket 20 Mbps";
    package.price = 150000;
    harness.api().answer("GET", "/api/packages", {{"success", true}, {"data", Json::array({kimonet::api::to_json(package)})}});
    harness.sign_in_staff({"customers.read", "customers.create", "customers.update", "packages.read"});
    harness.settle();
    harness.click("customers.add");
    harness.frames(2);
    BOOST_REQUIRE(harness.find("customer_form.name"));
}

// More fields typed on the page (the package, a drop-down, stays unchosen: Save then refuses with
// the form's banner, which shows that Save ran).
void fill_required(ViewHarness& harness) {
    kimonet::dom_fields::page_typed("customer_form.phone", "0812-1002-3757");
    kimonet::dom_fields::page_typed("customer_form.service_number", "cust777");
    harness.frames(1);
}

bool posted_customer(ViewHarness& harness) {
    for (const auto& request : harness.api().sent())
        if (request.method == "POST" && request.path == "/api/customers") return true;
    return false;
}

struct PageEdits {
    PageEdits() {
        kimonet::dom_fields::reset();
        kimonet::dom_fields::set_enabled(true);
        kimonet::text_layer::reset();
    }
    ~PageEdits() { kimonet::dom_fields::reset(); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(real_inputs)

BOOST_FIXTURE_TEST_CASE(text_typed_in_the_page_input_is_what_the_customer_form_sends, PageEdits) {
    ViewHarness harness;
    open_customer_form(harness);
    kimonet::dom_fields::page_focused("customer_form.name");
    harness.frames(2);
    kimonet::dom_fields::page_typed("customer_form.name", kName);
    fill_required(harness);
    BOOST_TEST(harness.value("customer_form.name") == kName);
    BOOST_TEST(harness.value("customer_form.service_number") == "CUST777");  // the field's upper-case filter still applies

    BOOST_TEST(harness.value("customer_form.phone") == "0812-1002-3757");
    // (Saved to the server and read back through the API: tests/e2e/text_layer.test.mjs.)
}

BOOST_FIXTURE_TEST_CASE(the_layer_knows_each_field_kind_and_never_gets_a_password, PageEdits) {
    ViewHarness harness;
    LayerRecords layer;
    harness.frames(2);
    kimonet::dom_fields::page_typed("login.username", "admin");
    kimonet::dom_fields::page_typed("login.password", "rahasia-sekali");
    harness.frames(1);
    layer.take();
    BOOST_TEST(layer.states("login.username").find("Iu") != std::string::npos);  // autocomplete=username
    BOOST_TEST(layer.states("login.password").find("IP") != std::string::npos);  // current-password
    BOOST_TEST(layer.states("login.submit").find('S') != std::string::npos);     // the form's submit
    BOOST_TEST(layer.text("login.username") == "admin");
    BOOST_TEST(layer.text("login.password") == std::string(14, '*'));
    BOOST_TEST(layer.latest.dump().find("rahasia") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(the_customer_form_has_a_phone_keypad_and_an_email_field, PageEdits) {
    ViewHarness harness;
    LayerRecords layer;
    open_customer_form(harness);
    harness.frames(1);
    layer.take();
    BOOST_TEST(layer.states("customer_form.phone").find("It") != std::string::npos);
    BOOST_TEST(layer.states("customer_form.email").find("Ie") != std::string::npos);
    BOOST_TEST(layer.states("customer_form.name").find("Ix") != std::string::npos);
    // A PPPoE secret is a password the browser must not fill with the operator's own.
    BOOST_TEST(layer.states("customer_form.pppoe_password").find("Iw") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(escape_closes_the_customer_form_and_enter_in_a_field_saves_it, PageEdits) {
    ViewHarness harness;
    open_customer_form(harness);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Escape] = 27;  // the null backend maps no keys
    io.KeyMap[ImGuiKey_Enter] = 13;
    const auto press = [&](int key) {
        io.KeysDown[key] = true;
        harness.frames(1);
        io.KeysDown[key] = false;
        harness.frames(1);
    };
    press(27);
    harness.frames(1);
    BOOST_TEST(!harness.find("customer_form.name"));
    BOOST_TEST(!posted_customer(harness));
    BOOST_TEST(!harness.find("customer_form.banner"));

    harness.click("customers.add");
    harness.frames(2);
    kimonet::dom_fields::page_focused("customer_form.name");
    harness.frames(2);
    kimonet::dom_fields::page_typed("customer_form.name", kName);
    fill_required(harness);
    BOOST_TEST(!harness.find("customer_form.banner"));
    kimonet::dom_fields::page_focused("customer_form.name");
    harness.frames(2);
    press(13);
    BOOST_TEST(harness.find("customer_form.banner").has_value());  // Save ran: it asks for the package
}

BOOST_FIXTURE_TEST_CASE(the_template_body_is_a_textarea_and_ctrl_enter_saves_exactly_what_was_typed, PageEdits) {
    ViewHarness harness("templates");
    LayerRecords layer;
    const Json reminder = {{"key", "reminder"}, {"title", "Pengingat pembayaran"}, {"body", "Halo {nama_pelanggan}"},
                           {"default_body", "Halo {nama_pelanggan}"}, {"placeholders", Json::array({"nama_pelanggan", "total"})},
                           {"customized", false}};
    harness.api().answer("GET", "/api/message-templates", {{"success", true}, {"data", Json::array({reminder})}});
    harness.api().answer("PUT", "/api/message-templates/reminder", {{"success", true}, {"data", reminder}});
    harness.sign_in_staff({"messages.read", "settings.update"});
    harness.settle();
    BOOST_REQUIRE(harness.find("templates.body"));
    layer.take();
    BOOST_TEST(layer.states("templates.body").find("IM") != std::string::npos, "a <textarea>: " << layer.states("templates.body"));
    BOOST_TEST((kimonet::dom_fields::kind_of("templates.body") == kimonet::dom_fields::FieldKind::Multiline));

    // Typed on the page (an IME's Indonesian text, a new line, an emoji), then Ctrl+Enter.
    const std::string body = "Halo {nama_pelanggan},\nterima kasih \xF0\x9F\x99\x8F\nTotal: {total}";
    kimonet::dom_fields::page_focused("templates.body");
    harness.frames(2);
    kimonet::dom_fields::page_typed("templates.body", body);
    harness.frames(1);
    BOOST_TEST(harness.value("templates.body") == body);
    layer.take();
    BOOST_TEST(layer.text("templates.body") == body, "the page gets the text back unchanged");
    const auto puts = [&] {
        int count = 0;
        for (const auto& request : harness.api().sent())
            if (request.method == "PUT" && request.path == "/api/message-templates/reminder") ++count;
        return count;
    };
    BOOST_TEST(puts() == 0, "typing a new line does not save");
    kimonet::dom_fields::page_submitted("templates.body");
    harness.frames(2);
    BOOST_REQUIRE(puts() == 1);
    for (const auto& request : harness.api().sent())
        if (request.method == "PUT") BOOST_TEST(Json::parse(request.body)["body"] == body);
}

BOOST_FIXTURE_TEST_CASE(the_broadcast_message_is_a_textarea_too, PageEdits) {
    ViewHarness harness("notifications");
    LayerRecords layer;
    harness.api().answer("GET", "/api/notifications", empty_list());
    harness.sign_in_staff({"messages.read", "messages.send", "customers.read", "routers.read", "packages.read"});
    harness.settle();
    harness.click("notifications.broadcast");
    harness.frames(2);
    BOOST_REQUIRE(harness.find("broadcast.message"));
    layer.take();
    BOOST_TEST(layer.states("broadcast.message").find("IM") != std::string::npos, layer.states("broadcast.message"));
    kimonet::dom_fields::page_typed("broadcast.message", "Gangguan \xE2\x9A\xA0\xEF\xB8\x8F\nmalam ini");
    harness.frames(1);
    kimonet::dom_fields::page_submitted("broadcast.message");
    harness.frames(2);
    BOOST_TEST(harness.find("broadcast.confirm_text").has_value(), "Ctrl+Enter is Kirim: it asks before sending");
}

// The browser scrolled the page's layer to a control the app has scrolled out of its dialog (a
// testing tool's click, a screen reader): text_layer::scroll_into_view scrolls the dialog's body
// until the control is on screen, where the page then finds it under the pointer.
BOOST_FIXTURE_TEST_CASE(a_control_below_the_dialogs_fold_is_scrolled_into_view_when_the_page_asks, PageEdits) {
    kimonet::testing::set_canvas_width(390.f);  // a phone: one column, the form is longer than the window
    ViewHarness harness("customers");
    open_customer_form(harness);
    harness.frames(2);
    (void)kimonet::text_layer::changes();
    auto shown = [&](const std::string& id) {
        const auto widget = harness.find(id);
        return widget && (*widget)["visible"].get<bool>() && (*widget)["hit"]["h"].get<double>() > 20.0;
    };
    BOOST_REQUIRE_MESSAGE(!shown("customer_form.needs_faktur"), "the box starts below the fold");
    BOOST_TEST(!kimonet::text_layer::scroll_into_view("customer_form.no_such_control"));
    BOOST_TEST(kimonet::text_layer::scroll_into_view("customer_form.needs_faktur"));
    harness.frames(2);
    BOOST_TEST(shown("customer_form.needs_faktur"));
    BOOST_TEST(harness.find("customer_form.title").has_value(), "still the same dialog");
    harness.click("customer_form.needs_faktur");
    harness.frames(1);
    BOOST_TEST(harness.value("customer_form.needs_faktur") == "true", "clicked where it now is");
    kimonet::testing::set_canvas_width(1280.f);
}

BOOST_AUTO_TEST_SUITE_END()
