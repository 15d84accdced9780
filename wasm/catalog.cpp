#include "catalog.hpp"

#include "api/dto.hpp"
#include "api_client.hpp"
#include "platform/browser_glue.hpp"

namespace kimonet {

const Package* Catalog::package(std::int64_t id) const {
    for (const Package& candidate : packages)
        if (candidate.id == id) return &candidate;
    return nullptr;
}

std::string Catalog::package_name(std::int64_t id) const {
    const Package* found = package(id);
    return found ? found->name : "—";
}

void Catalog::reload_packages() {
    api_client().get("/api/packages", [this](const ApiResponse& response) {
        ++packages_answers;
        if (!response.ok()) return;
        if (auto parsed = api::packages_from_list(response.body)) {
            packages = std::move(parsed).value();
            packages_loaded = true;
        }
    });
}

void Catalog::reload_routers() {
    api_client().get("/api/routers", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        auto data = response.body.find("data");
        if (data == response.body.end() || !data->is_array()) return;
        routers.clear();
        for (const auto& router : *data)
            if (json_int(router, "id") > 0) routers.push_back({json_int(router, "id"), json_string(router, "name")});
    });
}

namespace {

constexpr const char* kRulesStorageKey = "kimonet.billing_rules";

// Settings values are strings ({"tax_rate":"11","tax_mode":"exclusive",…}); unreadable ones keep the default.
billing::BillingRules rules_from_settings(const api::Json& settings) {
    billing::BillingRules rules;
    const std::string due_day = json_string(settings, "default_due_day");
    if (!due_day.empty() && due_day.size() <= 2 && due_day.find_first_not_of("0123456789") == std::string::npos &&
        std::stoi(due_day) >= 1 && std::stoi(due_day) <= 31)
        rules.default_due_day = std::stoi(due_day);
    if (auto rate = billing::parse_tax_rate(json_string(settings, "tax_rate", "0"))) rules.tax.legacy.rate_basis_points = *rate;
    rules.tax.legacy.mode = billing::parse_tax_mode(json_string(settings, "tax_mode")).value_or(billing::TaxMode::Exclusive);
    rules.tax.pkp = billing::parse_pkp_status(json_string(settings, "pkp", "legacy")).value_or(billing::PkpStatus::Legacy);
    if (auto dated = billing::parse_ppn_rules(json_string(settings, "ppn_rules"))) rules.tax.rules = *dated;
    rules.rounding = billing::parse_rounding_mode(json_string(settings, "proration_rounding")).value_or(billing::RoundingMode::Nearest);
    return rules;
}

}  // namespace

void Catalog::reload_billing_rules(bool ask_server) {
    const api::Json stored = api::parse_json(platform::stored_value(kRulesStorageKey));
    if (stored.is_object() && billing_rules_source != RulesSource::Server) {
        billing_rules = rules_from_settings(stored);
        billing_rules_source = RulesSource::Stored;
    }
    if (!ask_server) return;
    api_client().get("/api/settings", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        auto data = response.body.find("data");
        if (data == response.body.end() || !data->is_object()) return;
        api::Json kept = api::Json::object();
        for (const char* key : {"default_due_day", "tax_rate", "tax_mode", "proration_rounding", "pkp", "ppn_rules"})
            if (auto value = data->find(key); value != data->end() && value->is_string()) kept[key] = *value;
        billing_rules = rules_from_settings(kept);
        billing_rules_source = RulesSource::Server;
        platform::store_value(kRulesStorageKey, kept.dump());
    });
}

void Catalog::clear() {
    packages.clear();
    routers.clear();
    packages_loaded = false;
}

}  // namespace kimonet
