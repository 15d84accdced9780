#pragma once
// The router form's "Uji koneksi": POST /api/routers/{id}/test and its answer in plain Indonesian.
// Each RouterOS interface (binary API, REST) gets one line: it works, or what is wrong and what to
// do on the router ("Port 8728 tertutup — aktifkan /ip service api"); then the verdict: the
// RouterOS version and the interface used, or that the other mode would work. The server sends
// the interfaces' diagnoses with a failure too ("data" beside "error").
#include <cstdint>
#include <string>
#include <vector>

#include "api/json_fields.hpp"

namespace kimonet {

class RouterTestPanel {
public:
    struct Line {
        bool works = false;
        std::string text;
    };

    // The stored router the button tests, and its stored api_mode (the verdict says when the other would work).
    void set_router(std::int64_t router_id, const std::string& configured_mode);
    void reset();
    void start(std::int64_t router_id, const std::string& configured_mode);
    // Draws the button and the answer; registry ids start with `id` ("router_form.test").
    void draw(const char* id, bool enabled);
    bool busy() const { return m_busy; }

    // The answer's text (also what the views tests check): one line per interface, then the verdict.
    static std::vector<Line> interface_lines(const api::Json& data);
    static std::string verdict(bool ok, const api::Json& data, const std::string& configured_mode, const std::string& error_message);

private:
    std::int64_t m_router_id = 0;
    std::string m_mode;
    int m_generation = 0;
    bool m_busy = false;
    bool m_answered = false;
    bool m_ok = false;
    std::vector<Line> m_lines;
    std::string m_verdict;
};

}  // namespace kimonet
