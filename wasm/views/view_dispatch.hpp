#pragma once
// Jadwal teknisi: the dispatcher's desk screen (issue 21, jobs.dispatch). The jobs of a day (or of
// every day) in a table: window, kind, customer, technician, status; a form that creates a job
// (kind, the customer's nomor layanan, day, window, technician, notes) or reschedules and assigns
// one, and cancelling a scheduled job.
#include <cstdint>
#include <string>
#include <vector>

#include "api/technician_job_dto.hpp"
#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewDispatch final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void draw_form();
    void draw_table(App& app);
    void open_form(const api::TechnicianJobResource* job);
    void save();
    void cancel_job(std::int64_t id);

    std::vector<api::TechnicianJobResource> m_jobs;
    std::vector<api::TechnicianResource> m_technicians;
    std::int64_t m_total = 0;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
    std::string m_day;  // the filter: "" = every day
    bool m_only_open = true;
    // The form (create when m_editing is 0).
    bool m_form_open = false;
    std::int64_t m_editing = 0;
    int m_kind = 0;
    std::string m_service_number, m_date, m_start = "09:00", m_end = "11:00", m_notes;
    int m_technician = 0;  // index into m_technicians + 1; 0 = nobody yet
    FieldErrors m_fields;
    std::int64_t m_confirm_cancel = 0;
};

}  // namespace kimonet
