#include "http/openapi.hpp"

#include "core/text.hpp"

namespace kimonet::http {

api::Json openapi_document(const Router& router) {
    api::Json paths = api::Json::object();
    for (const Route& route : router.routes()) {
        api::Json operation = {{"summary", route.summary},
                               {"responses",
                                {{"200", {{"description", "Success: {\"success\":true,…}"}}},
                                 {"4XX", {{"description", "{\"success\":false,\"error\":{code,message,fields}}"}}}}}};
        if (route.access != Access::Public) operation["security"] = api::Json::array({{{"bearer", api::Json::array()}}});
        if (route.access == Access::Permission) operation["x-permission"] = route.permission;
        api::Json parameters = api::Json::array();
        for (std::size_t open = route.pattern.find('{'); open != std::string::npos; open = route.pattern.find('{', open + 1)) {
            const auto close = route.pattern.find('}', open);
            parameters.push_back({{"name", route.pattern.substr(open + 1, close - open - 1)},
                                  {"in", "path"},
                                  {"required", true},
                                  {"schema", {{"type", "string"}}}});
        }
        if (!parameters.empty()) operation["parameters"] = parameters;
        paths[route.pattern][to_lower_ascii(route.method)] = operation;
    }
    return api::Json{{"openapi", "3.0.3"},
                     {"info", {{"title", "Kimonet Billing API"}, {"version", "1.0"}}},
                     {"components", {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
                     {"paths", paths}};
}

}  // namespace kimonet::http
