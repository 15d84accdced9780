#include "messaging/bot_keywords.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "customers/customer.hpp"

namespace kimonet::messaging {

namespace {

struct Keyword {
    std::string_view word;
    BotIntent intent;
};

constexpr Keyword kKeywords[] = {
    {"tagihan", BotIntent::Invoices},     {"cek", BotIntent::Invoices},        {"tagih", BotIntent::Invoices},
    {"bayar", BotIntent::PaymentLink},    {"pembayaran", BotIntent::PaymentLink},
    {"status", BotIntent::ServiceStatus}, {"bantuan", BotIntent::Menu},        {"menu", BotIntent::Menu},
    {"help", BotIntent::Menu},
    {"gangguan", BotIntent::Trouble},     {"lapor", BotIntent::Trouble},       {"rusak", BotIntent::Trouble},
    {"mati", BotIntent::Trouble},         {"lemot", BotIntent::Trouble},
};

// Longer words tolerate more typos: up to five letters one, longer ones two. Three-letter
// keywords also need the right first letter (so "cel" is "cek" but "dek" is not).
int tolerance(std::string_view keyword) { return keyword.size() <= 5 ? 1 : 2; }

// Distance of a message word to a keyword; Indonesian suffixes ("tagihannya", "bayarnya")
// make a word that starts with a keyword of four letters or more an exact match.
int keyword_distance(const std::string& word, std::string_view keyword) {
    if (keyword.size() >= 4 && word.starts_with(keyword)) return 0;
    return edit_distance(word, keyword);
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : to_lower_ascii(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            current.push_back(c);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

}  // namespace

std::string_view to_string(BotIntent intent) {
    switch (intent) {
        case BotIntent::Invoices: return "invoices";
        case BotIntent::PaymentLink: return "payment_link";
        case BotIntent::ServiceStatus: return "status";
        case BotIntent::Menu: return "menu";
        case BotIntent::Promise: return "promise";
        case BotIntent::Trouble: return "trouble";
        case BotIntent::Unknown: break;
    }
    return "unknown";
}

std::vector<std::string> named_service_numbers(std::string_view text) {
    constexpr std::size_t kMaxNamed = 8;
    std::vector<std::string> named;
    std::string current;
    auto finish = [&] {
        if (named.size() < kMaxNamed && is_valid_service_number(current) &&
            std::find(named.begin(), named.end(), current) == named.end())
            named.push_back(current);
        current.clear();
    };
    for (char c : text) {
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if ((upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9') || upper == '-') current.push_back(upper);
        else finish();
    }
    finish();
    return named;
}

int edit_distance(std::string_view a, std::string_view b) {
    const std::size_t rows = a.size() + 1, columns = b.size() + 1;
    std::vector<int> d(rows * columns);
    auto at = [&](std::size_t i, std::size_t j) -> int& { return d[i * columns + j]; };
    for (std::size_t i = 0; i < rows; ++i) at(i, 0) = static_cast<int>(i);
    for (std::size_t j = 0; j < columns; ++j) at(0, j) = static_cast<int>(j);
    for (std::size_t i = 1; i < rows; ++i) {
        for (std::size_t j = 1; j < columns; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(rows - 1, columns - 1);
}

BotIntent classify_message(std::string_view text) {
    const auto words = words_of(text);
    if (words.empty()) return BotIntent::Unknown;
    // The menu's numbers, when the whole message is one.
    if (words.size() == 1) {
        if (words[0] == "1") return BotIntent::Invoices;
        if (words[0] == "2") return BotIntent::PaymentLink;
        if (words[0] == "3") return BotIntent::ServiceStatus;
        if (words[0] == "0" || words[0] == "4") return BotIntent::Menu;
    }
    const std::size_t considered = std::min<std::size_t>(words.size(), 4);
    // "janji bayar", "saya janji bayar besok": the promise, not the payment link its "bayar" names.
    for (std::size_t w = 0; w < considered; ++w)
        if (keyword_distance(words[w], "janji") <= tolerance("janji") && !words[w].empty() && words[w][0] == 'j') return BotIntent::Promise;
    // The first few words decide ("cek tagihan saya", "mau bayar"); the closest keyword wins.
    BotIntent best = BotIntent::Unknown;
    int best_distance = 1 << 20;
    for (std::size_t w = 0; w < considered; ++w) {
        for (const auto& keyword : kKeywords) {
            const std::string& word = words[w];
            if (keyword.word.size() <= 3 && (word.empty() || word[0] != keyword.word[0])) continue;
            const int distance = keyword_distance(word, keyword.word);
            if (distance <= tolerance(keyword.word) && distance < best_distance) {
                best = keyword.intent;
                best_distance = distance;
            }
        }
        if (best_distance == 0) break;
    }
    return best;
}

}  // namespace kimonet::messaging
