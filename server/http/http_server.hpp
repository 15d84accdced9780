#pragma once
// The Pistache adapter: accepts connections, converts requests, hands them to dispatch().
#include <cstdint>
#include <memory>

#include "core/result.hpp"

namespace kimonet::app { class App; }

namespace kimonet::http {

class HttpServer {
public:
    explicit HttpServer(app::App& app);
    ~HttpServer();
    // Binds and starts serving on background threads; port 0 picks a free port.
    Result<void> start(const std::string& bind, int port, int threads);
    int port() const;
    void stop();

private:
    struct State;
    app::App& m_app;
    std::unique_ptr<State> m_state;
};

}  // namespace kimonet::http
