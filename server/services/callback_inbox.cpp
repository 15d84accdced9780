#include "services/callback_inbox.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "app/app.hpp"

namespace kimonet::services {

Result<api::Json> list_waiting_callbacks(store::Database& db, int page, int per_page, UtcOffset offset) {
    const auto size = TRY(store::inbox_size(db));
    api::Json out = {{"data", api::Json::array()}, {"total", size.rows}};
    for (const auto& entry : TRY(store::list_inbox_entries(db, page, per_page)))
        out["data"].push_back({{"gateway", entry.key.gateway},
                               {"order_id", entry.key.order_key},
                               {"attempts", entry.attempts},
                               {"received_at", to_string(local_from_unix(entry.received_at, offset))},
                               {"next_attempt_at", to_string(local_from_unix(entry.next_attempt_at, offset))}});
    return out;
}

CallbackInbox::CallbackInbox(app::App& app) : m_app(app) {}

CallbackInbox::~CallbackInbox() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto& worker : m_workers) worker.join();
}

Result<CallbackOutcome> CallbackInbox::handle(app::Context& context, const std::string& gateway, const std::string& content_type,
                                              const std::string& body) {
    auto verified = TRY(verify_gateway_callback(context, gateway, content_type, body, &m_group->budget(), false));
    if (verified.answered) return *verified.answered;
    if (!verified.to_confirm) return m_group->handle_verified(context, gateway, content_type, body, verified.event);
    store::InboxEntry entry;
    entry.key.gateway = gateway;
    entry.key.by_reference = verified.event.order_id.empty();
    entry.key.order_key = entry.key.by_reference ? verified.event.reference : verified.event.order_id;
    entry.content_type = content_type;
    entry.body = body;
    entry.remote_ip = context.actor.ip;
    entry.received_at = context.now;
    entry.next_attempt_at = context.now + kTakeOverSeconds;
    // One statement, its own commit: durable before the gateway hears 200.
    const auto version = TRY(store::keep_inbox_entry(context.db, entry));
    ++m_accepted;
    // The same body already waiting: the applier that has it asks the gateway about it anyway.
    if (version) {
        entry.version = *version;
        queue(std::move(entry));
    }
    return CallbackOutcome{0, "accepted", std::nullopt, verified.event.order_id + verified.event.reference};
}

void CallbackInbox::queue(store::InboxEntry entry) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) return;
        const Key key{entry.key.gateway, entry.key.order_key};
        auto found = m_queued.find(key);
        if (found != m_queued.end()) {
            // Not taken yet: the newer version replaces it in place.
            if (found->second.version >= entry.version) return;
            m_queued_bytes -= found->second.body.size();
            m_queued_bytes += entry.body.size();
            found->second = std::move(entry);
        } else {
            // Past the bound it waits in the database, where the tick finds it.
            if (m_queued_bytes + entry.body.size() > kMaxQueuedBytes) return;
            m_queued_bytes += entry.body.size();
            m_order.push_back(key);
            m_queued.emplace(key, std::move(entry));
        }
        if (m_workers.empty()) start_workers();
    }
    m_ready.notify_one();
}

void CallbackInbox::start_workers() {
    for (int i = 0; i < kWorkers; ++i) m_workers.emplace_back([this] { work(); });
}

Result<int> CallbackInbox::take_up_due(store::Database& db, std::int64_t now) {
    const auto due = TRY(store::due_inbox_entries(db, now, kDueBatch));
    int queued = 0;
    for (const auto& entry : due) {
        {
            std::lock_guard lock(m_mutex);
            if (m_in_flight.count(Key{entry.key.gateway, entry.key.order_key})) continue;
        }
        queue(entry);
        ++queued;
    }
    return queued;
}

bool CallbackInbox::settle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_idle.wait_for(lock, timeout, [&] { return m_order.empty() && m_in_flight.empty(); });
}

void CallbackInbox::work() {
    // Answering a gateway comes first: in a storm the appliers take the cores the HTTP threads
    // leave (Linux: a thread is a task of its own, and raising its niceness needs no privilege).
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kApplierNiceness);
    // Its own connection, opened at the first callback: the HTTP threads' pool is never drained by
    // appliers waiting for a status API.
    std::unique_ptr<store::Database> own;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // The oldest key not being applied already (a newer version of one in flight waits for it).
        const auto next = std::find_if(m_order.begin(), m_order.end(), [&](const Key& key) { return !m_in_flight.count(key); });
        if (next == m_order.end()) {
            m_ready.wait(lock);
            continue;
        }
        const Key key = *next;
        m_order.erase(next);
        auto node = m_queued.extract(key);
        m_queued_bytes -= node.mapped().body.size();
        m_in_flight.insert(key);
        lock.unlock();
        const std::string& path = m_app.pool().path();
        if (own && own->broken()) own.reset();
        if (!own && !path.empty() && path != ":memory:") {
            if (auto opened = store::Database::open(path)) own = std::move(*opened);
        }
        if (own) {
            apply(*own, node.mapped());
        } else if (auto lease = m_app.database()) {
            apply(**lease, node.mapped());
        }  // else: the database is unreachable; the row waits for a tick
        lock.lock();
        m_in_flight.erase(key);
        if (m_order.empty() && m_in_flight.empty()) m_idle.notify_all();
        // A newer version of this key, queued while it was applied, is taken by this thread's next
        // turn of the loop: no other applier needs waking.
    }
}

void CallbackInbox::apply(store::Database& db, const store::InboxEntry& entry) {
    app::Context context = m_app.context(db, app::Actor{"system", 0, "gateway:" + entry.key.gateway, entry.remote_ip});
    const auto applied = m_group->apply_kept(context, entry);
    // Nothing will ever apply these: no longer an order of ours; or it no longer verifies (the
    // gateway's key or token was changed since it was kept) or reads, logged as rejected.
    const bool hopeless = applied ? applied->outcome == "unknown_order" : [&] {
        const int status = applied.error().http_status();
        return status == 400 || status == 401 || status == 403 || status == 404 || status == 415;
    }();
    if (hopeless) {
        ++m_dropped;
        (void)db.transaction([&]() -> Result<void> {
            TRY(store::delete_inbox_entry(db, entry.key, entry.version));
            return success();
        });
        return;
    }
    if (applied) {
        ++m_applied;
        return;
    }
    // Not now (the status API, or applying failed and was logged): again later, less and less often.
    const std::int64_t delay = std::min(kMaxRetrySeconds, kFirstRetrySeconds << std::min<std::int64_t>(entry.attempts, 10));
    ++m_postponed;
    (void)db.transaction([&]() -> Result<void> { return store::postpone_inbox_entry(db, entry.key, entry.version, context.now + delay); });
}

}  // namespace kimonet::services
