// The open-charge cap from an attacker's view, with two servers on one database (issue 17, "N
// servers"): anyone may POST /billing/pay for any invoice, through any server behind the load
// balancer, as often and as parallel as they like. While the gateway calls run (seconds at a slow
// gateway), no more than kMaxOpenChargesPerInvoice charges are being created or open per invoice,
// one gateway:method of an invoice is created by one request at a time whichever server it came
// through, a slow call that ends frees its place for the next request, and the place of a server
// that died mid-call is free again once its lease runs out.
//
// Two Apps in this process, each with its own connection pool and Clock, share the database
// (KIMONET_TEST_ENGINE=postgresql: one PostgreSQL database; else one SQLite file). Their gateway
// port is the real adapter talking to the gateway simulator, behind a gate that holds the calls
// the test chooses until it lets them go: how long a gateway call takes is the test's decision,
// not a sleep's. Each App listens on several ports with one Pistache worker each, one request per
// port at a time: Pistache ties a connection to one worker thread, and a worker held at the gateway
// would otherwise hold the other connections it was given (see the report, not this test's topic). (Note: two Apps in one process would also have shared the old
// in-process registry; the reservations these tests count are in the database, which is what a
// second process sees: tests/server/cluster covers separate processes.)
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/app.hpp"
#include "http/http_server.hpp"
#include "services/gateway_payments.hpp"
#include "services/invoice_generation.hpp"
#include "services/settings.hpp"
#include "sim/gateways/payment_gateway_simulator.hpp"
#include "support/gateway_settings.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

const std::string kBusy = "Pembayaran ini sedang dibuat. Coba lagi sebentar lagi.";
const std::string kFull = "Pembayaran terbuka untuk tagihan ini sudah mencapai batas; gunakan salah satunya atau tunggu hingga kedaluwarsa. Batas: 3";
constexpr int kGatewayTimeoutSeconds = 2;  // gateway_simulator_settings' payment_gateway_timeout_seconds

// Holds the next `n` gateway calls that reach it until release(); any other call passes at once.
class Gate {
public:
    void hold_next(int n) {
        std::lock_guard lock(m_mutex);
        m_to_hold = n;
    }
    void pass() {
        std::unique_lock lock(m_mutex);
        if (m_to_hold == 0) return;
        --m_to_hold;
        ++m_waiting;
        const int round = m_round;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_round != round; });
        --m_waiting;
    }
    void release() {
        std::lock_guard lock(m_mutex);
        m_to_hold = 0;
        ++m_round;
        m_changed.notify_all();
    }
    int waiting() {
        std::lock_guard lock(m_mutex);
        return m_waiting;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_to_hold = 0, m_waiting = 0, m_round = 0;
};

class GatedGateway final : public gateways::PaymentGateway {
public:
    GatedGateway(std::unique_ptr<gateways::PaymentGateway> real, Gate& gate) : m_real(std::move(real)), m_gate(gate) {}
    std::string name() const override { return m_real->name(); }
    Result<gateways::Charge> create_charge(const gateways::ChargeRequest& request) override {
        m_gate.pass();
        return m_real->create_charge(request);
    }
    Result<gateways::StatusAnswer> query_status(const std::string& order_id, const std::string& reference) override {
        return m_real->query_status(order_id, reference);
    }

private:
    std::unique_ptr<gateways::PaymentGateway> m_real;
    Gate& m_gate;
};

// Polls `ready` until it holds or 20 s pass; each pass asks again, no sleep decides the outcome.
bool eventually(const std::function<bool()>& ready) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return ready();
}

constexpr int kListeners = 6;  // per server: one for each request of the parallel storm

struct Server {
    std::shared_ptr<app::ManualClock> clock;
    std::unique_ptr<app::App> app;
    std::vector<std::unique_ptr<http::HttpServer>> listeners;
};

