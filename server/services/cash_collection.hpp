#pragma once
// Cash collection (issue 20): areas, a collector's route and day, recording a cash payment in the
// field, remittances (setoran) and the cashier's confirmation and report. Every cash row goes into
// the hash-chained ledger (services/cash_ledger.hpp). A collector (cash.collect) works only on
// customers of their own areas and sees only their own day; a cashier (cash.confirm) confirms
// remittances but never their own.
#include <optional>
#include <string>

#include "api/cash_dto.hpp"
#include "app/context.hpp"
#include "payments/cash_ledger.hpp"
#include "services/payment_service.hpp"

namespace kimonet::services {

// Areas (cash.areas). Input {"name"}; {"customer_ids":[…]} puts those customers in the area (out
// of any other); {"user_ids":[…]} replaces the area's collectors.
Result<api::Json> list_areas(app::Context& context);
Result<api::Json> create_area(app::Context& context, const api::Json& input);
Result<api::Json> set_area_customers(app::Context& context, std::int64_t area_id, const api::Json& input);
Result<api::Json> set_area_collectors(app::Context& context, std::int64_t area_id, const api::Json& input);
// The areas screen (issue 20): {"name"} renames (unique, 1–80 characters); the area's customers
// (id, service_number, name; at most 1000); the staff who may collect (hold cash.collect).
// set_area_customers also takes {"service_numbers":["KMN-0001",…]} (what an operator types).
Result<api::Json> rename_area(app::Context& context, std::int64_t area_id, const api::Json& input);
Result<api::Json> area_customers(app::Context& context, std::int64_t area_id);
Result<api::Json> list_collectors(app::Context& context);

// The signed-in collector's route: open invoices of the customers in their areas, area by area in
// walking order (street, then house numbers as numbers: core/natural_order.hpp).
Result<api::CashRoute> collector_route(app::Context& context);

struct CashCollection {
    PaymentReceipt receipt;
    payments::CashLedgerEntry entry;
};
// Input {"invoice_id","amount","confirm"?,"note"?,"idempotency_key"?} as POST /api/payments takes
// it, method always cash and paid now. The invoice's customer must be in one of the collector's
// areas (403 otherwise). One transaction: the payment (restore, next invoice, credit as any
// payment), its ledger row and the WhatsApp receipt in the outbox. The same idempotency key again
// answers with the first collection (receipt.repeated) and records nothing.
Result<CashCollection> record_cash_collection(app::Context& context, const api::Json& input);

// The signed-in collector's day ("YYYY-MM-DD", local): their rows, totals and unremitted cash.
Result<api::CashDay> collector_day(app::Context& context, const std::string& date);

// Input {"amount"? (default: the unremitted cash), "note"?, "idempotency_key"?}: the collector
// declares a remittance of every cash row since their previous one. `repeated` on a replay.
Result<std::pair<api::RemittanceResource, bool>> declare_remittance(app::Context& context, const api::Json& input);

// Input {"received_amount", "note"?, "idempotency_key"?}: the cashier confirms what they counted.
// Not one's own remittance (403). The same amount again answers with the confirmation
// (repeated); another amount is 409.
Result<std::pair<api::RemittanceResource, bool>> confirm_remittance(app::Context& context, std::int64_t remittance_seq,
                                                                    const api::Json& input);

struct CashQuery {
    std::string from;  // YYYY-MM-DD, inclusive
    std::string to;
    std::optional<std::int64_t> collector_id;
    std::string status;  // "", "declared", "confirmed"
};
// From query parameters "from", "to" (default: today), "collector_id", "status"; 422 per field.
Result<CashQuery> cash_query(const app::Context& context, const std::map<std::string, std::string>& parameters);
Result<std::vector<api::RemittanceResource>> list_remittances(app::Context& context, const CashQuery& query);
// collected vs remitted vs confirmed per collector and day.
Result<std::vector<api::CashReportRow>> cash_report(app::Context& context, const CashQuery& query);

}  // namespace kimonet::services
