#pragma once
// The Clock port: the only way server code learns the time, so tests can move it.
#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/date.hpp"

namespace kimonet::app {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since the Unix epoch (UTC).
    virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
public:
    std::int64_t now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    }
};

// A clock that only moves when told to: for tests and for `--now` replays in the CLI.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t now) : m_now(now) {}
    std::int64_t now() const override { return m_now.load(); }
    void set(std::int64_t now) { m_now.store(now); }
    void advance(std::int64_t seconds) { m_now.fetch_add(seconds); }

private:
    std::atomic<std::int64_t> m_now;
};

}  // namespace kimonet::app
