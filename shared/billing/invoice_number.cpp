#include "billing/invoice_number.hpp"

#include <cstdio>

namespace kimonet::billing {

static bool is_sequence_token(std::string_view token) { return !token.empty() && token.find_first_not_of('N') == std::string_view::npos; }

Result<void> validate_invoice_number_format(std::string_view format) {
    const Error invalid = validation_error(
        {{"invoice_number_format", messages::kInvoiceNumberFormat}});
    int sequences = 0;
    bool year = false, month = false;
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c == '{') {
            const auto close = format.find('}', i);
            if (close == std::string_view::npos) return invalid;
            const std::string_view token = format.substr(i + 1, close - i - 1);
            if (token == "YYYY" || token == "YY") year = true;
            else if (token == "MM") month = true;
            else if (is_sequence_token(token) && token.size() <= 12) ++sequences;
            else return invalid;
            i = close;
        } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' ||
                     c == '_' || c == '.')) {
            return invalid;
        }
    }
    if (sequences != 1 || !year || !month || format.size() > 64) return invalid;
    return {};
}

std::string format_invoice_number(std::string_view format, const Period& period, std::int64_t sequence) {
    std::string out;
    char buffer[32];
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '{') {
            out.push_back(format[i]);
            continue;
        }
        const auto close = format.find('}', i);
        const std::string_view token = format.substr(i + 1, close - i - 1);
        if (token == "YYYY") std::snprintf(buffer, sizeof buffer, "%04d", period.year);
        else if (token == "YY") std::snprintf(buffer, sizeof buffer, "%02d", period.year % 100);
        else if (token == "MM") std::snprintf(buffer, sizeof buffer, "%02d", period.month);
        else std::snprintf(buffer, sizeof buffer, "%0*lld", static_cast<int>(token.size()), static_cast<long long>(sequence));
        out += buffer;
        i = close;
    }
    return out;
}

}  // namespace kimonet::billing
