#pragma once
// Promises to pay on a customer's detail screen (part of the dunning panel): the promise that
// holds, the history (made when, through which channel, by whom, until when, kept or broken), and
// for dunning.promise_grant a grant with days and a reason (POST /api/customers/{id}/promises).
#include <cstdint>
#include <functional>
#include <string>

#include "api/json_fields.hpp"

namespace kimonet {

class App;

class CustomerPromiseSection {
public:
    // `dunning` is /api/customers/{id}/dunning's data; `granted` runs after a successful grant.
    void draw(App& app, std::int64_t customer_id, const api::Json& dunning, const std::function<void()>& granted);

private:
    std::string m_days = "7";
    std::string m_reason;
    std::string m_error;
    std::string m_done;
    bool m_busy = false;
};

// The portal's promise under the current bill: the promise that holds, or a "Janji bayar sampai
// <date>" button when the server offers one (/api/portal/dunning's "promise"), and `error` from the
// last try. Gives the invoice id to promise for when the button is pressed, else 0.
std::int64_t draw_portal_promise(const api::Json& offer, const std::string& error);

}  // namespace kimonet
