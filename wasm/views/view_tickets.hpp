#pragma once
// Tiket gangguan (issue 21). Staff: the list with filters (status, priority, category, past SLA),
// tickets past their SLA target marked red, and one ticket opened at #/tickets/<id>: its report,
// comments (internal ones marked), photos (download, add), and as the user's permissions allow:
// start work, assign to a technician, close with a cause. The customer's "Lapor gangguan" screen is
// the same view over the portal's API: a report form, their own tickets, public comments, photos.
// Phone-first: one column, full-width controls at 390 px.
#include <cstdint>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewTickets : public View {
public:
    ViewTickets() : ViewTickets(false) {}
    void enter(App& app) override;
    void draw(App& app) override;
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

protected:
    explicit ViewTickets(bool portal);

private:
    std::string base() const { return m_portal ? "/api/portal/tickets" : "/api/tickets"; }
    void reload();
    void open_ticket(std::int64_t id);
    void draw_filters(App& app);
    void draw_report_form(App& app);
    void draw_row(const api::Json& ticket);
    void draw_detail(App& app);
    void draw_actions(App& app);
    void draw_comments(App& app);
    void draw_photos();
    void take_picked_photo();
    void act(const std::string& path, const api::Json& body, bool put = false);

    bool m_portal = false;
    PagedList m_list{"/api/tickets", 20};
    int m_status = 1;    // 0 all, 1 not closed, 2.. the statuses
    int m_priority = 0;  // 0 all, then urgent, high, normal, low
    int m_category = 0;  // 0 all, then the categories
    bool m_breach_only = false;
    bool m_mine_only = false;      // assigned to the signed-in user
    std::int64_t m_user_id = 0;

    std::int64_t m_open_id = 0;  // the ticket shown (0: the list)
    api::Json m_ticket;          // its detail once loaded
    std::string m_error;
    bool m_busy = false;
    std::string m_comment;
    bool m_internal = false;
    FieldErrors m_fields;
    api::Json m_assignees = api::Json::array();
    int m_assignee = -1;
    int m_cause = 0;
    std::string m_close_note;
    int m_pick = 0;

    // The portal's report form.
    int m_report_category = 0;
    std::string m_report_message;
    std::string m_report_key;
};

// The customer's "Lapor gangguan" screen: the same view on /api/portal/tickets.
class ViewPortalTickets final : public ViewTickets {
public:
    ViewPortalTickets() : ViewTickets(true) {}
};

}  // namespace kimonet
