#pragma once
// Tagihan: invoices filtered by period, status and overdue, paginated (cards on phones); opens an
// invoice in ViewInvoiceDetail and generates a period's invoices through ViewInvoiceGenerate.
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "views/view_invoice_detail.hpp"
#include "views/view_invoice_generate.hpp"
#include "views/view_invoice_run.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewInvoices final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // Deep links (#/invoices/7, #/invoices/generate, the dashboard's quick action).
    void open_by_id(std::int64_t invoice_id);
    void open_generate();
    // #/invoices/runs/<id>: a monthly run prepared for approval (issue 20).
    void open_run(std::int64_t run_id);
    // "invoices" or "invoices/<the open invoice's address>" (ViewInvoiceDetail::route).
    std::string route() const override;
    // #/invoices/7/pay: `parts` after "invoices"; empty closes the open invoice. False: names nothing.
    bool open_route(const std::vector<std::string>& parts);

private:
    void reload();
    void load_open_run();
    void draw_toolbar(App& app);
    void draw_table();
    void draw_cards();
    void draw_pager();
    void open_invoice(const api::InvoiceResource& record);

    std::string m_period;
    double m_period_changed_at = 0;  // debounce like the customer search
    int m_status_filter = 0;          // 0 = all, then unpaid, partial, paid, void
    bool m_overdue_only = false;
    PagedList m_list{"/api/invoices", 25};
    std::vector<api::InvoiceResource> m_invoices;  // m_list's rows, read
    std::string m_notice;
    ViewInvoiceDetail m_detail;
    ViewInvoiceGenerate m_generate;
    ViewInvoiceRun m_run;
    api::InvoiceRunResource m_open_run;  // the newest run still waiting for approval (id 0: none)
};

}  // namespace kimonet
