#include "services/customer_service.hpp"

#include <algorithm>

#include "auth/password_policy.hpp"
#include "auth/session_service.hpp"
#include "core/error_messages.hpp"
#include "core/radius_messages.hpp"
#include "core/validation_messages.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/secret_push.hpp"
#include "services/settings.hpp"
#include "store/activity_store.hpp"
#include "store/package_store.hpp"
#include "store/radius_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

Result<Customer> get_customer(store::Database& db, std::int64_t id) {
    auto found = TRY(store::find_customer(db, id));
    if (!found) return make_error(ErrorCode::NotFound, messages::kCustomerNotFound);
    return *found;
}

// References must point at existing rows; reported as field errors, not as 409/500.
static Result<void> check_references(store::Database& db, const Customer& customer) {
    FieldErrors fields;
    if (!TRY(store::find_package(db, customer.package_id))) fields["package_id"] = messages::kPackageNotFound;
    if (customer.router_id && !TRY(store::find_router(db, *customer.router_id))) fields["router_id"] = messages::kRouterNotFound;
    // The customer's connection method must be one its router offers (PUT /api/routers/{id}/radius).
    if (customer.router_id && !fields.contains("router_id")) {
        const auto nas = TRY(store::find_radius_nas(db, *customer.router_id, nullptr));
        const std::string offered = "," + (nas ? nas->connection_methods : std::string()) + ",";
        if (nas && offered.find("," + std::string(to_string(customer.connection_method)) + ",") == std::string::npos)
            fields["connection_method"] = messages::kConnectionMethodNotOffered;
    }
    if (!fields.empty()) return validation_error(std::move(fields));
    return {};
}

static Result<void> check_unique(store::Database& db, const Customer& customer) {
    auto existing = TRY(store::find_customer_by_service_number(db, customer.service_number));
    if (existing && existing->id != customer.id) {
        Error error = make_error(ErrorCode::Conflict, messages::kServiceNumberTaken);
        error.fields["service_number"] = messages::kServiceNumberTaken;
        return error;
    }
    // One IP per router: two customers on one address would be isolated and restored together.
    if (customer.router_id && !customer.ip_address.empty() &&
        TRY(store::customer_ip_taken(db, *customer.router_id, customer.ip_address, customer.id))) {
        Error error = make_error(ErrorCode::Conflict, messages::kIpAddressTaken);
        error.fields["ip_address"] = messages::kIpAddressTaken;
        return error;
    }
    return {};
}

// A portal password set through the API passes the password policy; the demo seed (the system
// actor) keeps its printed password.
static Result<std::string> password_from_input(const api::Json& input, bool check_quality) {
    auto it = input.find("password");
    if (it == input.end() || it->is_null()) return std::string();
    if (!it->is_string()) return validation_error({{"password", messages::kWrongType}});
    const std::string password = it->get<std::string>();
    if (password.size() < 8 || password.size() > 128) return validation_error({{"password", messages::kPassword}});
    if (auto problem = check_quality ? auth::password_problem(password) : std::nullopt) return validation_error({{"password", *problem}});
    return password;
}

// The write-only PPPoE password pushed to the router; absent, null or "" keeps the stored one.
static Result<std::string> pppoe_password_from_input(const api::Json& input) {
    auto it = input.find("pppoe_password");
    if (it == input.end() || it->is_null()) return std::string();
    if (!it->is_string()) return validation_error({{"pppoe_password", messages::kWrongType}});
    const std::string password = it->get<std::string>();
    if (password.empty()) return password;
    if (auto problem = pppoe_password_problem(password)) return validation_error({{"pppoe_password", *problem}});
    return password;
}

struct CustomerInput {
    Customer customer;
    std::string password;        // portal login; "" = unchanged
    std::string pppoe_password;  // pushed to the router; "" = unchanged
};

// Parses the customer fields and the optional passwords together, so that a bad password is
// reported in the same 422 as every other bad field.
static Result<CustomerInput> customer_and_password(api::Json body, Customer base, const api::Json& input, bool check_quality) {
    if (body.is_object()) body.erase("pppoe_password");
    auto customer = api::customer_from_json(body, std::move(base));
    auto password = password_from_input(input, check_quality);
    auto pppoe_password = pppoe_password_from_input(input);
    if (customer && password && pppoe_password)
        return CustomerInput{std::move(customer).value(), std::move(password).value(), std::move(pppoe_password).value()};
    if (!customer && customer.error().code != ErrorCode::ValidationFailed) return std::move(customer).error();
    FieldErrors fields = customer ? FieldErrors{} : customer.error().fields;
    if (!password) api::merge_field_errors(fields, password.error().fields);
    if (!pppoe_password) api::merge_field_errors(fields, pppoe_password.error().fields);
    return validation_error(std::move(fields));
}

static Result<void> store_pppoe_password(app::Context& context, Customer& customer, const std::string& pppoe_password) {
    if (pppoe_password.empty()) return {};
    TRY_VOID(store::set_customer_pppoe_password(context.db, customer.id, context.secrets.seal(pppoe_password)));
    customer.has_pppoe_password = true;
    return {};
}

// A change the customer's router must hear about (when it has push_secrets on).
static bool changes_the_secret(const Customer& before, const Customer& after, const std::string& pppoe_password) {
    return !pppoe_password.empty() || before.pppoe_username != after.pppoe_username || before.package_id != after.package_id ||
           before.router_id != after.router_id || before.status != after.status;
}

