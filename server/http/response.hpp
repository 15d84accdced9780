#pragma once
// What a route handler returns. JSON helpers produce the product's envelope
// (`{"success":true,…}` / `{"success":false,"error":{code,message,fields}}`).
#include <map>
#include <type_traits>
#include <string>

#include "api/dto.hpp"
#include "api/dunning_dto.hpp"
#include "api/json_fields.hpp"
#include "core/result.hpp"

namespace kimonet::http {

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;
};

// {"success":true} merged with `fields` (an object).
Response json_ok(api::Json fields = api::Json::object(), int status = 200);
// {"success":true,"data":[…],"total":N} plus any extra fields.
Response json_list(api::Json data, std::int64_t total, api::Json extra = api::Json::object());
Response json_error(const Error& error);
Response html(std::string body, int status = 200);
Response bytes(std::string body, std::string content_type, std::string filename = {});

using RouteResult = Result<Response>;

// {"success":true,"data":value} from a service's result, or its error. Use it instead of a TRY
// inside a braced initialiser (`json_ok({{"data", TRY(...)}})`): returning from TRY there skips
// the destructors of the keys already built, so every error answer leaked them.
template <typename T>
RouteResult json_data(Result<T> result, int status = 200) {
    if (!result) return std::move(result).error();
    if constexpr (std::is_constructible_v<api::Json, T>) {
        return json_ok({{"data", std::move(result).value()}}, status);
    } else {
        // Unqualified, so a type finds its to_json by argument-dependent lookup wherever that is
        // declared (the reports' DTO headers make theirs reachable from kimonet::reports); the
        // using-declaration adds the overloads included above (kimonet::Customer's and the like).
        // A qualified api::to_json would see only the overloads declared before this header, which
        // depended on each file's include order.
        using api::to_json;
        return json_ok({{"data", to_json(std::move(result).value())}}, status);
    }
}

}  // namespace kimonet::http
