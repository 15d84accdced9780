#pragma once
// The BHP Tel & USO tab of the Laporan screen (issue 20; docs/bhp-uso.md): gross revenue of the
// billed months without PPN, deductions, the base and what is due, per month, quarter or year;
// the deductions of the range and the dated rates, with forms for reports.regulatory.
// Registry ids: "reports.bhp.per" (grouping), "reports.stat.bhp_*", table "reports.bhp.period.<key>.<column>",
// deductions "reports.bhp.deduction.<id>.*" and the form "reports.bhp.form.*", rates "reports.bhp.rate.*".
#include <string>

#include "api/bhp_uso_dto.hpp"

namespace kimonet {

class App;

class BhpUsoPanel {
public:
    // "month", "quarter" (the default) or "year": the ?per the report is asked with.
    const char* per() const;
    // The grouping picker; true when it changed (the report must be asked again).
    bool draw_grouping();
    void draw(App& app, const reports::BhpUsoReport& report);
    // True once after a deduction or rate was saved or removed: the report must be asked again.
    bool take_changed();

private:
    void draw_deductions(App& app, const reports::BhpUsoReport& report);
    void draw_deduction_form(App& app, const reports::BhpUsoReport& report);
    void draw_rates(App& app, const reports::BhpUsoReport& report);

    int m_per = 1;
    bool m_changed = false;
    bool m_saving = false;
    int m_month = 0;
    int m_kind = 0;
    std::string m_amount;
    std::string m_reason;
    FieldErrors m_errors;
    std::string m_rate_month;  // "YYYY-MM"
    std::string m_rate_bhp = "0,5";
    std::string m_rate_uso = "1,25";
    std::string m_rate_note;
    FieldErrors m_rate_errors;
};

}  // namespace kimonet
