// Areas and who collects in them (cash.areas); declared in services/cash_collection.hpp.
#include <set>

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"
#include "services/cash_collection.hpp"
#include "store/area_store.hpp"
#include "store/cash_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxIds = 1000;

Result<std::vector<std::int64_t>> id_list(const api::Json& input, const char* field) {
    const auto it = input.is_object() ? input.find(field) : input.end();
    if (it == input.end() || !it->is_array() || it->size() > kMaxIds) return validation_error({{field, messages::kIdList}});
    std::set<std::int64_t> ids;
    for (const auto& item : *it) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) return validation_error({{field, messages::kIdList}});
        ids.insert(item.get<std::int64_t>());
    }
    return std::vector<std::int64_t>(ids.begin(), ids.end());
}

Result<std::string> existing_area(app::Context& context, std::int64_t area_id) {
    auto name = TRY(store::find_area_name(context.db, area_id));
    if (!name) return make_error(ErrorCode::NotFound, messages::kAreaNotFound);
    return *name;
}

// {"service_numbers":[…]} → customer ids; each must exist (a field error names the first that does not).
Result<std::vector<std::int64_t>> ids_of_service_numbers(app::Context& context, const api::Json& input) {
    const auto& list = input["service_numbers"];
    if (!list.is_array() || list.size() > kMaxIds) return validation_error({{"service_numbers", messages::kIdList}});
    std::set<std::int64_t> ids;
    for (const auto& item : list) {
        if (!item.is_string()) return validation_error({{"service_numbers", messages::kIdList}});
        const std::string service_number = trim_copy(item.get<std::string>());
        if (service_number.empty()) continue;
        auto id = TRY(store::customer_id_by_service_number(context.db, service_number));
        if (!id) return validation_error({{"service_numbers", messages::with_detail(messages::kCustomerNotFound, service_number)}});
        ids.insert(*id);
    }
    return std::vector<std::int64_t>(ids.begin(), ids.end());
}

Result<std::string> valid_area_name(const api::Json& input) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    std::string name;
    reader.read("name", name);
    name = trim_copy(name);
    if (reader.ok() && (name.empty() || name.size() > 80)) reader.add_error("name", messages::kAreaNameLength);
    if (!reader.ok()) return validation_error(reader.errors());
    return name;
}

api::Json area_json(const store::AreaRow& area) {
    return {{"id", area.id}, {"name", area.name}, {"customer_count", area.customer_count}, {"collector_ids", area.collector_ids}};
}

}  // namespace

Result<api::Json> list_areas(app::Context& context) {
    api::Json out = api::Json::array();
    for (const auto& area : TRY(store::list_areas(context.db))) out.push_back(area_json(area));
    return out;
}

Result<api::Json> create_area(app::Context& context, const api::Json& input) {
    const std::string name = TRY(valid_area_name(input));
    api::Json created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (const auto& area : TRY(store::list_areas(context.db)))
            if (area.name == name) return Error{ErrorCode::Conflict, messages::kAreaExists, {{"name", messages::kAreaExists}}};
        const std::int64_t id = TRY(store::insert_area(context.db, name));
        created = {{"id", id}, {"name", name}, {"customer_count", 0}, {"collector_ids", api::Json::array()}};
        return log_activity(context, "area.create", "area", id, nullptr, created);
    }));
    return created;
}

Result<api::Json> set_area_customers(app::Context& context, std::int64_t area_id, const api::Json& input) {
    const bool by_service_number = input.is_object() && input.contains("service_numbers") && !input.contains("customer_ids");
    std::vector<std::int64_t> ids;
    if (!by_service_number) ids = TRY(id_list(input, "customer_ids"));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY(existing_area(context, area_id));
        if (by_service_number) ids = TRY(ids_of_service_numbers(context, input));
        for (const std::int64_t id : ids) {
            if (!TRY(store::customer_exists(context.db, id)))
                return validation_error({{"customer_ids", messages::with_detail(messages::kCustomerNotFound, std::to_string(id))}});
            TRY_VOID(store::put_customer_in_area(context.db, id, area_id));
        }
        return log_activity(context, "area.customers", "area", area_id, nullptr, {{"customer_ids", ids}});
    }));
    return list_areas(context);
}

Result<api::Json> set_area_collectors(app::Context& context, std::int64_t area_id, const api::Json& input) {
    const auto ids = TRY(id_list(input, "user_ids"));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY(existing_area(context, area_id));
        for (const std::int64_t id : ids)
            if (!TRY(store::user_exists(context.db, id)))
                return validation_error({{"user_ids", messages::with_detail(messages::kUserNotFound, std::to_string(id))}});
        TRY_VOID(store::replace_area_collectors(context.db, area_id, ids));
        return log_activity(context, "area.collectors", "area", area_id, nullptr, {{"user_ids", ids}});
    }));
    return list_areas(context);
}

Result<api::Json> rename_area(app::Context& context, std::int64_t area_id, const api::Json& input) {
    const std::string name = TRY(valid_area_name(input));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const std::string before = TRY(existing_area(context, area_id));
        for (const auto& area : TRY(store::list_areas(context.db)))
            if (area.name == name && area.id != area_id)
                return Error{ErrorCode::Conflict, messages::kAreaExists, {{"name", messages::kAreaExists}}};
        TRY_VOID(store::rename_area(context.db, area_id, name));
        return log_activity(context, "area.rename", "area", area_id, {{"name", before}}, {{"name", name}});
    }));
    return list_areas(context);
}

Result<api::Json> area_customers(app::Context& context, std::int64_t area_id) {
    TRY(existing_area(context, area_id));
    api::Json out = api::Json::array();
    for (const auto& row : TRY(store::list_area_customers(context.db, area_id, static_cast<int>(kMaxIds))))
        out.push_back({{"id", row.id}, {"service_number", row.service_number}, {"name", row.name}});
    return out;
}

Result<api::Json> list_collectors(app::Context& context) {
    api::Json out = api::Json::array();
    for (const auto& row : TRY(store::list_collector_users(context.db)))
        out.push_back({{"id", row.id}, {"username", row.username}, {"full_name", row.full_name}});
    return out;
}

}  // namespace kimonet::services
