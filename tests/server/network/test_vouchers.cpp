// Hotspot vouchers end to end (issue 19): a batch made through the API, pushed to a simulated
// RouterOS router through pipelined /ip/hotspot/user/add, read back from the router's own state;
// a push interrupted by a dropped connection or a crash resumes without duplicates; expiry reads
// usage back and removes what is used up or expired; the printable sheets; the bounds.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <set>

#include "store/hotspot_store.hpp"
#include "voucher_fixture.hpp"
#include "vouchers/voucher_batch.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(vouchers)

BOOST_AUTO_TEST_CASE(a_batch_of_n_is_on_the_router_with_its_profile_and_limits) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(40);
    auto pushed = fixture.push(batch);
    BOOST_TEST_REQUIRE(pushed.status == 200, pushed.body);
    BOOST_TEST(pushed.json()["data"]["added"] == 40);
    BOOST_TEST(pushed.json()["data"]["status"] == "pushed");

    // The router's own state, independently of our client: every code once, with its password,
    // the profile, and the limits as RouterOS intervals and bytes.
    const auto users = fixture.on_router(batch);
    const auto codes = fixture.usernames(batch);
    BOOST_TEST_REQUIRE(users.size() == 40u);
    std::set<std::string> on_router, in_database(codes.begin(), codes.end());
    for (const auto& user : users) {
        on_router.insert(user.at("name"));
        BOOST_TEST(user.at("password") == user.at("name"));  // voucher mode: the code is both
        BOOST_TEST(user.at("profile") == "jam-1");
        BOOST_TEST(user.at("limit-uptime") == "1h");
        BOOST_TEST(user.at("limit-bytes-total") == "1000000000");
    }
    BOOST_TEST(on_router == in_database);
    BOOST_TEST(in_database.size() == 40u);
    for (const auto& code : codes) {
        BOOST_TEST(code.size() == 8u);
        BOOST_TEST(code.find_first_not_of(kVoucherAlphabet) == std::string::npos, code);
    }
    auto profile = fixture.routers[0]->find("/ip/hotspot/user/profile", "jam-1");
    BOOST_TEST_REQUIRE(profile.has_value());
    BOOST_TEST(profile->at("rate-limit") == "2M/2M");
    BOOST_TEST(profile->at("shared-users") == "1");

    // Progress and state as the API shows them; a second push adds nothing.
    auto shown = fixture.server.get("/api/voucher-batches/" + std::to_string(batch), fixture.token);
    BOOST_TEST(shown.json()["data"]["pushed_count"] == 40);
    BOOST_TEST(shown.json()["data"]["status"] == "pushed");
    auto again = fixture.push(batch);
    BOOST_TEST(again.json()["data"]["added"] == 0);
    BOOST_TEST(fixture.on_router(batch).size() == 40u);
}

BOOST_AUTO_TEST_CASE(userpass_mode_gives_each_voucher_its_own_password) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(5, "userpass");
    BOOST_TEST_REQUIRE(fixture.push(batch).status == 200);
    for (const auto& user : fixture.on_router(batch)) {
        BOOST_TEST(user.at("password") != user.at("name"));
        BOOST_TEST(user.at("password").size() == 8u);
    }
}

BOOST_AUTO_TEST_CASE(a_push_cut_by_a_dropped_connection_resumes_without_duplicates) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(30);
    fixture.routers[0]->drop_next("/ip/hotspot/user/add");
    auto cut = fixture.push(batch);
    BOOST_TEST(cut.status == 503, cut.body);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM voucher_batches WHERE id = " + std::to_string(batch)) == "pushing");
    BOOST_TEST(!fixture.server.scalar("SELECT last_error FROM voucher_batches WHERE id = " + std::to_string(batch)).empty());

    // The scheduler's job picks the interrupted batch up again.
    auto lease = fixture.server.app().database();
    app::Context context = fixture.context(**lease);
    auto resumed = services::push_pending_voucher_batches(context);
    BOOST_TEST_REQUIRE(resumed.ok(), (resumed ? "" : resumed.error().message()));
    BOOST_TEST((*resumed)["batches"][0]["status"] == "pushed", resumed->dump());
    const auto users = fixture.on_router(batch);
    std::set<std::string> names;
    for (const auto& user : users) names.insert(user.at("name"));
    BOOST_TEST(users.size() == 30u);
    BOOST_TEST(names.size() == 30u);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE pushed_at IS NOT NULL AND batch_id = " + std::to_string(batch)) == "30");
}

