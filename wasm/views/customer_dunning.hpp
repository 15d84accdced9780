#pragma once
// The dunning part of a customer's detail screen (dunning.read): the schedule in use, the
// isolation date, every step of the open invoices with its date, amount and state, and the
// actions already taken (from /api/customers/{id}/dunning), and promises to pay (customer_promise.hpp).
#include <cstdint>
#include <string>

#include "api/json_fields.hpp"
#include "views/customer_promise.hpp"

namespace kimonet {

class App;

class CustomerDunningPanel {
public:
    void open(App& app, std::int64_t customer_id);
    void draw(App& app);

private:
    std::int64_t m_customer_id = 0;
    api::Json m_data;
    bool m_loaded = false;
    std::string m_error;
    CustomerPromiseSection m_promises;
};

}  // namespace kimonet
