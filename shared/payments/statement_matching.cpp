#include "payments/statement_matching.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace kimonet::payments {

namespace {

std::string alphanumerics(std::string_view text) {
    std::string out;
    for (unsigned char c : text)
        if (std::isalnum(c)) out.push_back(static_cast<char>(std::toupper(c)));
    return out;
}

// Upper-case words of letters and digits (everything else separates).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (unsigned char c : text) {
        if (std::isalnum(c)) current.push_back(static_cast<char>(std::toupper(c)));
        else if (!current.empty()) words.push_back(std::move(current)), current.clear();
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// Tokens split on spaces and / , ; : ( ) — a hyphenated invoice number stays one token.
std::vector<std::string> tokens_of(std::string_view text) {
    std::vector<std::string> tokens;
    std::string current;
    for (unsigned char c : text) {
        if (std::isspace(c) || c == '/' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '#') {
            if (!current.empty()) tokens.push_back(alphanumerics(current)), current.clear();
        } else {
            current.push_back(static_cast<char>(c));
        }
    }
    if (!current.empty()) tokens.push_back(alphanumerics(current));
    std::erase_if(tokens, [](const std::string& token) { return token.empty(); });
    return tokens;
}

}  // namespace

std::string_view to_string(MatchRule rule) {
    switch (rule) {
        case MatchRule::None: return "";
        case MatchRule::UniqueAmount: return "unique_amount";
        case MatchRule::InvoiceNumber: return "invoice_number";
        case MatchRule::ServiceNumber: return "service_number";
        case MatchRule::Name: return "name";
        case MatchRule::Manual: return "manual";
    }
    return "";
}

std::string_view to_string(ReviewReason reason) {
    switch (reason) {
        case ReviewReason::None: return "";
        case ReviewReason::NoMatch: return "no_match";
        case ReviewReason::Ambiguous: return "ambiguous";
        case ReviewReason::AmountDiffers: return "amount_differs";
        case ReviewReason::NameOnly: return "name_only";
        case ReviewReason::Cents: return "cents";
        case ReviewReason::EditedDuplicate: return "edited_duplicate";
    }
    return "";
}

StatementMatcher::StatementMatcher(std::vector<OpenInvoice> invoices) : m_invoices(std::move(invoices)) {
    for (std::size_t i = 0; i < m_invoices.size(); ++i) {
        const auto& invoice = m_invoices[i];
        m_by_id.emplace(invoice.id, i);
        if (invoice.unique_code > 0) m_by_transfer_amount[invoice.outstanding + invoice.unique_code].push_back(i);
        m_by_invoice_number.emplace(alphanumerics(invoice.invoice_no), i);
        m_by_service_number[alphanumerics(invoice.service_number)].push_back(i);
        const auto name = words_of(invoice.customer_name);
        if (!name.empty() && alphanumerics(invoice.customer_name).size() >= 4) m_by_name_word[name.front()].push_back(i);
    }
}

bool StatementMatcher::fits(const OpenInvoice& invoice, Money amount) const {
    if (invoice.outstanding <= 0) return false;
    return amount == invoice.outstanding || (invoice.unique_code > 0 && amount == invoice.outstanding + invoice.unique_code);
}

