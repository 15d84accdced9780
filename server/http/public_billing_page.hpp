#pragma once
// The public "cek tagihan" page: small server-rendered Indonesian HTML (no WebAssembly), light
// enough for a 512 kbps isolated line and readable on a phone.
#include <string>

#include "api/json_fields.hpp"

namespace kimonet::http {

struct BillingPageMethod {
    std::string gateway;
    std::string code;
    std::string name;
    long long fee = 0;
    std::string type;  // "virtual_account", "qris", "retail", "ewallet"
};

// When several gateways offer a method, only the cheapest is shown.
std::vector<BillingPageMethod> cheapest_per_method(const std::vector<BillingPageMethod>& methods);

// `bill` is check_bill()'s JSON (empty object: the search form only); `pending` maps invoice id to
// its live transactions (JSON from services::to_json); `message` an optional notice; `show_logo`
// puts the company logo (GET /api/logo) above the title. `today` (YYYY-MM-DD) tells a bill not yet
// due (shown as information: the next bill) from one that is due or late (shown in red).
std::string render_billing_page(const std::string& company, const api::Json& bill, const std::vector<BillingPageMethod>& methods,
                                const api::Json& pending, const std::string& message, bool show_logo = false,
                                const std::string& today = {});

}  // namespace kimonet::http
