#pragma once
// The network part of a customer's detail screen: "Isolir" (with a reason) and "Pulihkan" for
// staff with network.control, and the isolation log (who/why/router/result) for network.read.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "customers/customer.hpp"

namespace kimonet {

class App;

class CustomerNetworkPanel {
public:
    // Forgets the previous customer and loads this one's log (when the user may read it).
    void open(App& app, std::int64_t customer_id);
    // Fetches the isolation log again (after a payment restored the customer), keeping the notice.
    void refresh(App& app);
    // `changed` runs after an isolate/restore was accepted, so the screen reloads the customer.
    void draw(App& app, CustomerStatus status, const std::function<void()>& changed);
    // The customer screen's quick actions: "Isolir" brings the reason field into view and focuses
    // it (isolating still asks for a reason and a confirmation); "Pulihkan" restores at once.
    void focus_isolate() { m_focus_reason = true; }
    void restore(const std::function<void()>& changed) { act("restore", changed); }
    bool busy() const { return m_busy; }

private:
    struct LogRow {
        std::int64_t id = 0;
        std::int64_t at = 0;
        std::string action, reason, result, router_name, profile_before, profile_after, detail, actor_name;
    };

    void load_log();
    void act(const std::string& action, const std::function<void()>& changed);
    void draw_log();
    void draw_isolate(const std::function<void()>& changed);

    std::int64_t m_customer_id = 0;
    std::vector<LogRow> m_log;
    bool m_log_loaded = false;
    bool m_busy = false;
    std::string m_reason;
    std::string m_reason_error;
    bool m_confirming_isolate = false;
    bool m_focus_reason = false;  // "Isolir" asked once: the second step says what happens
    std::string m_notice;
    std::string m_error;
};

}  // namespace kimonet
