#pragma once
// Penagihan (dunning): the schedules with their steps (view; edit and assign to packages with
// settings.update), and "Jalankan dunning" with a dry-run preview first (dunning.run).
#include <map>
#include <string>
#include <vector>

#include "api/dunning_dto.hpp"
#include "core/error.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewDunning final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void run(bool dry_run);
    void save_schedule();
    void assign(std::int64_t package_id, std::int64_t schedule_id);
    void draw_schedules(App& app);
    void draw_editor();
    void draw_packages(App& app);
    void draw_run(App& app);

    std::vector<api::ScheduleResource> m_schedules;
    api::Json m_packages = api::Json::array();
    int m_selected = 0;            // index into m_schedules
    bool m_editing = false;
    dunning::Schedule m_draft;     // the schedule being edited
    FieldErrors m_errors;
    api::Json m_report;            // the last run or preview
    bool m_busy = false;
    std::string m_notice;
    std::string m_error;
};

}  // namespace kimonet
