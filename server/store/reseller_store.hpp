#pragma once
// Resellers, their balance ledger and voucher sales (issue 19). Writers: the caller holds the transaction.
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "vouchers/reseller.hpp"
#include "vouchers/voucher_records.hpp"

namespace kimonet::store {

Result<std::vector<Reseller>> list_resellers(Database& db);
Result<std::optional<Reseller>> find_reseller(Database& db, std::int64_t id);
Result<std::int64_t> insert_reseller(Database& db, const Reseller& reseller, std::int64_t now);
Result<void> update_reseller_row(Database& db, const Reseller& reseller);
Result<bool> reseller_name_taken(Database& db, const std::string& name, std::int64_t except_id);
// Adds `delta` (negative for a sale) to the balance unless it would go below zero: the new balance,
// or nullopt when refused (nothing changed).
Result<std::optional<Money>> change_reseller_balance(Database& db, std::int64_t reseller_id, Money delta);
Result<void> insert_ledger_row(Database& db, std::int64_t reseller_id, const std::string& kind, Money amount, Money balance_after,
                               std::optional<std::int64_t> sale_id, const std::string& note, std::int64_t now, const std::string& by);

// A top-up's ledger row, with the user who sent it and their Idempotency-Key (nullopt: none).
struct TopUpRow {
    std::int64_t reseller_id = 0;
    Money amount = 0;
    Money balance_after = 0;
    std::string note;
};
Result<void> insert_top_up_row(Database& db, std::int64_t reseller_id, Money amount, Money balance_after, const std::string& note,
                               std::int64_t now, const std::string& by, std::int64_t by_id, const std::optional<std::string>& key);
// The top-up recorded earlier by this user with this idempotency key.
Result<std::optional<TopUpRow>> find_top_up_by_key(Database& db, std::int64_t by_id, const std::string& key);

// The sale recorded earlier by this user with this idempotency key.
Result<std::optional<VoucherSale>> find_sale_by_key(Database& db, std::int64_t sold_by_id, const std::string& key);
Result<std::int64_t> insert_sale(Database& db, const VoucherSale& sale, std::int64_t sold_by_id, const std::optional<std::string>& key);
Result<std::int64_t> count_available_vouchers(Database& db, std::int64_t batch_id);
// Assigns the first `count` available vouchers of the batch to the sale; how many it assigned.
Result<int> assign_vouchers(Database& db, std::int64_t batch_id, std::int64_t reseller_id, std::int64_t sale_id, int count);
// Sales by day and reseller between two local dates (inclusive), newest day first.
Result<std::vector<ResellerSalesDay>> sales_by_reseller_day(Database& db, const std::string& from, const std::string& to,
                                                            std::optional<std::int64_t> reseller_id);

}  // namespace kimonet::store
