#pragma once
// The cash collection shapes (issue 20): a collector's route, their day, remittances and the
// cashier's report. The server writes them with to_json; the browser reads them back with the
// *_from_json readers, which never throw.
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/money.hpp"

namespace kimonet::api {

// One open invoice on the collector's route.
struct CashStop {
    std::int64_t customer_id = 0;
    std::string customer_name;
    std::string service_number;
    std::string address;
    std::string phone;
    std::string area;
    std::int64_t invoice_id = 0;
    std::string invoice_no;
    std::string period;
    std::string due_date;
    Money outstanding = 0;
};
struct CashRoute {
    std::vector<std::string> areas;
    std::vector<CashStop> stops;
};
Json to_json(const CashRoute& route);
CashRoute cash_route_from_json(const Json& json);

// One ledger row as the screens show it.
struct CashEntryResource {
    std::int64_t seq = 0;
    std::string kind;  // collection, void, remittance, confirmation
    std::int64_t collector_id = 0;
    std::string collector;
    std::string business_date;
    Money amount = 0;
    Money expected_amount = 0;
    std::int64_t customer_id = 0;
    std::int64_t invoice_id = 0;
    std::int64_t payment_id = 0;
    std::int64_t refers_to = 0;
    std::string recorded_at;  // local "YYYY-MM-DD HH:MM"
    std::string note;
    std::string hash;
};
Json to_json(const CashEntryResource& entry);
CashEntryResource cash_entry_from_json(const Json& json);

// A remittance (setoran) and what became of it.
struct RemittanceResource {
    std::int64_t seq = 0;
    std::int64_t collector_id = 0;
    std::string collector;
    std::string business_date;
    Money expected = 0;   // the net cash collections it covers
    Money declared = 0;   // what the collector handed over by their word
    bool confirmed = false;
    Money received = 0;   // what the cashier counted (when confirmed)
    std::string confirmed_by;
    std::string note;
};
Json to_json(const RemittanceResource& remittance);  // adds declared_minus_expected, received_minus_declared
RemittanceResource remittance_from_json(const Json& json);
std::vector<RemittanceResource> remittances_from_list(const Json& body);

// A collector's day: their rows, the totals, and the cash not yet remitted.
struct CashDay {
    std::string date;
    std::string collector;
    std::vector<CashEntryResource> entries;
    Money collected = 0;   // collections of the day, voids taken off
    std::int64_t collections = 0;
    Money remitted = 0;    // declared that day
    Money unremitted = 0;  // net collections since the last remittance (any day)
    std::vector<RemittanceResource> remittances;
};
Json to_json(const CashDay& day);
CashDay cash_day_from_json(const Json& json);

// The cashier's report: one row per collector and day.
struct CashReportRow {
    std::int64_t collector_id = 0;
    std::string collector;
    std::string date;
    Money collected = 0;
    Money remitted = 0;
    Money confirmed = 0;
    std::int64_t unconfirmed_remittances = 0;
};
Json to_json(const CashReportRow& row);  // adds remitted_minus_collected, confirmed_minus_remitted
std::vector<CashReportRow> cash_report_from_list(const Json& body);

}  // namespace kimonet::api
