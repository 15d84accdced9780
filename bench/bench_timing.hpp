#pragma once
// Wall time and this process's CPU time (user + system). The machine running `make bench` may be
// shared, so budgets on work done in this process are checked on CPU time, which other processes
// cannot inflate; wall time is printed beside it.
#include <time.h>

#include <chrono>
#include <functional>

namespace kimonet::bench {

struct Timing {
    double wall = 0;
    double cpu = 0;
};

inline double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

class Stopwatch {
public:
    Stopwatch() : m_wall(std::chrono::steady_clock::now()), m_cpu(cpu_seconds()) {}
    Timing elapsed() const {
        return Timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wall).count(), cpu_seconds() - m_cpu};
    }

private:
    std::chrono::steady_clock::time_point m_wall;
    double m_cpu;
};

inline Timing measure(const std::function<void()>& work) {
    const Stopwatch stopwatch;
    work();
    return stopwatch.elapsed();
}

}  // namespace kimonet::bench
