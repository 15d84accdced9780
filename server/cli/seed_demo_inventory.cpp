// The demo network's street side (issue 21): one OLT with two PON ports, two ODCs and five ODPs of
// sixteen ports around Bandung, forty customers on their ports with coordinates near them, and the two
// routers placed, so the map and the inventory screen show a network on the first run. Built through
// the same services as the CSV import and the technician's placement. Deterministic.
#include <cstdio>
#include <string>

#include "cli/seed_demo.hpp"
#include "services/inventory_import.hpp"
#include "services/inventory_service.hpp"

namespace kimonet::cli {
namespace {

constexpr char kDemoInventoryCsv[] =
    "type,name,olt,pon,odc,port_count,latitude,longitude\n"
    "olt,OLT Pusat,,,,,-6.914744,107.609810\n"
    "pon,0/1/1,OLT Pusat,,,,,\n"
    "pon,0/1/2,OLT Pusat,,,,,\n"
    "odc,ODC Sukajadi,OLT Pusat,0/1/1,,,-6.892100,107.596300\n"
    "odc,ODC Buahbatu,OLT Pusat,0/1/2,,,-6.944200,107.631800\n"
    "odp,ODP-SKJ-01,,,ODC Sukajadi,16,-6.880000,107.585000\n"
    "odp,ODP-SKJ-02,,,ODC Sukajadi,16,-6.900000,107.588000\n"
    "odp,ODP-SKJ-03,,,ODC Sukajadi,16,-6.885000,107.610000\n"
    "odp,ODP-BBT-01,,,ODC Buahbatu,16,-6.956000,107.625000\n"
    "odp,ODP-BBT-02,,,ODC Buahbatu,16,-6.938000,107.645000\n";

constexpr int kDemoOdps = 5;
constexpr int kDemoPlacedCustomers = 40;

}  // namespace

Result<std::int64_t> seed_demo_inventory(app::Context& context) {
    const auto imported = TRY(services::import_inventory(context, kDemoInventoryCsv, false));
    if (imported.imported != 10) return make_error(ErrorCode::Internal);
    const auto tree = TRY(services::inventory_tree(context));
    std::int64_t placed = 0;
    for (int customer = 1; customer <= kDemoPlacedCustomers; ++customer) {
        const auto& odp = tree.odps.at(static_cast<std::size_t>((customer - 1) % kDemoOdps));
        const int port = (customer - 1) / kDemoOdps + 1;
        TRY(services::place_customer_on_port(context, odp.id, {{"customer_id", customer}, {"port_number", port}}));
        // A house a few dozen metres from its ODP, each in its own direction.
        const double step = 0.00035 * static_cast<double>(port);
        if (!odp.location) return make_error(ErrorCode::Internal);
        const double latitude = odp.location->latitude + (customer % 2 ? step : -step);
        const double longitude = odp.location->longitude + (customer % 3 ? step : -step) * 0.8;
        TRY(services::set_customer_coordinates(context, customer, {{"latitude", latitude}, {"longitude", longitude}}));
        ++placed;
    }
    TRY(services::set_router_coordinates(context, 1, {{"latitude", -6.917464}, {"longitude", 107.619123}}));
    TRY(services::set_router_coordinates(context, 2, {{"latitude", -6.936800}, {"longitude", 107.604600}}));
    return placed;
}

}  // namespace kimonet::cli
