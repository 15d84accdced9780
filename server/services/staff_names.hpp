#pragma once
// A staff user as a customer sees them (tickets, credit notes, the kuitansi; portal, WhatsApp,
// PDFs): the full name the ISP gave them, or "our staff" without one; never their login name
// (half of a staff sign-in).
#include <string>

namespace kimonet::services {

std::string staff_name_for_customers(const std::string& full_name);

}  // namespace kimonet::services
