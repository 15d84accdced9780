#pragma once
// The coloured status pill used wherever a customer's status is shown.
#include <string>

#include "customers/customer.hpp"

namespace kimonet {

void status_badge(const std::string& id, CustomerStatus status);

}  // namespace kimonet
