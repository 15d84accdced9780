#pragma once
// Toasts: short messages over every screen (bottom-right on desktops, under the header on phones)
// that fade after a few seconds or when tapped. App::toast_error/toast_ok feed the one stack;
// failed API calls reach it through ApiClient's error hook, so no screen swallows an error.
// Registry: kind "toast", ids "toast.error" / "toast.ok", value = the message.
#include <string>
#include <vector>

namespace kimonet::widgets {

class Toasts {
public:
    void push(std::string message, bool is_error);
    // Draws the stack as a foreground overlay; call once per frame, last.
    void draw();
    bool empty() const { return m_items.empty(); }

private:
    struct Item {
        std::string message;
        bool is_error = false;
        double shown_at = -1;  // ImGui time of its first frame
    };
    std::vector<Item> m_items;
};

}  // namespace kimonet::widgets
