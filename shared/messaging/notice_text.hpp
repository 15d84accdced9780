#pragma once
// Text a lower role types that goes to many customers from the ISP's WhatsApp number (an outage's
// title and area). Broadcasting free text is messages.send (admins); a technician who records an
// outage must not be able to send every customer a link ("bayar di kimonet-bayar.example") or
// dress it up with WhatsApp formatting. Pure: shared by the server and the app's form.
#include <string_view>

namespace kimonet::messaging {

// True when `text` holds a link (a scheme, "www.", "wa.me", a host name with a common top-level
// domain such as "bayar-isp.id" or "bit.ly") or WhatsApp formatting (* _ ~ `). "Jl. Merdeka",
// "ODP-01.A" and "ODC.Utara" are not links.
bool has_link_or_formatting(std::string_view text);

}  // namespace kimonet::messaging
