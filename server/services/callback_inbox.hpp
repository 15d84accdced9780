#pragma once
// The callback inbox (issues 17, 23): a gateway is answered once its callback is safely kept, not
// once the payment is applied. The route checks what it can without asking anyone (the signature,
// that the order is ours, whether the callback would change anything); a callback that would is
// written to `callback_inbox` (one row per gateway transaction, committed on its own) and
// answered 200. Confirming it with the gateway's status API and applying what the gateway says
// happens right after, on this server's appliers, through the same CallbackGroupCommit as
// before: the row is deleted in the transaction that applies it. Nothing is believed before the
// status API confirms it, as before; what changed is only who waits for the status API (our
// appliers, not the gateway's connection).
//
// What can happen to a kept callback:
// - the status API cannot be asked, or applying fails: the row is put off (30 s, doubling, at
//   most 15 minutes) and taken up again by the scheduler's tick (take_up_due);
// - it no longer verifies (the ISP changed the gateway's key or token since): logged as rejected
//   and the row deleted; so is a row whose order is no longer ours;
// - the server dies before applying it: the row waits in the database; the tick of any server
//   (the leader's, with several) takes it up once its next_attempt_at (60 s after it arrived) passes;
// - a newer callback for the same transaction arrives meanwhile: it replaces the row (its version
//   goes up), so the applier of the older one leaves it for another pass;
// - replays of the same callback, however often and however padded with unsigned fields, keep
//   one row per transaction: nothing an outsider sends can grow the table beyond the open
//   transactions there are.
// Bounds: the appliers are kWorkers threads (each with its own connection, not the HTTP pool's);
// what waits for them in memory is at most kMaxQueuedBytes of bodies (the rest waits in the
// database for the tick).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "services/gateway_payments.hpp"
#include "store/callback_inbox_store.hpp"

namespace kimonet::app {
class App;
}

namespace kimonet::services {

// Callbacks kept and not applied yet, oldest first: {"data":[{gateway, order_id (Flip: the bill
// link id), attempts, received_at, next_attempt_at}], "total"} (no bodies).
Result<api::Json> list_waiting_callbacks(store::Database& db, int page, int per_page, UtcOffset offset);

class CallbackInbox {
public:
    static constexpr int kWorkers = 12;  // as many as may ask the status APIs at once (gateway_callback_verify.cpp)
    static constexpr std::size_t kMaxQueuedBytes = 16u << 20;
    static constexpr std::int64_t kTakeOverSeconds = 60;  // another server's tick may take a row up after this
    static constexpr std::int64_t kFirstRetrySeconds = 30, kMaxRetrySeconds = 15 * 60;
    static constexpr int kDueBatch = 500;  // rows one tick takes up
    static constexpr int kApplierNiceness = 10;  // below the HTTP threads (0): answering first

    explicit CallbackInbox(app::App& app);
    ~CallbackInbox();
    CallbackInbox(const CallbackInbox&) = delete;
    CallbackInbox& operator=(const CallbackInbox&) = delete;

    // The route. A callback that would change something: kept, queued for the appliers, and
    // "accepted"; one that changes nothing (a replay of what is recorded): logged through the
    // group as before ("duplicate", "ignored"); one we do not believe: its error, as before.
    Result<CallbackOutcome> handle(app::Context& context, const std::string& gateway, const std::string& content_type,
                                   const std::string& body);
    // Queues every row due at `now` that this server is not already applying (the scheduler's
    // tick; at a server's start the rows a dead process left). Returns how many were queued.
    Result<int> take_up_due(store::Database& db, std::int64_t now);
    // Waits until nothing is queued or being applied here (tests, the bench, shutdown); false on timeout.
    bool settle(std::chrono::milliseconds timeout);

    CallbackGroupCommit& group() { return *m_group; }
    std::int64_t accepted() const { return m_accepted.load(); }
    std::int64_t applied() const { return m_applied.load(); }
    std::int64_t postponed() const { return m_postponed.load(); }
    std::int64_t dropped() const { return m_dropped.load(); }

private:
    using Key = std::pair<std::string, std::string>;  // gateway, order key
    void queue(store::InboxEntry entry);
    void start_workers();
    void work();
    void apply(store::Database& db, const store::InboxEntry& entry);

    app::App& m_app;
    std::shared_ptr<CallbackGroupCommit> m_group = std::make_shared<CallbackGroupCommit>();
    std::mutex m_mutex;
    std::condition_variable m_ready, m_idle;
    std::deque<Key> m_order;                  // queued keys, oldest first
    std::map<Key, store::InboxEntry> m_queued;  // the newest entry of each queued key
    std::set<Key> m_in_flight;
    std::size_t m_queued_bytes = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
    std::atomic<std::int64_t> m_accepted{0}, m_applied{0}, m_postponed{0}, m_dropped{0};
};

}  // namespace kimonet::services
