#pragma once
// Leads: registrations from the landing page, which staff convert into customers or reject.
// One function per feature, shared by the HTTP routes and anything else that needs them.
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// Confirmations sent for registrations in any 24 hours; beyond it leads are stored without one.
inline constexpr std::int64_t kMaxRegistrationConfirmationsPerDay = 100;

// Validates the public form (shared/leads), refuses honeypot submissions (400, nothing stored),
// stores the lead and queues the applicant's WhatsApp confirmation (template
// "registration_received", greeting by leads::greeting_name; none past
// kMaxRegistrationConfirmationsPerDay) in one transaction. A phone that already has an open
// registration is taken as received and changes nothing: the visitor's answer never tells whether
// a number has applied (staff call the number of the registration that waits).
Result<void> register_lead(app::Context& context, const api::Json& body);

struct LeadQuery {
    std::string status;  // "", "new", "converted", "rejected"
    int page = 1;
    int per_page = 25;
};
struct LeadPage {
    api::Json rows = api::Json::array();
    std::int64_t total = 0;
};
Result<LeadPage> list_leads(store::Database& db, const LeadQuery& query);
Result<api::Json> get_lead(store::Database& db, std::int64_t id);

// Creates the customer from the lead (through create_customer; `overrides` may set router_id,
// pppoe_username, due_day, service_number, password, package_id…) and marks the lead converted,
// all in one transaction. 409 unless the lead is new. Returns {"lead", "customer"}.
Result<api::Json> convert_lead(app::Context& context, std::int64_t id, const api::Json& overrides);
// Marks a new lead rejected with an optional {"reason"}. 409 unless the lead is new.
Result<api::Json> reject_lead(app::Context& context, std::int64_t id, const api::Json& input);

}  // namespace kimonet::services
