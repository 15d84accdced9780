#pragma once
// "Buat tagihan": monthly invoices for a period. Always a dry run first — the server answers how
// many invoices would be created, how many customers are skipped (already billed, joined later)
// and the total — and only then the real run, confirmed by the user.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/money.hpp"

namespace kimonet {

class ViewInvoiceGenerate {
public:
    // `generated` runs with the period after a real run created invoices; `prepared` with the run's
    // id when the server prepared them for approval instead (invoice_run_mode = approve, issue 20).
    void open(std::string period, std::function<void(const std::string& period)> generated,
              std::function<void(std::int64_t run_id)> prepared = {});
    void draw();
    // Open or opening (#/invoices/generate); close() closes it next frame, as Cancel does.
    bool is_open() const { return m_open_requested || (m_visible && !m_close_requested); }
    void close() {
        m_open_requested = false;
        m_close_requested = m_visible;
    }

private:
    struct Summary {
        std::int64_t created = 0;
        std::int64_t skipped = 0;
        Money total_amount = 0;
    };
    void run(bool dry_run);

    bool m_open_requested = false;
    bool m_close_requested = false;
    bool m_visible = false;
    bool m_busy = false;
    std::string m_period;
    std::string m_previewed_period;  // the preview belongs to this period; editing it asks again
    bool m_notify = false;
    std::optional<Summary> m_preview;
    std::optional<Summary> m_result;
    std::string m_error;
    std::string m_period_error;
    std::function<void(const std::string&)> m_generated;
    std::function<void(std::int64_t)> m_prepared;
};

}  // namespace kimonet
