#include "views/paged_list.hpp"

#include "i18n.hpp"
#include "api_client.hpp"
#include "views/admin_widgets.hpp"
#include "widgets/list_widgets.hpp"

namespace kimonet {

void PagedList::load(const std::string& filters, std::function<void(const ApiResponse&)> on_loaded) {
    const int serial = ++m_serial;
    m_loading = true;
    const std::string path = m_path + "?page=" + std::to_string(m_page) + "&per_page=" + std::to_string(m_per_page) + filters;
    api_client().get(path, [this, serial, on_loaded = std::move(on_loaded)](const ApiResponse& response) {
        if (serial != m_serial) return;  // a newer load superseded this one
        m_loading = false;
        m_loaded = true;
        if (!response.ok()) {
            m_error = response.fields.empty() ? i18n::api_error_text(response.error_code, response.error_message)
                                              : all_field_errors(response.fields);
            return;
        }
        m_error.clear();
        const api::Json& data = response_data(response.body);
        m_rows = data.is_array() ? data : api::Json::array();
        m_total = static_cast<int>(json_int(response.body, "total", static_cast<std::int64_t>(m_rows.size())));
        if (on_loaded) on_loaded(response);
    });
}

bool PagedList::pager(const std::string& prefix) { return widgets::pager(prefix, m_page, m_total, m_per_page); }

}  // namespace kimonet
