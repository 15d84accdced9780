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
