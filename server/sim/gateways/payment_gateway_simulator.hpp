#pragma once
// Flip, Midtrans and Duitku on one loopback port, under path prefixes, speaking the wire formats
// of specs/INTEGRATIONS.md (requests, responses, auth, signed callbacks):
//   {base}/flip      POST /pwf/bill (form, Basic secret:), GET /pwf/{bill_id}/payment,
//                    PUT /pwf/{bill_id}/bill (Edit Bill: status ACTIVE/INACTIVE)
//   {base}/midtrans  POST /v2/charge (Basic server_key:), GET /v2/{order_id}/status,
//                    POST /v2/{id}/cancel, POST /v2/{id}/expire
//   {base}/duitku    POST /merchant/v2/inquiry, /merchant/transactionStatus, /merchant/paymentmethod/getpaymentmethod
// Callbacks go to {callback_base}/payment/callback/<gateway> (Duitku: the inquiry's callbackUrl;
// Midtrans: X-Override-Notification when sent), retried like the real gateways on failure.
// Test and demo endpoints:
//   POST /_sim/pay/{id}[?amount=N]   pay a transaction (id = order id, transaction id, bill id or VA)
//   POST /_sim/expire/{id}           expire it
//   POST /_sim/reverse/{id}?status=refund  a settled Midtrans payment turns refund, partial_refund,
//                                    chargeback, partial_chargeback or deny (gateway_simulator_refunds.cpp)
//   POST /_sim/lie/{id}[?status=paid&amount=N]  send a genuinely signed callback claiming `status`
//                                    while the transaction stays as it is (the status APIs tell the truth)
//   GET  /_sim/checkout/{id}         a tiny checkout page with a "Bayar" button
//   POST /_sim/mode {"duplicates":N,"out_of_order":bool,"forge":bool,"fail_requests":N,
//                    "timeout_requests":N,"timeout_ms":N,"drop_callbacks":N,"currency":"IDR","fail_cancels":N}
//   GET  /_sim/transactions, GET /_sim/callbacks
// Sandbox behaviours (on by default): BCA (VA 12345678…) is paid at once, BNI (12345679…) pending
// then paid, Mandiri (12345680…) expires.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/money.hpp"
#include "core/result.hpp"

namespace kimonet::sim {

struct GatewaySimulatorOptions {
    std::string bind = "127.0.0.1";
    int port = 0;                  // 0 = ephemeral
    std::string callback_base;     // our server, e.g. http://127.0.0.1:8080
    std::string flip_secret_key = "sim-flip-secret";
    std::string flip_validation_token = "sim-flip-token";
    std::string midtrans_server_key = "SB-Mid-server-sim";
    std::string duitku_merchant_code = "DSIM01";
    std::string duitku_api_key = "sim-duitku-key";
    bool sandbox_behaviours = true;
    int pending_then_success_ms = 3000;  // BNI
    int expire_after_ms = 5000;          // Mandiri
    int retry_delay_ms = 2000;           // between callback attempts (the real ones wait minutes)
    int max_retries = 5;
};

struct SimTransaction {
    std::string gateway;
    std::string order_id;        // ours (Flip: empty, it only knows the bill)
    std::string transaction_id;  // Flip bill payment id, Midtrans transaction_id, Duitku reference
    std::string reference;       // Flip link_id (= transaction_id for the others)
    std::string bank;            // flip sender_bank, midtrans bank/"echannel"/"qris", duitku method code
    std::string payment_code;    // VA / bill key
    std::string payment_type;    // midtrans payment_type / flip sender_bank_type
    Money amount = 0;
    Money paid_amount = 0;           // what the payer sent (the status APIs report it once paid)
    std::string status = "pending";  // pending, paid, expired
    std::string callback_url;
    // Where the gateway sends the customer's browser after paying, as the charge named it:
    // Duitku `returnUrl`, Flip `redirect_url`, Midtrans Snap `callbacks.finish` (empty: none sent).
    std::string return_url;
    std::string title;
    // Midtrans Snap: the order exists for the status API only once the customer has picked a
    // method on the payment page (here: when it is paid); until then it answers 404.
    bool method_chosen = true;
    // Flip: the bill's expired_date as received ("YYYY-MM-DD HH:mm"), which Flip reads as WIB
    // (its documents give every time in GMT+7).
    std::string expired_date;
    // Flip: the bill's own status (Edit Bill sets ACTIVE or INACTIVE); an inactive bill takes no
    // payment, and a payment made before stays what it was.
    bool bill_active = true;
};

struct SimCallback {
    std::string gateway;
    std::string url;
    std::string content_type;
    std::string body;
    int answered = 0;  // our server's HTTP status (0: no answer)
    int attempt = 1;
};

struct SimSwitches {
    int duplicates = 0;        // extra copies of each success callback
    bool out_of_order = false; // after the success, also send a stale pending and a late failure/expiry
    bool forge = false;        // sign callbacks with a wrong key
    int fail_requests = 0;     // the next N API requests answer 500
    int timeout_requests = 0;  // the next N API requests hang for timeout_ms
    int timeout_ms = 20'000;
    int drop_callbacks = 0;    // the next N payments send no callback at all
    // Midtrans: the `currency` of its notifications and status answers (both carry "IDR" for an
    // Indonesian merchant account); empty leaves the field out.
    std::string currency = "IDR";
    int fail_cancels = 0;  // the next N cancel requests (Midtrans cancel/expire, Flip Edit Bill) answer 500
};

class PaymentGatewaySimulator {
public:
    explicit PaymentGatewaySimulator(GatewaySimulatorOptions options = {});
    ~PaymentGatewaySimulator();
    PaymentGatewaySimulator(const PaymentGatewaySimulator&) = delete;
    PaymentGatewaySimulator& operator=(const PaymentGatewaySimulator&) = delete;

