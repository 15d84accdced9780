// The FTTH inventory and the map (issue 21): /api/inventory/*, /api/map, /api/imports/inventory.
// inventory.read reads; inventory.edit changes the network's items; inventory.place puts customers
// on ODP ports and sets their coordinates (a technician at the pole).
#include "api/inventory_dto.hpp"
#include "core/inventory_messages.hpp"
#include "http/routes.hpp"
#include "services/inventory_import.hpp"
#include "services/inventory_service.hpp"
#include "services/network_map.hpp"

namespace kimonet::http {

namespace {

struct InventoryLevelPath {
    const char* path;  // "/api/inventory/olts"
    store::InventoryLevel level;
    const char* fields;  // for the OpenAPI summary
};

constexpr InventoryLevelPath kInventoryLevelPaths[] = {
    {"/api/inventory/olts", store::InventoryLevel::Olt, "{name, router_id?, site?, latitude?, longitude?}"},
    {"/api/inventory/pon-ports", store::InventoryLevel::PonPort, "{olt_id, label}"},
    {"/api/inventory/odcs", store::InventoryLevel::Odc, "{name, pon_port_id, latitude?, longitude?}"},
    {"/api/inventory/odps", store::InventoryLevel::Odp, "{name, odc_id, port_count 1–128, latitude?, longitude?}"},
};

api::Json customers_below_json(const std::vector<store::CustomerBelow>& customers) {
    api::Json out = api::Json::array();
    for (const auto& customer : customers)
        out.push_back({{"id", customer.id}, {"service_number", customer.service_number}, {"name", customer.name}, {"phone", customer.phone},
                       {"status", customer.status}});
    return out;
}

void add_inventory_level_routes(Router& router, app::App& app, const InventoryLevelPath& level) {
    const std::string path = level.path, item = path + "/{id}";
    router.add("POST", path, "inventory.edit", std::string("Create one ") + std::string(store::inventory_level_name(level.level)) + " " + level.fields,
               [&app, level](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::create_inventory_item(context, level.level, body), 201);
                   });
               });
    router.add("PUT", item, "inventory.edit", std::string("Replace one ") + std::string(store::inventory_level_name(level.level)) + " " + level.fields,
               [&app, level](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::update_inventory_item(context, level.level, request.id_param(), body));
                   });
               });
    router.add("DELETE", item, "inventory.edit",
               std::string("Delete one ") + std::string(store::inventory_level_name(level.level)) + "; 409 while anything is below it",
               [&app, level](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::delete_inventory_item(context, level.level, request.id_param()));
                       return json_ok();
                   });
               });
}

}  // namespace

void register_inventory_routes(Router& router, app::App& app) {
    router.add("GET", "/api/inventory", "inventory.read", "The FTTH tree: olts, pon_ports, odcs, odps (each ODP with used and free ports)",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) { return json_data(services::inventory_tree(context)); });
               });
    for (const auto& level : kInventoryLevelPaths) add_inventory_level_routes(router, app, level);
    router.add("GET", "/api/inventory/odps/{id}/ports", "inventory.read", "One ODP's ports: taken (with the customer) and free",
               [&app](Request& request) {
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::odp_ports(context, request.id_param())); });
               });
    router.add("POST", "/api/inventory/odps/{id}/ports", "inventory.place",
               "Put a customer {customer_id | service_number, port_number} on a free port of the ODP (409 when the port or the customer is taken)",
               [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::place_customer_on_port(context, request.id_param(), body), 201);
                   });
               });
    router.add("GET", "/api/inventory/customers/{id}", "inventory.read", "A customer's ODP port (or null) and coordinates",
               [&app](Request& request) {
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::customer_placement(context, request.id_param())); });
               });
    router.add("DELETE", "/api/inventory/customers/{id}/port", "inventory.place", "Take a customer off its ODP port",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       TRY_VOID(services::remove_customer_from_port(context, request.id_param()));
                       return json_ok();
                   });
               });
    router.add("PUT", "/api/inventory/customers/{id}/location", "inventory.place",
               "Set a customer's coordinates {latitude, longitude} (WGS84 degrees; both null clears)", [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::set_customer_coordinates(context, request.id_param(), body));
                   });
               });
    router.add("PUT", "/api/inventory/routers/{id}/location", "inventory.edit",
               "Set a router's coordinates {latitude, longitude} (both null clears)", [&app](Request& request) -> RouteResult {
                   const auto body = TRY(json_body(request));
                   return with_context(app, request, [&](app::Context& context) {
                       return json_data(services::set_router_coordinates(context, request.id_param(), body));
                   });
               });
    router.add("GET", "/api/inventory/routers/{id}/location", "inventory.read", "A router's coordinates {latitude, longitude} (both null: none)",
               [&app](Request& request) -> RouteResult {
                   return with_context(app, request,
                                       [&](app::Context& context) { return json_data(services::router_coordinates(context, request.id_param())); });
               });
    router.add("GET", "/api/inventory/{level}/{id}/customers", "inventory.read",
               "Every customer below a node (level: router, olt, pon_port, odc, odp): an outage's reach", [&app](Request& request) -> RouteResult {
                   const auto level = store::inventory_level_from_name(request.params["level"]);
                   if (!level) return validation_error({{"level", messages::kInventoryLevelChoice}});
                   return with_context(app, request, [&](app::Context& context) -> RouteResult {
                       const auto customers = TRY(services::customers_below_node(context, *level, request.id_param()));
                       return json_ok({{"data", customers_below_json(customers)}});
                   });
               });
    router.add("GET", "/api/map", "inventory.read",
               "The map: markers (router, olt, odc, odp, customer) with coordinates, status and parent, and the tile server template",
               [&app](Request& request) {
                   return with_context(app, request, [&](app::Context& context) { return json_data(services::network_map(context)); });
               });

    Route import_route{"POST", "/api/imports/inventory", Access::Permission, "inventory.edit",
                       "Import OLTs, PON ports, ODCs and ODPs from one CSV (a type column; docs/ftth-inventory.md); ?dry_run=1 previews with "
                       "per-row errors, otherwise all rows are imported in one transaction or none (422 with the row errors)",
                       [&app](Request& request) -> RouteResult {
                           const bool dry_run = request.query_value("dry_run") == "true" || request.query_value("dry_run") == "1";
                           return with_context(app, request, [&](app::Context& context) -> RouteResult {
                               auto outcome = TRY(services::import_inventory(context, request.body, dry_run));
                               if (dry_run || outcome.errors.empty()) return json_ok({{"data", services::to_json(outcome)}}, dry_run ? 200 : 201);
                               Response response = json_error(validation_error(
                                   {{"rows", messages::with_detail(messages::kRowsWithErrors, std::to_string(outcome.errors.size()))}},
                                   messages::kRowsWithErrors));
                               api::Json body = api::parse_json(response.body);
                               body["data"] = services::to_json(outcome);
                               response.body = body.dump(-1, ' ', false, api::Json::error_handler_t::replace);
                               return response;
                           });
                       }};
    import_route.max_body = 4u << 20;
    router.add(std::move(import_route));
}

}  // namespace kimonet::http
