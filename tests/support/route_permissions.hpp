#pragma once
// The permission the server checks for each route the browser app calls ("" = any signed-in
// user), for the views test that walks every screen per role and fails on a request the role would
// get 403 for (tests/views/test_role_walk.cpp). test_server's openapi suite checks every row
// against the real router, so a row can go stale only by failing a test; a route the app starts
// calling that is missing here fails the walk with "add it to tests/support/route_permissions.hpp".
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kimonet::testing {

struct RoutePermission {
    std::string_view method, pattern, permission;
};

inline constexpr RoutePermission kRoutePermissions[] = {
    {"GET", "/api/hotspot-profiles", "vouchers.read"},
    {"GET", "/api/voucher-batches", "vouchers.read"},
    {"POST", "/api/voucher-batches", "vouchers.create"},
    {"GET", "/api/voucher-batches/{id}", "vouchers.read"},
    {"POST", "/api/voucher-batches/{id}/push", "vouchers.create"},
    {"GET", "/api/voucher-batches/{id}/pdf", "vouchers.read"},
    {"GET", "/api/resellers", "vouchers.read"},
    {"POST", "/api/resellers/{id}/top-up", "vouchers.sell"},
    {"POST", "/api/voucher-sales", "vouchers.sell"},
    {"GET", "/api/voucher-sales/report", "vouchers.read"},
    {"GET", "/api/users", "users.read"},
    {"POST", "/api/users", "users.create"},
    {"GET", "/api/users/{id}", "users.read"},
    {"PUT", "/api/users/{id}", "users.update"},
    {"DELETE", "/api/users/{id}", "users.delete"},
    {"GET", "/api/roles", "roles.read"},
    {"POST", "/api/roles", "roles.update"},
    {"PUT", "/api/roles/{id}/permissions", "roles.update"},
    {"GET", "/api/activity", "activity.read"},
    {"GET", "/api/settings", "settings.read"},
    {"PUT", "/api/settings", "settings.update"},
    {"GET", "/api/invoices", "invoices.read"},
    {"POST", "/api/invoices", "invoices.create"},
    {"POST", "/api/invoices/generate", "invoices.create"},
    {"POST", "/api/invoices/prorate", "invoices.create"},
    {"GET", "/api/invoices/{id}", "invoices.read"},
    {"GET", "/api/invoices/{id}/pdf", "invoices.read"},
    {"POST", "/api/invoices/{id}/void", "invoices.update"},
    {"POST", "/api/invoices/{id}/lines", "invoices.update"},
    {"GET", "/api/invoice-runs", "invoices.read"},
    {"POST", "/api/invoice-runs", "invoices.create"},
    {"GET", "/api/invoice-runs/{id}", "invoices.read"},
    {"GET", "/api/invoice-runs/{id}/changes", "invoices.read"},
    {"POST", "/api/invoice-runs/{id}/exclude", "invoices.update"},
    {"POST", "/api/invoice-runs/{id}/approve", "invoices.approve_run"},
    {"POST", "/api/invoice-runs/{id}/discard", "invoices.approve_run"},
    {"GET", "/api/payments", "payments.read"},
    {"GET", "/api/cash/route", "cash.collect"},
    {"POST", "/api/cash/collections", "cash.collect"},
    {"GET", "/api/cash/day", "cash.collect"},
    {"POST", "/api/cash/remittances", "cash.collect"},
    {"GET", "/api/cash/remittances", "cash.confirm"},
    {"POST", "/api/cash/remittances/{id}/confirm", "cash.confirm"},
    {"GET", "/api/cash/report", "cash.confirm"},
    {"GET", "/api/tax/coretax/{period}", "tax.export"},
    {"POST", "/api/payments", "payments.create"},
    {"POST", "/api/payments/preview", "payments.create"},
    {"GET", "/api/payments/{id}/pdf", "payments.read"},
    {"POST", "/api/payments/{id}/void", "payments.void"},
    {"POST", "/api/payments/{id}/correct", "payments.void"},
    {"GET", "/api/customers/{id}/history", "invoices.read"},
    {"GET", "/api/portal/invoices", "portal.self"},
    {"GET", "/api/portal/invoices/{id}", "portal.self"},
    {"GET", "/api/portal/invoices/{id}/pdf", "portal.self"},
    // Credit notes and refunds (issue 20).
    {"POST", "/api/invoices/{id}/credit-notes", "credit_notes.create"},
    {"GET", "/api/credit-notes/{id}/pdf", "invoices.read"},
    {"GET", "/api/portal/credit-notes/{id}/pdf", "portal.self"},
    {"POST", "/api/customers/{id}/refunds", "refunds.create"},
    {"POST", "/api/portal/invoices/{id}/promise", "portal.self"},
    {"GET", "/api/customers", "customers.read"},
    {"POST", "/api/customers", "customers.create"},
    {"GET", "/api/customers/{id}", "customers.read"},
    {"PUT", "/api/customers/{id}", "customers.update"},
    {"DELETE", "/api/customers/{id}", "customers.delete"},
    {"GET", "/api/dashboard", "customers.read"},
    {"POST", "/api/dunning/run", "dunning.run"},
    {"GET", "/api/dunning/schedules", "dunning.read"},
    {"GET", "/api/dunning/schedules/{id}", "dunning.read"},
    {"POST", "/api/dunning/schedules", "settings.update"},
    {"PUT", "/api/dunning/schedules/{id}", "settings.update"},
    {"PUT", "/api/packages/{id}/dunning-schedule", "settings.update"},
    {"PUT", "/api/customers/{id}/dunning-schedule", "settings.update"},
    {"POST", "/api/customers/{id}/promises", "dunning.promise_grant"},
    {"GET", "/api/customers/{id}/dunning", "dunning.read"},
    {"GET", "/api/portal/dunning", "portal.self"},
    {"GET", "/api/jobs", "settings.read"},
    {"GET", "/api/leads", "customers.read"},
    {"GET", "/api/leads/{id}", "customers.read"},
    {"POST", "/api/leads/{id}/convert", "customers.create"},
    {"POST", "/api/leads/{id}/reject", "customers.create"},
    {"GET", "/api/incidents", "network.read"},
    {"POST", "/api/incidents", "network.control"},
    {"PUT", "/api/incidents/{id}", "network.control"},
    {"POST", "/api/network/probe", "network.control"},
    {"POST", "/api/routers/{id}/test", "network.read"},
    {"POST", "/api/customers/{id}/isolate", "network.control"},
    {"POST", "/api/customers/{id}/restore", "network.control"},
    {"GET", "/api/customers/{id}/isolation-log", "network.read"},
    {"GET", "/api/network/drift", "network.read"},
    {"POST", "/api/network/sync", "network.control"},
    {"POST", "/api/network/isolir/auto", "network.control"},
    {"GET", "/api/network/snippets", "network.read"},
    {"GET", "/api/notifications", "messages.read"},
    {"GET", "/api/notifications/{id}", "messages.read"},
    {"POST", "/api/notifications/{id}/resend", "messages.send"},
    {"POST", "/api/notifications/broadcast", "messages.send"},
    {"GET", "/api/message-templates", "messages.read"},
    {"GET", "/api/message-templates/{key}", "messages.read"},
    {"PUT", "/api/message-templates/{key}", "settings.update"},
    {"POST", "/api/message-templates/preview", "messages.read"},
    {"GET", "/api/whatsapp/status", "settings.read"},
    {"POST", "/api/whatsapp/test", "messages.send"},
    {"GET", "/api/packages", "packages.read"},
    {"POST", "/api/packages", "packages.create"},
    {"GET", "/api/packages/{id}", "packages.read"},
    {"PUT", "/api/packages/{id}", "packages.update"},
    {"DELETE", "/api/packages/{id}", "packages.delete"},
    {"GET", "/api/payments/reconciliation", "payments.read"},
    {"GET", "/api/payments/transactions", "payments.read"},
    {"POST", "/api/payments/reconcile", "payments.create"},
    {"POST", "/api/bank-statements/import", "payments.create"},
    {"GET", "/api/bank-statements/lines", "payments.read"},
    {"POST", "/api/bank-statements/lines/{id}/match", "payments.create"},
    {"POST", "/api/bank-statements/lines/{id}/ignore", "payments.create"},
    {"GET", "/api/portal/me", "portal.self"},
    {"PUT", "/api/portal/profile", "portal.self"},
    {"POST", "/api/portal/password", "portal.self"},
    {"GET", "/api/reports/revenue", "reports.read"},
    {"GET", "/api/reports/customers", "reports.read"},
    {"GET", "/api/reports/billing", "reports.read"},
    {"GET", "/api/reports/bhp-uso", "reports.read"},
    {"POST", "/api/reports/bhp-uso/deductions", "reports.regulatory"},
    {"DELETE", "/api/reports/bhp-uso/deductions/{id}", "reports.regulatory"},
    {"POST", "/api/reports/bhp-uso/rates", "reports.regulatory"},
    {"GET", "/api/cash/areas", "cash.areas"},
    {"POST", "/api/cash/areas", "cash.areas"},
    {"PUT", "/api/cash/areas/{id}", "cash.areas"},
    {"PUT", "/api/cash/areas/{id}/customers", "cash.areas"},
    {"PUT", "/api/cash/areas/{id}/collectors", "cash.areas"},
    {"GET", "/api/cash/areas/{id}/customers", "cash.areas"},
    {"GET", "/api/cash/collectors", "cash.areas"},
    {"GET", "/api/routers", "routers.read"},
    {"POST", "/api/routers", "routers.create"},
    {"GET", "/api/routers/{id}", "routers.read"},
    {"PUT", "/api/routers/{id}", "routers.update"},
    {"DELETE", "/api/routers/{id}", "routers.delete"},
    {"GET", "/api/exports/customers.xlsx", "customers.read"},
    {"GET", "/api/exports/customers.csv", "customers.read"},
    {"GET", "/api/exports/invoices.xlsx", "invoices.read"},
    {"GET", "/api/exports/invoices.csv", "invoices.read"},
    {"GET", "/api/exports/payments.xlsx", "payments.read"},
    {"GET", "/api/exports/payments.csv", "payments.read"},
    {"GET", "/api/exports/reports/revenue.xlsx", "reports.read"},
    {"GET", "/api/exports/reports/revenue.csv", "reports.read"},
    {"GET", "/api/exports/reports/revenue.pdf", "reports.read"},
    {"GET", "/api/exports/reports/customers.xlsx", "reports.read"},
    {"GET", "/api/exports/reports/customers.csv", "reports.read"},
    {"GET", "/api/exports/reports/customers.pdf", "reports.read"},
    {"GET", "/api/exports/reports/billing.xlsx", "reports.read"},
    {"GET", "/api/exports/reports/billing.csv", "reports.read"},
    {"GET", "/api/exports/reports/billing.pdf", "reports.read"},
    {"GET", "/api/exports/reports/bhp-uso.xlsx", "reports.read"},
    {"GET", "/api/exports/reports/bhp-uso.csv", "reports.read"},
    {"GET", "/api/exports/reports/bhp-uso.pdf", "reports.read"},
    {"POST", "/api/auth/logout", ""},
    {"GET", "/api/me", ""},
    {"POST", "/api/auth/password", ""},
    {"GET", "/api/auth/sessions", ""},
    {"DELETE", "/api/auth/sessions/{id}", ""},
    {"GET", "/api/auth/two-factor", ""},
    {"POST", "/api/auth/two-factor/enroll", ""},
    {"POST", "/api/auth/two-factor/confirm", ""},
    {"POST", "/api/auth/two-factor/disable", ""},
    {"PUT", "/api/roles/{id}/two-factor", "roles.update"},
    // The FTTH inventory and the map (issue 21).
    {"GET", "/api/inventory", "inventory.read"},
    {"POST", "/api/inventory/olts", "inventory.edit"},
    {"PUT", "/api/inventory/olts/{id}", "inventory.edit"},
    {"DELETE", "/api/inventory/olts/{id}", "inventory.edit"},
    {"POST", "/api/inventory/pon-ports", "inventory.edit"},
    {"PUT", "/api/inventory/pon-ports/{id}", "inventory.edit"},
    {"DELETE", "/api/inventory/pon-ports/{id}", "inventory.edit"},
    {"POST", "/api/inventory/odcs", "inventory.edit"},
    {"PUT", "/api/inventory/odcs/{id}", "inventory.edit"},
    {"DELETE", "/api/inventory/odcs/{id}", "inventory.edit"},
    {"POST", "/api/inventory/odps", "inventory.edit"},
    {"PUT", "/api/inventory/odps/{id}", "inventory.edit"},
    {"DELETE", "/api/inventory/odps/{id}", "inventory.edit"},
    {"GET", "/api/inventory/odps/{id}/ports", "inventory.read"},
    {"POST", "/api/inventory/odps/{id}/ports", "inventory.place"},
    {"GET", "/api/inventory/customers/{id}", "inventory.read"},
    {"DELETE", "/api/inventory/customers/{id}/port", "inventory.place"},
    {"PUT", "/api/inventory/customers/{id}/location", "inventory.place"},
    {"POST", "/api/imports/inventory", "inventory.edit"},
    {"GET", "/api/map", "inventory.read"},
};

// "/api/customers/42/history?x=1" against "/api/customers/{id}/history".
inline bool route_matches(std::string_view pattern, std::string_view path) {
    path = path.substr(0, path.find('?'));
    while (!pattern.empty() && !path.empty()) {
        if (pattern.front() == '{') {
            const auto close = pattern.find('}');
            const auto slash = path.find('/');
            pattern.remove_prefix(close + 1);
            path.remove_prefix(slash == std::string_view::npos ? path.size() : slash);
            // "{id}.pdf"-style suffixes do not occur; a placeholder is a whole segment.
            continue;
        }
        if (pattern.front() != path.front()) return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
    }
    return pattern.empty() && path.empty();
}

// The permission `method` `path` needs; nullopt when the table has no such route.
inline std::optional<std::string_view> route_permission(std::string_view method, std::string_view path) {
    for (const RoutePermission& row : kRoutePermissions)
        if (row.method == method && route_matches(row.pattern, path)) return row.permission;
    return std::nullopt;
}

}  // namespace kimonet::testing
