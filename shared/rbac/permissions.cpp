#include "rbac/permissions.hpp"

#include <algorithm>
#include <array>

namespace kimonet::rbac {

static constexpr std::array<std::string_view, 61> kPermissions{
    "customers.read",  "customers.create", "customers.update", "customers.delete",
    "packages.read",   "packages.create",  "packages.update",  "packages.delete",
    "routers.read",    "routers.create",   "routers.update",   "routers.delete",
    "users.read",      "users.create",     "users.update",     "users.delete",
    "roles.read",      "roles.update",     "activity.read",    "settings.read",
    "settings.update", "invoices.read",    "invoices.create",  "invoices.update",
    "payments.read",   "payments.create",  "network.read",     "network.control",
    "dunning.read",    "dunning.run",      "messages.read",    "messages.send",
    "reports.read",    "portal.self",
    // Setting a customer's portal password (issue 14): not implied by customers.update, so a
    // technician editing an address cannot take over the customer's portal.
    "customers.portal_password",
    // Voiding or correcting a payment (issue 18). payments.void: payments the user recorded
    // themselves in the last 24 hours (a cashier fixing a typo); payments.void_any widens it to
    // every payment at any time. Neither is implied by payments.create.
    "payments.void", "payments.void_any",
    // Hotspot vouchers (issue 19). vouchers.read: batches, sheets, resellers, the sales report;
    // vouchers.create: profiles, batches and their push to routers; vouchers.sell: resellers'
    // accounts, balance top-ups and sales (money).
    "vouchers.read", "vouchers.create", "vouchers.sell",
    // Cash collection (issue 20). cash.collect: a collector's route, cash payments for customers of
    // their own areas, their own day and remittances. cash.confirm: the cashier's side (confirm a
    // remittance, never one's own; the report; the ledger's proof). cash.areas: areas and who
    // collects in them.
    "cash.collect", "cash.confirm", "cash.areas",
    // Billing-run approval (issue 20): approving or discarding a prepared monthly run; preparing it
    // needs invoices.create like the direct run.
    "invoices.approve_run",
    // Credit notes and refunds (issue 20): money leaves the books, so neither is implied by
    // invoices.update or payments.create. Reading them follows invoices.read.
    "credit_notes.create", "refunds.create",
    // BHP Telekomunikasi and USO (issue 20): entering revenue deductions and the dated rates
    // (reading the report is reports.read).
    "reports.regulatory",
    // Promise to pay (issue 20): granting a customer more or longer promises than the settings
    // allow, with a reason. Admin and finance; never a technician.
    "dunning.promise_grant",
    // The Coretax export of faktur keluaran (issue 20): the accountant's month of PPN, with the
    // customers' tax identities in it; finance, admin and superadmin.
    "tax.export",
    // Trouble tickets (issue 21). tickets.read: every ticket with its internal comments and photos;
    // tickets.update: open for a customer, comment, add photos, priority/category, in progress;
    // tickets.assign: give a ticket to a staff user (the dispatcher); tickets.close: close with a cause.
    "tickets.read", "tickets.update", "tickets.assign", "tickets.close",
    // Technician jobs (issue 21). jobs.dispatch: every job, creating, scheduling, assigning and
    // cancelling them (admins; a "dispatcher" role is a custom role with it). jobs.work: the jobs
    // assigned to oneself, their checklist and completion (technicians).
    "jobs.dispatch", "jobs.work",
    // Outages that pause billing (issue 21, docs/outages.md). outages.read: the list with affected
    // counts; outages.manage: open, edit and close one — which pauses dunning and isolation for the
    // customers below it and, by the settings' rule, credits them. The field finds a cut cable
    // first, so technicians hold it; the credit's size is never theirs to choose (settings).
    "outages.read", "outages.manage",
    // The FTTH inventory and the map (issue 21). inventory.read: the tree, the map, who is below a
    // node; inventory.edit: OLTs, PON ports, ODCs, ODPs, their import and routers' coordinates;
    // inventory.place: customers on ODP ports and their coordinates (the technician at the pole).
    "inventory.read", "inventory.edit", "inventory.place",
    // Sending an invoice by WhatsApp or email, to its customer or a typed-in recipient (issue 22,
    // docs/email.md): the office (admin, finance). Not a technician or a collector: a typed-in
    // recipient is a way to mail anyone, so it stays with the roles that own billing. Customers
    // send their own invoices to themselves from the portal (portal.self).
    "invoices.send",
};

static constexpr std::array<std::string_view, 6> kRoles{kSuperadmin, kAdmin, kFinance, kTechnician, kCustomer, kCollector};

std::span<const std::string_view> all_permissions() { return kPermissions; }
std::span<const std::string_view> seeded_roles() { return kRoles; }

bool is_known_permission(std::string_view permission) {
    return std::find(kPermissions.begin(), kPermissions.end(), permission) != kPermissions.end();
}

std::vector<std::string_view> default_permissions(std::string_view role) {
    std::vector<std::string_view> out;
    auto staff_all = [&](auto keep) {
        for (auto permission : kPermissions)
            if (permission != "portal.self" && keep(permission)) out.push_back(permission);
    };
    if (role == kSuperadmin) {
        staff_all([](std::string_view) { return true; });
    } else if (role == kAdmin) {
        // Admins run the business but cannot rewrite what roles may do.
        staff_all([](std::string_view p) { return p != "roles.update"; });
    } else if (role == kFinance) {
        out = {"customers.read", "packages.read",  "routers.read",    "invoices.read", "invoices.create",
               "invoices.update", "payments.read", "payments.create", "payments.void", "dunning.read",  "messages.read",
               "reports.read",   "activity.read", "vouchers.read", "vouchers.sell", "cash.confirm", "invoices.approve_run",
               "credit_notes.create", "refunds.create",
               "reports.regulatory",
               "dunning.promise_grant", "tax.export",
               "tickets.read", "tickets.update", "outages.read", "inventory.read", "invoices.send"};
    } else if (role == kTechnician) {
        out = {"customers.read", "customers.update", "packages.read",   "routers.read", "routers.create",
               "routers.update", "network.read",     "network.control", "invoices.read", "vouchers.read", "vouchers.create",
               "tickets.read", "tickets.update", "tickets.close",
               "jobs.work", "outages.read", "outages.manage", "inventory.read", "inventory.place"};
    } else if (role == kCollector) {
        out = {"cash.collect"};
    } else if (role == kCustomer) {
        out = {"portal.self"};
    }
    return out;
}

}  // namespace kimonet::rbac
