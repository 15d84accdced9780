#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "rbac/permissions.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

std::set<std::string> as_set(const std::vector<std::string_view>& list) { return {list.begin(), list.end()}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(permissions)

BOOST_AUTO_TEST_CASE(permission_names_are_unique_resource_dot_action) {
    const auto all = rbac::all_permissions();
    std::set<std::string_view> unique(all.begin(), all.end());
    BOOST_TEST(unique.size() == all.size());
    for (auto permission : all) {
        const auto dot = permission.find('.');
        BOOST_TEST((dot != std::string_view::npos && dot > 0 && dot + 1 < permission.size()), permission);
        BOOST_TEST(permission.find('.', dot + 1) == std::string_view::npos, permission);
    }
}

static const char* const kRoles[] = {"superadmin", "admin", "finance", "technician", "customer", "collector"};

BOOST_DATA_TEST_CASE(every_default_permission_is_known, data::make(kRoles), role) {
    const auto defaults = rbac::default_permissions(role);
    BOOST_TEST(!defaults.empty());
    for (auto permission : defaults) BOOST_TEST(rbac::is_known_permission(permission), role << ": " << permission);
    BOOST_TEST(as_set(defaults).size() == defaults.size(), role << " has a duplicate permission");
}

BOOST_AUTO_TEST_CASE(seeded_roles_are_the_six_product_roles) {
    const auto roles = rbac::seeded_roles();
    BOOST_TEST(std::vector<std::string>(roles.begin(), roles.end()) ==
                   (std::vector<std::string>{"superadmin", "admin", "finance", "technician", "customer", "collector"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(customer_role_only_has_portal_self) {
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kCustomer)) == (std::set<std::string>{"portal.self"}));
}

BOOST_AUTO_TEST_CASE(superadmin_has_everything_but_portal_self) {
    std::set<std::string> expected;
    for (auto permission : rbac::all_permissions())
        if (permission != "portal.self") expected.insert(std::string(permission));
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kSuperadmin)) == expected);
}

BOOST_AUTO_TEST_CASE(admin_cannot_change_role_permissions) {
    const auto admin = as_set(rbac::default_permissions(rbac::kAdmin));
    BOOST_TEST(!admin.contains("roles.update"));
    BOOST_TEST(!admin.contains("portal.self"));
    BOOST_TEST(admin.contains("users.create"));
    BOOST_TEST(admin.size() == rbac::all_permissions().size() - 2);
}

BOOST_AUTO_TEST_CASE(no_staff_role_gets_the_customer_portal) {
    for (auto role : {rbac::kSuperadmin, rbac::kAdmin, rbac::kFinance, rbac::kTechnician})
        BOOST_TEST(!as_set(rbac::default_permissions(role)).contains("portal.self"), role);
}

BOOST_AUTO_TEST_CASE(finance_reads_customers_but_cannot_change_them) {
    const auto finance = as_set(rbac::default_permissions(rbac::kFinance));
    BOOST_TEST(finance.contains("customers.read"));
    BOOST_TEST(finance.contains("payments.create"));
    BOOST_TEST(!finance.contains("customers.update"));
    BOOST_TEST(!finance.contains("routers.update"));
}

// Issue 14: payment data and a customer's portal password are their own permissions.
BOOST_AUTO_TEST_CASE(technician_neither_reads_payments_nor_sets_portal_passwords) {
    const auto technician = as_set(rbac::default_permissions(rbac::kTechnician));
    BOOST_TEST(technician.contains("customers.update"));
    BOOST_TEST(!technician.contains("payments.read"));
    BOOST_TEST(!technician.contains("customers.portal_password"));
    BOOST_TEST(!as_set(rbac::default_permissions(rbac::kFinance)).contains("customers.portal_password"));
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kAdmin)).contains("customers.portal_password"));
}

// Issue 20: a collector records cash for their areas and nothing else; the cashier confirms.
BOOST_AUTO_TEST_CASE(a_collector_only_collects_and_finance_confirms) {
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kCollector)) == (std::set<std::string>{"cash.collect"}));
    const auto finance = as_set(rbac::default_permissions(rbac::kFinance));
    BOOST_TEST(finance.contains("cash.confirm"));
    BOOST_TEST(!finance.contains("cash.collect"));
    BOOST_TEST(!finance.contains("cash.areas"));
    for (auto role : {rbac::kFinance, rbac::kTechnician, rbac::kCustomer})
        BOOST_TEST(!as_set(rbac::default_permissions(role)).contains("cash.collect"), role);
}

// Issue 20: granting promises to pay beyond the settings is for admin and finance, never a technician.
BOOST_AUTO_TEST_CASE(admin_and_finance_grant_promises_to_pay_a_technician_does_not) {
    BOOST_TEST(rbac::is_known_permission("dunning.promise_grant"));
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kAdmin)).contains("dunning.promise_grant"));
    BOOST_TEST(as_set(rbac::default_permissions(rbac::kFinance)).contains("dunning.promise_grant"));
    for (auto role : {rbac::kTechnician, rbac::kCollector, rbac::kCustomer})
        BOOST_TEST(!as_set(rbac::default_permissions(role)).contains("dunning.promise_grant"), role);
}

BOOST_AUTO_TEST_CASE(the_dispatcher_edits_the_fibre_network_and_the_technician_places_customers_on_it) {
    const auto admin = as_set(rbac::default_permissions(rbac::kAdmin));
    const auto technician = as_set(rbac::default_permissions(rbac::kTechnician));
    const auto finance = as_set(rbac::default_permissions(rbac::kFinance));
    BOOST_TEST((admin.contains("inventory.read") && admin.contains("inventory.edit") && admin.contains("inventory.place")));
    BOOST_TEST((technician.contains("inventory.read") && technician.contains("inventory.place")));
    BOOST_TEST(!technician.contains("inventory.edit"));
    BOOST_TEST(finance.contains("inventory.read"));
    BOOST_TEST((!finance.contains("inventory.edit") && !finance.contains("inventory.place")));
    for (auto role : {rbac::kCollector, rbac::kCustomer})
        for (auto permission : {"inventory.read", "inventory.edit", "inventory.place"})
            BOOST_TEST(!as_set(rbac::default_permissions(role)).contains(permission), role << " " << permission);
}

BOOST_AUTO_TEST_CASE(unknown_role_and_permission_get_nothing) {
    BOOST_TEST(rbac::default_permissions("janitor").empty());
    BOOST_TEST(!rbac::is_known_permission("customers.destroy"));
    BOOST_TEST(!rbac::is_known_permission(""));
}

BOOST_AUTO_TEST_SUITE_END()
