// The browser skips drawing a frame whose fingerprint equals the picture already on the canvas
// (wasm/main.cpp). So: a settled screen must fingerprint the same frame after frame (or every idle
// frame would still be drawn), and anything the user would see change must change it (or the
// canvas would show a stale picture).
#include <boost/test/unit_test.hpp>

#include "frame_fingerprint.hpp"
#include "imgui.h"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;

namespace {

std::uint64_t last_frame() { return kimonet::frame_fingerprint(*ImGui::GetDrawData()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(frame_fingerprint)

BOOST_AUTO_TEST_CASE(a_settled_screen_keeps_its_fingerprint_and_typing_or_hovering_changes_it) {
    ViewHarness harness("customers");
    harness.sign_in_staff({"customers.read"}, "admin");
    harness.settle();
    const std::uint64_t settled = last_frame();
    harness.frames(3);
    BOOST_TEST(last_frame() == settled, "an idle frame is the same picture");

    const auto search = harness.find_prefix("customers.search");
    BOOST_REQUIRE(!search.empty());
    harness.click(search.front().at("id").get<std::string>());
    harness.frames(2);
    const std::uint64_t focused = last_frame();
    BOOST_TEST(focused != settled, "the focused field's frame is drawn");
    harness.type("b");
    harness.frames(2);
    BOOST_TEST(last_frame() != focused, "a typed character changes the picture");
}

BOOST_AUTO_TEST_CASE(the_same_vertices_with_another_clip_or_texture_differ) {
    ViewHarness harness("customers");
    harness.sign_in_staff({"customers.read"}, "admin");
    harness.settle();
    ImDrawData& data = *ImGui::GetDrawData();
    BOOST_REQUIRE(data.CmdListsCount > 0);
    const std::uint64_t original = kimonet::frame_fingerprint(data);
    ImDrawCmd& command = data.CmdLists[0]->CmdBuffer[0];
    const ImVec4 clip = command.ClipRect;
    command.ClipRect.z -= 1.f;
    BOOST_TEST(kimonet::frame_fingerprint(data) != original, "a clip rectangle is part of the picture");
    command.ClipRect = clip;
    const ImTextureID texture = command.TextureId;
    command.TextureId = reinterpret_cast<ImTextureID>(reinterpret_cast<std::uintptr_t>(texture) + 1);
    BOOST_TEST(kimonet::frame_fingerprint(data) != original, "a texture is part of the picture");
    command.TextureId = texture;
    BOOST_TEST(kimonet::frame_fingerprint(data) == original);
}

BOOST_AUTO_TEST_SUITE_END()
