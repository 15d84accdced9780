#include "api/cash_dto.hpp"

namespace kimonet::api {

namespace {

const Json& rows_of(const Json& body) {
    const Json& data = response_data(body);
    return data;
}

}  // namespace

Json to_json(const CashRoute& route) {
    Json stops = Json::array();
    for (const auto& stop : route.stops)
        stops.push_back({{"customer_id", stop.customer_id}, {"customer_name", stop.customer_name}, {"service_number", stop.service_number},
                         {"address", stop.address}, {"phone", stop.phone}, {"area", stop.area}, {"invoice_id", stop.invoice_id},
                         {"invoice_no", stop.invoice_no}, {"period", stop.period}, {"due_date", stop.due_date},
                         {"outstanding", stop.outstanding}});
    return {{"areas", route.areas}, {"stops", std::move(stops)}};
}

CashRoute cash_route_from_json(const Json& json) {
    CashRoute route;
    if (!json.is_object()) return route;
    if (auto areas = json.find("areas"); areas != json.end() && areas->is_array())
        for (const auto& area : *areas)
            if (area.is_string()) route.areas.push_back(area.get<std::string>());
    if (auto stops = json.find("stops"); stops != json.end() && stops->is_array())
        for (const auto& item : *stops) {
            if (!item.is_object()) continue;
            route.stops.push_back({json_int(item, "customer_id"), json_string(item, "customer_name"), json_string(item, "service_number"),
                                   json_string(item, "address"), json_string(item, "phone"), json_string(item, "area"),
                                   json_int(item, "invoice_id"), json_string(item, "invoice_no"), json_string(item, "period"),
                                   json_string(item, "due_date"), json_int(item, "outstanding")});
        }
    return route;
}

Json to_json(const CashEntryResource& entry) {
    return {{"seq", entry.seq},           {"kind", entry.kind},         {"collector_id", entry.collector_id},
            {"collector", entry.collector}, {"business_date", entry.business_date}, {"amount", entry.amount},
            {"expected_amount", entry.expected_amount}, {"customer_id", entry.customer_id}, {"invoice_id", entry.invoice_id},
            {"payment_id", entry.payment_id}, {"refers_to", entry.refers_to}, {"recorded_at", entry.recorded_at},
            {"note", entry.note},         {"hash", entry.hash}};
}

CashEntryResource cash_entry_from_json(const Json& json) {
    return {json_int(json, "seq"),          json_string(json, "kind"),       json_int(json, "collector_id"),
            json_string(json, "collector"), json_string(json, "business_date"), json_int(json, "amount"),
            json_int(json, "expected_amount"), json_int(json, "customer_id"), json_int(json, "invoice_id"),
            json_int(json, "payment_id"),   json_int(json, "refers_to"),     json_string(json, "recorded_at"),
            json_string(json, "note"),      json_string(json, "hash")};
}

Json to_json(const RemittanceResource& remittance) {
    Json out{{"seq", remittance.seq},
             {"collector_id", remittance.collector_id},
             {"collector", remittance.collector},
             {"business_date", remittance.business_date},
             {"expected", remittance.expected},
             {"declared", remittance.declared},
             {"declared_minus_expected", remittance.declared - remittance.expected},
             {"status", remittance.confirmed ? "confirmed" : "declared"},
             {"note", remittance.note}};
    out["received"] = remittance.confirmed ? Json(remittance.received) : Json(nullptr);
    out["received_minus_declared"] = remittance.confirmed ? Json(remittance.received - remittance.declared) : Json(nullptr);
    out["confirmed_by"] = remittance.confirmed_by;
    return out;
}

RemittanceResource remittance_from_json(const Json& json) {
    RemittanceResource out;
    out.seq = json_int(json, "seq");
    out.collector_id = json_int(json, "collector_id");
    out.collector = json_string(json, "collector");
    out.business_date = json_string(json, "business_date");
    out.expected = json_int(json, "expected");
    out.declared = json_int(json, "declared");
    out.confirmed = json_string(json, "status") == "confirmed";
    out.received = json_int(json, "received");
    out.confirmed_by = json_string(json, "confirmed_by");
    out.note = json_string(json, "note");
    return out;
}

std::vector<RemittanceResource> remittances_from_list(const Json& body) {
    std::vector<RemittanceResource> out;
    const Json& rows = rows_of(body);
    if (rows.is_array())
        for (const auto& row : rows)
            if (row.is_object()) out.push_back(remittance_from_json(row));
    return out;
}

Json to_json(const CashDay& day) {
    Json entries = Json::array();
    for (const auto& entry : day.entries) entries.push_back(to_json(entry));
    Json remittances = Json::array();
    for (const auto& remittance : day.remittances) remittances.push_back(to_json(remittance));
    return {{"date", day.date},           {"collector", day.collector}, {"entries", std::move(entries)},
            {"collected", day.collected}, {"collections", day.collections}, {"remitted", day.remitted},
            {"unremitted", day.unremitted}, {"remittances", std::move(remittances)}};
}

CashDay cash_day_from_json(const Json& json) {
    CashDay day;
    day.date = json_string(json, "date");
    day.collector = json_string(json, "collector");
    day.collected = json_int(json, "collected");
    day.collections = json_int(json, "collections");
    day.remitted = json_int(json, "remitted");
    day.unremitted = json_int(json, "unremitted");
    if (!json.is_object()) return day;
    if (auto entries = json.find("entries"); entries != json.end() && entries->is_array())
        for (const auto& entry : *entries)
            if (entry.is_object()) day.entries.push_back(cash_entry_from_json(entry));
    if (auto remittances = json.find("remittances"); remittances != json.end() && remittances->is_array())
        for (const auto& remittance : *remittances)
            if (remittance.is_object()) day.remittances.push_back(remittance_from_json(remittance));
    return day;
}

Json to_json(const CashReportRow& row) {
    return {{"collector_id", row.collector_id},
            {"collector", row.collector},
            {"date", row.date},
            {"collected", row.collected},
            {"remitted", row.remitted},
            {"confirmed", row.confirmed},
            {"unconfirmed_remittances", row.unconfirmed_remittances},
            {"remitted_minus_collected", row.remitted - row.collected},
            {"confirmed_minus_remitted", row.confirmed - row.remitted}};
}

std::vector<CashReportRow> cash_report_from_list(const Json& body) {
    std::vector<CashReportRow> out;
    const Json& rows = rows_of(body);
    if (!rows.is_array()) return out;
    for (const auto& row : rows)
        if (row.is_object())
            out.push_back({json_int(row, "collector_id"), json_string(row, "collector"), json_string(row, "date"), json_int(row, "collected"),
                           json_int(row, "remitted"), json_int(row, "confirmed"), json_int(row, "unconfirmed_remittances")});
    return out;
}

}  // namespace kimonet::api
