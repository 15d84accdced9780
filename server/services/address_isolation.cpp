#include "services/address_isolation.hpp"

#include <algorithm>

namespace kimonet::services {

static bool listed(const std::vector<std::string>& entries, const std::string& address) {
    return std::find(entries.begin(), entries.end(), address) != entries.end();
}

Result<std::vector<AddressChangeResult>> apply_address_changes(network::RouterControl& router, const std::vector<AddressChange>& changes) {
    std::vector<AddressChangeResult> results(changes.size());
    if (changes.empty()) return results;
    const auto before = TRY(router.address_list_entries(kIsolirAddressList));
    for (std::size_t index = 0; index < changes.size(); ++index) {
        const AddressChange& change = changes[index];
        AddressChangeResult& result = results[index];
        result.was_listed = listed(before, change.address);
        Result<void> done;
        if (!change.mac.empty()) done = router.dhcp_lease_bind(change.address, change.mac, change.comment);
        if (done && change.isolate && !result.was_listed) done = router.address_list_add(kIsolirAddressList, change.address, change.comment);
        if (done && !change.isolate && result.was_listed) done = router.address_list_remove(kIsolirAddressList, change.address);
        if (!done) {
            if (done.error().code == ErrorCode::Unavailable) return std::move(done).error();
            result.error = done.error().message();
            continue;
        }
        result.changed = change.isolate != result.was_listed;
    }
    // One read of the list verifies every change.
    const auto after = TRY(router.address_list_entries(kIsolirAddressList));
    for (std::size_t index = 0; index < changes.size(); ++index) {
        AddressChangeResult& result = results[index];
        if (result.error.empty() && listed(after, changes[index].address) != changes[index].isolate)
            result.error = messages::with_detail(messages::kAddressListNotReadBack, changes[index].address);
        result.ok = result.error.empty();
    }
    return results;
}

}  // namespace kimonet::services
