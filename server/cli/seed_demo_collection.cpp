// The demo collector's round (issue 20's field side): a collector who signs in on the first run
// finds the open invoices of their area on the phone screen instead of an empty route, and the
// areas screen shows who collects where. Made through the same services the areas screen uses.
#include "auth/user_service.hpp"
#include "cli/seed_demo.hpp"
#include "services/cash_collection.hpp"

namespace kimonet::cli {
namespace {

constexpr const char* kAreaName = "Jl. Merdeka & Jl. Sudirman";
// The demo customers of those two streets: customer i lives on street i % 6 (command_seed_demo.cpp),
// Jl. Merdeka for 0 and Jl. Sudirman for 1.
bool on_the_areas_streets(std::int64_t customer_number) { return customer_number % 6 == 0 || customer_number % 6 == 1; }

}  // namespace

Result<std::int64_t> seed_demo_collection(app::Context& context) {
    const api::Json user = TRY(auth::create_user(
        context, {{"username", "collector"}, {"password", kDemoPassword}, {"role", "collector"}, {"full_name", "Demo collector"}}, false));
    const api::Json area = TRY(services::create_area(context, {{"name", kAreaName}}));
    const std::int64_t area_id = area["id"].get<std::int64_t>();
    api::Json customers = api::Json::array();
    for (std::int64_t id = 1; id <= 50; ++id)
        if (on_the_areas_streets(id)) customers.push_back(id);
    TRY(services::set_area_customers(context, area_id, {{"customer_ids", customers}}));
    TRY(services::set_area_collectors(context, area_id, {{"user_ids", api::Json::array({user["id"]})}}));
    return static_cast<std::int64_t>(customers.size());
}

}  // namespace kimonet::cli
