#include "messaging/notice_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace kimonet::messaging {

namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool host_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

// Top-level domains a link in a message is likely to use (Indonesian and the usual shorteners').
constexpr std::array<std::string_view, 30> kTopLevelDomains = {"com", "id",   "net",  "org",  "me",   "ly",   "co",    "io",   "xyz", "link",
                                                               "site", "online", "info", "biz", "app", "top", "click", "shop", "store", "my",
                                                               "gl",  "to",   "cc",   "us",   "tk",   "ml",   "ga",    "cf",   "gq",  "ws"};

}  // namespace

bool has_link_or_formatting(std::string_view text) {
    if (text.find_first_of("*_~`") != std::string_view::npos) return true;
    const std::string lower = lower_ascii(text);
    for (std::string_view marker : {"://", "www.", "wa.me"})
        if (lower.find(marker) != std::string::npos) return true;
    // host.tld: letters, digits or '-' before a dot, a known top-level domain right after it, and
    // then the end, a space, '/', ':' or punctuation.
    for (std::size_t dot = lower.find('.'); dot != std::string::npos; dot = lower.find('.', dot + 1)) {
        if (dot == 0 || !host_character(lower[dot - 1])) continue;
        std::size_t end = dot + 1;
        while (end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[end]))) ++end;
        const std::string_view tld = std::string_view(lower).substr(dot + 1, end - dot - 1);
        const bool ends = end == lower.size() || !host_character(lower[end]);
        if (ends && std::find(kTopLevelDomains.begin(), kTopLevelDomains.end(), tld) != kTopLevelDomains.end()) return true;
    }
    return false;
}

}  // namespace kimonet::messaging
