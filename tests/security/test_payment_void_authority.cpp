// Voiding and correcting payments from the attacker's side (issue 18): a role without the
// permission, a customer and an anonymous caller change nothing; a cashier cannot void a
// colleague's payment or her own after 24 hours (that needs payments.void_any); a gateway
// payment is voided only with payments.void_any and the gateway's refund reference; a replayed
// void or correction changes nothing the second time.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;
using api::Json;

namespace {

struct Scene {
    TestServer server;
    std::string superadmin = server.login("superadmin");
    std::string finance = server.login("finance");
    std::int64_t invoice = 0;

    Scene() {
        const Json body = {{"customer_id", 2}, {"due_date", "2026-01-24"},
                           {"lines", {{{"description", "Langganan internet"}, {"quantity", 1}, {"unit_price", 150000}}}}};
        auto reply = server.post("/api/invoices", body.dump(), superadmin);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        invoice = reply.json()["data"]["id"];
    }
    std::int64_t pay(const std::string& token) {
        auto reply = server.post("/api/payments", Json{{"invoice_id", invoice}, {"amount", 150000}, {"method", "cash"}}.dump(), token);
        BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
        return reply.json()["data"]["id"];
    }
    HttpReply void_payment(std::int64_t payment, const std::string& token, const Json& body = {{"reason", "salah catat"}}) {
        return server.post("/api/payments/" + std::to_string(payment) + "/void", body.dump(), token);
    }
    HttpReply correct(std::int64_t payment, const std::string& token) {
        return server.post("/api/payments/" + std::to_string(payment) + "/correct", R"({"amount":150000,"reason":"salah catat"})", token);
    }
    // A second cashier, made by the superadmin, with her own password set.
    std::string second_cashier() {
        auto made = server.post("/api/users", Json{{"username", "kasir.dua"}, {"password", "Tiang-Listrik-81"}, {"role", "finance"}}.dump(), superadmin);
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
        const std::string token = server.login("kasir.dua", "Tiang-Listrik-81");
        auto changed = server.post("/api/auth/password", R"({"current_password":"Tiang-Listrik-81","new_password":"Sapu-Lidi-Merah-93"})", token);
        BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
        return server.login("kasir.dua", "Sapu-Lidi-Merah-93");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(payment_void_authority)

BOOST_AUTO_TEST_CASE(a_role_without_the_permission_a_customer_and_a_stranger_change_nothing) {
    Scene scene;
    const auto payment = scene.pay(scene.finance);
    const std::string technician = scene.server.login("technician");
    const std::string customer = scene.server.login("CUST002");
    const std::string before = scene.server.snapshot();
    for (const std::string& token : {technician, customer}) {
        BOOST_TEST(scene.void_payment(payment, token).status == 403);
        BOOST_TEST(scene.correct(payment, token).status == 403);
    }
    BOOST_TEST(scene.void_payment(payment, "").status == 401);
    BOOST_TEST(scene.correct(payment, "").status == 401);
    BOOST_TEST(scene.void_payment(payment, "forged-token").status == 401);
    BOOST_TEST(scene.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(a_cashier_voids_only_her_own_payments_of_the_last_24_hours) {
    Scene scene;
    const std::string colleague = scene.second_cashier();
    const auto payment = scene.pay(scene.finance);
    const std::string before = scene.server.snapshot();
    auto other = scene.void_payment(payment, colleague);
    BOOST_TEST_REQUIRE(other.status == 403, other.body);
    BOOST_TEST(other.json()["error"]["message"].get<std::string>().find("payments.void_any") != std::string::npos);
    BOOST_TEST(scene.correct(payment, colleague).status == 403);
    BOOST_TEST(scene.server.snapshot() == before, "a colleague's void changes nothing");
    scene.server.clock().advance(24 * 3600 + 60);
    const std::string finance = scene.server.login("finance");  // the old session has expired meanwhile
    const std::string admin_token = scene.server.login("admin");
    const std::string later = scene.server.snapshot();
    auto late = scene.void_payment(payment, finance);
    BOOST_TEST_REQUIRE(late.status == 403, late.body);
    BOOST_TEST(late.json()["error"]["message"].get<std::string>().find("24 jam") != std::string::npos);
    BOOST_TEST(scene.correct(payment, finance).status == 403);
    BOOST_TEST(scene.server.snapshot() == later, "a late void changes nothing");
    // An admin (payments.void_any) may.
    auto admin = scene.void_payment(payment, admin_token);
    BOOST_TEST_REQUIRE(admin.status == 200, admin.body);
    BOOST_TEST(admin.json()["data"]["voided_by"] == "admin");
}

// A correction is a new payment recorded by the same cashier; were the 24 hours measured from it, a
// cashier could correct her payment to the same amount every day and void it a month later (the
// cash gone, the invoice open again). The window runs from the first payment of the chain.
BOOST_AUTO_TEST_CASE(corrections_do_not_renew_a_cashiers_24_hours) {
    Scene scene;
    std::int64_t latest = scene.pay(scene.finance);
    std::string finance = scene.finance;
    for (int day = 0; day < 2; ++day) {
        scene.server.clock().advance(11 * 3600);
        finance = scene.server.login("finance");
        auto corrected = scene.correct(latest, finance);
        BOOST_TEST_REQUIRE(corrected.status == 201, corrected.body);
        latest = corrected.json()["data"]["correction"]["id"].get<std::int64_t>();
    }
    scene.server.clock().advance(3 * 3600);  // 25 hours after the first payment, 3 after the last correction
    finance = scene.server.login("finance");
    const std::string before = scene.server.snapshot();
    auto late = scene.void_payment(latest, finance);
    BOOST_TEST_REQUIRE(late.status == 403, late.body);
    BOOST_TEST(late.json()["error"]["message"].get<std::string>().find("24 jam") != std::string::npos);
    BOOST_TEST(scene.correct(latest, finance).status == 403);
    BOOST_TEST(scene.server.snapshot() == before);
    // Within the first 24 hours a correction of a correction is still hers to void.
    Scene fresh;
    const auto first = fresh.pay(fresh.finance);
    auto corrected = fresh.correct(first, fresh.finance);
    BOOST_TEST_REQUIRE(corrected.status == 201, corrected.body);
    const auto second = corrected.json()["data"]["correction"]["id"].get<std::int64_t>();
    fresh.server.clock().advance(20 * 3600);
    BOOST_TEST(fresh.void_payment(second, fresh.server.login("finance")).status == 200);
}

BOOST_AUTO_TEST_CASE(a_replayed_void_or_correction_changes_nothing_the_second_time) {
    Scene scene;
    const auto payment = scene.pay(scene.finance);
    auto first = scene.void_payment(payment, scene.finance);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    BOOST_TEST(first.json()["data"]["already_void"] == false);
    const std::string settled = scene.server.snapshot();
    for (int repeat = 0; repeat < 3; ++repeat) {
        auto again = scene.void_payment(payment, scene.finance, {{"reason", "alasan lain " + std::to_string(repeat)}});
        BOOST_TEST_REQUIRE(again.status == 200, again.body);
        BOOST_TEST(again.json()["data"]["already_void"] == true);
        BOOST_TEST(again.json()["data"]["void_reason"] == "salah catat", "the first reason stays");
    }
    // A voided payment without a correction cannot be "corrected" afterwards: record a new one.
    BOOST_TEST(scene.correct(payment, scene.finance).status == 409);
    BOOST_TEST(scene.void_payment(999999, scene.finance).status == 404);
    BOOST_TEST(scene.server.snapshot() == settled);
}

BOOST_AUTO_TEST_CASE(a_gateway_payment_is_voided_only_with_void_any_and_the_refund_reference) {
    Scene scene;
    const auto payment = scene.pay(scene.finance);
    // The money of a gateway payment is at the gateway (made one here for the test).
    scene.server.scalar("UPDATE payments SET method = 'gateway' WHERE id = " + std::to_string(payment) + " RETURNING id");
    const std::string admin = scene.server.login("admin");
    const std::string before = scene.server.snapshot();
    auto cashier = scene.void_payment(payment, scene.finance);
    BOOST_TEST_REQUIRE(cashier.status == 403, cashier.body);
    BOOST_TEST(cashier.json()["error"]["message"].get<std::string>().find("refund") != std::string::npos);
    auto without_reference = scene.void_payment(payment, admin);
    BOOST_TEST_REQUIRE(without_reference.status == 422, without_reference.body);
    BOOST_TEST(without_reference.json()["error"]["fields"].contains("gateway_refund_reference"));
    BOOST_TEST(scene.correct(payment, admin).status == 409, "a gateway payment is voided, never corrected");
    BOOST_TEST(scene.server.snapshot() == before);
    auto refunded = scene.void_payment(payment, admin, {{"reason", "pelanggan minta refund"}, {"gateway_refund_reference", "RF-2026-0001"}});
    BOOST_TEST_REQUIRE(refunded.status == 200, refunded.body);
    BOOST_TEST(refunded.json()["data"]["void_reason"].get<std::string>().find("RF-2026-0001") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
