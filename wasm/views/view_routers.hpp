#pragma once
// Routers (lokasi_server): the list with create/edit, "Test connection" per router (version,
// uptime, board, CPU, or the router's exact error), the drift report with "Repair", and the
// RouterOS snippets for the isolir redirect and walled garden with copy buttons.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "routers/router.hpp"
#include "views/view_router_form.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewRouters final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/routers/new, #/routers/3/edit
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    void open_create();
    void open_edit(const Router& router);
    struct TestResult {
        bool busy = false;
        bool ok = false;
        std::string text;
    };
    struct Snippet {
        std::string title;
        std::string commands;
    };

    void load_routers();
    void test(std::int64_t router_id);
    void load_drift(bool repair);
    void draw_table(App& app);
    void draw_drift(App& app);
    void draw_snippets();

    std::vector<Router> m_routers;
    bool m_loaded = false;
    std::map<std::int64_t, TestResult> m_tests;
    api::Json m_drift;  // GET /api/network/drift (or the sync answer)
    bool m_drift_busy = false;
    std::string m_drift_notice;
    std::vector<Snippet> m_snippets;
    std::string m_notice;
    std::string m_error;
    ViewRouterForm m_form;
    std::int64_t m_pending_edit = 0;  // an address's router, opened once the list asked on entering is here
    bool m_fresh = false;             // the list asked for on entering the screen has come
};

}  // namespace kimonet
