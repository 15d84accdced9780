// THE SCREEN REGISTRY. Adding a screen `x`: write views/view_x.{hpp,cpp} (a View; CMake globs
// views/), add its texts ("nav.x", "x.title", ...) to i18n_catalogue.cpp, and add ONE row here in
// its sidebar group. The row gives it the route #/x, the sidebar and phone-menu entry, the header
// title, its permission, and the e2e screenshots (tests/e2e/shell.test.mjs walk the navigation).
#include "screens.hpp"

#include "views/view_activity.hpp"
#include "views/view_areas.hpp"
#include "views/view_inventory.hpp"
#include "views/view_map.hpp"
#include "views/view_cash_desk.hpp"
#include "views/view_collect.hpp"
#include "views/view_customer_detail.hpp"
#include "views/view_customer_home.hpp"
#include "views/view_customers.hpp"
#include "views/view_dashboard.hpp"
#include "views/view_dunning.hpp"
#include "views/view_invoices.hpp"
#include "views/view_jobs.hpp"
#include "views/view_leads.hpp"
#include "views/view_notifications.hpp"
#include "views/view_packages.hpp"
#include "views/view_payments.hpp"
#include "views/view_bank_statements.hpp"
#include "views/view_portal_invoices.hpp"
#include "views/view_portal_pay.hpp"
#include "views/view_reports.hpp"
#include "views/view_routers.hpp"
#include "views/view_security.hpp"
#include "views/view_settings.hpp"
#include "views/view_templates.hpp"
#include "views/view_users.hpp"
#include "views/view_vouchers.hpp"
#include "views/view_whatsapp.hpp"
#include "views/view_tickets.hpp"
#include "views/view_field_jobs.hpp"
#include "views/view_dispatch.hpp"
#include "views/view_outages.hpp"

