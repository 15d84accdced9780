#include "customers/typed_lookup.hpp"

#include "core/text.hpp"

namespace kimonet::customers {

std::string service_number_from_typed(std::string_view typed) { return to_upper_ascii(trim_copy(typed)); }

std::string phone_search_term(std::string_view typed) {
    const std::string term = trim_copy(typed);
    std::string digits;
    for (char c : term) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') return term;
    }
    if (digits.size() < 4) return term;
    if (digits.starts_with("0")) return "62" + digits.substr(1);
    return digits;
}

std::string format_phone(std::string_view stored) {
    if (!stored.starts_with("62") || stored.size() < 9) return std::string(stored);
    for (char c : stored)
        if (c < '0' || c > '9') return std::string(stored);
    const std::string local = "0" + std::string(stored.substr(2));
    std::string out;
    for (std::size_t start = 0; start < local.size(); start += 4) {
        // Groups of 4; the last takes what is left, 1-5 digits ("0812-1002-375", "0812-1002-37571").
        const bool last = local.size() - start <= 5;
        if (!out.empty()) out.push_back('-');
        out += local.substr(start, last ? std::string::npos : 4);
        if (last) break;
    }
    return out;
}

}  // namespace kimonet::customers
