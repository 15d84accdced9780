#include "services/staff_names.hpp"

#include "core/ticket_messages.hpp"

namespace kimonet::services {

std::string staff_name_for_customers(const std::string& full_name) {
    return full_name.empty() ? std::string(messages::kTicketStaffName) : full_name;
}

}  // namespace kimonet::services
