#pragma once
// Moving in from PHPNuxBill (issue 22), shared by `kimonet import phpnuxbill` and
// POST /api/imports/phpnuxbill: routers (passwords sealed), PPPoE plans as packages, customers with
// their current recharge as status and due day, balances as credit, and transactions as paid
// invoices. Everything runs in one transaction: a dry run is the same run rolled back, so its
// report is exactly what the import would do; an error anywhere imports nothing. Every imported row
// keeps its PHPNuxBill key (store/import_key_store.hpp): running it again creates nothing twice,
// imports only what is new, and reports what changed at the source since (without applying it).
#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "imports/phpnuxbill_data.hpp"

namespace kimonet::services {

inline constexpr const char* kPhpnuxbillSource = "phpnuxbill";

// The mapping report: source counts, what each router and plan became, customers and invoices
// (new / unchanged / changed), and every dropped row with its reason.
Result<api::Json> import_phpnuxbill(app::Context& context, const imports::PhpnuxbillData& data, bool dry_run);

}  // namespace kimonet::services
