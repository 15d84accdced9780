#pragma once
// Customer portal "Tagihan": the customer's invoices filtered by status, one opened in a modal
// with its lines and payments, its PDF, and "Bayar online" for an open one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "api/credit_note_dto.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewPortalInvoices final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // #/bills/12: the invoice open in its dialog (a reload or a shared link opens it again).
    std::string route() const override;
    RouteOutcome open_subroute(App& app, const std::vector<std::string>& rest) override;

private:
    void reload();
    void open(std::int64_t invoice_id);
    void draw_detail(App& app);

    int m_status = 0;  // 0 = all, then unpaid, partial, paid
    std::vector<api::InvoiceResource> m_invoices;
    bool m_loaded = false;
    std::string m_error;
    std::optional<api::InvoiceResource> m_open;
    api::InvoiceCredit m_open_credit;  // the open invoice's credit notes (issue 20)
    bool m_open_requested = false;
    std::int64_t m_open_id = 0;   // the invoice open or being fetched; 0 = none
    bool m_close_requested = false;  // back to #/bills: close it next frame
    bool m_missing = false;          // an address's invoice the server does not show this customer
};

}  // namespace kimonet
