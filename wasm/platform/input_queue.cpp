#include "platform/input_queue.hpp"

#include <emscripten/emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "platform/frame_pacing.hpp"

namespace kimonet::platform {
namespace {

enum class EventType { Key, Character, MousePress };

struct InputEvent {
    EventType type;
    int key = 0;
    int scancode = 0;
    int action = 0;
    int mods = 0;
    unsigned codepoint = 0;
};

GLFWwindow* g_window = nullptr;
std::vector<InputEvent> g_queue;

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    note_activity();
    g_queue.push_back({EventType::Key, key, scancode, action, mods, 0});
}

void on_character(GLFWwindow*, unsigned codepoint) {
    note_activity();
    g_queue.push_back({EventType::Character, 0, 0, 0, 0, codepoint});
}

// ImGui 1.86's GLFW backend polls the cursor position; these callbacks only wake the frame loop.
void on_cursor_position(GLFWwindow*, double, double) { note_activity(); }

// emscripten 3.1.6's GLFW hands over the DOM wheel delta unchanged: pixels (about 100 a notch)
// with positive = down, where GLFW means notches with positive = up. Convert, so the wheel
// scrolls tables the right way by a sane amount.
double dom_wheel_to_notches(double dom_delta) {
    const double notches = -dom_delta / 100.0;
    return notches > 3.0 ? 3.0 : notches < -3.0 ? -3.0 : notches;
}

void on_scroll(GLFWwindow* window, double x_offset, double y_offset) {
    note_activity();
    ImGui_ImplGlfw_ScrollCallback(window, dom_wheel_to_notches(x_offset), dom_wheel_to_notches(y_offset));
}

void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
    // ImGui 1.86 latches presses itself, so they go straight through; the queue keeps a barrier so
    // that text typed right after a click waits until the clicked field has become active.
    note_activity();
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    if (action == GLFW_PRESS) g_queue.push_back({EventType::MousePress});
}

}  // namespace

void install_input_queue(GLFWwindow* window) {
    g_window = window;
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_character);
    glfwSetMouseButtonCallback(window, on_mouse_button);
    glfwSetCursorPosCallback(window, on_cursor_position);
    glfwSetScrollCallback(window, on_scroll);
}

void pump_input_events() {
    std::vector<int> keys_this_frame;
    bool key_pressed = false;
    bool mouse_pressed = false;
    std::size_t consumed = 0;
    for (; consumed < g_queue.size(); ++consumed) {
        const InputEvent& event = g_queue[consumed];
        if (event.type == EventType::MousePress) {
            mouse_pressed = true;
            continue;
        }
        if (mouse_pressed) break;
        if (event.type == EventType::Character) {
            // InputText handles characters before keys within a frame: never let a character
            // overtake an editing key (Backspace, arrows) typed before it.
            if (key_pressed) break;
            ImGui_ImplGlfw_CharCallback(g_window, event.codepoint);
            continue;
        }
        // Printable keys without a modifier only matter through their character event.
        const bool significant =
            event.key >= GLFW_KEY_ESCAPE || (event.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) != 0;
        if (significant) {
            if (std::find(keys_this_frame.begin(), keys_this_frame.end(), event.key) != keys_this_frame.end()) break;
            keys_this_frame.push_back(event.key);
            key_pressed = key_pressed || event.action != GLFW_RELEASE;
        }
        ImGui_ImplGlfw_KeyCallback(g_window, event.key, event.scancode, event.action, event.mods);
    }
    g_queue.erase(g_queue.begin(), g_queue.begin() + static_cast<std::ptrdiff_t>(consumed));
}

}  // namespace kimonet::platform

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_text_input(unsigned codepoint) {
    kimonet::platform::note_activity();
    kimonet::platform::g_queue.push_back({kimonet::platform::EventType::Character, 0, 0, 0, 0, codepoint});
}

extern "C" EMSCRIPTEN_KEEPALIVE void kimonet_key_input(int glfw_key) {
    kimonet::platform::note_activity();
    using kimonet::platform::EventType;
    kimonet::platform::g_queue.push_back({EventType::Key, glfw_key, 0, GLFW_PRESS, 0, 0});
    kimonet::platform::g_queue.push_back({EventType::Key, glfw_key, 0, GLFW_RELEASE, 0, 0});
}
