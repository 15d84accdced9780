#pragma once
// Gangguan jaringan (outages.read; opening and closing: outages.manage): outages that pause billing
// (issue 21, docs/outages.md). Open one on a router (or, with the FTTH inventory, an OLT, PON port,
// ODC or ODP by its id) or a drawn area ("circle:lat,lon,radius_m" / "polygon:lat,lon;…"), see how
// many customers it affects and how many notices and credits it has led to, and close it. One
// column of cards: the same on a phone.
// Registry ids: "outages.new.{title,cause,kind,router,target_id,area_name,area_shape,started_at,expected_end}",
// "outages.open", "outages.show_ended", "outages.<id>.{title,status,area,times,counts,ended_at,close}".
#include <cstdint>
#include <string>
#include <vector>

#include "api/outage_dto.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewOutages final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    struct RouterChoice {
        std::int64_t id = 0;
        std::string name;
    };

    void reload();
    void draw_new(App& app);
    void draw_outage(App& app, const api::OutageResource& outage);
    void open_outage(App& app);
    void close_outage(App& app, std::int64_t id);
    std::string error_of(const char* field) const;

    std::vector<api::OutageResource> m_outages;
    std::vector<RouterChoice> m_routers;
    bool m_loaded = false;
    bool m_show_ended = false;
    bool m_busy = false;
    std::string m_error;
    FieldErrors m_errors;  // of the last open request
    std::string m_title, m_cause, m_target_id, m_area_name, m_area_shape, m_started_at, m_expected_end;
    int m_kind = 0;    // index into the kinds offered
    int m_router = 0;  // index into m_routers
    std::int64_t m_closing = 0;  // the outage whose end time field is shown
    std::string m_ended_at;
    std::string m_close_error;
};

}  // namespace kimonet
