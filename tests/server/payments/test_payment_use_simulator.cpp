// `make run` (scripts/run_simulators.sh) points the gateways at `kimonet-sim gateways` with
// `kimonet payment use-simulator`: with nothing but that command's settings and the simulator's
// default keys, a bill is paid through each gateway and the invoice turns paid by callback.
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(payment_use_simulator, *boost::unit_test::label("slow"))

BOOST_AUTO_TEST_CASE(the_demo_setup_pays_through_every_gateway_of_the_simulator) {
    TestServer server;
    // The simulator as run.sh starts it: default keys, sandbox behaviours off so the test pays explicitly.
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.callback_base = server.url(""), .sandbox_behaviours = false}};
    BOOST_TEST_REQUIRE(simulator.start().ok());
    cli::Args args;
    args.options = {{"db", server.db_path()}, {"url", simulator.base_url()}, {"callback-base", server.url("")}};
    // The server's key file: the CLI's default is beside an SQLite file, but data/secret.key (in the
    // current directory) for a PostgreSQL URL, which would seal the secrets with another key.
    ::setenv("KIMONET_SECRET_KEY_FILE", server.app().config().secret_key_file.c_str(), 1);
    const int exit_code = cli::command_payment_use_simulator(args);
    ::unsetenv("KIMONET_SECRET_KEY_FILE");
    BOOST_TEST_REQUIRE(exit_code == 0);

    const std::string token = server.login("finance");
    auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    int n = 0;
    for (const char* gateway : {"flip", "midtrans", "duitku"}) {
        auto list = server.get("/api/invoices?period=2026-01&status=unpaid&per_page=1&page=" + std::to_string(++n), token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        const std::int64_t id = list.json()["data"][0]["id"];
        auto paid = server.post("/billing/pay", api::Json{{"invoice_id", id}, {"gateway", gateway}, {"method", "bca_va"}}.dump());
        BOOST_TEST_REQUIRE(paid.status == 201, std::string(gateway) + ": " + paid.body);
        BOOST_TEST_REQUIRE(simulator.pay(paid.json()["transaction_id"].get<std::string>()));
        BOOST_TEST_REQUIRE(simulator.wait_idle());
        BOOST_TEST_REQUIRE(server.callbacks_settled());
        BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(id)) == "paid", gateway);
        BOOST_TEST(server.scalar("SELECT COUNT(*) FROM payments WHERE method = 'gateway' AND invoice_id = " + std::to_string(id)) == "1", gateway);
    }
    // The secrets it set are write-only in the API.
    auto settings = server.get("/api/settings", server.login("admin"));
    BOOST_TEST(settings.body.find("SB-Mid-server-sim") == std::string::npos);
    BOOST_TEST(settings.body.find("sim-duitku-key") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
