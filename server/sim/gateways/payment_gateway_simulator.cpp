// The simulator's state and behaviour: transactions, paying and expiring them, and delivering
// signed callbacks with retries from one worker thread. The wire (HTTP handlers) is in
// gateway_simulator_wire.cpp.
#include "sim/gateways/payment_gateway_simulator.hpp"

#include <cstdio>
#include <ctime>

#include "sim/gateways/gateway_simulator_exchange.hpp"
#include "sim/gateways/gateway_simulator_limits.hpp"
#include "sim/gateways/published_signatures.hpp"

namespace kimonet::sim {

struct PaymentGatewaySimulator::Server {
    HttpServer http;
    bool listening = false;
};

namespace {

std::string now_text() {
    const std::time_t now = std::time(nullptr) + 7 * 3600;  // WIB, like the gateways' own timestamps
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &parts);
    return buffer;
}

}  // namespace

PaymentGatewaySimulator::PaymentGatewaySimulator(GatewaySimulatorOptions options)
    : m_options(std::move(options)), m_server(std::make_unique<Server>()) {}

PaymentGatewaySimulator::~PaymentGatewaySimulator() { stop(); }

Result<void> PaymentGatewaySimulator::start() {
    m_stopping = false;
    const std::string failure = m_server->http.start(m_options.bind, m_options.port, [this](const HttpRequest& request, HttpResponse& response) {
        Exchange exchange;
        exchange.take(request);
        handle(exchange);
        exchange.give(response);
    });
    if (!failure.empty()) return make_error(ErrorCode::Internal, "gateway simulator cannot listen: " + failure);
    m_server->listening = true;
    m_worker = std::thread([this] { worker(); });
    return success();
}

void PaymentGatewaySimulator::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_worker.joinable()) m_worker.join();
    if (m_server && m_server->listening) {
        m_server->http.stop();
        m_server->listening = false;
    }
}

int PaymentGatewaySimulator::port() const { return m_server->listening ? m_server->http.port() : 0; }

std::string PaymentGatewaySimulator::base_url() const { return "http://" + m_options.bind + ":" + std::to_string(port()); }

void PaymentGatewaySimulator::set_callback_base(std::string base) {
    std::lock_guard lock(m_mutex);
    m_options.callback_base = std::move(base);
}

void PaymentGatewaySimulator::set_switches(const SimSwitches& switches) {
    std::lock_guard lock(m_mutex);
    m_switches = switches;
}

SimSwitches PaymentGatewaySimulator::switches() const {
    std::lock_guard lock(m_mutex);
    return m_switches;
}

void PaymentGatewaySimulator::schedule(int delay_ms, std::function<void()> run) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.emplace(std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms), Task{std::move(run)});
    }
    m_changed.notify_all();
}

void PaymentGatewaySimulator::worker() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_tasks.empty()) {
            m_changed.wait(lock);
            continue;
        }
        const auto due = m_tasks.begin()->first;
        if (due > std::chrono::steady_clock::now()) {
            m_changed.wait_until(lock, due);
            continue;
        }
        Task task = std::move(m_tasks.begin()->second);
        m_tasks.erase(m_tasks.begin());
        ++m_running_tasks;
        lock.unlock();
        task.run();
        lock.lock();
        --m_running_tasks;
        m_changed.notify_all();
    }
}

bool PaymentGatewaySimulator::wait_idle(int timeout_ms) const {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return m_tasks.empty() && m_running_tasks == 0; });
}

void PaymentGatewaySimulator::deliver(SimCallback callback) {
    HttpCall call;
    call.method = "POST";
    call.url = callback.url;
    call.headers = {{"Content-Type", callback.content_type}, {"User-Agent", "kimonet-sim/" + callback.gateway}};
    call.body = callback.body;
    call.timeout_ms = 30'000;
    const auto answer = http_perform(call);
    callback.answered = answer.status;
    {
        std::lock_guard lock(m_mutex);
        m_callbacks.push_back(callback);
    }
    // Like the real gateways: anything but a 2xx is retried a few times, minutes apart (here: retry_delay_ms).
    if ((answer.status < 200 || answer.status > 299) && callback.attempt <= m_options.max_retries && !m_stopping) {
        ++callback.attempt;
        schedule(m_options.retry_delay_ms, [this, callback] { deliver(callback); });
    }
}

SimTransaction* PaymentGatewaySimulator::locate(const std::string& id) {
    if (id.empty()) return nullptr;
    auto found = m_index.find(id);
    return found == m_index.end() ? nullptr : &m_transactions[found->second];
}

