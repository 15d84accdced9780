#pragma once
// The RADIUS part of a customer's detail screen (issue 19), read-only, for a customer whose
// connection method is RADIUS and staff with network.read: online now (address, since when),
// the last session (start, length, how it ended) and this month's usage (download and upload),
// from GET /api/customers/{id}/radius.
#include <cstdint>
#include <string>

namespace kimonet {

class App;

class CustomerRadiusPanel {
public:
    // Forgets the previous customer; loads this one's sessions when `radius` and allowed.
    void open(App& app, std::int64_t customer_id, bool radius);
    void draw();

private:
    std::int64_t m_customer_id = 0;
    bool m_shown = false;
    bool m_loaded = false;
    bool m_online = false;
    std::string m_online_address;
    std::int64_t m_online_since = 0;
    bool m_has_last = false;
    std::int64_t m_last_started = 0;
    std::int64_t m_last_seconds = 0;
    std::string m_last_cause;
    std::int64_t m_download = 0;
    std::int64_t m_upload = 0;
};

// "1,5 GB", "820 MB", "12 KB" (decimal units, one decimal below 10).
std::string format_bytes(std::int64_t bytes);

}  // namespace kimonet
