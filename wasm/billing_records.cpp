#include "billing_records.hpp"

#include "api/billing_dto.hpp"
#include "api_client.hpp"
#include "i18n.hpp"

namespace kimonet {

std::optional<InvoiceRecord> invoice_record_from_json(const api::Json& json) {
    auto invoice = api::invoice_from_json(json);  // the server's to_json(Invoice), read by its pair
    if (!invoice) return std::nullopt;
    InvoiceRecord record;
    record.invoice = std::move(invoice).value();
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
    payment.service_number = json_string(json, api::kPaymentRowServiceNumberKey);
    return payment;
}

std::vector<InvoiceRecord> invoice_records_from_list(const api::Json& body) {
    std::vector<InvoiceRecord> out;
    for (const auto& row : api::list_rows(body))
        if (auto parsed = invoice_record_from_json(row)) out.push_back(std::move(*parsed));
    return out;
}

std::vector<PaymentRecord> payment_records_from_list(const api::Json& body) {
    std::vector<PaymentRecord> out;
    for (const auto& row : api::list_rows(body))
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
