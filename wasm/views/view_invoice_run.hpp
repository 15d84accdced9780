#pragma once
// "Tagihan disiapkan" (#/invoices/runs/<id>, issue 20): a monthly run prepared for approval — its
// summary (count, total, new / leaving customers, prorations, package and amount changes), the
// change list with a filter and pages, leaving a customer out, and Approve / Discard, each asked
// again before it is sent. A dialog over the invoices screen, like ViewInvoiceGenerate.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/invoice_run_dto.hpp"

namespace kimonet {

class App;

class ViewInvoiceRun {
public:
    // `finished` runs after the run was approved or discarded (the invoice list reloads).
    void open(std::int64_t run_id, std::function<void()> finished);
    void draw(const App& app);
    bool is_open() const { return m_open_requested || (m_visible && !m_close_requested); }
    void close() {
        m_open_requested = false;
        m_close_requested = m_visible;
    }
    std::int64_t run_id() const { return m_run_id; }

private:
    enum class Confirm { None, Approve, Discard };
    void load_summary();
    void load_changes();
    void act(const char* action);
    void set_excluded(std::int64_t customer_id, bool excluded);
    void draw_summary();
    void draw_changes(bool editable);
    void draw_actions(const App& app, bool& close);

    bool m_open_requested = false;
    bool m_close_requested = false;
    bool m_visible = false;
    bool m_busy = false;
    std::int64_t m_run_id = 0;
    api::InvoiceRunResource m_run;
    bool m_loaded = false;
    std::vector<api::InvoiceRunChange> m_changes;
    std::int64_t m_changes_total = 0;
    int m_filter = 0;  // index into the filter list (changes, new, leaving, prorated, ...)
    int m_page = 1;
    Confirm m_confirm = Confirm::None;
    std::string m_error;
    std::string m_notice;
    std::function<void()> m_finished;
};

}  // namespace kimonet
