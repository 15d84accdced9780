#include "api/dto.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::api {

static Result<Json> require_object(const Json& json) {
    if (!json.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    return json;
}

template <typename T>
static Result<T> finish(FieldReader& reader, Result<T> validated) {
    if (reader.ok() && validated) return validated;
    FieldErrors fields = reader.errors();
    if (!validated) merge_field_errors(fields, validated.error().fields);
    return validation_error(std::move(fields));
}

Json to_json(const Customer& customer) {
    return Json{{"id", customer.id},
                {"service_number", customer.service_number},
                {"name", customer.name},
                {"phone", customer.phone},
                {"email", customer.email},
                {"address", customer.address},
                {"package_id", customer.package_id},
                {"router_id", customer.router_id ? Json(*customer.router_id) : Json(nullptr)},
                {"pppoe_username", customer.pppoe_username},
                {"status", to_string(customer.status)},
                {"join_date", to_string(customer.join_date)},
                {"due_day", customer.due_day ? Json(*customer.due_day) : Json(nullptr)},
                {"has_pppoe_password", customer.has_pppoe_password},
                {"connection_method", to_string(customer.connection_method)},
                {"ip_address", customer.ip_address},
                {"mac_address", customer.mac_address},
                {"npwp", customer.tax.npwp},
                {"nik", customer.tax.nik},
                {"nitku", customer.tax.nitku},
                {"needs_faktur", customer.tax.needs_faktur}};
}

Result<Customer> customer_from_json(const Json& json, Customer base) {
    TRY(require_object(json));
    FieldReader reader(json);
    reader.read("service_number", base.service_number);
    reader.read("name", base.name);
    reader.read("phone", base.phone);
    reader.read("email", base.email);
    reader.read("address", base.address);
    reader.read("package_id", base.package_id);
    reader.read("router_id", base.router_id);
    reader.read("pppoe_username", base.pppoe_username);
    reader.read("due_day", base.due_day);
    std::string status(to_string(base.status));
    reader.read("status", status);
    if (auto parsed = parse_customer_status(status)) base.status = *parsed;
    else reader.add_error("status", messages::kStatus);
    std::string method(to_string(base.connection_method));
    reader.read("connection_method", method);
    if (auto parsed = parse_connection_method(method)) base.connection_method = *parsed;
    else reader.add_error("connection_method", messages::kConnectionMethod);
    reader.read("ip_address", base.ip_address);
    reader.read("mac_address", base.mac_address);
    reader.read("npwp", base.tax.npwp);
    reader.read("nik", base.tax.nik);
    reader.read("nitku", base.tax.nitku);
    reader.read("needs_faktur", base.tax.needs_faktur);
    if (reader.has("join_date")) {
        std::string join_date;
        reader.read("join_date", join_date);
        if (auto parsed = parse_date(join_date)) base.join_date = *parsed;
        else reader.add_error("join_date", messages::kDate);
    }
    return finish(reader, validate_customer(std::move(base)));
}

Json to_json(const Package& package) {
    return Json{{"id", package.id},
                {"name", package.name},
                {"download_kbps", package.download_kbps},
                {"upload_kbps", package.upload_kbps},
                {"price", package.price},
                {"mikrotik_profile", package.mikrotik_profile},
                {"active", package.active}};
}

Result<Package> package_from_json(const Json& json, Package base) {
    TRY(require_object(json));
    FieldReader reader(json);
    reader.read("name", base.name);
    reader.read("download_kbps", base.download_kbps);
    reader.read("upload_kbps", base.upload_kbps);
    reader.read("price", base.price);
    reader.read("mikrotik_profile", base.mikrotik_profile);
    reader.read("active", base.active);
    return finish(reader, validate_package(std::move(base)));
}

Json to_json(const Router& router) {
    return Json{{"id", router.id},
                {"name", router.name},
                {"host", router.host},
                {"port", router.port},
                {"username", router.username},
                {"has_password", !router.password.empty()},
                {"isolir_profile", router.isolir_profile},
                {"tls", router.tls},
                {"push_secrets", router.push_secrets},
                {"api_mode", router.api_mode},
                {"rest_port", router.rest_port},
                {"rest_tls", router.rest_tls}};
}

Result<Router> router_from_json(const Json& json, Router base, bool password_required) {
    TRY(require_object(json));
    FieldReader reader(json);
    reader.read("name", base.name);
    reader.read("host", base.host);
    reader.read("port", base.port);
    reader.read("username", base.username);
    std::string password;
    reader.read("password", password);
    if (!password.empty()) base.password = password;
    reader.read("isolir_profile", base.isolir_profile);
    reader.read("tls", base.tls);
    reader.read("push_secrets", base.push_secrets);
    reader.read("api_mode", base.api_mode);
    reader.read("rest_port", base.rest_port);
    reader.read("rest_tls", base.rest_tls);
    return finish(reader, validate_router(std::move(base), password_required));
}

template <typename T, typename Parse>
static Result<std::vector<T>> list_from_json(const Json& json, Parse parse) {
    auto data = json.find("data");
    if (!json.is_object() || data == json.end() || !data->is_array())
        return make_error(ErrorCode::BadRequest, messages::kExpectedDataArray);
    std::vector<T> out;
    out.reserve(data->size());
    for (const auto& item : *data) {
        T value{};
        if (auto id = item.find("id"); id != item.end() && id->is_number_integer()) value.id = id->get<std::int64_t>();
        auto parsed = parse(item, std::move(value));
        if (!parsed) return std::move(parsed).error();
        out.push_back(std::move(parsed).value());
    }
    return out;
}

Result<std::vector<Customer>> customers_from_list(const Json& json) {
    return list_from_json<Customer>(json, [](const Json& item, Customer base) { return customer_from_json(item, std::move(base)); });
}

Result<std::vector<Package>> packages_from_list(const Json& json) {
    return list_from_json<Package>(json, [](const Json& item, Package base) { return package_from_json(item, std::move(base)); });
}

}  // namespace kimonet::api
