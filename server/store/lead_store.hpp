#pragma once
// Registrations from the landing page (leads) and the operator's decision on each.
// Writes assume the caller holds the transaction (services/lead_service.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leads/registration.hpp"
#include "store/database.hpp"

namespace kimonet::store {

// A lead with its package's name and, once converted, its customer's nomor layanan ("" when none).
struct LeadRow {
    std::int64_t id = 0;
    std::string name;
    std::string phone;
    std::string email;
    std::string address;
    std::int64_t package_id = 0;
    std::string package_name;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::string notes;
    std::string status;  // new, converted, rejected
    std::optional<std::int64_t> customer_id;
    std::string service_number;
    std::string reject_reason;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::string decided_by;
};

struct LeadRows {
    std::vector<LeadRow> rows;
    std::int64_t total = 0;
};
// Open leads first, then newest first; `status` empty = all.
Result<LeadRows> list_lead_rows(Database& db, const std::string& status, int page, int per_page);
Result<std::optional<LeadRow>> find_lead(Database& db, std::int64_t id);
// True when a lead for this phone still awaits a decision.
Result<bool> has_open_lead_for_phone(Database& db, const std::string& phone);
// Registrations received after `since`, whatever became of them.
Result<std::int64_t> count_leads_since(Database& db, std::int64_t since);
// The new lead's id.
Result<std::int64_t> insert_lead(Database& db, const leads::Registration& registration, const std::string& source_ip, std::int64_t now);
// Both change only a lead still "new".
Result<void> mark_lead_converted(Database& db, std::int64_t id, std::int64_t customer_id, const std::string& decided_by, std::int64_t now);
Result<void> mark_lead_rejected(Database& db, std::int64_t id, const std::string& reason, const std::string& decided_by, std::int64_t now);

}  // namespace kimonet::store
