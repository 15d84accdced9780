#pragma once
// The columns a customer row is written with (customer_store.cpp, customer_bulk_store.cpp), in
// the order of their INSERT: service_number, name, phone, email, address, package_id, router_id,
// pppoe_username, status, join_date, due_day, connection_method, ip_address, mac_address, npwp,
// nik, nitku, needs_faktur (1–18), then created_at and updated_at (19, 20).
#include <string>

#include "customers/customer.hpp"
#include "store/database.hpp"

namespace kimonet::store {

inline constexpr const char* kCustomerInsertColumns =
    "service_number, name, phone, email, address, package_id, router_id, pppoe_username, status, join_date, due_day, "
    "connection_method, ip_address, mac_address, npwp, nik, nitku, needs_faktur, created_at, updated_at";

inline constexpr int kCustomerInsertParameters = 20;

// Binds parameters first … first + 17 (1–18 by default).
void bind_customer_columns(Statement& statement, const Customer& customer, int first = 1);

}  // namespace kimonet::store
