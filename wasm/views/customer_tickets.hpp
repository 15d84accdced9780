#pragma once
// A customer's trouble tickets on their detail screen (tickets.read): newest first, each with its
// number, subject, status and SLA state (GET /api/tickets?customer_id=…, loaded once per customer).
#include <cstdint>

#include "api/json_fields.hpp"

namespace kimonet {

class CustomerTicketsSection {
public:
    void draw(std::int64_t customer_id);

private:
    std::int64_t m_loaded_for = 0;
    api::Json m_rows = api::Json::array();
};

}  // namespace kimonet
