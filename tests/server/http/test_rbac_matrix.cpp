// The RBAC matrix: EVERY route of the router table × {no token, each seeded role, a customer}.
// The expected status comes from the route's declared access and the role's permissions as
// seeded by shared/rbac (not from the server's own check), so a route added later is covered
// automatically and a wrong declaration or a broken check shows up here.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>

#include "cli/seed_demo.hpp"
#include "rbac/permissions.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using kimonet::testing::TestServer;

namespace {

struct Principal {
    std::string column;    // matrix column title
    std::string username;  // empty = no token
    std::string role;      // seeded role whose default permissions apply
};

const std::vector<Principal>& principals() {
    static const std::vector<Principal> all = {
        {"none", "", ""},
        {"superadmin", "superadmin", std::string(rbac::kSuperadmin)},
        {"admin", "admin", std::string(rbac::kAdmin)},
        {"finance", "finance", std::string(rbac::kFinance)},
        {"technician", "technician", std::string(rbac::kTechnician)},
        {"collector", "collector", std::string(rbac::kCollector)},
        {"CUST001", "CUST001", std::string(rbac::kCustomer)},
    };
    return all;
}

// Public routes are not checked by the dispatcher; some authenticate the caller themselves
// (a gateway callback or webhook checks its signature and may answer 401). For them the rule is
// that the bearer token makes no difference: every principal gets what an anonymous caller gets.
enum class Expect { Allowed, Unauthorized, Forbidden, SameAsAnonymous };

Expect expected_for(const http::Route& route, const Principal& principal) {
    if (route.access == http::Access::Public) return Expect::SameAsAnonymous;
    if (principal.username.empty()) return Expect::Unauthorized;
    if (route.access == http::Access::Authenticated) return Expect::Allowed;
    const auto granted = rbac::default_permissions(principal.role);
    const bool has = std::find(granted.begin(), granted.end(), route.permission) != granted.end();
    return has ? Expect::Allowed : Expect::Forbidden;
}

bool matches(Expect expect, int status, int anonymous_status) {
    switch (expect) {
        case Expect::SameAsAnonymous: return status > 0 && status == anonymous_status;
        case Expect::Unauthorized: return status == 401;
        case Expect::Forbidden: return status == 403;
        case Expect::Allowed: return status > 0 && status != 401 && status != 403;
    }
    return false;
}

// Path parameters become an id that exists in the demo data. Two exceptions (issue 14): a staff
// user is the technician, whom every role with users.* may act on (user 1 is the superadmin, whom
// only a superadmin may act on; tests/security/test_role_escalation.cpp covers that matrix), and
// a session is one nobody owns (session 1 is the walker's own token, which DELETE would revoke).
std::string concrete_path(const std::string& pattern, TestServer& server) {
    if (pattern.starts_with("/api/users/{id}"))
        return std::regex_replace(pattern, std::regex("\\{[^}]+\\}"), server.scalar("SELECT id FROM users WHERE username = 'technician'"));
    if (pattern.starts_with("/api/auth/sessions/{id}")) return std::regex_replace(pattern, std::regex("\\{[^}]+\\}"), "999999");
    return std::regex_replace(pattern, std::regex("\\{[^}]+\\}"), "1");
}

// The collector is not in the plain demo data (the history's round makes them, with their area).
void add_demo_collector(TestServer& server) {
    auto lease = server.app().database();
    BOOST_TEST_REQUIRE(bool(lease));
    app::Context context = server.app().context(**lease, app::Actor{"system", 0, "seed-demo", ""});
    const auto made = (*lease)->transaction([&]() -> Result<void> {
        TRY(cli::seed_demo_collection(context));
        return {};
    });
    BOOST_TEST_REQUIRE(bool(made));
}

bool is_logout(const http::Route& route) { return route.pattern == "/api/auth/logout"; }

// Reads and harmless writes first, then deletes, and logout (which revokes the walking token) last.
int walk_rank(const http::Route& route) {
    if (is_logout(route)) return 2;
    return route.method == "DELETE" ? 1 : 0;
}

struct Cell {
    int status = 0;
    Expect expect = Expect::Allowed;
    bool ok = false;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rbac_matrix)

BOOST_AUTO_TEST_CASE(every_route_answers_every_role_as_declared) {
    std::map<std::string, std::vector<Cell>> cells;  // "METHOD pattern" -> one cell per principal
    std::vector<std::string> labels;  // in walk order
    std::map<std::string, std::string> access_of;
    std::size_t route_count = 0;

    for (std::size_t column = 0; column < principals().size(); ++column) {
        const Principal& principal = principals()[column];
        // A fresh server per principal, so writes made while walking as one role cannot change
        // what another role's walk sees.
        TestServer server;
        if (principal.role == rbac::kCollector) add_demo_collector(server);
        const std::string token = principal.username.empty() ? std::string() : server.login(principal.username);
        const auto& routes = server.app().router().routes();
        route_count = routes.size();
        std::vector<const http::Route*> walk;
        for (const auto& route : routes) walk.push_back(&route);
        std::stable_sort(walk.begin(), walk.end(), [](auto* a, auto* b) { return walk_rank(*a) < walk_rank(*b); });

        for (const http::Route* route : walk) {
            const std::string label = route->method + " " + route->pattern;
            if (column == 0) {
                labels.push_back(label);
                access_of[label] = route->access == http::Access::Public          ? "public"
                                   : route->access == http::Access::Authenticated ? "authenticated"
                                                                                  : route->permission;
            }
            const bool has_body = route->method == "POST" || route->method == "PUT" || route->method == "PATCH";
            const auto reply = server.call(route->method, concrete_path(route->pattern, server), has_body ? "{}" : "", token);
            Cell cell{reply.status, expected_for(*route, principal), false};
            auto& row = cells[label];
            row.resize(principals().size());
            cell.ok = matches(cell.expect, reply.status, column == 0 ? reply.status : row[0].status);
            BOOST_TEST(cell.ok, label << " as " << principal.column << ": got " << reply.status << " " << reply.body.substr(0, 200));
            if (reply.status == 401 || reply.status == 403) BOOST_TEST(reply.is_error_envelope(), label);
            row[column] = cell;
        }
        // Logout came last and really revoked the token the walk used.
        const bool has_logout = std::any_of(walk.begin(), walk.end(), [](auto* route) { return is_logout(*route); });
        if (!token.empty() && has_logout) BOOST_TEST(server.get("/api/me", token).status == 401);
    }

    // Every route was called for every principal.
    BOOST_TEST(cells.size() == route_count);
    for (const auto& [label, row] : cells)
        for (const auto& cell : row) BOOST_TEST(cell.status != 0, label);

    // The compact matrix: status per principal; "!" marks a mismatch.
    std::ostringstream out;
    out << "\nRBAC matrix (" << route_count << " routes x " << principals().size() << " principals)\n";
    out << std::left << std::setw(44) << "route" << std::setw(22) << "access";
    for (const auto& principal : principals()) out << std::setw(11) << principal.column;
    out << "\n";
    for (const auto& label : labels) {
        out << std::setw(44) << label << std::setw(22) << access_of[label];
        for (const auto& cell : cells[label]) out << std::setw(11) << (std::to_string(cell.status) + (cell.ok ? "" : "!"));
        out << "\n";
    }
    std::cout << out.str() << std::flush;
}

BOOST_AUTO_TEST_SUITE_END()
