#pragma once
// Area tagih (cash.areas): the collection areas of cash collection (issue 20) — list them with
// their customer count and collectors, create one, and open one to rename it, choose its
// collectors (staff who hold cash.collect) and put customers in it by nomor layanan ("KMN-0001,
// KMN-0002": each leaves any other area). One column of cards: the same on a phone.
// Registry ids: "areas.new.name", "areas.create", "areas.<id>.{title,summary,open,name,rename,
// collector.<user id>,save_collectors,service_numbers,add_customers,customer.<customer id>}".
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewAreas final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    struct Area {
        std::int64_t id = 0;
        std::string name;
        std::int64_t customer_count = 0;
        std::vector<std::int64_t> collector_ids;
    };
    struct Person {
        std::int64_t id = 0;
        std::string label;  // "budi (Budi Santoso)"
    };

    void reload();
    void open(std::int64_t area_id);
    void draw_new(App& app);
    void draw_area(App& app, const Area& area);
    void draw_editor(App& app, const Area& area);
    // Sends `body` to `path` (PUT or POST); on success the areas are read again.
    void send(App& app, const char* method, const std::string& path, const api::Json& body, const char* done_key);

    std::vector<Area> m_areas;
    std::vector<Person> m_collectors;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
    std::string m_new_name;
    FieldErrors m_errors;  // of the last request: "name", "service_numbers", "user_ids"
    std::int64_t m_open = 0;  // the area being edited
    std::string m_name;
    std::map<std::int64_t, bool> m_chosen;  // collector id -> ticked
    std::string m_service_numbers;
    std::vector<std::string> m_members;  // "KMN-0001 · Budi" of the open area
};

}  // namespace kimonet
