#include "api/credit_note_dto.hpp"

#include "api/billing_dto.hpp"

namespace kimonet::api {

namespace {

std::int64_t unix_of(const Json& json, const char* key) {
    auto parsed = parse_local_timestamp(json_string(json, key));
    return parsed ? parsed->first : 0;
}

const Json& array_in(const Json& rows, const char* key) {
    if (rows.is_object() && rows.contains(key) && rows[key].is_array()) return rows[key];
    return list_rows(rows);
}

}  // namespace

Json to_json(const billing::CreditNote& note, UtcOffset offset) {
    return Json{{"id", note.id},
                {"credit_note_no", note.credit_note_no},
                {"invoice_id", note.invoice_id},
                {"invoice_no", note.invoice_no},
                {"customer_id", note.customer_id},
                {"customer_name", note.customer_name},
                {"service_number", note.service_number},
                {"amount", note.figures.amount},
                {"base", note.figures.base},
                {"tax", note.figures.tax},
                {"applied", note.figures.applied},
                {"credit", note.figures.credit},
                {"reason", note.reason},
                {"lines", note.lines},
                {"issue_date", to_string(note.issue_date)},
                {"created_at", local_timestamp(note.created_at, offset)},
                {"created_by", note.created_by}};
}

Json to_json(const billing::Refund& refund, UtcOffset offset) {
    return Json{{"id", refund.id},
                {"customer_id", refund.customer_id},
                {"amount", refund.amount},
                {"method", refund.method},
                {"reference", refund.reference},
                {"reason", refund.reason},
                {"refunded_at", local_timestamp(refund.refunded_at, offset)},
                {"created_by", refund.created_by}};
}

billing::CreditNote credit_note_from_json(const Json& json) {
    billing::CreditNote note;
    note.id = json_int(json, "id");
    note.credit_note_no = json_string(json, "credit_note_no");
    note.invoice_id = json_int(json, "invoice_id");
    note.invoice_no = json_string(json, "invoice_no");
    note.customer_id = json_int(json, "customer_id");
    note.customer_name = json_string(json, "customer_name");
    note.service_number = json_string(json, "service_number");
    note.figures = {json_int(json, "amount"), json_int(json, "base"), json_int(json, "tax"), json_int(json, "applied"), json_int(json, "credit")};
    note.reason = json_string(json, "reason");
    note.lines = json_string(json, "lines");
    note.issue_date = parse_date(json_string(json, "issue_date")).value_or(Date{});
    note.created_at = unix_of(json, "created_at");
    note.created_by = json_string(json, "created_by");
    return note;
}

billing::Refund refund_from_json(const Json& json) {
    billing::Refund refund;
    refund.id = json_int(json, "id");
    refund.customer_id = json_int(json, "customer_id");
    refund.amount = json_int(json, "amount");
    refund.method = json_string(json, "method");
    refund.reference = json_string(json, "reference");
    refund.reason = json_string(json, "reason");
    refund.refunded_at = unix_of(json, "refunded_at");
    refund.created_by = json_string(json, "created_by");
    return refund;
}

std::vector<billing::CreditNote> credit_notes_from_list(const Json& rows) {
    std::vector<billing::CreditNote> out;
    for (const auto& row : array_in(rows, "credit_notes"))
        if (row.is_object()) out.push_back(credit_note_from_json(row));
    return out;
}

std::vector<billing::Refund> refunds_from_list(const Json& rows) {
    std::vector<billing::Refund> out;
    for (const auto& row : array_in(rows, "refunds"))
        if (row.is_object()) out.push_back(refund_from_json(row));
    return out;
}

void add_invoice_credit(Json& invoice_json, const InvoiceCredit& credit, UtcOffset offset) {
    if (credit.credit_notes.empty()) return;  // an invoice without credit notes reads as it always did
    Json notes = Json::array();
    for (const auto& note : credit.credit_notes) notes.push_back(to_json(note, offset));
    invoice_json["credit_notes"] = std::move(notes);
    invoice_json["credited_amount"] = credit.credited_amount;
    invoice_json["paid_by_payments"] = credit.paid_by_payments;
}

InvoiceCredit invoice_credit_from_json(const Json& invoice_json) {
    InvoiceCredit credit;
    credit.credit_notes = credit_notes_from_list(invoice_json);
    credit.credited_amount = json_int(invoice_json, "credited_amount");
    credit.paid_by_payments = json_int(invoice_json, "paid_by_payments", json_int(invoice_json, "paid_amount"));
    return credit;
}

}  // namespace kimonet::api
