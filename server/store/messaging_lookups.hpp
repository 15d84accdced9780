#pragma once
// What the messaging services read from other domains' tables (invoices, customers, packages) to
// address and word a message. Kept here, beside the messaging store, so the customer and invoice
// stores stay their own parts' files. Read-only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

// An invoice and its customer, as the outbox re-checks them before a bulk message goes.
struct InvoiceStanding {
    std::string invoice_no;
    std::string invoice_status;
    std::string customer_status;
    std::string service_number;
};
Result<std::optional<InvoiceStanding>> find_invoice_standing(Database& db, std::int64_t invoice_id);

// A customer's template variables (name, nomor layanan, phone, package name or "").
struct CustomerMessageFields {
    std::string name;
    std::string service_number;
    std::string phone;
    std::string package_name;
};
Result<std::optional<CustomerMessageFields>> find_customer_message_fields(Database& db, std::int64_t customer_id);

// A broadcast's audience: customer ids by router, package and status (no status: all but
// terminated), in id order.
struct BroadcastSegment {
    std::optional<std::int64_t> router_id;
    std::optional<std::int64_t> package_id;
    std::string status;
};
Result<std::vector<std::int64_t>> list_segment_customer_ids(Database& db, const BroadcastSegment& segment);

// Any customer with this phone, terminated ones too (the active one, then the newest): whose
// number it is when a number's owner opts out of WhatsApp and no live subscription has it.
struct PhoneOwner {
    std::int64_t id = 0;
    std::string status;
};
Result<std::optional<PhoneOwner>> find_customer_by_phone(Database& db, const std::string& phone);

// The subscriptions a WhatsApp number answers for (a landlord's rooms, a family's two houses):
// every customer with that phone that is not terminated, in registration order (id), at most
// `limit` of them. The counts and the sum cover all of them, also those past `limit`.
struct PhoneCustomer {
    std::int64_t id = 0;
    std::string status;
    std::string service_number;
    std::string name;
    std::string package_name;  // "" without a package
    std::int64_t outstanding = 0;  // what its unpaid and partly paid invoices still ask
};
struct PhoneCustomers {
    std::vector<PhoneCustomer> customers;
    std::int64_t count = 0;        // all of the number's live subscriptions
    std::int64_t owing_count = 0;  // those with something outstanding
    std::int64_t outstanding = 0;  // their sum
};
Result<PhoneCustomers> list_customers_by_phone(Database& db, const std::string& phone, int limit);

// A customer's unpaid or partly paid invoices with something outstanding, by due date.
struct OutstandingInvoice {
    std::string invoice_no;
    std::string period;    // "YYYY-MM"
    std::int64_t outstanding = 0;
    std::string due_date;  // "YYYY-MM-DD"
};
Result<std::vector<OutstandingInvoice>> list_outstanding_invoices(Database& db, std::int64_t customer_id);

// A page (ids after `after_id`, at most `limit`) of a period's unpaid or partly paid invoices, for
// the new-invoice notices.
struct NewInvoiceNotice {
    std::int64_t id = 0;
    std::int64_t customer_id = 0;
    std::string invoice_no;
    std::int64_t total = 0;
    std::string due_date;
    std::int64_t paid_amount = 0;  // e.g. credit applied when the invoice was made
};
Result<std::vector<NewInvoiceNotice>> list_open_invoices_of_period(Database& db, const std::string& period, std::int64_t after_id,
                                                                   int limit);

}  // namespace kimonet::store
