// The ports are wired in one place: an App opened with other adapters (here fakes that record what
// they were asked) is what every service, the outbox runner and the CLI reach — no service builds
// a RouterOS connection, a payment gateway, a WhatsApp client or a RADIUS CoA client of its own.
#include <boost/test/unit_test.hpp>

#include "app/app.hpp"
#include "services/active_sessions.hpp"
#include "services/gateway_payments.hpp"
#include "services/invoice_generation.hpp"
#include "services/customer_service.hpp"
#include "services/network_service.hpp"
#include "services/radius_service.hpp"
#include "services/router_service.hpp"
#include "services/router_test.hpp"
#include "services/settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// What the fake adapters were asked, shared by the fakes and the test.
struct Asked {
    std::vector<std::string> routers;  // "<name>:<password set?>:<connect ms>:<reply ms>"
    std::vector<std::string> gateways;
    std::vector<std::string> charges;  // "<gateway>:<order id prefix>:<amount>"
    std::vector<std::string> messengers;
    std::vector<std::string> coa;  // "<address>:<port> <code> <attribute count>"
};

Error not_in_this_test() { return make_error(ErrorCode::Unavailable); }

class FakeRouter final : public network::RouterControl {
public:
    Result<network::RouterStatus> test() override { return network::RouterStatus{.version = "fake-7.15", .board_name = "fake"}; }
    Result<void> ensure_profile(const std::string&, const std::string&) override { return not_in_this_test(); }
    Result<std::vector<network::PppProfile>> list_profiles() override { return not_in_this_test(); }
    Result<std::optional<network::PppSecret>> find_secret(const std::string&) override { return not_in_this_test(); }
    Result<std::vector<network::PppSecret>> list_secrets() override { return not_in_this_test(); }
    Result<void> upsert_secret(const network::PppSecret&) override { return not_in_this_test(); }
    Result<void> set_secret_enabled(const std::string&, bool) override { return not_in_this_test(); }
    Result<std::vector<network::ActiveSession>> list_active(const std::optional<std::string>&) override {
        return std::vector<network::ActiveSession>{{.id = "*1", .name = "fake-session", .address = "10.0.0.9", .uptime = "1m"}};
    }
    Result<int> kick(const std::string&) override { return not_in_this_test(); }
    Result<void> address_list_add(const std::string&, const std::string&, const std::string&) override { return not_in_this_test(); }
    Result<void> address_list_remove(const std::string&, const std::string&) override { return not_in_this_test(); }
    Result<std::vector<std::string>> address_list_entries(const std::string&) override { return not_in_this_test(); }
    Result<void> dhcp_lease_bind(const std::string&, const std::string&, const std::string&) override { return not_in_this_test(); }
    Result<std::vector<network::ProfileSwitchResult>> switch_profiles(const std::vector<network::ProfileSwitch>&) override {
        return not_in_this_test();
    }
};

class FakeGateway final : public gateways::PaymentGateway {
public:
    FakeGateway(std::string name, Asked& asked) : m_name(std::move(name)), m_asked(asked) {}
    std::string name() const override { return m_name; }
    Result<gateways::Charge> create_charge(const gateways::ChargeRequest& request) override {
        m_asked.charges.push_back(m_name + ":" + request.order_id.substr(0, 2) + ":" + std::to_string(request.amount));
        return gateways::Charge{.transaction_id = "FAKE-1", .reference = "FAKE-1", .payment_code = "8808123", .expires_at = request.expires_at};
    }
    Result<gateways::StatusAnswer> query_status(const std::string&, const std::string&) override { return not_in_this_test(); }

private:
    std::string m_name;
    Asked& m_asked;
};

app::Ports fake_ports(Asked& asked) {
    app::Ports ports;
    ports.router_control = [&asked](const Router& router, const app::RouterTimeouts& timeouts) -> std::unique_ptr<network::RouterControl> {
        asked.routers.push_back(router.name + ":" + (router.password.empty() ? "no" : "yes") + ":" + std::to_string(timeouts.connect.count()) +
                                ":" + std::to_string(timeouts.reply.count()));
        return std::make_unique<FakeRouter>();
    };
    ports.payment_gateway = [&asked](const gateways::GatewayConfig& config) -> std::unique_ptr<gateways::PaymentGateway> {
        asked.gateways.push_back(config.name);
        return std::make_unique<FakeGateway>(config.name, asked);
    };
    ports.messenger = [&asked](whatsapp::MessengerSettings settings) -> Result<std::unique_ptr<whatsapp::Messenger>> {
        asked.messengers.push_back(settings.driver + " " + settings.api_url);
        return make_error(ErrorCode::Unavailable);
    };
    ports.dynamic_authorization = [&asked](const radius::CoaTarget& target, radius::Code code, const std::vector<radius::Attribute>& attributes) {
        asked.coa.push_back(target.address + ":" + std::to_string(target.port) + " " + std::to_string(static_cast<int>(code)) + " " +
                            std::to_string(attributes.size()));
        return radius::CoaResult{radius::CoaAnswer::Ack, 0, 1, "CoA-ACK (fake)"};
    };
    return ports;
}

