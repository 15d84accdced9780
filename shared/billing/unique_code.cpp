#include "billing/unique_code.hpp"

namespace kimonet::billing {

std::optional<Money> pick_unique_code(Money total, std::int64_t customer_id, const std::function<bool(Money amount)>& taken) {
    if (total <= 0) return std::nullopt;
    const Money preferred = (customer_id < 0 ? -customer_id : customer_id) % kMaxUniqueCode + 1;
    for (Money step = 0; step < kMaxUniqueCode; ++step) {
        const Money code = (preferred - 1 + step) % kMaxUniqueCode + 1;
        if (!taken(total + code)) return code;
    }
    return std::nullopt;
}

}  // namespace kimonet::billing
