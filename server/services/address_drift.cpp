#include "services/address_drift.hpp"

#include <algorithm>

#include "services/activity_log.hpp"
#include "services/address_isolation.hpp"
#include "store/network_store.hpp"

namespace kimonet::services {

Result<int> address_list_drift(app::Context& context, const Router& router, network::RouterControl& control, bool repair, api::Json& entry) {
    const auto expected = TRY(store::expected_address_rows(context.db, router.id));
    if (expected.empty()) return 0;
    auto listed = control.address_list_entries(kIsolirAddressList);
    if (!listed) {
        entry["error"] = listed.error().message();
        return 0;
    }
    entry["checked"] = entry["checked"].get<std::int64_t>() + static_cast<std::int64_t>(expected.size());
    std::vector<AddressChange> repairs;
    std::vector<std::size_t> repair_rows, repair_customers;
    for (std::size_t index = 0; index < expected.size(); ++index) {
        const auto& row = expected[index];
        const bool should = row.status == "isolated";
        const bool is = std::find(listed->begin(), listed->end(), row.ip_address) != listed->end();
        if (should == is) continue;
        api::Json item = {{"customer_id", row.customer_id}, {"service_number", row.service_number}, {"ip_address", row.ip_address},
                          {"connection_method", row.connection_method}, {"status", row.status},
                          {"kind", should ? "missing_from_isolir_list" : "on_isolir_list"}, {"repaired", false}, {"pending", row.pending}};
        if (repair && !row.pending) {
            repairs.push_back({row.ip_address, row.connection_method == "dhcp" ? row.mac_address : std::string(), should, "kimonet " + row.service_number});
            repair_rows.push_back(entry["drift"].size());
            repair_customers.push_back(index);
        }
        entry["drift"].push_back(std::move(item));
    }
    if (repairs.empty()) return 0;
    auto results = apply_address_changes(control, repairs);
    if (!results) {
        entry["error"] = results.error().message();
        return 0;
    }
    int repaired = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (std::size_t index = 0; index < repairs.size(); ++index) {
            auto& item = entry["drift"][repair_rows[index]];
            const auto& result = results->at(index);
            item["repaired"] = result.ok;
            if (!result.ok) {
                item["error"] = result.error;
                continue;
            }
            ++repaired;
            store::IsolationLogEntry logged;
            logged.at = context.now;
            logged.customer_id = expected[repair_customers[index]].customer_id;
            logged.router_id = router.id;
            logged.action = "repair";
            logged.reason = "drift";
            logged.result = "applied";
            logged.profile_before = result.was_listed ? kIsolirAddressList : "";
            logged.profile_after = repairs[index].isolate ? kIsolirAddressList : "";
            logged.actor_type = context.actor.type;
            logged.actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
            logged.actor_name = context.actor.name;
            TRY(store::insert_isolation_log(context.db, logged));
        }
        return log_activity(context, "network.sync", "router", router.id, api::Json::object(), {{"repaired_addresses", repaired}});
    }));
    return repaired;
}

}  // namespace kimonet::services
