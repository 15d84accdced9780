#pragma once
// One HTTP exchange inside the WhatsApp simulator, and what its provider files share
// (whatsapp_simulator.cpp, wablas_simulator.cpp, waha_simulator.cpp, meta_simulator.cpp).
#include <map>
#include <string>
#include <string_view>

#include "sim/sim_exchange.hpp"
#include "sim/sim_json.hpp"
#include "sim/whatsapp/whatsapp_simulator.hpp"

namespace kimonet::sim {

struct WhatsAppSimulator::Exchange : SimExchange {};

// The simulated WhatsApp knows Indonesian mobile numbers (62 8…, 10 to 15 digits, the E.164
// maximum) as accounts. Gateways take them with or without "+", spaces or dashes, and local
// numbers with a leading 0 (Fonnte: countryCode 62 by default, https://docs.fonnte.com/api-send-message/).
inline std::string simulated_whatsapp_number(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') return {};
    }
    if (digits.starts_with("0")) digits = "62" + digits.substr(1);
    else if (digits.starts_with("8")) digits = "62" + digits;
    if (!digits.starts_with("628") || digits.size() < 10 || digits.size() > 15) return {};
    return digits;
}

}  // namespace kimonet::sim
