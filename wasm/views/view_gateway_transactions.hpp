#pragma once
// Pembayaran → "Transaksi online": the payment attempts at the gateways (pending, paid, expired…)
// with their invoice and customer, and what reconciliation found (payments applied without a
// callback, stale attempts expired, mismatches), with "Jalankan rekonsiliasi sekarang" for roles
// allowed to create payments. A banner says how many gateway callbacks were received and wait for
// their gateway's confirmation (GET /api/payments/callback-inbox): such an attempt still reads
// "pending" although the gateway already told us it was paid.
#include <string>

#include "api/json_fields.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewGatewayTransactions {
public:
    void enter();
    void draw(App& app);
    // The status filter as it appears in the address: "" for all, else "pending", "paid"…
    std::string status_route() const;
    // Chooses the filter an address names ("" = all), loading the list again when `shown` and the
    // filter changed; false when it names no status.
    bool choose_status(const std::string& status, bool shown);

private:
    void reload();
    void reload_findings();
    void reconcile();
    void draw_transactions(float height);
    void draw_findings();

    int m_status = 0;  // index into the status filter
    PagedList m_list{"/api/payments/transactions", 25};
    int m_findings_total = 0;
    std::int64_t m_waiting_callbacks = 0;  // kept by the server, not confirmed and applied yet
    api::Json m_findings = api::Json::array();
    bool m_busy = false;
    std::string m_error;  // the findings' and actions' failures (the list's are m_list's)
    std::string m_notice;
};

}  // namespace kimonet
