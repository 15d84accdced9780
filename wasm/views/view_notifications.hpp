#pragma once
// Log notifikasi: the WhatsApp outbox (status and customer filters, paged), one message with its
// delivery attempts and a resend button, and a broadcast to a segment (all customers, one router,
// one package or one status) behind a confirmation that says how many it targets.
#include <cstdint>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewNotifications final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/notifications/7: a message's detail (its attempts); #/notifications/broadcast: the broadcast
    // being written (its confirmation step has no address of its own).
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    void reload();
    void open(std::int64_t id);
    void resend(std::int64_t id);
    void send_broadcast(const api::Json& segment);
    void draw_table();
    void draw_detail(App& app);
    void draw_broadcast(App& app);
    void open_broadcast(App& app);

    int m_status = 0;
    std::string m_customer;  // customer id typed by the user
    PagedList m_list{"/api/notifications", 25};
    std::string m_error, m_notice;  // m_error: the detail's and actions' failures (the list's are m_list's)

    api::Json m_detail;
    bool m_detail_requested = false;
    std::int64_t m_detail_id = 0;      // the message open or being fetched; 0 = none
    bool m_detail_visible = false;     // drawn last frame and not closed since
    bool m_detail_close = false;       // back to #/notifications: close it next frame
    bool m_detail_missing = false;     // an address's message the server does not have
    std::string m_detail_notice;

    bool m_broadcast_requested = false;
    int m_segment = 0;  // all, router, package, status
    int m_segment_choice = 0;
    std::string m_message;
    bool m_confirming = false;
    bool m_broadcast_close = false;
    bool m_broadcast_visible = false;  // drawn last frame and not closed since
    bool m_broadcast_busy = false;
    FieldErrors m_broadcast_fields;
    std::string m_broadcast_error;
};

}  // namespace kimonet
