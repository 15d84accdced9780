#include "views/router_test_panel.hpp"

#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;

const char* transport_label(const std::string& transport) { return transport == "rest" ? "REST" : "API"; }

// "10.0.0.1:8728 api-ssl" → port "8728" and the /ip service that listens there ("api-ssl", "www-ssl", …).
struct Endpoint {
    std::string port, service;
};
Endpoint endpoint_of(const std::string& text) {
    const auto space = text.find(' ');
    const std::string where = text.substr(0, space);
    const std::string scheme = space == std::string::npos ? std::string() : text.substr(space + 1);
    Endpoint out;
    if (auto colon = where.rfind(':'); colon != std::string::npos) out.port = where.substr(colon + 1);
    out.service = scheme == "https" ? "www-ssl" : scheme == "http" ? "www" : scheme.empty() ? "api" : scheme;
    return out;
}

std::string joined(const api::Json& list) {
    std::string out;
    if (!list.is_array()) return out;
    for (const auto& item : list)
        if (item.is_string()) out += (out.empty() ? "" : ", ") + item.get<std::string>();
    return out;
}

}  // namespace

std::vector<RouterTestPanel::Line> RouterTestPanel::interface_lines(const api::Json& data) {
    std::vector<Line> lines;
    const auto transports = data.find("transports");
    if (transports == data.end() || !transports->is_array()) return lines;
    for (const api::Json& diagnosis : *transports) {
        if (!diagnosis.is_object()) continue;
        const std::string transport = json_string(diagnosis, "transport");
        const std::string problem = json_string(diagnosis, "problem");
        const Endpoint endpoint = endpoint_of(json_string(diagnosis, "endpoint"));
        Line line;
        line.works = json_bool(diagnosis, "works", false);
        const std::string key = line.works ? std::string("router_test.works") : "router_test.problem." + problem;
        const std::string advice = i18n::has_key(key) ? i18n::tr_format(key, {{"port", endpoint.port},
                                                                              {"service", endpoint.service},
                                                                              {"version", json_string(diagnosis, "version")},
                                                                              {"policies", joined(diagnosis.value("missing_policies", api::Json()))}})
                                                      : i18n::translate_message(json_string(diagnosis, "message"));
        line.text = std::string(transport_label(transport)) + ": " + advice;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string RouterTestPanel::verdict(bool ok, const api::Json& data, const std::string& configured_mode, const std::string& error_message) {
    if (ok)
        return i18n::tr_format("router_test.ok", {{"transport", transport_label(json_string(data, "transport"))},
                                                  {"version", json_string(data, "version")},
                                                  {"board", json_string(data, "board_name")},
                                                  {"uptime", json_string(data, "uptime")}});
    if (const auto transports = data.find("transports"); transports != data.end() && transports->is_array()) {
        for (const api::Json& diagnosis : *transports) {
            const std::string transport = json_string(diagnosis, "transport");
            if (diagnosis.is_object() && json_bool(diagnosis, "works", false) && transport != configured_mode)
                return i18n::tr_format("router_test.other_works", {{"transport", transport_label(transport)}});
        }
        if (!transports->empty()) return tr("router_test.none_works");
    }
    return error_message.empty() ? std::string(tr("router_test.failed")) : i18n::translate_message(error_message);
}

void RouterTestPanel::set_router(std::int64_t router_id, const std::string& configured_mode) {
    reset();
    m_router_id = router_id;
    m_mode = configured_mode;
}

void RouterTestPanel::reset() {
    ++m_generation;
    m_busy = false;
    m_answered = false;
    m_lines.clear();
    m_verdict.clear();
}

void RouterTestPanel::start(std::int64_t router_id, const std::string& configured_mode) {
    reset();
    m_router_id = router_id;
    m_mode = configured_mode;
    m_busy = true;
    const int generation = m_generation;
    api_client().post("/api/routers/" + std::to_string(router_id) + "/test", api::Json::object(), [this, generation](const ApiResponse& response) {
        if (generation != m_generation) return;  // the form was closed or the test started again meanwhile
        m_busy = false;
        m_answered = true;
        m_ok = response.ok();
        const api::Json data = response.body.is_object() && response.body.contains("data") ? response.body["data"] : api::Json::object();
        m_lines = interface_lines(data);
        m_verdict = verdict(m_ok, data, m_mode, response.error_message);
    });
}

void RouterTestPanel::draw(const char* id, bool enabled) {
    const std::string button_id = std::string(id) + ".button";
    if (widgets::button(button_id.c_str(), m_busy ? tr("router_test.testing") : tr("router_test.button"), widgets::ButtonStyle::Secondary, 0.f,
                        m_busy || !enabled))
        start(m_router_id, m_mode);
    if (!m_answered) return;
    ImGui::PushTextWrapPos(0.f);
    for (std::size_t index = 0; index < m_lines.size(); ++index)
        widgets::text(m_lines[index].works ? "text" : "error", std::string(id) + ".line." + std::to_string(index), m_lines[index].text,
                      m_lines[index].works ? widgets::colors::kSuccess : widgets::colors::kDanger);
    widgets::text(m_ok ? "text" : "error", std::string(id) + ".verdict", m_verdict, m_ok ? widgets::colors::kSuccess : widgets::colors::kDanger);
    ImGui::PopTextWrapPos();
}

}  // namespace kimonet
