// libFuzzer target for request routing: the input is "METHOD path?query" on its first line, then
// header lines. The path is matched against a table shaped like the server's (literal segments,
// {params}, shared prefixes, same path under several methods); the query string and headers go
// through the request helpers. A matched route's params must come from the path's own segments.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/router.hpp"
#include "fuzz_must.hpp"

using namespace kimonet::http;
using kimonet::fuzz::must;

namespace {

const Router& route_table() {
    static const Router router = [] {
        Router table;
        for (const char* method : {"GET", "POST", "PUT", "DELETE"}) {
            for (const char* pattern :
                 {"/api/customers", "/api/customers/{id}", "/api/customers/{id}/history", "/api/invoices/{id}/lines/{line_id}",
                  "/api/routers/{id}/test", "/billing/status/{order_id}", "/payment/callback/{gateway}", "/webhook/whatsapp/fonnte",
                  "/api/reports/{kind}.{format}", "/api/users/{id}/sessions/{session_id}", "/"}) {
                Route route;
                route.method = method;
                route.pattern = pattern;
                table.add(std::move(route));
            }
        }
        return table;
    }();
    return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto line_end = input.find('\n');
    const std::string_view request_line = input.substr(0, line_end);
    const auto space = request_line.find(' ');
    Request request;
    request.method = std::string(request_line.substr(0, space));
    const std::string_view target = space == std::string_view::npos ? std::string_view() : request_line.substr(space + 1);
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) request.query = parse_query_string(target.substr(question + 1));
    for (const auto& [name, value] : request.query) {
        must(!name.empty());
        (void)request.query_value(name);
    }
    // Header lines "name: value" after the request line; url_decode both ways on each.
    std::string_view rest = line_end == std::string_view::npos ? std::string_view() : input.substr(line_end + 1);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        const auto colon = line.find(':');
        if (colon != std::string_view::npos) request.headers[std::string(line.substr(0, colon))] = std::string(line.substr(colon + 1));
        const std::string decoded = url_decode(line, false);
        must(decoded.size() <= line.size());
        (void)url_decode(line, true);
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }

    const RouteMatch match = route_table().match(request);
    if (match.route) {
        must(match.path_matched && match.route->method == request.method);
        for (const auto& [name, value] : request.params) {
            must(!name.empty());
            (void)request.id_param(name);
        }
    } else {
        must(request.params.empty());
    }
    return 0;
}
