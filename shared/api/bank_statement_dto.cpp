#include "api/bank_statement_dto.hpp"

#include "core/validation_messages.hpp"

namespace kimonet::api {

namespace {

Json optional_id(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

std::optional<std::int64_t> read_optional_id(const Json& json, const char* key) {
    const std::int64_t id = json_int(json, key);
    return id > 0 ? std::optional(id) : std::nullopt;
}

}  // namespace

Json to_json(const BankStatementLineResource& line) {
    return Json{{"id", line.id},
                {"bank", line.bank},
                {"account", line.account},
                {"posted_on", line.posted_on},
                {"amount", line.amount},
                {"description", line.description},
                {"file_row", line.file_row},
                {"status", line.status},
                {"match_rule", line.match_rule},
                {"review_reason", line.review_reason},
                {"suggested_invoice_id", optional_id(line.suggested_invoice_id)},
                {"invoice_id", optional_id(line.invoice_id)},
                {"payment_id", optional_id(line.payment_id)},
                {"invoice_no", line.invoice_no},
                {"customer_name", line.customer_name},
                {"service_number", line.service_number},
                {"note", line.note},
                {"resolved_by", line.resolved_by}};
}

Json to_json(const BankStatementImportResource& summary) {
    return Json{{"bank", summary.bank},         {"account", summary.account}, {"format", summary.format},
                {"credits", summary.credits},   {"debits", summary.debits},   {"pending", summary.pending},
                {"added", summary.added},       {"repeated", summary.repeated}, {"paid", summary.paid},
                {"review", summary.review},     {"paid_amount", summary.paid_amount}};
}

Result<BankStatementLineResource> bank_statement_line_from_json(const Json& json) {
    if (!json.is_object() || json_int(json, "id") <= 0) return validation_error({{"line", messages::kWrongType}});
    BankStatementLineResource line;
    line.id = json_int(json, "id");
    line.bank = json_string(json, "bank");
    line.account = json_string(json, "account");
    line.posted_on = json_string(json, "posted_on");
    line.amount = json_int(json, "amount");
    line.description = json_string(json, "description");
    line.file_row = json_int(json, "file_row");
    line.status = json_string(json, "status");
    line.match_rule = json_string(json, "match_rule");
    line.review_reason = json_string(json, "review_reason");
    line.suggested_invoice_id = read_optional_id(json, "suggested_invoice_id");
    line.invoice_id = read_optional_id(json, "invoice_id");
    line.payment_id = read_optional_id(json, "payment_id");
    line.invoice_no = json_string(json, "invoice_no");
    line.customer_name = json_string(json, "customer_name");
    line.service_number = json_string(json, "service_number");
    line.note = json_string(json, "note");
    line.resolved_by = json_string(json, "resolved_by");
    return line;
}

std::vector<BankStatementLineResource> bank_statement_lines_from_list(const Json& body) {
    std::vector<BankStatementLineResource> lines;
    const Json* rows = &body;
    if (body.is_object()) {
        auto data = body.find("data");
        if (data == body.end()) return lines;
        rows = &*data;
    }
    if (!rows->is_array()) return lines;
    for (const auto& row : *rows)
        if (auto line = bank_statement_line_from_json(row)) lines.push_back(std::move(*line));
    return lines;
}

BankStatementImportResource bank_statement_import_from_json(const Json& json) {
    BankStatementImportResource summary;
    if (!json.is_object()) return summary;
    summary.bank = json_string(json, "bank");
    summary.account = json_string(json, "account");
    summary.format = json_string(json, "format");
    summary.credits = json_int(json, "credits");
    summary.debits = json_int(json, "debits");
    summary.pending = json_int(json, "pending");
    summary.added = json_int(json, "added");
    summary.repeated = json_int(json, "repeated");
    summary.paid = json_int(json, "paid");
    summary.review = json_int(json, "review");
    summary.paid_amount = json_int(json, "paid_amount");
    return summary;
}

}  // namespace kimonet::api