namespace kimonet {
namespace {

template <class V>
std::unique_ptr<View> make() {
    return std::make_unique<V>();
}

bool staff(const SessionUser& user) { return !user.is_customer(); }
bool customer(const SessionUser& user) { return user.is_customer(); }
// Staff with a permission ("routers.read").
template <const char* permission>
bool staff_with(const SessionUser& user) {
    return staff(user) && user.can(permission);
}

constexpr char kCustomersRead[] = "customers.read";
constexpr char kPackagesRead[] = "packages.read";
constexpr char kRoutersRead[] = "routers.read";
constexpr char kInvoicesRead[] = "invoices.read";
constexpr char kPaymentsRead[] = "payments.read";
constexpr char kDunningRead[] = "dunning.read";
constexpr char kMessagesRead[] = "messages.read";
constexpr char kSettingsRead[] = "settings.read";
constexpr char kReportsRead[] = "reports.read";
constexpr char kActivityRead[] = "activity.read";
constexpr char kVouchersRead[] = "vouchers.read";
constexpr char kCashCollect[] = "cash.collect";
constexpr char kCashConfirm[] = "cash.confirm";
constexpr char kCashAreas[] = "cash.areas";
constexpr char kTicketsRead[] = "tickets.read";
constexpr char kJobsWork[] = "jobs.work";
constexpr char kJobsDispatch[] = "jobs.dispatch";
constexpr char kOutagesRead[] = "outages.read";
constexpr char kInventoryRead[] = "inventory.read";

bool users_or_roles(const SessionUser& user) { return staff(user) && (user.can("users.read") || user.can("roles.read")); }

// A function-local table: App (a global in main.cpp) builds its views from it during static init.
const std::vector<ScreenRegistration>& screens() {
    static const std::vector<ScreenRegistration> table = {
    {Screen::Dashboard, "nav.dashboard", "nav.group.ops", "nav.dashboard", staff, make<ViewDashboard>},
    {Screen::Customers, "nav.customers", "nav.group.ops", "customers.title", staff_with<kCustomersRead>, make<ViewCustomers>},
    {Screen::CustomerDetail, nullptr, "nav.group.ops", "customers.title", staff_with<kCustomersRead>, make<ViewCustomerDetail>,
     Screen::Customers},
    {Screen{"packages"}, "nav.packages", "nav.group.ops", "packages.title", staff_with<kPackagesRead>, make<ViewPackages>},
    {Screen{"routers"}, "nav.routers", "nav.group.ops", "routers.title", staff_with<kRoutersRead>, make<ViewRouters>},
    {Screen{"leads"}, "nav.leads", "nav.group.ops", "leads.title", staff_with<kCustomersRead>, make<ViewLeads>},
    {Screen{"vouchers"}, "nav.vouchers", "nav.group.ops", "vouchers.title", staff_with<kVouchersRead>, make<ViewVouchers>},
    // The field (issue 21), its own group after operations: trouble tickets, the technician's phone
    // screen and the dispatcher's schedule, outages, the map and the FTTH inventory.
    {Screen{"tickets"}, "nav.tickets", "nav.group.field", "tickets.title", staff_with<kTicketsRead>, make<ViewTickets>},
    {Screen{"field"}, "nav.field", "nav.group.field", "field.title", staff_with<kJobsWork>, make<ViewFieldJobs>},
    {Screen{"dispatch"}, "nav.dispatch", "nav.group.field", "dispatch.title", staff_with<kJobsDispatch>, make<ViewDispatch>},
    {Screen{"outages"}, "nav.outages", "nav.group.field", "outages.title", staff_with<kOutagesRead>, make<ViewOutages>},
    {Screen{"map"}, "nav.map", "nav.group.field", "map.title", staff_with<kInventoryRead>, make<ViewMap>},
    {Screen{"inventory"}, "nav.inventory", "nav.group.field", "inventory.title", staff_with<kInventoryRead>, make<ViewInventory>},
    {Screen::Invoices, "nav.invoices", "nav.group.billing", "invoices.title", staff_with<kInvoicesRead>, make<ViewInvoices>},
    {Screen::Payments, "nav.payments", "nav.group.billing", "payments.title", staff_with<kPaymentsRead>, make<ViewPayments>},
    {Screen{"bank"}, "nav.bank_statements", "nav.group.billing", "bank.title", staff_with<kPaymentsRead>, make<ViewBankStatements>},
    {Screen{"dunning"}, "nav.dunning", "nav.group.billing", "dunning.title", staff_with<kDunningRead>, make<ViewDunning>},
    {Screen{"collect"}, "nav.collect", "nav.group.billing", "collect.title", staff_with<kCashCollect>, make<ViewCollect>},
    {Screen{"cash"}, "nav.cash_desk", "nav.group.billing", "cash_desk.title", staff_with<kCashConfirm>, make<ViewCashDesk>},
    {Screen{"areas"}, "nav.areas", "nav.group.billing", "areas.title", staff_with<kCashAreas>, make<ViewAreas>},
    {Screen::CustomerHome, "nav.home", "nav.group.portal", "home.title", customer, make<ViewCustomerHome>},
    {Screen{"bills"}, "nav.my_invoices", "nav.group.portal", "portal.invoices_title", customer, make<ViewPortalInvoices>},
    {Screen::PortalPay, "nav.pay", "nav.group.portal", "portal.pay_title", customer, make<ViewPortalPay>},
    {Screen{"trouble"}, "nav.trouble", "nav.group.portal", "trouble.title", customer, make<ViewPortalTickets>},
    {Screen{"templates"}, "nav.templates", "nav.group.messages", "templates.title", staff_with<kMessagesRead>, make<ViewTemplates>},
    {Screen{"notifications"}, "nav.notifications", "nav.group.messages", "notifications.title", staff_with<kMessagesRead>,
     make<ViewNotifications>},
    {Screen{"whatsapp"}, "nav.whatsapp", "nav.group.messages", "whatsapp.title", staff_with<kSettingsRead>, make<ViewWhatsapp>},
    {Screen{"reports"}, "nav.reports", "nav.group.system", "reports.title", staff_with<kReportsRead>, make<ViewReports>},
    {Screen{"users"}, "nav.users", "nav.group.system", "users.title", users_or_roles, make<ViewUsers>},
    {Screen{"activity"}, "nav.activity", "nav.group.system", "activity.title", staff_with<kActivityRead>, make<ViewActivity>},
    {Screen{"jobs"}, "nav.jobs", "nav.group.system", "jobs.title", staff_with<kSettingsRead>, make<ViewJobs>},
    {Screen{"settings"}, "nav.settings", "nav.group.system", "settings.title", staff_with<kSettingsRead>, make<ViewSettings>},
    {Screen::Security, "nav.security", "nav.group.system", "security.title", staff, make<ViewSecurity>},
    };
    return table;
}

}  // namespace

const std::vector<ScreenRegistration>& screen_registry() { return screens(); }

const ScreenRegistration* find_screen(Screen screen) {
    for (const ScreenRegistration& entry : screens())
        if (entry.screen == screen) return &entry;
    return nullptr;
}

}  // namespace kimonet
