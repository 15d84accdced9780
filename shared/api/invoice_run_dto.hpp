#pragma once
// The shapes of a prepared monthly run awaiting approval (issue 20): its summary and its change
// list. The server writes them with to_json; the browser reads them back with the *_from_json
// readers, which never throw (a missing or mistyped field keeps its default).
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/money.hpp"

namespace kimonet::api {

// GET /api/invoice-runs/{id}.
struct InvoiceRunResource {
    std::int64_t id = 0;
    std::string period;
    std::string status;  // prepared, approving, approved
    std::string prepared_by;
    std::string prepared_at;  // local "YYYY-MM-DD HH:MM"
    std::string approved_by;
    std::string approved_at;
    std::int64_t invoice_count = 0;  // drafts that will be issued (excluded ones not counted)
    Money total_amount = 0;
    std::int64_t issued = 0, excluded = 0, skipped = 0;
    std::int64_t same = 0, new_customers = 0, leaving = 0, prorations = 0, package_changes = 0, amount_changes = 0, no_previous = 0;
    bool four_eyes = false;
    // Drafts that approval will give an outage's SLA credit (issue 21, docs/outages.md), and the credits' sum.
    std::int64_t outage_credits = 0;
    Money outage_credit_amount = 0;
};
Json to_json(const InvoiceRunResource& run);
InvoiceRunResource invoice_run_from_json(const Json& json);

// One row of GET /api/invoice-runs/{id}/changes: a customer's draft (or a leaving customer).
struct InvoiceRunChange {
    std::int64_t customer_id = 0;
    std::string customer_name;
    std::string service_number;
    std::string reason;  // same, new, proration, package_change, amount_change, no_previous, leaving
    std::string state;   // draft, excluded, issued, skipped, none
    std::string package_name;
    bool has_previous = false;
    Money previous_amount = 0;
    Money amount = 0;
    bool prorated = false;
    std::string description;
    std::string due_date;
    std::int64_t invoice_id = 0;
    // The outage credit approval will add (a draft or excluded draft; 0: none), its line's text and
    // the invoice's total with it.
    Money outage_credit = 0;
    std::string outage_credit_description;
    Money amount_after_credit = 0;
};
Json to_json(const InvoiceRunChange& change);
InvoiceRunChange invoice_run_change_from_json(const Json& json);
// The rows of {"data":[…]}.
std::vector<InvoiceRunChange> invoice_run_changes_from_list(const Json& body);

}  // namespace kimonet::api
