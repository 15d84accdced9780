#include "api/invoice_run_dto.hpp"

namespace kimonet::api {

Json to_json(const InvoiceRunResource& run) {
    return Json{{"id", run.id},
                {"period", run.period},
                {"status", run.status},
                {"prepared_by", run.prepared_by},
                {"prepared_at", run.prepared_at},
                {"approved_by", run.approved_by},
                {"approved_at", run.approved_at},
                {"invoice_count", run.invoice_count},
                {"total_amount", run.total_amount},
                {"issued", run.issued},
                {"excluded", run.excluded},
                {"skipped", run.skipped},
                {"same", run.same},
                {"new_customers", run.new_customers},
                {"leaving", run.leaving},
                {"prorations", run.prorations},
                {"package_changes", run.package_changes},
                {"amount_changes", run.amount_changes},
                {"no_previous", run.no_previous},
                {"four_eyes", run.four_eyes},
                {"outage_credits", run.outage_credits},
                {"outage_credit_amount", run.outage_credit_amount}};
}

InvoiceRunResource invoice_run_from_json(const Json& json) {
    InvoiceRunResource run;
    if (!json.is_object()) return run;
    run.id = json_int(json, "id");
    run.period = json_string(json, "period");
    run.status = json_string(json, "status");
    run.prepared_by = json_string(json, "prepared_by");
    run.prepared_at = json_string(json, "prepared_at");
    run.approved_by = json_string(json, "approved_by");
    run.approved_at = json_string(json, "approved_at");
    run.invoice_count = json_int(json, "invoice_count");
    run.total_amount = json_int(json, "total_amount");
    run.issued = json_int(json, "issued");
    run.excluded = json_int(json, "excluded");
    run.skipped = json_int(json, "skipped");
    run.same = json_int(json, "same");
    run.new_customers = json_int(json, "new_customers");
    run.leaving = json_int(json, "leaving");
    run.prorations = json_int(json, "prorations");
    run.package_changes = json_int(json, "package_changes");
    run.amount_changes = json_int(json, "amount_changes");
    run.no_previous = json_int(json, "no_previous");
    run.four_eyes = json_bool(json, "four_eyes", false);
    run.outage_credits = json_int(json, "outage_credits");
    run.outage_credit_amount = json_int(json, "outage_credit_amount");
    return run;
}

Json to_json(const InvoiceRunChange& change) {
    Json json{{"customer_id", change.customer_id},
              {"customer_name", change.customer_name},
              {"service_number", change.service_number},
              {"reason", change.reason},
              {"state", change.state},
              {"package_name", change.package_name},
              {"previous_amount", nullptr},
              {"amount", change.amount},
              {"prorated", change.prorated},
              {"description", change.description},
              {"due_date", change.due_date},
              {"invoice_id", nullptr}};
    if (change.has_previous) json["previous_amount"] = change.previous_amount;
    if (change.invoice_id > 0) json["invoice_id"] = change.invoice_id;
    if (change.outage_credit > 0) {
        json["outage_credit"] = change.outage_credit;
        json["outage_credit_description"] = change.outage_credit_description;
        json["amount_after_credit"] = change.amount_after_credit;
    }
    return json;
}

InvoiceRunChange invoice_run_change_from_json(const Json& json) {
    InvoiceRunChange change;
    if (!json.is_object()) return change;
    change.customer_id = json_int(json, "customer_id");
    change.customer_name = json_string(json, "customer_name");
    change.service_number = json_string(json, "service_number");
    change.reason = json_string(json, "reason");
    change.state = json_string(json, "state");
    change.package_name = json_string(json, "package_name");
    const auto previous = json.find("previous_amount");
    change.has_previous = previous != json.end() && previous->is_number_integer();
    change.previous_amount = json_int(json, "previous_amount");
    change.amount = json_int(json, "amount");
    change.prorated = json_bool(json, "prorated", false);
    change.description = json_string(json, "description");
    change.due_date = json_string(json, "due_date");
    change.invoice_id = json_int(json, "invoice_id");
    change.outage_credit = json_int(json, "outage_credit");
    change.outage_credit_description = json_string(json, "outage_credit_description");
    change.amount_after_credit = json_int(json, "amount_after_credit", change.amount);
    return change;
}

std::vector<InvoiceRunChange> invoice_run_changes_from_list(const Json& body) {
    std::vector<InvoiceRunChange> changes;
    const auto data = body.is_object() ? body.find("data") : body.end();
    if (!body.is_object() || data == body.end() || !data->is_array()) return changes;
    for (const auto& row : *data) changes.push_back(invoice_run_change_from_json(row));
    return changes;
}

}  // namespace kimonet::api
