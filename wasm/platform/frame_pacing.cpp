#include "platform/frame_pacing.hpp"

#include <emscripten/emscripten.h>

namespace kimonet::platform {
namespace {

// Long enough for ImGui to settle (hover, popup open/close, cards measuring themselves) and for
// the customer search's 0.3 s debounce to fire without further input.
// Both a time and a frame count: on a slow machine 600 ms may be only two frames, and ImGui
// needs a few frames of its own (popups open one frame after OpenPopup, cards measure themselves).
constexpr double kSettleMilliseconds = 600.0;
constexpr int kSettleFrames = 8;
double g_awake_until = 0.0;
int g_frames_left = 0;
unsigned long long g_presented = 0;
bool g_texture_changed = true;  // nothing is on the canvas yet

}  // namespace

void note_activity() {
    g_awake_until = emscripten_get_now() + kSettleMilliseconds;
    g_frames_left = kSettleFrames;
}

bool should_render_frame() {
    if (g_frames_left > 0) {
        --g_frames_left;
        return true;
    }
    return emscripten_get_now() < g_awake_until;
}

void note_texture_changed() { g_texture_changed = true; }

bool must_present(unsigned long long fingerprint) {
    if (!g_texture_changed && fingerprint == g_presented) return false;
    g_texture_changed = false;
    g_presented = fingerprint;
    return true;
}

}  // namespace kimonet::platform
