#pragma once
// Keyboard input for Dear ImGui 1.86, which samples key state once per frame: a key pressed and
// released between two frames (fast typing, Playwright, slow frames) would be lost, and characters
// could overtake the keys typed before them. GLFW's callbacks and the phone keyboard's text only
// enqueue here; pump() feeds ImGui in order, at most one transition per key per frame.
struct GLFWwindow;

namespace kimonet::platform {

void install_input_queue(GLFWwindow* window);
// Call once per frame, before ImGui::NewFrame().
void pump_input_events();

}  // namespace kimonet::platform

// Called from web/kimonet_glue.js for text typed on a phone's soft keyboard (no key events there).
extern "C" void kimonet_text_input(unsigned codepoint);
// Called from web/kimonet_glue.js for editing keys of the soft keyboard (GLFW key code, press+release).
extern "C" void kimonet_key_input(int glfw_key);
