#pragma once
// A loopback port nothing listens on: one a RouterOS simulator has just listened on and released
// (connecting to it is refused, as with a router whose API service is off).
#include <boost/test/unit_test.hpp>

#include "sim/routeros/routeros_simulator.hpp"

namespace kimonet::testing {

inline int closed_port() {
    sim::RouterOsSimulator probe;
    BOOST_TEST_REQUIRE(probe.start().ok());
    const int port = probe.port();
    probe.stop();
    return port;
}

}  // namespace kimonet::testing
