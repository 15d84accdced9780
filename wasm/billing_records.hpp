#pragma once
// Invoices and payments as the browser receives them: the shared/ domain types plus what the
// API adds for display (customer name, nomor layanan, overdue flag, payments of an invoice).
// Readers never throw and skip what they cannot read (a throw aborts in WebAssembly).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "billing/invoice.hpp"

namespace kimonet {

struct PaymentRecord {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    std::int64_t customer_id = 0;
    Money amount = 0;
    Money applied_amount = 0;
    std::string method;   // "cash", "bank_transfer", "credit", "gateway"
    std::string paid_at;  // "2026-01-15T09:30:00+07:00"
    std::string receipt_no;
    std::string note;
    std::string recorded_by;
    // Only in GET /api/payments rows: whose invoice the payment settled.
    std::string invoice_no;
    std::string customer_name;
    std::string service_number;
};

struct InvoiceRecord {
    billing::Invoice invoice;
    std::string customer_name;
    std::string service_number;
    bool overdue = false;
    std::vector<PaymentRecord> payments;  // only in the detail response
};

std::optional<InvoiceRecord> invoice_record_from_json(const api::Json& json);
std::optional<PaymentRecord> payment_record_from_json(const api::Json& json);
// The "data" array of a list response (or a bare array).
std::vector<InvoiceRecord> invoice_records_from_list(const api::Json& body);
std::vector<PaymentRecord> payment_records_from_list(const api::Json& body);
using api::response_data;  // the object under "data", or the body itself

// "2026-01-15T09:30:00+07:00" → "15 Jan 2026 09:30" style: date in the UI language plus HH:MM.
std::string format_paid_at(const std::string& paid_at);

}  // namespace kimonet