struct TwoServers {
    TempDir dir;
    TestDatabase database{testing_postgresql() ? store::Engine::Postgresql : store::Engine::Sqlite, dir.path().string()};
    std::unique_ptr<store::Database> inspector = database.open();
    sim::PaymentGatewaySimulator simulator{sim::GatewaySimulatorOptions{.sandbox_behaviours = false}};
    Gate gate;
    Server servers[2];
    std::int64_t invoice = 0;

    TwoServers() {
        ::setenv("KIMONET_PASSWORD_COST", "min", 1);
        BOOST_TEST_REQUIRE(simulator.start().ok());
        for (Server& server : servers) {
            server.clock = std::make_shared<app::ManualClock>(unix_from_local(LocalDateTime{{2026, 1, 15}, 9, 0, 0}, UtcOffset{420}));
            app::Config config;
            config.db_path = database.url();
            config.secret_key_file = dir.file("secret.key");  // one key for both, as N servers share theirs
            config.threads = 8;
            app::Ports ports = app::production_ports();
            ports.payment_gateway = [real = ports.payment_gateway, this](const gateways::GatewayConfig& gateway_config)
                -> std::unique_ptr<gateways::PaymentGateway> {
                auto adapter = real(gateway_config);
                if (!adapter) return nullptr;
                return std::make_unique<GatedGateway>(std::move(adapter), gate);
            };
            auto opened = app::App::open(config, server.clock, std::move(ports));
            BOOST_TEST_REQUIRE(opened.ok(), (opened ? "" : opened.error().message()));
            server.app = std::move(opened).value();
        }
        BOOST_TEST_REQUIRE(seed_demo_data(*servers[0].app).ok());
        {
            auto lease = servers[0].app->database();
            BOOST_TEST_REQUIRE(lease.ok());
            app::Context context = servers[0].app->context(**lease, app::Actor{"system", 0, "test", ""});
            auto settings = gateway_simulator_settings(simulator, "http://127.0.0.1:9");
            settings["billing_check_rate_per_minute"] = "0";
            BOOST_TEST_REQUIRE(services::update_settings(context, settings).ok());
            services::GenerateOptions options;
            options.period = Period{2026, 1};
            BOOST_TEST_REQUIRE(services::generate_invoices(context, options).ok());
        }
        invoice = scalar("SELECT MIN(id) FROM invoices WHERE status = 'unpaid'");
        BOOST_TEST_REQUIRE(invoice > 0);
        for (Server& server : servers)
            for (int i = 0; i < kListeners; ++i) {
                server.listeners.push_back(std::make_unique<http::HttpServer>(*server.app));
                BOOST_TEST_REQUIRE(server.listeners.back()->start("127.0.0.1", 0, 1).ok());
            }
    }
    ~TwoServers() {
        gate.release();
        for (Server& server : servers)
            for (auto& listener : server.listeners) listener->stop();
    }

    std::int64_t scalar(const std::string& sql) {
        auto statement = inspector->prepare(sql);
        BOOST_TEST_REQUIRE(statement.ok(), sql);
        auto row = statement->step();
        BOOST_TEST_REQUIRE((row.ok() && *row), sql);
        return statement->column_int(0);
    }
    std::int64_t charges() { return scalar("SELECT COUNT(*) FROM gateway_transactions WHERE invoice_id = " + std::to_string(invoice)); }
    std::int64_t reservations() { return scalar("SELECT COUNT(*) FROM charge_reservations"); }
    HttpReply pay(int server, const std::string& gateway, const std::string& method, const std::string& source_ip, int listener = 0) {
        const std::string url = "http://127.0.0.1:" + std::to_string(servers[server].listeners[static_cast<std::size_t>(listener)]->port()) +
                                "/billing/pay";
        return http_request("POST", url, api::Json{{"invoice_id", invoice}, {"gateway", gateway}, {"method", method}}.dump(),
                            {{"Content-Type", "application/json"}}, source_ip);
    }
    void advance_clocks(std::int64_t seconds) {
        for (Server& server : servers) server.clock->advance(seconds);
    }
};