// The stored PPPoE password only goes where it went before. Moving a customer to another router
// that receives secrets sends it there in plain text (the RouterOS API), and a role that may create
// routers and edit customers (a technician) could otherwise move anyone to a router of its own
// and read their password: the move needs the password typed again, as a router's move does.
static Result<void> check_password_follows_router(app::Context& context, const Customer& before, const Customer& after,
                                                  const std::string& pppoe_password) {
    if (!after.router_id || after.router_id == before.router_id || !pppoe_password.empty() || !before.has_pppoe_password) return {};
    if (after.pppoe_username.empty() || after.connection_method == ConnectionMethod::Radius) return {};
    const auto router = TRY(store::find_router(context.db, *after.router_id));
    if (!router || !router->push_secrets) return {};
    return validation_error({{"pppoe_password", messages::kPppoePasswordAgain}});
}

Result<Customer> create_customer(app::Context& context, const api::Json& input) {
    Customer created;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        Customer base;
        base.join_date = context.today();
        auto number_field = input.is_object() ? input.find("service_number") : input.end();
        if (input.is_object() && (number_field == input.end() || number_field->is_null() ||
                                  (number_field->is_string() && number_field->get<std::string>().empty()))) {
            base.service_number = TRY(store::next_service_number(context.db, TRY(get_setting(context.db, "service_number_prefix"))));
        }
        api::Json body = input;
        if (body.is_object()) body.erase("password");
        if (body.is_object() && number_field != input.end() && number_field->is_string() &&
            number_field->get<std::string>().empty())
            body.erase("service_number");
        auto [customer, password, pppoe_password] = TRY(customer_and_password(body, base, input, context.actor.type != "system"));
        TRY_VOID(check_references(context.db, customer));
        TRY_VOID(check_unique(context.db, customer));
        customer.id = TRY(store::insert_customer(context.db, customer, context.now));
        if (!password.empty()) TRY_VOID(store::set_customer_password_hash(context.db, customer.id, security::hash_password(password)));
        TRY_VOID(store_pppoe_password(context, customer, pppoe_password));
        TRY(queue_secret_push(context, customer, "customer.create"));
        created = customer;
        return log_activity(context, "customer.create", "customer", customer.id, nullptr, api::to_json(customer));
    }));
    return created;
}

Result<void> check_customer_self_change(app::Context& context, std::int64_t customer_id) {
    if (context.actor.type != "customer" || context.actor.id != customer_id) return {};
    constexpr std::int64_t kWindow = 86400;
    const auto recent = TRY(store::customer_self_change_times(context.db, customer_id, {"customer.update", "customer.channel_preference"},
                                                               context.now - kWindow + 1));
    if (recent.size() < static_cast<std::size_t>(kMaxCustomerSelfChangesPerDay)) return {};
    return rate_limited(messages::kRateLimited, std::max<std::int64_t>(1, recent.front() + kWindow - context.now));
}

Result<Customer> update_customer(app::Context& context, std::int64_t id, const api::Json& changes) {
    Customer updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(check_customer_self_change(context, id));
        const Customer before = TRY(get_customer(context.db, id));
        api::Json body = changes;
        if (body.is_object()) {
            body.erase("password");
            body.erase("id");
        }
        auto [customer, password, pppoe_password] = TRY(customer_and_password(body, before, changes, context.actor.type != "system"));
        customer.id = id;
        TRY_VOID(check_references(context.db, customer));
        TRY_VOID(check_unique(context.db, customer));
        TRY_VOID(check_password_follows_router(context, before, customer, pppoe_password));
        TRY_VOID(store::update_customer_row(context.db, customer, context.now));
        if (!password.empty()) {
            TRY_VOID(store::set_customer_password_hash(context.db, id, security::hash_password(password)));
            TRY_VOID(auth::revoke_sessions(context, "customer", id, std::nullopt));  // the old password's sessions end
        }
        TRY_VOID(store_pppoe_password(context, customer, pppoe_password));
        if (changes_the_secret(before, customer, pppoe_password)) TRY(queue_secret_push(context, customer, "customer.update"));
        updated = customer;
        api::Json after = api::to_json(customer);
        if (!password.empty()) after["password"] = "***";
        if (!pppoe_password.empty()) after["pppoe_password"] = "***";
        return log_activity(context, "customer.update", "customer", id, api::to_json(before), after);
    }));
    return updated;
}

Result<Customer> deactivate_customer(app::Context& context, std::int64_t id) {
    Customer updated;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const Customer before = TRY(get_customer(context.db, id));
        Customer customer = before;
        customer.status = CustomerStatus::Inactive;
        TRY_VOID(store::update_customer_row(context.db, customer, context.now));
        if (before.status != customer.status) TRY(queue_secret_push(context, customer, "customer.deactivate"));
        updated = customer;
        return log_activity(context, "customer.deactivate", "customer", id, api::to_json(before), api::to_json(customer));
    }));
    return updated;
}

Result<store::CustomerPage> search_customers(store::Database& db, const store::CustomerFilter& filter) {
    FieldErrors fields;
    if (filter.page < 1) fields["page"] = messages::kInvalid;
    if (filter.per_page < 1 || filter.per_page > 500) fields["per_page"] = messages::kPerPageRange;
    if (!store::is_valid_customer_sort(filter.sort)) fields["sort"] = messages::kInvalid;
    if (filter.search.size() > 100) fields["q"] = messages::kTooLong100;
    if (!fields.empty()) return validation_error(std::move(fields));
    return store::list_customers(db, filter);
}

}  // namespace kimonet::services
