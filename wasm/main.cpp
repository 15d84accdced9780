// Kimonet Billing in the browser: Dear ImGui 1.86 on emscripten's GLFW + WebGL2.
// The only file with emscripten_set_main_loop: it owns the frame; App owns everything else.
#include <emscripten/emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cstdio>

#include "app.hpp"
#include "fetch_api_client.hpp"
#include "frame_fingerprint.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "platform/input_queue.hpp"
#include "platform/text_layer_bridge.hpp"
#include "platform/print_page.hpp"
#include "ui_registry.hpp"
#include "widgets/print_view.hpp"
#include "widgets/theme.hpp"

namespace {

kimonet::FetchApiClient g_api_client;
kimonet::App g_app;

void frame() {
    auto& display = kimonet::platform::display();
    if (display.sync()) {
        kimonet::platform::note_activity();
        kimonet::platform::note_texture_changed();  // the font atlas may have been rebuilt
    }
    if (!kimonet::platform::should_render_frame()) return;
    const double started = emscripten_get_now();
    kimonet::ui_registry::begin_frame(display.dpr());

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // Emscripten's GLFW reports the size given to glfwCreateWindow; the canvas size is ours.
    io.DisplaySize = ImVec2(static_cast<float>(display.framebuffer_width()), static_cast<float>(display.framebuffer_height()));
    io.DisplayFramebufferScale = ImVec2(1.f, 1.f);
    kimonet::platform::pump_input_events();
    ImGui::NewFrame();

    g_app.draw();

    ImGui::Render();
    kimonet::platform::sync_soft_keyboard(io.WantTextInput);
    // The settle period after input runs ImGui for ~36 frames; most of them draw the same picture,
    // which WebGL would repaint at device resolution. A frame that changes nothing is not drawn:
    // without draw calls the canvas keeps showing the last picture.
    const unsigned long long picture = kimonet::frame_fingerprint(*ImGui::GetDrawData()) ^
        (static_cast<unsigned long long>(display.framebuffer_width()) << 32) ^ static_cast<unsigned long long>(display.framebuffer_height());
    if (kimonet::platform::must_present(picture)) {
        glViewport(0, 0, display.framebuffer_width(), display.framebuffer_height());
        const ImVec4 background = ImGui::ColorConvertU32ToFloat4(kimonet::widgets::colors::kBackground);
        glClearColor(background.x, background.y, background.z, 1.f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    kimonet::ui_registry::end_frame();
    kimonet::platform::publish_text_layer();  // the DOM text and accessibility layer follows the frame
    kimonet::print_view::end_frame();
    // The frame's CPU time on the main thread (the browser benchmark's figure).
    kimonet::platform::report_frame_time(emscripten_get_now() - started);
}

}  // namespace

int main() {
    kimonet::install_api_client(g_api_client);
    if (!glfwInit()) {
        std::puts("glfwInit failed");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(1024, 768, "Kimonet Billing", nullptr, nullptr);
    if (!window) {
        std::puts("glfwCreateWindow failed");
        return 1;
    }
    glfwMakeContextCurrent(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to persist between visits
    io.ConfigInputTextCursorBlink = false;  // idle pages stop drawing: keep the caret visible
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    kimonet::platform::install_input_queue(window);  // replaces ImGui's key/char/button callbacks
    kimonet::platform::install_clipboard();
    kimonet::platform::install_print_page();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // so Display can swap the font texture at any time

    kimonet::platform::detect_text_layer();
    g_app.start();
    kimonet::platform::note_activity();
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
