#pragma once
// Setoran kas: the cashier's side of cash collection (issue 20). The remittances waiting to be
// confirmed (any day), each with the amount counted and "Konfirmasi"; then today's report per
// collector: collected, remitted, confirmed and the differences (a shortfall in red).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/cash_dto.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewCashDesk final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void confirm(App& app, const api::RemittanceResource& remittance);

    std::vector<api::RemittanceResource> m_pending;
    std::vector<api::CashReportRow> m_report;
    std::map<std::int64_t, std::string> m_received;  // remittance seq -> what was typed
    std::map<std::int64_t, std::string> m_errors;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
};

}  // namespace kimonet
