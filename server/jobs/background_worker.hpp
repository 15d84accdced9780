#pragma once
// A background thread inside `kimonet serve` that runs one round of work, then sleeps for as
// long as the round asks (or until woken or stopped). The outbox and network workers use it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kimonet::jobs {

class BackgroundWorker {
public:
    // A round returns how long to sleep before the next one.
    using Round = std::function<std::chrono::milliseconds()>;

    explicit BackgroundWorker(Round round) : m_round(std::move(round)) {}
    ~BackgroundWorker() { stop(); }
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    void start();
    // Wakes the thread and waits for the round in progress to finish.
    void stop();
    // Asks for a round now instead of after the sleep.
    void wake();

private:
    void loop();

    Round m_round;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
};

}  // namespace kimonet::jobs
