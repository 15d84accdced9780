#include "views/connection_methods.hpp"

namespace kimonet {
namespace {

constexpr ConnectionMethodChoice kChoices[] = {
    // method                     label                      pppoe  ip     mac    mac required
    {ConnectionMethod::Pppoe, "connection.method.pppoe", true, false, false, false},
    {ConnectionMethod::Static, "connection.method.static", false, true, true, false},
    {ConnectionMethod::Dhcp, "connection.method.dhcp", false, true, true, true},
    // RADIUS: the PPPoE user and password are what FreeRADIUS checks; an IP is sent as Framed-IP-Address.
    {ConnectionMethod::Radius, "connection.method.radius", true, true, false, false},
};

}  // namespace

std::span<const ConnectionMethodChoice> connection_method_choices() { return kChoices; }

int connection_method_index(ConnectionMethod method) {
    for (std::size_t index = 0; index < std::size(kChoices); ++index)
        if (kChoices[index].method == method) return static_cast<int>(index);
    return 0;
}

const ConnectionMethodChoice& connection_method_choice(ConnectionMethod method) { return kChoices[connection_method_index(method)]; }

}  // namespace kimonet
