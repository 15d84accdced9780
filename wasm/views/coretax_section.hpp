#pragma once
// The accountant's "Pajak / Coretax" card on the reports screen (tax.export): pick a month, see how
// many faktur keluaran are waiting and how many went out already, download the Coretax import XML
// (a .zip beyond 1,000 fakturs), optionally the whole month again. GET /api/tax/coretax/{period}.
#include <string>

#include "api/tax_dto.hpp"
#include "core/date.hpp"

namespace kimonet {

class App;

class CoretaxSection {
public:
    // `month`: the month shown first (the server's current month, once the reports know it).
    void draw(App& app, const Period& month);

private:
    void load(const std::string& period);

    std::string m_period;        // the field's text
    std::string m_loaded_for;    // the month the summary is of (or is being asked for)
    bool m_loading = false;
    bool m_again = false;
    bool m_running = false;      // a download was under way last frame
    std::string m_error;
    api::CoretaxSummary m_summary;
};

}  // namespace kimonet
