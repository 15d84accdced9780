#pragma once
// The connection methods the customer form offers, in one table (connection_methods.cpp): the
// method, its label and which fields it uses. A new method (RADIUS, hotspot) is one row there.
#include <span>

#include "customers/customer.hpp"

namespace kimonet {

struct ConnectionMethodChoice {
    ConnectionMethod method;
    const char* label_key;  // i18n key: the choice in the form, the method on the customer screens
    bool uses_pppoe;        // PPPoE username and password
    bool uses_ip;           // the customer's IPv4 address (required)
    bool uses_mac;          // the MAC address
    bool mac_required;
};

std::span<const ConnectionMethodChoice> connection_method_choices();
// The row of `method` (the first row when the table does not know it).
const ConnectionMethodChoice& connection_method_choice(ConnectionMethod method);
// Its index in connection_method_choices() (0 when unknown).
int connection_method_index(ConnectionMethod method);

}  // namespace kimonet
