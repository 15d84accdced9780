#pragma once
// Permission names ("resource.action") and the roles seeded on a new database.
// The server checks permissions; the browser app hides what a role cannot do.
#include <span>
#include <string_view>
#include <vector>

namespace kimonet::rbac {

inline constexpr std::string_view kSuperadmin = "superadmin";
inline constexpr std::string_view kAdmin = "admin";
inline constexpr std::string_view kFinance = "finance";
inline constexpr std::string_view kTechnician = "technician";
inline constexpr std::string_view kCustomer = "customer";
// A cash collector in the field (issue 20): their route, cash payments for customers of their
// areas, their own day and remittances; nothing else.
inline constexpr std::string_view kCollector = "collector";

// Every permission the product knows, in display order.
std::span<const std::string_view> all_permissions();
std::span<const std::string_view> seeded_roles();
// Permissions a seeded role starts with (admins can change them later).
std::vector<std::string_view> default_permissions(std::string_view role);
bool is_known_permission(std::string_view permission);

}  // namespace kimonet::rbac
