#include "api/billing_dto.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::api {

Json to_json(const billing::InvoiceLine& line) {
    return Json{{"kind", billing::to_string(line.kind)},
                {"description", line.description},
                {"quantity", line.quantity},
                {"unit_price", line.unit_price},
                {"amount", line.amount}};
}

Json to_json(const billing::Invoice& invoice, const Date& today) {
    Json lines = Json::array();
    for (const auto& line : invoice.lines) lines.push_back(to_json(line));
    return Json{{"id", invoice.id},
                {"invoice_no", invoice.invoice_no},
                {"customer_id", invoice.customer_id},
                {"period", to_string(invoice.period)},
                {"kind", invoice.kind},
                {"issue_date", to_string(invoice.issue_date)},
                {"due_date", to_string(invoice.due_date)},
                {"subtotal", invoice.totals.subtotal},
                {"tax", invoice.totals.tax},
                {"tax_rate_bp", invoice.tax.rate_basis_points},
                {"tax_mode", billing::to_string(invoice.tax.mode)},
                {"total", invoice.totals.total},
                {"paid_amount", invoice.paid_amount},
                {"outstanding", invoice.outstanding()},
                {"status", billing::to_string(invoice.status)},
                {"overdue", invoice.overdue(today)},
                {"void_reason", invoice.void_reason},
                {"lines", std::move(lines)}};
}

Json to_json(const payments::Payment& payment, UtcOffset offset) {
    const std::string local = to_string(local_from_unix(payment.paid_at, offset));
    return Json{{"id", payment.id},
                {"invoice_id", payment.invoice_id},
                {"customer_id", payment.customer_id},
                {"amount", payment.amount},
                {"applied_amount", payment.applied_amount},
                {"method", payments::to_string(payment.method)},
                {"paid_at", local.substr(0, 10) + "T" + local.substr(11) + to_string(offset)},
                {"receipt_no", payment.receipt_no},
                {"note", payment.note},
                {"recorded_by", payment.recorded_by}};
}

namespace {

Date date_or_default(const Json& json, const char* key) {
    auto parsed = parse_date(json_string(json, key));
    return parsed ? *parsed : Date{};
}

}  // namespace

billing::InvoiceLine invoice_line_from_output_json(const Json& json) {
    billing::InvoiceLine line;
    line.kind = billing::parse_line_kind(json_string(json, "kind")).value_or(billing::LineKind::Charge);
    line.description = json_string(json, "description");
    line.quantity = json_int(json, "quantity", 1);
    line.unit_price = json_int(json, "unit_price");
    line.amount = json_int(json, "amount");
    return line;
}

Result<billing::Invoice> invoice_from_json(const Json& json) {
    if (!json.is_object() || json_int(json, "id") <= 0) return validation_error({{"invoice", messages::kWrongType}});
    billing::Invoice invoice;
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
    if (auto lines = json.find("lines"); lines != json.end() && lines->is_array())
        for (const auto& line : *lines) invoice.lines.push_back(invoice_line_from_output_json(line));
    return invoice;
}

Result<billing::InvoiceLine> invoice_line_from_json(const Json& json) {
    if (!json.is_object()) return validation_error({{"lines", messages::kWrongType}});
    FieldReader reader(json);
    billing::InvoiceLine line;
    std::string kind = "charge";
    reader.read("kind", kind);
    reader.read("description", line.description);
    reader.read("quantity", line.quantity);
    reader.read("unit_price", line.unit_price);
    if (!reader.has("unit_price") && !reader.errors().contains("unit_price")) reader.add_error("unit_price", messages::kRequired);
    auto parsed_kind = billing::parse_line_kind(kind);
    if (!parsed_kind || *parsed_kind == billing::LineKind::Package || *parsed_kind == billing::LineKind::ProratedPackage)
        reader.add_error("kind", "charge, discount atau late_fee");
    else
        line.kind = *parsed_kind;
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return billing::validate_line(std::move(line));
}

}  // namespace kimonet::api
