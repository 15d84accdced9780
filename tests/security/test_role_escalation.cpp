// Issue 14, item 2, from the attacker's side: a staff user with users.create/users.update/
// users.delete tries to reach permissions they do not hold. The matrix is every actor role ×
// every target role × {create a user with the role, change a user's role to it, reset the
// password of a user holding it, deactivate a user holding it}. The expected answer is derived
// from shared/rbac's default permissions (not from the server's own check): allowed only when
// the actor holds the route's permission and every permission of the target role. A refused
// request must leave the database exactly as it was.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "rbac/permissions.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::TestServer;

namespace {

const char* const kRoles[] = {"superadmin", "admin", "finance", "technician"};
enum class Operation { Create, UpdateRole, ResetPassword, Deactivate };
const Operation kOperations[] = {Operation::Create, Operation::UpdateRole, Operation::ResetPassword, Operation::Deactivate};
const char* const kOperationNames[] = {"create", "update_role", "reset_password", "deactivate"};

std::set<std::string> defaults_of(const std::string& role) {
    std::set<std::string> out;
    for (auto permission : rbac::default_permissions(role)) out.insert(std::string(permission));
    return out;
}

std::string route_permission(Operation operation) {
    switch (operation) {
        case Operation::Create: return "users.create";
        case Operation::UpdateRole:
        case Operation::ResetPassword: return "users.update";
        case Operation::Deactivate: return "users.delete";
    }
    return {};
}

bool expected_allowed(const std::string& actor, const std::string& target, Operation operation) {
    const auto held = defaults_of(actor);
    if (!held.contains(route_permission(operation))) return false;
    const auto wanted = defaults_of(target);
    return std::includes(held.begin(), held.end(), wanted.begin(), wanted.end());
}

struct Scene {
    TestServer server;
    std::string superadmin = server.login("superadmin");