std::optional<SimTransaction> PaymentGatewaySimulator::find(const std::string& id) const {
    std::lock_guard lock(m_mutex);
    auto* found = const_cast<PaymentGatewaySimulator*>(this)->locate(id);
    return found ? std::optional<SimTransaction>(*found) : std::nullopt;
}

std::vector<SimTransaction> PaymentGatewaySimulator::transactions() const {
    std::lock_guard lock(m_mutex);
    return m_transactions;
}

std::vector<SimCallback> PaymentGatewaySimulator::callbacks() const {
    std::lock_guard lock(m_mutex);
    return m_callbacks;
}

std::string PaymentGatewaySimulator::register_transaction(SimTransaction transaction) {
    std::lock_guard lock(m_mutex);
    ++m_counter;
    // The seed's sandbox numbers: BCA 12345678…, BNI 12345679…, Mandiri 12345680…; others 8808….
    const std::string& bank = transaction.bank;
    std::string prefix = "8808";
    if (bank == "bca" || bank == "BC") prefix = "12345678";
    else if (bank == "bni" || bank == "I1") prefix = "12345679";
    else if (bank == "mandiri" || bank == "echannel" || bank == "M2") prefix = "12345680";
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%04lld", static_cast<long long>(m_counter));
    if (transaction.payment_code.empty()) transaction.payment_code = prefix + suffix;
    // The first transaction to hold an id keeps it, as the linear search this replaces did.
    for (const std::string* id : {&transaction.order_id, &transaction.transaction_id, &transaction.reference, &transaction.payment_code})
        if (!id->empty()) m_index.emplace(*id, m_transactions.size());
    m_transactions.push_back(transaction);
    return transaction.payment_code;
}

void PaymentGatewaySimulator::apply_sandbox_behaviour(const SimTransaction& transaction) {
    if (!m_options.sandbox_behaviours) return;
    const std::string id = transaction.transaction_id;
    if (transaction.payment_code.starts_with("12345678")) schedule(200, [this, id] { pay(id); });
    else if (transaction.payment_code.starts_with("12345679")) schedule(m_options.pending_then_success_ms, [this, id] { pay(id); });
    else if (transaction.payment_code.starts_with("12345680")) schedule(m_options.expire_after_ms, [this, id] { expire(id); });
}

bool PaymentGatewaySimulator::pay(const std::string& id, std::optional<Money> amount) {
    SimTransaction copy;
    {
        std::lock_guard lock(m_mutex);
        auto* transaction = locate(id);
        if (!transaction || transaction->status != "pending") return false;
        transaction->status = "paid";
        transaction->method_chosen = true;
        transaction->paid_amount = amount.value_or(transaction->amount);
        copy = *transaction;
    }
    queue_callbacks(copy, "paid", amount);
    return true;
}

bool PaymentGatewaySimulator::expire(const std::string& id) {
    SimTransaction copy;
    {
        std::lock_guard lock(m_mutex);
        auto* transaction = locate(id);
        if (!transaction || transaction->status != "pending") return false;
        transaction->status = "expired";
        copy = *transaction;
    }
    queue_callbacks(copy, "expired", std::nullopt);
    return true;
}

bool PaymentGatewaySimulator::lie(const std::string& id, const std::string& claimed, std::optional<Money> amount) {
    SimTransaction copy;
    std::string url;
    {
        std::lock_guard lock(m_mutex);
        auto* transaction = locate(id);
        if (!transaction) return false;
        copy = *transaction;
        url = copy.callback_url.empty() && !m_options.callback_base.empty() ? m_options.callback_base + "/payment/callback/" + copy.gateway
                                                                              : copy.callback_url;
    }
    auto callback = build_callback(*this, copy, claimed, amount.value_or(copy.amount), false);
    if (!callback || url.empty()) return false;
    callback->url = url;
    schedule(0, [this, callback = *callback] { deliver(callback); });
    return true;
}

void PaymentGatewaySimulator::queue_callbacks(const SimTransaction& transaction, const std::string& final_status, std::optional<Money> amount) {
    SimSwitches switches;
    std::string callback_base;
    {
        std::lock_guard lock(m_mutex);
        if (final_status == "paid" && m_switches.drop_callbacks > 0) {
            --m_switches.drop_callbacks;
            return;
        }
        switches = m_switches;
        callback_base = m_options.callback_base;
    }
    std::string url = transaction.callback_url;
    if (url.empty() && !callback_base.empty()) url = callback_base + "/payment/callback/" + transaction.gateway;
    if (url.empty()) return;
    std::vector<std::string> statuses;
    if (final_status == "paid") {
        for (int copy = 0; copy <= switches.duplicates; ++copy) statuses.push_back("paid");
        if (switches.out_of_order) {
            statuses.push_back("pending");
            statuses.push_back("expired");
        }
    } else {
        statuses.push_back(final_status);
    }
    int delay = 0;
    for (const auto& status : statuses) {
        auto callback = build_callback(*this, transaction, status, amount.value_or(transaction.amount), switches.forge);
        if (!callback) continue;  // this gateway sends nothing for that status
        callback->url = url;
        schedule(delay, [this, callback = *callback] { deliver(callback); });
        delay += 10;
    }
}

