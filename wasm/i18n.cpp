#include "i18n.hpp"

#include <array>
#include <cstdio>
#include <set>

#include "core/message_catalogue.hpp"

namespace kimonet::i18n {
namespace {

Language g_language = Language::Indonesian;
UtcOffset g_time_zone;

constexpr std::array<const char*, 12> kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};

std::set<std::string, std::less<>>& unknown_key_texts() {
    static std::set<std::string, std::less<>> texts;
    return texts;
}

}  // namespace

Language language() { return g_language; }
void set_language(Language language) { g_language = language; }
UtcOffset time_zone() { return g_time_zone; }
void set_time_zone(UtcOffset offset) { g_time_zone = offset; }

// The Vouchers screen's part (i18n_catalogue_vouchers.cpp) and the cash part
// (i18n_catalogue_cash.cpp), declared here rather than in i18n.hpp so adding one rebuilds one file
// instead of every view.
std::initializer_list<Entry> voucher_catalogue();
std::initializer_list<Entry> cash_catalogue();
std::initializer_list<Entry> invoice_run_catalogue();  // i18n_catalogue_invoice_runs.cpp (issue 20)
std::initializer_list<Entry> credit_catalogue();  // i18n_catalogue_credit.cpp (issue 20)
std::initializer_list<Entry> bhp_catalogue();
std::initializer_list<Entry> promise_catalogue();  // i18n_catalogue_promise.cpp (issue 20: janji bayar)
std::initializer_list<Entry> tax_catalogue();  // i18n_catalogue_tax.cpp: PPN and Coretax (issue 20)
std::initializer_list<Entry> ticket_catalogue();  // i18n_catalogue_tickets.cpp: trouble tickets (issue 21)
std::initializer_list<Entry> field_jobs_catalogue();  // i18n_catalogue_field_jobs.cpp: technician jobs (issue 21)
std::initializer_list<Entry> outage_catalogue();  // i18n_catalogue_outages.cpp: outages that pause billing (issue 21)
std::initializer_list<Entry> inventory_catalogue();  // i18n_catalogue_inventory.cpp: FTTH inventory and the map (issue 21)
std::initializer_list<Entry> email_catalogue();  // i18n_catalogue_email.cpp: email and send this invoice (issue 22)
std::initializer_list<Entry> wa_providers_catalogue();  // i18n_catalogue_wa_providers.cpp: Wablas, WAHA, Meta (issue 22)
std::initializer_list<Entry> field_gaps_catalogue();  // i18n_catalogue_field_gaps.cpp: map tiles, outage pauses and credits (issue 21)
std::initializer_list<Entry> whatsapp_failover_catalogue();  // i18n_catalogue_whatsapp_failover.cpp: WhatsApp session banner, opt-out (issue 22)
std::initializer_list<Entry> dashboard_catalogue();  // i18n_catalogue_dashboard.cpp: the dashboard

std::vector<std::initializer_list<Entry>> catalogue_parts() {
    return {catalogue(), dashboard_catalogue(), reports_catalogue(), print_catalogue(), settings_catalogue(), portal_catalogue(), customer_catalogue(),
            choices_catalogue(), keys_catalogue(), voucher_catalogue(), cash_catalogue(), network_catalogue(),
            bank_transfer_catalogue(), radius_catalogue(), invoice_run_catalogue(),
            credit_catalogue(), bhp_catalogue(), promise_catalogue(), tax_catalogue(),
            ticket_catalogue(),
            field_jobs_catalogue(), outage_catalogue(), inventory_catalogue(),
            email_catalogue(),
            wa_providers_catalogue(),
            field_gaps_catalogue(),
            whatsapp_failover_catalogue()};
}

// The entry for `key` in any part of the catalogue, or null.
static const Entry* find_entry(std::string_view key) {
    for (const auto& part : catalogue_parts())
        for (const Entry& entry : part)
            if (entry.key == key) return &entry;
    return nullptr;
}

const char* tr(std::string_view key) {
    if (const Entry* entry = find_entry(key)) return g_language == Language::English ? entry->english : entry->indonesian;
    // Keep unknown keys alive: callers hold the pointer for the frame.
    return unknown_key_texts().emplace(key).first->c_str();
}

bool has_key(std::string_view key) { return find_entry(key) != nullptr; }

std::vector<std::string> unknown_keys() { return {unknown_key_texts().begin(), unknown_key_texts().end()}; }

std::string tr_format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string text = tr(key);
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        if (auto at = text.find(placeholder); at != std::string::npos) text.replace(at, placeholder.size(), value);
    }
    return text;
}

std::string translate_message(std::string_view message) {
    if (g_language == Language::Indonesian) return std::string(message);
    return messages::english_message(message);
}

std::string api_error_text(std::string_view code, std::string_view server_message) {
    if (code == "unauthorized") return tr("error.unauthorized");
    if (code == "forbidden") return tr("error.forbidden");
    if (code == "not_found") return tr("error.not_found");
    if (code == "conflict") return tr("error.conflict");
    if (code == "rate_limited") return tr("error.rate_limited");
    if (code == "validation_failed") return tr("error.validation");
    if (code == "network") return tr("error.network");
    if (!server_message.empty()) return translate_message(server_message);
    return tr("error.generic");
}

std::string status_label(CustomerStatus status) { return tr(std::string("status.") + std::string(to_string(status))); }

std::string role_label(std::string_view role) {
    // A role an admin created has no catalogue text: its own name.
    const std::string key = "role." + std::string(role);
    return has_key(key) ? std::string(tr(key)) : std::string(role);
}

std::string format_date_time(std::int64_t unix_seconds) {
    const LocalDateTime local = local_from_unix(unix_seconds, g_time_zone);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
    return format_date(local.date) + " " + clock;
}

std::string field_message(const FieldErrors& errors, const char* field) {
    auto found = errors.find(field);
    return found == errors.end() ? std::string() : translate_message(found->second);
}

std::string format_date(const Date& date) {
    if (g_language == Language::Indonesian) return format_date_indonesian(date);
    return std::to_string(date.day) + " " + kEnglishMonths[static_cast<std::size_t>(date.month - 1)] + " " +
           std::to_string(date.year);
}

const char* month_short(int month) {
    static constexpr const char* kKeys[] = {"month.jan", "month.feb", "month.mar", "month.apr", "month.may", "month.jun",
                                            "month.jul", "month.aug", "month.sep", "month.oct", "month.nov", "month.dec"};
    return month >= 1 && month <= 12 ? tr(kKeys[month - 1]) : "?";
}

std::string format_period(const Period& period) {
    if (g_language == Language::Indonesian) return format_period_indonesian(period);
    return std::string(kEnglishMonths[static_cast<std::size_t>(period.month - 1)]) + " " + std::to_string(period.year);
}

}  // namespace kimonet::i18n
