#include "api/billing_dto.hpp"

#include "billing/unique_code.hpp"

#include <tuple>

#include "core/validation_messages.hpp"

namespace kimonet::api {

Json to_json(const billing::InvoiceLine& line) {
    return Json{{"kind", billing::to_string(line.kind)},
                {"description", line.description},
                {"quantity", line.quantity},
                {"unit_price", line.unit_price},
                {"amount", line.amount}};
}

namespace {

Json invoice_json(const billing::Invoice& invoice, bool overdue) {
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
                {"tax_pkp", invoice.tax.pkp},
                {"dpp", invoice.totals.tax_base},
                {"dpp_numerator", invoice.tax.dpp_numerator},
                {"dpp_denominator", invoice.tax.dpp_denominator},
                {"total", invoice.totals.total},
                {"paid_amount", invoice.paid_amount},
                {"outstanding", invoice.outstanding()},
                {"status", billing::to_string(invoice.status)},
                {"overdue", overdue},
                {"void_reason", invoice.void_reason},
                {"lines", std::move(lines)}};
}

}  // namespace

Json to_json(const billing::Invoice& invoice, const Date& today) { return invoice_json(invoice, invoice.overdue(today)); }

Json to_json(const payments::Payment& payment, UtcOffset offset) {
    Json json{{"id", payment.id},
                {"invoice_id", payment.invoice_id},
                {"customer_id", payment.customer_id},
                {"amount", payment.amount},
                {"applied_amount", payment.applied_amount},
                {"method", payments::to_string(payment.method)},
                {"paid_at", local_timestamp(payment.paid_at, offset)},
                {"receipt_no", payment.receipt_no},
                {"note", payment.note},
                {"recorded_by", payment.recorded_by},
                {"voided", payment.voided()}};
    // A voided payment (BATAL) says when, by whom and why; a correction names what it replaced.
    if (payment.voided_at) {
        json["voided_at"] = local_timestamp(*payment.voided_at, offset);
        json["voided_by"] = payment.voided_by;
        json["void_reason"] = payment.void_reason;
    }
    if (payment.replaces_payment_id) json["replaces_payment_id"] = *payment.replaces_payment_id;
    if (payment.replaced_by_payment_id) json["replaced_by_payment_id"] = *payment.replaced_by_payment_id;
    return json;
}

std::string local_timestamp(std::int64_t unix_seconds, UtcOffset offset) {
    const std::string local = to_string(local_from_unix(unix_seconds, offset));
    return local.substr(0, 10) + "T" + local.substr(11) + to_string(offset);
}