BOOST_AUTO_TEST_CASE(a_crash_after_the_router_took_a_chunk_but_before_its_commit_adds_only_the_rest) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(30);
    const auto codes = fixture.usernames(batch);
    auto lease = fixture.server.app().database();
    app::Context context = fixture.context(**lease);
    // The crashed run: its first chunk (5) committed; the router took 7 more whose markers never committed.
    BOOST_TEST_REQUIRE(context.db.transaction([&]() -> Result<void> {
        for (int index = 0; index < 5; ++index) TRY_VOID(store::mark_voucher_pushed(context.db, batch, codes[index], context.now));
        return store::set_batch_status(context.db, batch, "pushing", "");
    }).ok());
    fixture.routers[0]->with_state([&](sim::RouterState& state) {
        state.execute({"/ip/hotspot/user/profile/add", "=name=jam-1", "=rate-limit=2M/2M"});
        for (int index = 0; index < 12; ++index)
            state.execute({"/ip/hotspot/user/add", "=name=" + codes[index], "=password=" + codes[index], "=profile=jam-1",
                           "=comment=" + services::voucher_batch_comment(batch)});
        return 0;
    });
    auto report = services::push_voucher_batch(context, batch, 10);
    BOOST_TEST_REQUIRE(report.ok(), (report ? "" : report.error().message()));
    BOOST_TEST(report->found_on_router == 7);
    BOOST_TEST(report->added == 18);
    BOOST_TEST(report->pushed == 30);
    BOOST_TEST(fixture.on_router(batch).size() == 30u);
}

BOOST_AUTO_TEST_CASE(a_foreign_user_with_the_same_name_is_refused_not_taken_for_ours) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(3);
    const auto codes = fixture.usernames(batch);
    fixture.routers[0]->with_state([&](sim::RouterState& state) {
        return state.execute({"/ip/hotspot/user/add", "=name=" + codes[1], "=password=someone-else"});
    });
    auto pushed = fixture.push(batch);
    BOOST_TEST_REQUIRE(pushed.status == 200, pushed.body);
    BOOST_TEST(pushed.json()["data"]["status"] == "failed");
    BOOST_TEST(pushed.json()["data"]["refused"] == 1);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE pushed_at IS NULL AND batch_id = " + std::to_string(batch)) == "1");
    BOOST_TEST(fixture.routers[0]->find("/ip/hotspot/user", codes[1])->at("password") == "someone-else");
}

BOOST_AUTO_TEST_CASE(expiry_reads_usage_back_and_removes_used_up_and_expired_vouchers) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(4);
    BOOST_TEST_REQUIRE(fixture.push(batch).status == 200);
    const auto codes = fixture.usernames(batch);
    auto& router = *fixture.routers[0];
    router.hotspot_use(codes[0], "1h", 1000, 2000, false);                // the hour is used up
    router.hotspot_use(codes[1], "5m", 100, 200, true);                   // online now: first use
    router.hotspot_use(codes[2], "20m", 600'000'000, 500'000'000, false);  // past the 1 GB quota
    auto lease = fixture.server.app().database();
    app::Context context = fixture.context(**lease);
    auto first = services::expire_vouchers(context);
    BOOST_TEST_REQUIRE(first.ok(), (first ? "" : first.error().message()));
    BOOST_TEST(first->used_up == 2);
    BOOST_TEST(first->removed == 2);
    BOOST_TEST(!router.find("/ip/hotspot/user", codes[0]).has_value());
    BOOST_TEST(!router.find("/ip/hotspot/user", codes[2]).has_value());
    BOOST_TEST(router.find("/ip/hotspot/user", codes[1]).has_value());
    BOOST_TEST(fixture.server.scalar("SELECT state FROM vouchers WHERE username = '" + codes[0] + "'") == "used_up");
    BOOST_TEST(fixture.server.scalar("SELECT uptime_seconds FROM vouchers WHERE username = '" + codes[1] + "'") == "300");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE first_used_at IS NOT NULL AND batch_id = " + std::to_string(batch)) == "3");

    // A day after its first login the second voucher's validity is over; the unused one stays.
    fixture.server.clock().advance(86400);
    app::Context later = fixture.context(**lease);
    auto second = services::expire_vouchers(later);
    BOOST_TEST_REQUIRE(second.ok());
    BOOST_TEST(second->expired == 1);
    BOOST_TEST(!router.find("/ip/hotspot/user", codes[1]).has_value());
    BOOST_TEST(router.find("/ip/hotspot/user", codes[3]).has_value());
    BOOST_TEST(fixture.server.scalar("SELECT state FROM vouchers WHERE username = '" + codes[1] + "'") == "expired");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE removed_at IS NOT NULL AND batch_id = " + std::to_string(batch)) == "3");
}