// Invoices (or customers' invoices) named by one to three adjacent tokens joined.
std::vector<std::size_t> StatementMatcher::named_in(const std::vector<std::string>& tokens, bool by_invoice_number) const {
    std::vector<std::size_t> found;
    for (std::size_t start = 0; start < tokens.size(); ++start) {
        std::string joined;
        for (std::size_t length = 1; length <= 3 && start + length <= tokens.size(); ++length) {
            joined += tokens[start + length - 1];
            if (by_invoice_number) {
                if (auto it = m_by_invoice_number.find(joined); it != m_by_invoice_number.end()) found.push_back(it->second);
            } else if (auto it = m_by_service_number.find(joined); it != m_by_service_number.end()) {
                found.insert(found.end(), it->second.begin(), it->second.end());
            }
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::erase_if(found, [&](std::size_t i) { return m_invoices[i].outstanding <= 0; });
    return found;
}

std::optional<std::size_t> StatementMatcher::name_suggestion(const std::vector<std::string>& words) const {
    for (std::size_t start = 0; start < words.size(); ++start) {
        auto it = m_by_name_word.find(words[start]);
        if (it == m_by_name_word.end()) continue;
        for (std::size_t index : it->second) {
            const auto& invoice = m_invoices[index];
            if (invoice.outstanding <= 0) continue;
            const auto name = words_of(invoice.customer_name);
            if (start + name.size() <= words.size() && std::equal(name.begin(), name.end(), words.begin() + static_cast<std::ptrdiff_t>(start)))
                return index;
        }
    }
    return std::nullopt;
}

MatchDecision StatementMatcher::match(const StatementLine& line) const {
    MatchDecision decision;
    if (!line.whole_rupiah) {
        decision.reason = ReviewReason::Cents;
        return decision;
    }
    std::vector<std::pair<std::size_t, MatchRule>> fitting;
    std::optional<std::size_t> named_not_fitting;
    bool number_conflicts = false;  // an invoice named by its number that the amount does not fit
    if (auto it = m_by_transfer_amount.find(line.amount); it != m_by_transfer_amount.end())
        for (std::size_t index : it->second)
            if (m_invoices[index].outstanding > 0 && m_invoices[index].outstanding + m_invoices[index].unique_code == line.amount)
                fitting.emplace_back(index, MatchRule::UniqueAmount);
    const auto tokens = tokens_of(line.description);
    for (std::size_t index : named_in(tokens, true)) {
        if (fits(m_invoices[index], line.amount)) {
            fitting.emplace_back(index, MatchRule::InvoiceNumber);
        } else {
            number_conflicts = true;
            if (!named_not_fitting) named_not_fitting = index;
        }
    }
    for (std::size_t index : named_in(tokens, false)) {
        if (fits(m_invoices[index], line.amount)) fitting.emplace_back(index, MatchRule::ServiceNumber);
        else if (!named_not_fitting) named_not_fitting = index;
    }
    std::vector<std::size_t> distinct;
    for (const auto& [index, rule] : fitting)
        if (std::find(distinct.begin(), distinct.end(), index) == distinct.end()) distinct.push_back(index);
    // One invoice fits, but the description names another by its number: a person decides. (A
    // customer's other open invoices named through their nomor layanan are no such conflict.)
    if (distinct.size() == 1 && number_conflicts) {
        decision.reason = ReviewReason::Ambiguous;
        decision.suggested_invoice_id = m_invoices[distinct.front()].id;
        return decision;
    }
    if (distinct.size() == 1) {
        decision.pay_invoice_id = m_invoices[distinct.front()].id;
        decision.rule = fitting.front().second;
        return decision;
    }
    if (distinct.size() > 1) {
        decision.reason = ReviewReason::Ambiguous;
        decision.suggested_invoice_id = m_invoices[distinct.front()].id;
        return decision;
    }
    if (named_not_fitting) {
        decision.reason = ReviewReason::AmountDiffers;
        decision.suggested_invoice_id = m_invoices[*named_not_fitting].id;
        return decision;
    }
    if (auto index = name_suggestion(words_of(line.description))) {
        decision.reason = ReviewReason::NameOnly;
        decision.rule = MatchRule::Name;
        decision.suggested_invoice_id = m_invoices[*index].id;
        return decision;
    }
    decision.reason = ReviewReason::NoMatch;
    return decision;
}

void StatementMatcher::record_payment(std::int64_t invoice_id, Money amount) {
    auto it = m_by_id.find(invoice_id);
    if (it == m_by_id.end()) return;
    auto& invoice = m_invoices[it->second];
    invoice.outstanding = std::max<Money>(0, invoice.outstanding - amount);
}

}  // namespace kimonet::payments
