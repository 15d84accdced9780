#pragma once
// Promise to pay ("janji bayar"): ONE service function behind every channel — the customer portal
// (POST /api/portal/invoices/{id}/promise), the public isolir page (POST /isolir/janji), the
// WhatsApp bot ("janji bayar") and staff grants (POST /api/customers/{id}/promises, permission
// dunning.promise_grant). The rules are shared/dunning/promise.hpp; the dunning run defers
// isolation while a promise holds (dunning_service.cpp) and settles promises first.
//
// Idempotent: a customer's second request while a promise holds (a replayed POST, a repeated
// WhatsApp message) creates nothing and answers with that promise. An isolated customer who
// promises is restored through the payment's restore path (restore_request.hpp), and the isolate
// steps recorded for their open invoices are forgotten, so the first run after the promise's last
// day isolates them again if the invoice is still unpaid.
#include <optional>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "dunning/promise.hpp"
#include "messaging/templates.hpp"
#include "store/promise_store.hpp"

namespace kimonet::services {

struct PromiseRequest {
    std::int64_t customer_id = 0;
    std::optional<std::int64_t> invoice_id;  // empty: the customer's oldest overdue invoice
    dunning::PromiseChannel channel = dunning::PromiseChannel::Portal;
    std::optional<int> days;  // staff grants only (1-30); customers get the setting's days
    std::string reason;       // staff grants: required
    bool notify = true;       // queue "janji_bayar_diterima" (the bot answers with it itself)
};

struct PromiseOutcome {
    store::PromiseRow promise;
    bool created = false;   // false: the customer's promise that already held
    bool restored = false;  // the customer was isolated and is being restored
};

Result<dunning::PromiseSettings> load_promise_settings(store::Database& db);

Result<PromiseOutcome> make_promise(app::Context& context, const PromiseRequest& request);

// Ends active promises whose invoice is paid or void ("kept") or whose last day has passed with the
// invoice still owed ("broken"); of one customer, or of everyone when customer_id is 0. Writes
// in the caller's transaction. Gives how many ended.
Result<int> settle_promises(app::Context& context, std::int64_t customer_id = 0);
// Inside a payment's transaction: the promise on a now paid invoice is kept.
Result<void> keep_promise_of_paid_invoice(app::Context& context, std::int64_t customer_id, std::int64_t invoice_id);

// For the portal and the isolir page: may the customer promise now, until when, for which invoice,
// and their active promise. {"active": promise|null, "available": bool, "invoice_id", "until",
// "until_text", "problem"}.
Result<api::Json> promise_offer(app::Context& context, std::int64_t customer_id);

// The "janji_bayar_diterima" template's variables for this promise (the customer's own, the last
// day in words, the invoice and what is still owed on it).
Result<messaging::TemplateVariables> promise_notice_variables(app::Context& context, const store::PromiseRow& promise);

// A promise as the API shows it (dates also in Indonesian words).
api::Json to_json(const store::PromiseRow& promise);

}  // namespace kimonet::services
