// `kimonet voucher push BATCH_ID | push --pending | expire` through the CLI's entry point (cli::run,
// as the executable's main calls it) on the test server's database: the same services as the
// routes and the vouchers job, with the simulated router's hotspot users read back independently;
// the push's progress (the terminal's bar) heard chunk by chunk; bad input changes nothing.
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "cli/commands.hpp"
#include "voucher_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// The executable's argv: "kimonet voucher …" plus the server's database; the server's key file
// so the CLI unseals the router's password with the same key.
int kimonet_cli(VoucherFixture& fixture, std::vector<std::string> words) {
    words.insert(words.begin(), {"kimonet", "voucher"});
    words.push_back("--db=" + fixture.server.db_path());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    ::setenv("KIMONET_SECRET_KEY_FILE", fixture.server.app().config().secret_key_file.c_str(), 1);
    const int exit_code = cli::run(static_cast<int>(argv.size()), argv.data());
    ::unsetenv("KIMONET_SECRET_KEY_FILE");
    return exit_code;
}

std::string batch_field(VoucherFixture& fixture, std::int64_t batch, const std::string& column) {
    return fixture.server.scalar("SELECT " + column + " FROM voucher_batches WHERE id = " + std::to_string(batch));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(voucher_cli)

BOOST_AUTO_TEST_CASE(push_puts_the_batch_on_the_router_and_expire_removes_the_used_up) {
    VoucherFixture fixture;
    const std::int64_t batch = fixture.make_batch(25);
    // Bad input first: no number, not a number, a batch that does not exist. Nothing moves.
    BOOST_TEST(kimonet_cli(fixture, {"push"}) == 1);
    BOOST_TEST(kimonet_cli(fixture, {"push", "abc"}) == 1);
    BOOST_TEST(kimonet_cli(fixture, {"push", "999999"}) == 1);
    BOOST_TEST(kimonet_cli(fixture, {"sell"}) == 2);
    BOOST_TEST(fixture.on_router(batch).empty());
    BOOST_TEST(batch_field(fixture, batch, "status") == "queued");

    BOOST_TEST_REQUIRE(kimonet_cli(fixture, {"push", std::to_string(batch)}) == 0);
    const auto users = fixture.on_router(batch);
    BOOST_TEST(users.size() == 25u);
    BOOST_TEST(batch_field(fixture, batch, "status") == "pushed");
    BOOST_TEST(batch_field(fixture, batch, "pushed_count") == "25");
    // Again: nothing added, no duplicate on the router.
    BOOST_TEST(kimonet_cli(fixture, {"push", std::to_string(batch)}) == 0);
    BOOST_TEST(fixture.on_router(batch).size() == 25u);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'voucher_batch.push' AND actor_name LIKE 'cli:%'") == "2");

    // One voucher's hour is used up on the router: expire ends it and takes it off the router.
    const auto codes = fixture.usernames(batch);
    fixture.routers[0]->hotspot_use(codes[0], "1h", 1000, 2000, false);
    BOOST_TEST_REQUIRE(kimonet_cli(fixture, {"expire"}) == 0);
    BOOST_TEST(!fixture.routers[0]->find("/ip/hotspot/user", codes[0]).has_value());
    BOOST_TEST(fixture.routers[0]->find("/ip/hotspot/user", codes[1]).has_value());
    BOOST_TEST(fixture.server.scalar("SELECT state FROM vouchers WHERE username = '" + codes[0] + "'") == "used_up");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE removed_at IS NOT NULL AND batch_id = " + std::to_string(batch)) == "1");
}

BOOST_AUTO_TEST_CASE(push_pending_resumes_a_cut_push_and_the_progress_is_heard_per_chunk) {
    VoucherFixture fixture;
    const std::int64_t cut = fixture.make_batch(12);
    fixture.routers[0]->drop_next("/ip/hotspot/user/add");
    BOOST_TEST(fixture.push(cut).status == 503);
    BOOST_TEST(batch_field(fixture, cut, "status") == "pushing");
    BOOST_TEST_REQUIRE(kimonet_cli(fixture, {"push", "--pending"}) == 0);
    BOOST_TEST(batch_field(fixture, cut, "status") == "pushed");
    BOOST_TEST(fixture.on_router(cut).size() == 12u);

    // The bar's numbers: after each committed chunk, vouchers on the router of the count.
    const std::int64_t batch = fixture.make_batch(25);
    auto lease = fixture.server.app().database();
    app::Context context = fixture.context(**lease);
    std::string heard;
    auto report = services::push_voucher_batch(context, batch, 10, [&](std::int64_t done, std::int64_t total) {
        heard += std::to_string(done) + "/" + std::to_string(total) + " ";
    });
    BOOST_TEST_REQUIRE(report.ok());
    BOOST_TEST(heard == "0/25 10/25 20/25 25/25 ");
}

BOOST_AUTO_TEST_SUITE_END()
