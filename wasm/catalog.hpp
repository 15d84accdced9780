#pragma once
// Reference data the customer screens need: packages (names, filter, form choice), routers, and
// the billing rules (due day, tax, rounding) the offline invoice preview computes with.
#include <cstdint>
#include <string>
#include <vector>

#include "billing/invoice.hpp"
#include "packages/package.hpp"

namespace kimonet {

struct RouterOption {
    std::int64_t id = 0;
    std::string name;
};

struct Catalog {
    std::vector<Package> packages;
    std::vector<RouterOption> routers;
    bool packages_loaded = false;
    int packages_answers = 0;  // answers to reload_packages() so far (a list newer than a moment ago)
    // Where billing_rules came from: the server this session, this browser's last copy, or defaults.
    enum class RulesSource { Defaults, Stored, Server };
    billing::BillingRules billing_rules;
    RulesSource billing_rules_source = RulesSource::Defaults;

    const Package* package(std::int64_t id) const;
    std::string package_name(std::int64_t id) const;  // "—" when unknown
    void reload_packages();
    void reload_routers();
    // Applies the rules stored in this browser at once, then asks /api/settings when allowed;
    // a successful answer replaces and stores them. Offline the stored (or default) rules stay.
    void reload_billing_rules(bool ask_server);
    void clear();
};

}  // namespace kimonet