    std::string id_of(const std::string& username) { return server.scalar("SELECT id FROM users WHERE username = '" + username + "'"); }
    std::string role_of(const std::string& username) {
        return server.scalar("SELECT r.name FROM roles r JOIN user_role ur ON ur.role_id = r.id JOIN users u ON u.id = ur.user_id "
                             "WHERE u.username = '" + username + "'");
    }
    // A user of `role` made by the superadmin, signed in with the password they changed first (a
    // password set by someone else reaches nothing else); their token.
    std::string signed_in_user(const std::string& username, const std::string& role) {
        add_user(username, role);
        auto login = server.login_attempt(username, "Tiang-Listrik-81");
        BOOST_TEST_REQUIRE(login.status == 200);
        const std::string token = login.json()["token"].get<std::string>();
        BOOST_TEST_REQUIRE(server.post("/api/auth/password", R"({"current_password":"Tiang-Listrik-81","new_password":"Sapu-Lidi-Merah-93"})", token).status ==
                           200);
        return token;
    }
    // A user made by the superadmin (so the seeded actor is never its own target).
    std::string add_user(const std::string& username, const std::string& role) {
        auto reply = server.post("/api/users", Json{{"username", username}, {"password", "Tiang-Listrik-81"}, {"role", role}}.dump(), superadmin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return id_of(username);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(role_escalation)

BOOST_DATA_TEST_CASE(every_actor_role_times_every_target_role_times_every_operation,
                     boost::unit_test::data::make(kRoles) * boost::unit_test::data::make(kRoles) *
                         boost::unit_test::data::xrange(4),
                     actor_role, target_role, operation_index) {
    const Operation operation = kOperations[operation_index];
    const std::string actor(actor_role), target(target_role);
    BOOST_TEST_CONTEXT(actor << " -> " << kOperationNames[operation_index] << " -> " << target) {
        Scene scene;
        // A role with no permissions: promoting its holder grants exactly the target role.
        BOOST_TEST_REQUIRE(scene.server.post("/api/roles", R"({"name":"trainee","permissions":[]})", scene.superadmin).status == 201);
        const std::string trainee = scene.add_user("trainee.one", "trainee");
        const std::string victim = scene.add_user("victim." + target, target);
        const std::string token = scene.server.login(actor);

        const std::string before = scene.server.snapshot();
        testing::HttpReply reply;
        switch (operation) {
            case Operation::Create:
                reply = scene.server.post("/api/users", Json{{"username", "baru.satu"}, {"password", "Tiang-Listrik-81"}, {"role", target}}.dump(),
                                          token);
                break;
            case Operation::UpdateRole:
                reply = scene.server.put("/api/users/" + trainee, Json{{"role", target}}.dump(), token);
                break;
            case Operation::ResetPassword:
                reply = scene.server.put("/api/users/" + victim, R"({"password":"Kunci-Gudang-4471"})", token);
                break;
            case Operation::Deactivate:
                reply = scene.server.del("/api/users/" + victim, token);
                break;
        }
        if (expected_allowed(actor, target, operation)) {
            BOOST_TEST(reply.status == (operation == Operation::Create ? 201 : 200), reply.body);
            if (operation == Operation::Create) BOOST_TEST(scene.role_of("baru.satu") == target);
            if (operation == Operation::UpdateRole) BOOST_TEST(scene.role_of("trainee.one") == target);
            if (operation == Operation::ResetPassword)
                BOOST_TEST(scene.server.login_attempt("victim." + target, "Kunci-Gudang-4471").status == 200);
            if (operation == Operation::Deactivate)
                BOOST_TEST(scene.server.scalar("SELECT active FROM users WHERE id = " + victim) == "0");
        } else {
            BOOST_TEST(reply.status == 403, reply.body);
            BOOST_TEST(reply.is_error_envelope());
            BOOST_TEST(scene.server.snapshot() == before);
            if (operation == Operation::ResetPassword)
                BOOST_TEST(scene.server.login_attempt("victim." + target, "Kunci-Gudang-4471").status == 401);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_admin_cannot_promote_themselves) {
    Scene scene;
    const std::string admin = scene.server.login("admin");
    const std::string before = scene.server.snapshot();
    auto reply = scene.server.put("/api/users/" + scene.id_of("admin"), R"({"role":"superadmin"})", admin);
    BOOST_TEST(reply.status == 403);
    BOOST_TEST(reply.error_code() == "forbidden");
    BOOST_TEST(scene.server.snapshot() == before);
    BOOST_TEST(scene.role_of("admin") == "admin");
    // Nor through a role: creating or editing one with roles.update is roles.update's own route.
    BOOST_TEST(scene.server.post("/api/roles", R"({"name":"boss","permissions":["roles.update"]})", admin).status == 403);
    BOOST_TEST(scene.server.snapshot() == before);
}

// Sign-in looks for a staff username before a service number, so a staff account named like a
// customer's service number ("cust002") would lock that customer out of the portal and receive
// their password attempts. Such a username is refused, in any case.
BOOST_AUTO_TEST_CASE(a_staff_account_cannot_take_a_customers_service_number_as_its_name) {
    Scene scene;
    const std::string admin = scene.server.login("admin");
    const std::string before = scene.server.snapshot();
    for (const char* username : {"cust002", "CUST002", " Cust002 "}) {
        BOOST_TEST_CONTEXT(username) {
            const auto reply = scene.server.post("/api/users", api::Json{{"username", username}, {"full_name", "Bayangan"}, {"password", "Sangat-Rahasia-2026!"},
                                                                          {"role", "technician"}}.dump(), admin);
            BOOST_TEST(reply.status == 409);
            BOOST_TEST(reply.body.find("username") != std::string::npos, reply.body);
        }
    }
    BOOST_TEST(scene.server.snapshot() == before);
    BOOST_TEST(!scene.server.login("CUST002").empty(), "the customer still signs in");
    // Any other name is still a staff user.
    BOOST_TEST(scene.server.post("/api/users", api::Json{{"username", "teknisi2"}, {"full_name", "Teknisi Dua"}, {"password", "Sangat-Rahasia-2026!"},
                                                         {"role", "technician"}}.dump(), admin).status == 201);
}

BOOST_AUTO_TEST_CASE(a_role_editor_cannot_grant_a_permission_they_do_not_hold) {
    Scene scene;
    // A delegated role administrator without settings.update (so without the power to change where secrets go).
    BOOST_TEST_REQUIRE(scene.server.post("/api/roles", R"({"name":"roleadmin","permissions":["roles.read","roles.update","users.read"]})",
                                         scene.superadmin).status == 201);
    const std::string token = scene.signed_in_user("delegate", "roleadmin");
    const std::string role = scene.server.scalar("SELECT id FROM roles WHERE name = 'roleadmin'");
    const std::string before = scene.server.snapshot();
    auto own = scene.server.put("/api/roles/" + role + "/permissions", R"({"permissions":["roles.read","roles.update","users.read","settings.update"]})", token);
    BOOST_TEST(own.status == 403);
    auto other = scene.server.put("/api/roles/" + scene.server.scalar("SELECT id FROM roles WHERE name = 'technician'") + "/permissions",
                                  R"({"permissions":["settings.update"]})", token);
    BOOST_TEST(other.status == 403);
    // Taking a permission away from holders is acting on them: the technician's network.control is not theirs.
    auto strip = scene.server.put("/api/roles/" + scene.server.scalar("SELECT id FROM roles WHERE name = 'technician'") + "/permissions",
                                  R"({"permissions":[]})", token);
    BOOST_TEST(strip.status == 403);
    BOOST_TEST(scene.server.post("/api/roles", R"({"name":"sneaky","permissions":["settings.update"]})", token).status == 403);
    // Whether a role needs a second factor is the role's too: the delegate cannot switch off the
    // superadmins' (nor switch on the technicians', whose permissions they do not hold).
    const std::string superadmin_role = scene.server.scalar("SELECT id FROM roles WHERE name = 'superadmin'");
    const std::string technician_role = scene.server.scalar("SELECT id FROM roles WHERE name = 'technician'");
    BOOST_TEST(scene.server.put("/api/roles/" + superadmin_role + "/two-factor", R"({"required":false})", token).status == 403);
    BOOST_TEST(scene.server.put("/api/roles/" + technician_role + "/two-factor", R"({"required":true})", token).status == 403);
    BOOST_TEST(scene.server.snapshot() == before);
    // Within what they hold, they may edit.
    BOOST_TEST(scene.server.post("/api/roles", R"({"name":"reader","permissions":["users.read"]})", token).status == 201);
    // Their own role's second factor, whose permissions they hold, they may require (last: from then
    // on their own session must enrol before anything else).
    BOOST_TEST(scene.server.put("/api/roles/" + role + "/two-factor", R"({"required":true})", token).status == 200);
}

// A registration converted into a customer goes through create_customer, whose body may carry a
// portal password: customers.create alone (a front-desk role) must not set one, as on POST /api/customers.
BOOST_AUTO_TEST_CASE(converting_a_registration_cannot_set_a_portal_password_without_its_permission) {
    Scene scene;
    BOOST_TEST_REQUIRE(scene.server.post("/api/roles", R"({"name":"frontdesk","permissions":["customers.read","customers.create"]})",
                                         scene.superadmin).status == 201);
    const std::string token = scene.signed_in_user("meja.depan", "frontdesk");
    auto registered = scene.server.post("/api/register", Json{{"name", "Calon Pelanggan"}, {"phone", "081277770001"}, {"address", "Jl. Kenanga 3"},
                                                              {"package_id", 1}}.dump());
    BOOST_TEST_REQUIRE(registered.status == 201, registered.body);
    const std::string lead = scene.server.scalar("SELECT MAX(id) FROM leads");

    const std::string before = scene.server.snapshot();
    auto refused = scene.server.post("/api/leads/" + lead + "/convert", R"({"password":"Kunci-Gudang-4471"})", token);
    BOOST_TEST(refused.status == 403, refused.body);
    BOOST_TEST(refused.is_error_envelope());
    BOOST_TEST(scene.server.snapshot() == before);

    auto converted = scene.server.post("/api/leads/" + lead + "/convert", "{}", token);
    BOOST_TEST_REQUIRE(converted.status == 201, converted.body);
    const std::string number = converted.json()["data"]["customer"]["service_number"].get<std::string>();
    BOOST_TEST(scene.server.scalar("SELECT COUNT(*) FROM customers WHERE COALESCE(password_hash, '') = '' AND service_number = '" + number + "'") == "1");
    BOOST_TEST(scene.server.login_attempt(number, "Kunci-Gudang-4471").status == 401);
}

BOOST_AUTO_TEST_CASE(the_last_holder_of_roles_update_is_never_demoted_or_deactivated) {
    Scene scene;
    const std::string own_id = scene.id_of("superadmin");
    std::string before = scene.server.snapshot();
    auto demote = scene.server.put("/api/users/" + own_id, R"({"role":"admin"})", scene.superadmin);
    BOOST_TEST(demote.status == 422);
    BOOST_TEST(demote.json()["error"]["fields"].contains("role"));
    BOOST_TEST(scene.server.del("/api/users/" + own_id, scene.superadmin).status == 422);
    BOOST_TEST(scene.server.snapshot() == before);

    // With a second superadmin, one may step down; then the other is the last and stays.
    const std::string second = scene.add_user("kedua", "superadmin");
    BOOST_TEST(scene.server.put("/api/users/" + own_id, R"({"role":"admin"})", scene.superadmin).status == 200);
    const std::string admin = scene.server.login("admin");
    before = scene.server.snapshot();
    BOOST_TEST(scene.server.put("/api/users/" + own_id, R"({"role":"superadmin"})", scene.superadmin).status == 403);  // no way back up
    BOOST_TEST(scene.server.del("/api/users/" + second, admin).status == 403);
    BOOST_TEST(scene.server.put("/api/users/" + second, R"({"active":false})", scene.superadmin).status == 403);
    BOOST_TEST(scene.server.snapshot() == before);

    // Nor by emptying a custom role that holds roles.update when its holder is the last one.
    auto lone = scene.server.login_attempt("kedua", "Tiang-Listrik-81");
    BOOST_TEST_REQUIRE(lone.status == 200);
    const std::string lone_token = lone.json()["token"].get<std::string>();
    BOOST_TEST_REQUIRE(scene.server.post("/api/auth/password", R"({"current_password":"Tiang-Listrik-81","new_password":"Sapu-Lidi-Merah-93"})",
                                         lone_token).status == 200);
    BOOST_TEST(scene.server.put("/api/users/" + second, R"({"role":"admin"})", lone_token).status == 422);
    BOOST_TEST(scene.server.scalar("SELECT COUNT(*) FROM users u JOIN user_role ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id "
                                   "WHERE r.name = 'superadmin' AND u.active = 1") == "1");
}

// Moving in from PHPNuxBill creates routers, packages, customers (with their PPPoE passwords),
// invoices and payments in one go. Its route asks for settings.update; until Dec 2026 that was all
// it asked, so an ISP's own "settings" role (settings.read + settings.update, none of those) could
// record paid invoices and new customers through a dump it wrote itself. The import now needs
// every permission whose records it writes, the dry run too (its report is the import's).
BOOST_AUTO_TEST_CASE(a_settings_role_cannot_import_records_it_may_not_create) {
    Scene scene;
    BOOST_TEST_REQUIRE(scene.server.post("/api/roles", R"({"name":"pengaturan","permissions":["settings.read","settings.update"]})",
                                         scene.superadmin).status == 201);
    const std::string token = scene.signed_in_user("atur.sistem", "pengaturan");
    std::ifstream in(std::string(KIMONET_SOURCE_DIR) + "/tests/fixtures/phpnuxbill/phpnuxbill_dump.sql", std::ios::binary);
    const std::string dump((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST_REQUIRE(dump.find("tbl_transactions") != std::string::npos);

    const std::string before = scene.server.snapshot();
    for (const char* path : {"/api/imports/phpnuxbill", "/api/imports/phpnuxbill?dry_run=true"}) {
        auto refused = scene.server.call("POST", path, dump, token);
        BOOST_TEST(refused.status == 403, path << ": " << refused.status << " " << refused.body.substr(0, 300));
        BOOST_TEST(refused.is_error_envelope());
    }
    BOOST_TEST(scene.server.snapshot() == before);

    // An administrator (who may create each of those records) still moves in.
    auto done = scene.server.call("POST", "/api/imports/phpnuxbill", dump, scene.server.login("admin"));
    BOOST_TEST_REQUIRE(done.status == 201, done.body.substr(0, 300));
    BOOST_TEST(done.json()["data"]["customers"]["new"] == 6);
}

BOOST_AUTO_TEST_SUITE_END()