struct FakePortsApp {
    TempDir dir;
    Asked asked;
    std::unique_ptr<app::App> app;
    FakePortsApp() {
        ::setenv("KIMONET_PASSWORD_COST", "min", 1);
        app::Config config;
        config.db_path = dir.file("kimonet.db");
        config.secret_key_file = dir.file("secret.key");
        config.threads = 2;
        const auto now = unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, UtcOffset{420});
        auto opened = app::App::open(config, std::make_shared<app::ManualClock>(now), fake_ports(asked));
        BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
        app = std::move(opened).value();
        auto seeded = seed_demo_data(*app);
        BOOST_TEST_REQUIRE(seeded.ok(), (seeded ? "" : seeded.error().message()));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ports)

BOOST_FIXTURE_TEST_CASE(router_services_use_the_apps_router_port, FakePortsApp) {
    auto lease = app->database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = app->context(**lease, app::Actor{});
    const auto router = services::get_router(context.db, 1);
    BOOST_TEST_REQUIRE(router.ok());

    // The operator's "test connection": the answer is the port's adapter's, with the password decrypted.
    const auto status = services::test_router(context, 1);
    BOOST_TEST_REQUIRE(status.ok(), (status ? "" : status.error().message()));
    BOOST_TEST(status->version == "fake-7.15");
    BOOST_TEST(asked.routers == std::vector<std::string>{router->name + ":yes:3000:5000"});

    // The online list asks every router quickly (2 s to connect) through the same port.
    services::ActiveSessionTable table;
    const auto answered = services::refresh_active_sessions(context, table);
    BOOST_TEST_REQUIRE(answered.ok());
    BOOST_TEST(*answered == 2);
    BOOST_TEST(asked.routers.size() == 3u);
    BOOST_TEST(asked.routers.back().ends_with(":yes:2000:5000"));
}

BOOST_FIXTURE_TEST_CASE(a_gateway_payment_is_charged_through_the_apps_gateway_port, FakePortsApp) {
    auto lease = app->database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = app->context(**lease, app::Actor{});
    BOOST_TEST_REQUIRE(services::update_settings(context, {{"midtrans_enabled", "1"}, {"midtrans_server_key", "fake-key"}}).ok());
    services::GenerateOptions options;
    options.period = Period{2026, 1};
    BOOST_TEST_REQUIRE(services::generate_invoices(context, options).ok());

    auto created = services::create_gateway_payment(context, api::Json{{"invoice_id", 1}, {"gateway", "midtrans"}, {"method", "bca_va"}},
                                                    "http://127.0.0.1:8080");
    BOOST_TEST_REQUIRE(created.ok(), (created ? "" : created.error().message()));
    BOOST_TEST(created->payment_code == "8808123");
    BOOST_TEST(created->transaction_id == "FAKE-1");
    BOOST_TEST(asked.gateways == std::vector<std::string>{"midtrans"});
    BOOST_TEST_REQUIRE(asked.charges.size() == 1u);
    BOOST_TEST(asked.charges.front() == "midtrans:" + created->order_id.substr(0, 2) + ":" + std::to_string(created->amount));
}

BOOST_FIXTURE_TEST_CASE(the_runners_and_cli_messenger_comes_from_the_apps_messenger_port, FakePortsApp) {
    auto lease = app->database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = app->context(**lease, app::Actor{});
    BOOST_TEST_REQUIRE(services::update_settings(context, {{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", "http://127.0.0.1:9"}}).ok());
    const auto messenger = app->ports().configured_messenger(**lease, app->secrets());
    BOOST_TEST(!messenger.ok());  // the fake refuses: nothing was sent anywhere
    BOOST_TEST(asked.messengers == std::vector<std::string>{"fonnte http://127.0.0.1:9"});
    BOOST_TEST(&context.ports == &app->ports());
}

BOOST_FIXTURE_TEST_CASE(a_radius_isolation_asks_the_apps_dynamic_authorization_port, FakePortsApp) {
    auto lease = app->database();
    BOOST_TEST_REQUIRE(lease.ok());
    app::Context context = app->context(**lease, app::Actor{"system", 0, "test", ""});
    BOOST_TEST_REQUIRE(services::update_radius_nas(context, 1, api::Json{{"nas_address", "10.9.8.7"}, {"coa_port", 3799}, {"secret", "nas-secret-9"}}).ok());
    auto changed = services::update_customer(context, 2, api::Json{{"connection_method", "radius"}, {"pppoe_password", "rahasia-2"}});
    BOOST_TEST_REQUIRE(changed.ok(), (changed ? "" : changed.error().message()));
    const auto outcome = services::isolate(context, 2, "test");
    BOOST_TEST_REQUIRE(outcome.ok(), (outcome ? "" : outcome.error().message()));
    BOOST_TEST(outcome->result == "applied");
    BOOST_TEST(outcome->detail == "NAS " + services::get_router(context.db, 1)->name + ": CoA-ACK (fake)");
    // A Disconnect-Request (40, the isolir pool needs a new session) with User-Name and Event-Timestamp.
    BOOST_TEST(asked.coa == std::vector<std::string>{"10.9.8.7:3799 40 2"});
}

BOOST_AUTO_TEST_SUITE_END()
