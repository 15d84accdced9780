#pragma once
// One customer's world as the server's own serialisers write it (api::to_json), for the views
// tests that start from a customer: Budi Santoso (id 42, phone "0812-3456-7890"), an unpaid
// January invoice 7 and a paid December invoice 6 with payment 4 (recorded by "admin", the
// harness's user), the customer list, the invoice list and the packages.
#include "customers/customer.hpp"
#include "view_harness.hpp"

namespace kimonet::testing {

void answer_customer_world(FakeApiClient& api, CustomerStatus status = CustomerStatus::Active,
                           const std::string& name = "Budi Santoso");
// Budi's world and the lists the admin screens and their dialogs ask for.
void answer_admin_lists(FakeApiClient& api);
// The revenue report with six months of real-sized figures (answer_admin_lists' is empty).
void answer_revenue_figures(FakeApiClient& api);
// Budi's own portal, for a customer signed in as customer 42.
void answer_portal_world(FakeApiClient& api);

}  // namespace kimonet::testing
