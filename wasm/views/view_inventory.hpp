#pragma once
// Inventaris FTTH (inventory.read, issue 21): the tree OLT → PON port → ODC → ODP with each ODP's free
// ports; an ODP opened shows who is on which port, and (inventory.place) puts a customer on a free
// port by nomor layanan or takes one off; (inventory.edit) a form adds or changes an OLT, PON port,
// ODC or ODP, each item can be deleted (the server's refusal shown), and a CSV with a type column is
// checked, then imported (docs/ftth-inventory.md). One column of cards: the same on a 390 px phone.
// Registry ids: "inventory.olt.<id>", "inventory.pon.<id>", "inventory.odc.<id>", "inventory.odp.<id>"
// (value: "<free>/<count>" for an ODP), "inventory.odp.<id>.{open,edit,delete}", "inventory.<level>.<id>.{edit,delete}",
// "inventory.ports.{title,taken.<port>,remove.<port>,service_number,port,place}", "inventory.form.{level,name,
// parent,port_count,latitude,longitude,site,router,save,cancel}", "inventory.import.{csv,check,commit,summary,error.<row>}".
#include <cstdint>
#include <string>
#include <vector>

#include "api/inventory_dto.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewInventory final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    // The form's level: 0 OLT, 1 PON port, 2 ODC, 3 ODP.
    struct Form {
        int level = 3;
        std::int64_t editing = 0;  // 0: a new item
        std::string name, port_count = "8", latitude, longitude, site;
        int parent = 0;  // index into the parent choices of the level
        int router = 0;  // 0: none, else index + 1 into m_routers
    };
    struct RouterChoice {
        std::int64_t id = 0;
        std::string name;
    };

    void reload();
    void open_odp(std::int64_t odp_id);
    void draw_tree(App& app);
    void draw_odp(App& app, const api::InventoryOdp& odp);
    void draw_ports(App& app);
    void draw_form(App& app);
    void draw_import(App& app);
    void edit_item(int level, std::int64_t id);
    void delete_item(App& app, const char* path, std::int64_t id);
    // The parent choices of the form's level ("OLT-A · 0/1/1"), and their ids.
    std::vector<std::pair<std::int64_t, std::string>> parent_choices(int level) const;
    api::Json form_body() const;
    void send_import(App& app, bool dry_run);

    api::InventoryTree m_tree;
    std::vector<RouterChoice> m_routers;
    bool m_loaded = false;
    bool m_busy = false;
    std::string m_error;
    Form m_form;
    FieldErrors m_errors;
    std::int64_t m_open_odp = 0;
    api::OdpPorts m_ports;
    std::string m_place_number;
    int m_place_port = 0;
    FieldErrors m_place_errors;
    std::string m_csv;
    api::Json m_import;  // the last import answer's data
    std::string m_import_error;
};

}  // namespace kimonet
