#include "billing_records.hpp"

#include "api_client.hpp"
#include "i18n.hpp"

namespace kimonet {
namespace {

Date date_or_default(const api::Json& json, const char* key) {
    auto parsed = parse_date(json_string(json, key));
    return parsed ? *parsed : Date{};
}

const api::Json& list_array(const api::Json& body) {
    static const api::Json empty = api::Json::array();
    if (body.is_array()) return body;
    if (!body.is_object()) return empty;
    auto data = body.find("data");
    return data != body.end() && data->is_array() ? *data : empty;
}

}  // namespace

const api::Json& response_data(const api::Json& body) {
    if (!body.is_object()) return body;
    auto data = body.find("data");
    return data != body.end() ? *data : body;
}

std::optional<InvoiceRecord> invoice_record_from_json(const api::Json& json) {
    if (!json.is_object() || json_int(json, "id") <= 0) return std::nullopt;
    InvoiceRecord record;
    billing::Invoice& invoice = record.invoice;
    invoice.id = json_int(json, "id");
    invoice.invoice_no = json_string(json, "invoice_no");
    invoice.customer_id = json_int(json, "customer_id");
    if (auto period = parse_period(json_string(json, "period"))) invoice.period = *period;
    invoice.kind = json_string(json, "kind", "monthly");
    invoice.issue_date = date_or_default(json, "issue_date");
    invoice.due_date = date_or_default(json, "due_date");
    invoice.totals = {json_int(json, "subtotal"), json_int(json, "tax"), json_int(json, "total")};
    invoice.tax.rate_basis_points = json_int(json, "tax_rate_bp");
    invoice.tax.mode = billing::parse_tax_mode(json_string(json, "tax_mode")).value_or(billing::TaxMode::Exclusive);
    invoice.paid_amount = json_int(json, "paid_amount");
    invoice.status = billing::parse_invoice_status(json_string(json, "status")).value_or(billing::InvoiceStatus::Unpaid);
    invoice.void_reason = json_string(json, "void_reason");
    if (auto lines = json.find("lines"); lines != json.end() && lines->is_array()) {
        for (const auto& line : *lines) {
            billing::InvoiceLine parsed;
            parsed.kind = billing::parse_line_kind(json_string(line, "kind")).value_or(billing::LineKind::Charge);
            parsed.description = json_string(line, "description");
            parsed.quantity = json_int(line, "quantity", 1);
            parsed.unit_price = json_int(line, "unit_price");
            parsed.amount = json_int(line, "amount");
            invoice.lines.push_back(std::move(parsed));
        }
    }
    record.customer_name = json_string(json, "customer_name");
    record.service_number = json_string(json, "service_number");
    record.overdue = json_bool(json, "overdue", false);
    if (auto payments = json.find("payments"); payments != json.end() && payments->is_array())
        for (const auto& payment : *payments)
            if (auto parsed = payment_record_from_json(payment)) record.payments.push_back(std::move(*parsed));
    return record;
}

std::optional<PaymentRecord> payment_record_from_json(const api::Json& json) {
    if (!json.is_object() || json_int(json, "id") <= 0) return std::nullopt;
    PaymentRecord payment;
    payment.id = json_int(json, "id");
    payment.invoice_id = json_int(json, "invoice_id");
    payment.customer_id = json_int(json, "customer_id");
    payment.amount = json_int(json, "amount");
    payment.applied_amount = json_int(json, "applied_amount", payment.amount);
    payment.method = json_string(json, "method");
    payment.paid_at = json_string(json, "paid_at");
    payment.receipt_no = json_string(json, "receipt_no");
    payment.note = json_string(json, "note");
    payment.recorded_by = json_string(json, "recorded_by");
    payment.invoice_no = json_string(json, "invoice_no");
    payment.customer_name = json_string(json, "customer_name");
    payment.service_number = json_string(json, "nomor_layanan");
    return payment;
}

std::vector<InvoiceRecord> invoice_records_from_list(const api::Json& body) {
    std::vector<InvoiceRecord> out;
    for (const auto& row : list_array(body))
        if (auto parsed = invoice_record_from_json(row)) out.push_back(std::move(*parsed));
    return out;
}

std::vector<PaymentRecord> payment_records_from_list(const api::Json& body) {
    std::vector<PaymentRecord> out;
    for (const auto& row : list_array(body))
        if (auto parsed = payment_record_from_json(row)) out.push_back(std::move(*parsed));
    return out;
}

std::string format_paid_at(const std::string& paid_at) {
    auto date = parse_date(std::string_view(paid_at).substr(0, 10));
    if (!date) return paid_at;
    std::string out = i18n::format_date(*date);
    if (paid_at.size() >= 16) out += " " + paid_at.substr(11, 5);
    return out;
}

}  // namespace kimonet