std::optional<std::pair<std::int64_t, UtcOffset>> parse_local_timestamp(std::string_view text) {
    // "YYYY-MM-DDTHH:MM:SS" then the offset ("+07:00").
    if (text.size() < 25 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    auto offset = parse_utc_offset(text.substr(19));
    if (!date || !offset) return std::nullopt;
    LocalDateTime local{*date, 0, 0, 0};
    int* parts[] = {&local.hour, &local.minute, &local.second};
    for (int index = 0; index < 3; ++index) {
        const char tens = text[11 + index * 3], ones = text[12 + index * 3];
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return std::nullopt;
        *parts[index] = (tens - '0') * 10 + (ones - '0');
    }
    if (local.hour > 23 || local.minute > 59 || local.second > 59) return std::nullopt;
    return std::pair{unix_from_local(local, *offset), *offset};
}

Json to_json(const PaymentResource& resource) {
    Json json = to_json(resource.payment, resource.offset);
    if (resource.listed) {
        json["invoice_no"] = resource.invoice_no;
        json["customer_name"] = resource.customer_name;
        json["service_number"] = resource.service_number;
    }
    return json;
}

Json to_json(const InvoiceResource& resource) {
    Json json = invoice_json(resource.invoice, resource.overdue);
    json["customer_name"] = resource.customer_name;
    json["service_number"] = resource.service_number;
    if (resource.detail) {
        json["unique_code"] = resource.unique_code;
        json["transfer_amount"] = billing::transfer_amount(resource.invoice.outstanding(), resource.unique_code);
        Json payments = Json::array();
        for (const auto& payment : resource.payments) payments.push_back(to_json(payment));
        json["payments"] = std::move(payments);
    } else {
        json.erase("lines");
    }
    return json;
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
    invoice.tax.pkp = json_bool(json, "tax_pkp", false);
    invoice.totals.tax_base = json_int(json, "dpp");
    invoice.tax.dpp_numerator = json_int(json, "dpp_numerator", 1);
    invoice.tax.dpp_denominator = json_int(json, "dpp_denominator", 1);
    invoice.paid_amount = json_int(json, "paid_amount");
    invoice.status = billing::parse_invoice_status(json_string(json, "status")).value_or(billing::InvoiceStatus::Unpaid);
    invoice.void_reason = json_string(json, "void_reason");
    if (auto lines = json.find("lines"); lines != json.end() && lines->is_array())
        for (const auto& line : *lines) invoice.lines.push_back(invoice_line_from_output_json(line));
    return invoice;
}

Result<PaymentResource> payment_resource_from_json(const Json& json) {
    if (!json.is_object() || json_int(json, "id") <= 0) return validation_error({{"payment", messages::kWrongType}});
    PaymentResource resource;
    payments::Payment& payment = resource.payment;
    payment.id = json_int(json, "id");
    payment.invoice_id = json_int(json, "invoice_id");
    payment.customer_id = json_int(json, "customer_id");
    payment.amount = json_int(json, "amount");
    payment.applied_amount = json_int(json, "applied_amount", payment.amount);
    payment.method = payments::parse_payment_method(json_string(json, "method")).value_or(payments::PaymentMethod::Cash);
    if (auto paid_at = parse_local_timestamp(json_string(json, "paid_at"))) std::tie(payment.paid_at, resource.offset) = *paid_at;
    payment.receipt_no = json_string(json, "receipt_no");
    payment.note = json_string(json, "note");
    payment.recorded_by = json_string(json, "recorded_by");
    if (auto voided_at = parse_local_timestamp(json_string(json, "voided_at"))) payment.voided_at = voided_at->first;
    payment.voided_by = json_string(json, "voided_by");
    payment.void_reason = json_string(json, "void_reason");
    if (json_int(json, "replaces_payment_id") > 0) payment.replaces_payment_id = json_int(json, "replaces_payment_id");
    if (json_int(json, "replaced_by_payment_id") > 0) payment.replaced_by_payment_id = json_int(json, "replaced_by_payment_id");
    resource.listed = json.contains("invoice_no");
    resource.invoice_no = json_string(json, "invoice_no");
    resource.customer_name = json_string(json, "customer_name");
    resource.service_number = json_string(json, "service_number");
    return resource;
}

Result<InvoiceResource> invoice_resource_from_json(const Json& json) {
    InvoiceResource resource;
    resource.invoice = TRY(invoice_from_json(json));
    resource.overdue = json_bool(json, "overdue", false);
    resource.customer_name = json_string(json, "customer_name");
    resource.service_number = json_string(json, "service_number");
    resource.detail = json.contains("lines");
    resource.unique_code = json_int(json, "unique_code");
    if (auto payments = json.find("payments"); payments != json.end() && payments->is_array())
        for (const auto& payment : *payments)
            if (auto read = payment_resource_from_json(payment)) resource.payments.push_back(std::move(read).value());
    return resource;
}

std::vector<PaymentResource> payment_resources_from_list(const Json& body) {
    std::vector<PaymentResource> out;
    for (const auto& row : list_rows(body))
        if (auto read = payment_resource_from_json(row)) out.push_back(std::move(read).value());
    return out;
}

std::vector<InvoiceResource> invoice_resources_from_list(const Json& body) {
    std::vector<InvoiceResource> out;
    for (const auto& row : list_rows(body))
        if (auto read = invoice_resource_from_json(row)) out.push_back(std::move(read).value());
    return out;
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