    Result<void> start();
    void stop();
    int port() const;
    std::string base_url() const;  // http://127.0.0.1:PORT
    std::string gateway_url(const std::string& gateway) const { return base_url() + "/" + gateway; }
    const GatewaySimulatorOptions& options() const { return m_options; }
    void set_callback_base(std::string base);

    // Pays (or expires) a transaction by any of its ids and queues the callbacks; false if unknown
    // or no longer pending. `amount` overrides what the payer sends (amount-mismatch tests).
    bool pay(const std::string& id, std::optional<Money> amount = std::nullopt);
    // Knows `transaction` as if it had been created through the API (tests and benchmarks that
    // seed our database directly); no sandbox behaviour, no callback.
    void add_transaction(SimTransaction transaction) { register_transaction(std::move(transaction)); }
    bool expire(const std::string& id);
    // The merchant ends a transaction before its expiry (Midtrans cancel or expire, Flip Edit Bill
    // INACTIVE): a pending one takes `status` ("cancelled", "expired") and no payment afterwards;
    // Midtrans sends its notification. The transaction as it was before; nullopt if unknown.
    std::optional<SimTransaction> close_by_merchant(const std::string& id, const std::string& status);
    // Flip Edit Bill: the bill's status; a bill made ACTIVE again after a cancel is payable again.
    std::optional<SimTransaction> set_bill_active(const std::string& bill_id, bool active);
    // Takes one of SimSwitches::fail_cancels (true: answer this cancel with 500).
    bool take_cancel_failure();
    // A settled Midtrans payment turns `status` (refund, partial_refund, chargeback,
    // partial_chargeback, deny) and its signed notification is sent; false otherwise.
    bool reverse(const std::string& id, const std::string& status);
    // Sends a callback, signed with the real key, claiming `claimed` ("paid", "pending",
    // "expired") for a transaction without changing it: what a captured, re-sent or tampered
    // callback looks like. The status APIs keep answering the truth. False if unknown.
    bool lie(const std::string& id, const std::string& claimed = "paid", std::optional<Money> amount = std::nullopt);
    std::optional<SimTransaction> find(const std::string& id) const;
    std::vector<SimTransaction> transactions() const;
    // Every callback attempt so far, in order.
    std::vector<SimCallback> callbacks() const;
    void set_switches(const SimSwitches& switches);
    SimSwitches switches() const;
    // Waits until no callback or scheduled behaviour is queued (true) or `timeout_ms` passes.
    bool wait_idle(int timeout_ms = 10'000) const;

    struct Exchange;  // one HTTP request and its answer (defined in the .cpp)
    void handle(Exchange& exchange);

private:
    friend struct SimulatorWire;
    struct Task {
        std::function<void()> run;
    };
    void schedule(int delay_ms, std::function<void()> run);
    void worker();
    void deliver(SimCallback callback);
    void queue_callbacks(const SimTransaction& transaction, const std::string& final_status, std::optional<Money> amount);
    SimTransaction* locate(const std::string& id);  // m_mutex held
    std::string register_transaction(SimTransaction transaction);  // returns its VA/payment code
    void apply_sandbox_behaviour(const SimTransaction& transaction);
    bool consume_failure(Exchange& exchange);

    GatewaySimulatorOptions m_options;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::vector<SimTransaction> m_transactions;
    std::unordered_map<std::string, std::size_t> m_index;  // every id of a transaction → its place (m_mutex held)
    std::vector<SimCallback> m_callbacks;
    std::multimap<std::chrono::steady_clock::time_point, Task> m_tasks;
    int m_running_tasks = 0;
    SimSwitches m_switches;
    std::int64_t m_counter = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_worker;

    struct Server;
    std::unique_ptr<Server> m_server;
};

// `kimonet-sim gateways [--port N] [--callback-base URL] [--no-sandbox-behaviours] …`: serves
// until SIGINT/SIGTERM.
int run_gateway_simulator(int argc, char** argv);

}  // namespace kimonet::sim
