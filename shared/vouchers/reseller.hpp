#pragma once
// Resellers (issue 19): shops that buy vouchers in advance from a balance the staff tops up. A sale
// of N vouchers at the batch's price costs N × price less the reseller's commission (a percent in
// basis points, or a fixed rupiah amount per voucher), all in int64 rupiah with checked arithmetic.
#include <cstdint>
#include <string>

#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet {

struct Reseller {
    std::int64_t id = 0;
    std::string name;
    std::string phone;
    std::string commission_type = "percent";  // percent (basis points: 1000 = 10%) | fixed (rupiah per voucher)
    std::int64_t commission_value = 0;
    Money balance = 0;
    bool active = true;
};

struct SaleAmounts {
    Money gross = 0;       // count × unit price
    Money commission = 0;  // the reseller keeps this
    Money net = 0;         // what the balance pays
};

Result<Reseller> validate_reseller(Reseller reseller);
// The amounts of a sale of `count` vouchers at `unit_price`; an overflow is an error, never a wrap.
Result<SaleAmounts> sale_amounts(const Reseller& reseller, std::int64_t count, Money unit_price);

}  // namespace kimonet
