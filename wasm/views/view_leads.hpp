#pragma once
// Pendaftar: registrations from the landing page (newest undecided first), each convertible into a
// customer (the server applies the customer rules; the new customer opens on request) or rejectable
// with a reason. Filter by status; decided rows show who decided and the customer they became.
#include <cstdint>
#include <string>

#include "api/json_fields.hpp"
#include "view.hpp"
#include "views/paged_list.hpp"

namespace kimonet {

class App;

class ViewLeads final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void reload();
    void draw_lead(App& app, const api::Json& lead);
    void draw_reject_dialog();
    void convert(App& app, std::int64_t id);

    int m_filter = 1;  // 0 all, 1 new, 2 converted, 3 rejected
    PagedList m_leads{"/api/leads", 25};
    bool m_busy = false;
    std::int64_t m_reject_id = 0;  // the lead the reject dialog is for (0: closed)
    bool m_reject_requested = false;
    std::string m_reject_reason;
    std::string m_reject_error;
};

}  // namespace kimonet