std::optional<SimCallback> build_callback(const PaymentGatewaySimulator& simulator, const SimTransaction& transaction, const std::string& status,
                                          Money amount, bool forge) {
    const auto& options = simulator.options();
    SimCallback callback;
    callback.gateway = transaction.gateway;
    if (transaction.gateway == "flip") {
        // "Accept Payment Callback": sent when a payment becomes SUCCESSFUL, CANCELED or FAILED
        // (Flip's spelling; PENDING only under the out_of_order switch, which Flip never sends).
        const char* flip = status == "paid" ? "SUCCESSFUL" : status == "pending" ? "PENDING" : "CANCELED";
        const Json data = {{"id", transaction.transaction_id},
                                {"bill_link", "flip.id/$kimonetsim/#" + transaction.reference},
                                {"bill_link_id", std::stoll(transaction.reference)},
                                {"bill_title", transaction.title},
                                {"sender_name", "Pelanggan"},
                                {"sender_bank", transaction.bank},
                                {"sender_bank_type", transaction.payment_type},
                                {"amount", amount},
                                {"status", flip},
                                {"created_at", now_text()}};
        callback.content_type = "application/x-www-form-urlencoded";
        callback.body = form_encode({{"data", data.dump()}, {"token", forge ? "forged-token" : options.flip_validation_token}});
        return callback;
    }
    if (transaction.gateway == "midtrans") {
        // Notifications of an expiry carry "202" (the expire API and the status of an expired order "407").
        const auto [transaction_status, status_code] = midtrans_status_words(status);
        const std::string gross = std::to_string(amount) + ".00";
        const std::string key = forge ? "forged-server-key" : options.midtrans_server_key;
        Json body = {{"transaction_time", now_text()},
                          {"transaction_status", transaction_status},
                          {"transaction_id", transaction.transaction_id},
                          {"status_message", "midtrans payment notification"},
                          {"status_code", status_code},
                          {"signature_key", midtrans_signature_key(transaction.order_id, status_code, gross, key)},
                          {"payment_type", transaction.payment_type},
                          {"order_id", transaction.order_id},
                          {"merchant_id", "G-KIMONETSIM"},
                          {"gross_amount", gross},
                          {"fraud_status", "accept"}};
        if (const std::string currency = simulator.switches().currency; !currency.empty()) body["currency"] = currency;
        if (status == "paid") body["settlement_time"] = now_text();
        if (transaction.payment_type == "bank_transfer") body["va_numbers"] = Json::array({{{"bank", transaction.bank}, {"va_number", transaction.payment_code}}});
        callback.content_type = "application/json";
        callback.body = body.dump();
        return callback;
    }
    if (transaction.gateway == "duitku") {
        if (status == "pending") return std::nullopt;  // Duitku only calls back with a result
        const std::string amount_text = std::to_string(amount);
        const std::string key = forge ? "forged-api-key" : options.duitku_api_key;
        callback.content_type = "application/x-www-form-urlencoded";
        // Exactly the fields of Duitku's "Callback" (https://docs.duitku.com/api/en/#callback), in its
        // order: publisherOrderId is Duitku's payment number, spUserHash is ShopeePay's only,
        // issuerCode QRIS's only. No VA number: Duitku's callback carries none.
        callback.body = form_encode({{"merchantCode", options.duitku_merchant_code},
                                               {"amount", amount_text},
                                               {"merchantOrderId", transaction.order_id},
                                               {"productDetail", transaction.title},
                                               {"additionalParam", ""},
                                               {"paymentCode", transaction.bank},
                                               {"resultCode", status == "paid" ? "00" : "01"},
                                               {"merchantUserId", ""},
                                               {"reference", transaction.transaction_id},
                                               {"signature", duitku_callback_signature(options.duitku_merchant_code, amount_text,
                                                                                                 transaction.order_id, key)},
                                               {"publisherOrderId", "MG" + transaction.transaction_id},
                                               {"spUserHash", ""},
                                               {"settlementDate", now_text().substr(0, 10)},
                                               {"issuerCode", ""}});
        return callback;
    }
    return std::nullopt;
}

}  // namespace kimonet::sim
