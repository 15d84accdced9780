#pragma once
// The records of the voucher feature as the store reads them and the API shows them.
#include <cstdint>
#include <optional>
#include <string>

#include "core/money.hpp"

namespace kimonet {

struct VoucherBatch {
    std::int64_t id = 0;
    std::int64_t router_id = 0;
    std::string router_name;
    std::int64_t profile_id = 0;
    std::string profile_name;
    int count = 0;
    std::string mode;
    int code_length = 8;
    std::string prefix;
    Money price = 0;
    std::int64_t time_limit_seconds = 0;
    std::int64_t quota_bytes = 0;
    int validity_days = 0;
    std::string note;
    std::string status;  // queued | pushing | pushed | failed
    int pushed_count = 0;
    int sold_count = 0;
    int ended_count = 0;
    std::string last_error;
    std::int64_t created_at = 0;
    std::string created_by_name;
};

struct Voucher {
    std::int64_t id = 0;
    std::int64_t batch_id = 0;
    std::string username;
    std::string password;
    std::string state;  // available | sold | used_up | expired
    std::optional<std::int64_t> pushed_at;
    std::optional<std::int64_t> reseller_id;
    std::optional<std::int64_t> first_used_at;
    std::int64_t uptime_seconds = 0;
    std::int64_t bytes_total = 0;
    std::optional<std::int64_t> ended_at;
    std::optional<std::int64_t> removed_at;
};

struct VoucherSale {
    std::int64_t id = 0;
    std::int64_t reseller_id = 0;
    std::string reseller_name;
    std::int64_t batch_id = 0;
    int count = 0;
    Money unit_price = 0;
    Money gross = 0;
    Money commission = 0;
    Money net = 0;
    std::string sale_date;  // local YYYY-MM-DD
    std::int64_t sold_at = 0;
    std::string sold_by_name;
    Money balance_after = 0;
    bool repeated = false;  // answered from an earlier request with the same Idempotency-Key
};

// One row of the sales report: a reseller's sales on one day.
struct ResellerSalesDay {
    std::string sale_date;
    std::int64_t reseller_id = 0;
    std::string reseller_name;
    std::int64_t sales = 0;
    std::int64_t vouchers = 0;
    Money gross = 0;
    Money commission = 0;
    Money net = 0;
};

}  // namespace kimonet