std::string message_of(const HttpReply& reply) {
    const api::Json json = reply.json();
    return json.contains("error") ? json["error"].value("message", "") : "";
}

const std::vector<std::pair<std::string, std::string>> kChoices = {
    {"flip", "bni_va"}, {"midtrans", "bni_va"}, {"duitku", "bni_va"}, {"flip", "bca_va"}, {"midtrans", "bca_va"}, {"duitku", "bca_va"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(charge_reservations)

// Twelve parallel requests for one invoice, every gateway:method twice (once through each server),
// while the gateway answers nothing: exactly three reach the gateway, the other request for each
// of those three is told "being created" (whichever server it came through), the rest "limit".
// When the gateway answers, three charges exist, no more, at the gateway and with us.
BOOST_FIXTURE_TEST_CASE(parallel_pay_requests_through_two_servers_never_create_more_charges_than_the_cap, TwoServers) {
    gate.hold_next(12);
    std::mutex mutex;
    std::vector<HttpReply> replies(12);
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 12; ++t)
        threads.emplace_back([&, t] {
            const auto& [gateway, method] = kChoices[static_cast<std::size_t>(t) % kChoices.size()];
            HttpReply reply = pay(t / 6, gateway, method, "127.0.21." + std::to_string(t + 1), t % kListeners);
            std::lock_guard lock(mutex);
            replies[static_cast<std::size_t>(t)] = std::move(reply);
            ++answered;
        });
    const bool settled = eventually([&] { return gate.waiting() + answered.load() == 12; });
    BOOST_TEST(settled, gate.waiting() << " at the gateway, " << answered.load() << " answered");
    BOOST_TEST(gate.waiting() == 3, "charges being created at once for one invoice");
    BOOST_TEST(reservations() == 3);
    int busy = 0, full = 0;
    {
        std::lock_guard lock(mutex);
        for (int t = 0; t < 12; ++t) {
            const HttpReply& reply = replies[static_cast<std::size_t>(t)];
            if (reply.status == 0) continue;  // held at the gateway
            BOOST_TEST(reply.status == 409, reply.body);
            const std::string message = message_of(reply);
            if (message == kBusy) {
                ++busy;
                // The request that holds this gateway:method came through the other server.
                const auto& other = replies[static_cast<std::size_t>((t + 6) % 12)];
                BOOST_TEST(other.status == 0, "the holder of a busy method is still at the gateway");
            } else {
                BOOST_TEST(message == kFull);
                ++full;
            }
        }
    }
    BOOST_TEST(busy == 3);
    BOOST_TEST(full == 6);
    BOOST_TEST(charges() == 0);

    gate.release();
    for (auto& thread : threads) thread.join();
    int created = 0;
    for (const HttpReply& reply : replies) created += reply.status == 201 ? 1 : 0;
    BOOST_TEST(created == 3);
    BOOST_TEST(charges() == 3);
    BOOST_TEST(simulator.transactions().size() == 3u, "charges the gateways were asked to create");
    BOOST_TEST(reservations() == 0, "every reservation is released after its gateway call");

    // Afterwards: an open one is shown again through either server; a fourth is still refused.
    int reused = 0, refused = 0;
    for (std::size_t choice = 0; choice < kChoices.size(); ++choice) {
        const HttpReply reply = pay(static_cast<int>(choice % 2), kChoices[choice].first, kChoices[choice].second, "127.0.22.1");
        if (reply.status == 200) ++reused;
        if (reply.status == 409 && message_of(reply) == kFull) ++refused;
    }
    BOOST_TEST(reused == 3);
    BOOST_TEST(refused == 3);
    BOOST_TEST(charges() == 3);
}

// One slow gateway call through server 0: its gateway:method is "being created" through server 1
// too, its place counts towards the cap, and when the slow call fails (the gateway simulator hangs,
// then answers 504) the next request for it through server 1 creates the charge.
BOOST_FIXTURE_TEST_CASE(a_slow_gateway_call_holds_its_method_on_every_server_until_it_ends, TwoServers) {
    gate.hold_next(1);
    HttpReply slow;
    std::thread slow_request([&] { slow = pay(0, "midtrans", "bca_va", "127.0.23.1", kListeners - 1); });
    BOOST_TEST_REQUIRE(eventually([&] { return gate.waiting() == 1; }));
    BOOST_TEST(reservations() == 1);
    // The reservation lasts past the gateway timeout (plus a minute for clocks and the queue).
    BOOST_TEST(scalar("SELECT lease_until FROM charge_reservations") == servers[0].clock->now() + kGatewayTimeoutSeconds + 60);

    const HttpReply busy = pay(1, "midtrans", "bca_va", "127.0.23.2");
    BOOST_TEST(busy.status == 409);
    BOOST_TEST(message_of(busy) == kBusy);
    BOOST_TEST(pay(1, "flip", "bni_va", "127.0.23.3").status == 201);
    BOOST_TEST(pay(0, "duitku", "bni_va", "127.0.23.4").status == 201);
    const HttpReply full = pay(1, "flip", "bca_va", "127.0.23.5");
    BOOST_TEST(full.status == 409);
    BOOST_TEST(message_of(full) == kFull, "two open + one being created");

    // The held call goes on to a gateway that hangs, then gives up with a 504.
    simulator.set_switches(sim::SimSwitches{.timeout_requests = 1, .timeout_ms = 300});
    gate.release();
    slow_request.join();
    BOOST_TEST(slow.status == 502, slow.body);
    BOOST_TEST(reservations() == 0, "a failed call releases its place");
    BOOST_TEST(charges() == 2);

    const HttpReply next = pay(1, "midtrans", "bca_va", "127.0.23.6");
    BOOST_TEST(next.status == 201, next.body);
    BOOST_TEST(charges() == 3);
}

// A server killed mid-call leaves its reservations behind (its process never comes to release
// them). They block their invoice until their lease is over, not for ever.
BOOST_FIXTURE_TEST_CASE(reservations_of_a_server_that_died_stop_counting_when_their_lease_ends, TwoServers) {
    const std::int64_t lease_until = servers[0].clock->now() + kGatewayTimeoutSeconds + 60;
    for (const std::string key : {"flip:bni_va", "midtrans:bni_va", "duitku:bni_va"}) {
        auto left = inspector->prepare("INSERT INTO charge_reservations(invoice_id, charge_key, holder, lease_until) VALUES (?, ?, 'killed-server', ?)");
        BOOST_TEST_REQUIRE(left.ok());
        left->bind(1, invoice).bind(2, key).bind(3, lease_until);
        BOOST_TEST_REQUIRE(left->run().ok());
    }
    const HttpReply busy = pay(1, "midtrans", "bni_va", "127.0.24.1");
    BOOST_TEST(busy.status == 409);
    BOOST_TEST(message_of(busy) == kBusy);
    const HttpReply full = pay(0, "midtrans", "bca_va", "127.0.24.2");
    BOOST_TEST(full.status == 409);
    BOOST_TEST(message_of(full) == kFull);

    advance_clocks(lease_until - servers[0].clock->now() - 1);
    BOOST_TEST(message_of(pay(1, "midtrans", "bca_va", "127.0.24.3")) == kFull, "one second before the lease ends");
    BOOST_TEST(charges() == 0);

    advance_clocks(1);
    const HttpReply after = pay(1, "midtrans", "bni_va", "127.0.24.4");
    BOOST_TEST(after.status == 201, after.body);
    BOOST_TEST(pay(0, "midtrans", "bca_va", "127.0.24.5").status == 201);
    BOOST_TEST(charges() == 2);
    BOOST_TEST(reservations() == 0, "the dead server's rows are gone");
}

BOOST_AUTO_TEST_SUITE_END()