BOOST_AUTO_TEST_CASE(sheets_print_in_a4_and_58mm_with_a_qr_login_link) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(35, "userpass");
    for (const std::string layout : {"a4", "58mm"}) {
        auto sheet = fixture.server.get("/api/voucher-batches/" + std::to_string(batch) + "/pdf?layout=" + layout, fixture.token);
        BOOST_TEST_REQUIRE(sheet.status == 200, layout);
        BOOST_TEST(sheet.headers.at("content-type") == "application/pdf");
        BOOST_TEST(sheet.body.starts_with("%PDF-"));
        // 35 cards: two A4 pages of 30, or four thermal pages of 10.
        std::size_t pages = 0;
        for (std::size_t at = sheet.body.find("/Type /Page\r"); at != std::string::npos; at = sheet.body.find("/Type /Page\r", at + 1)) ++pages;
        if (pages == 0)
            for (std::size_t at = sheet.body.find("/Type /Page\n"); at != std::string::npos; at = sheet.body.find("/Type /Page\n", at + 1)) ++pages;
        BOOST_TEST(pages == (layout == "a4" ? 2u : 4u), layout);
        if (const char* directory = std::getenv("KIMONET_VOUCHER_SHEET_DIR"))  // to look at them (pdftoppm)
            std::ofstream(std::string(directory) + "/vouchers-" + layout + ".pdf", std::ios::binary) << sheet.body;
    }
    auto wrong = fixture.server.get("/api/voucher-batches/" + std::to_string(batch) + "/pdf?layout=letter", fixture.token);
    BOOST_TEST(wrong.status == 422);
    BOOST_TEST(hotspot_login_link("http://10.5.50.1/login", "AB CD", "x&y") == "http://10.5.50.1/login?username=AB%20CD&password=x%26y");
}

BOOST_AUTO_TEST_CASE(a_batch_over_25000_or_malformed_is_refused_and_changes_nothing) {
    VoucherFixture fixture;
    const std::string before = fixture.server.snapshot();
    for (const std::string body :
         {R"({"router_id":1,"profile_id":1,"count":25001})", R"({"router_id":1,"profile_id":1,"count":1000000000000})",
          R"({"router_id":1,"profile_id":1,"count":0})", R"({"router_id":1,"profile_id":1,"count":"10"})",
          R"({"router_id":1,"profile_id":1,"count":10,"code_length":4})", R"({"router_id":1,"profile_id":1,"count":10,"prefix":"a b"})",
          R"({"router_id":99,"profile_id":1,"count":10})", R"({"router_id":1,"profile_id":99,"count":10})", R"([1,2])"}) {
        auto refused = fixture.server.post("/api/voucher-batches", body, fixture.token);
        BOOST_TEST((refused.status == 422 || refused.status == 400), body << " " << refused.status);
        BOOST_TEST(refused.is_error_envelope(), body);
    }
    auto huge = fixture.server.post("/api/voucher-batches", R"({"router_id":1,"profile_id":1,"count":25001})", fixture.token);
    BOOST_TEST(huge.json()["error"]["fields"].contains("count"));
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
