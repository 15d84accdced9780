// libFuzzer target for the JSON DTO readers of shared/api (what every admin and public POST/PUT
// body goes through) and the small text parsers behind them. Arbitrary bytes are parsed as JSON;
// an object is fed to every reader, as create (defaults) and as update (over a filled record).
// A record a reader accepts must survive to_json → reader again (the browser app relies on it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "api/billing_dto.hpp"
#include "api/cors.hpp"
#include "api/dto.hpp"
#include "api/dunning_dto.hpp"
#include "billing/tax.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "customers/customer_import.hpp"
#include "jobs/cron.hpp"
#include "leads/registration.hpp"
#include "messaging/delivery_policy.hpp"
#include "payments/gateway_rules.hpp"
#include "fuzz_must.hpp"

using namespace kimonet;
using kimonet::fuzz::must;

namespace {

// The text parsers behind settings and query parameters: each must answer or refuse cleanly.
void parse_text(std::string_view text) {
    (void)parse_rupiah(text);
    (void)parse_date(text);
    (void)parse_period(text);
    (void)parse_utc_offset(text);
    (void)jobs::parse_cron(text);
    (void)messaging::parse_quiet_hours(text);
    (void)billing::parse_tax_rate(text);
    (void)parse_import_date(text);
    (void)phone_from_cell(text);
    (void)payments::parse_offered_methods(text);
    (void)payments::parse_gateway_amount(text);
    (void)api::allowed_origins_problem(text);
    (void)api::is_origin_allowed(api::parse_allowed_origins(text), text);
}

void read_records(const api::Json& json) {
    if (auto customer = api::customer_from_json(json, Customer{})) must(api::customer_from_json(api::to_json(*customer), Customer{}).ok());
    if (auto package = api::package_from_json(json, Package{})) must(api::package_from_json(api::to_json(*package), Package{}).ok());
    (void)api::router_from_json(json, Router{}, true);
    Router stored;
    stored.name = "Core";
    stored.host = "192.0.2.1";
    stored.port = 8728;
    stored.username = "admin";
    stored.password = "secret";
    (void)api::router_from_json(json, stored, false);
    (void)api::invoice_line_from_json(json);
    (void)api::schedule_from_json(json);
    (void)leads::registration_from_json(json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    parse_text(input);
    const api::Json json = api::parse_json(input);
    if (json.is_discarded()) return 0;
    (void)api::customers_from_list(json);
    (void)api::packages_from_list(json);
    if (json.is_object()) {
        read_records(json);
        for (const auto& [key, value] : json.items())
            if (value.is_string()) parse_text(value.get_ref<const std::string&>());
        if (auto lines = json.find("lines"); lines != json.end() && lines->is_array())
            for (const auto& line : *lines) (void)api::invoice_line_from_json(line);
    }
    return 0;
}
