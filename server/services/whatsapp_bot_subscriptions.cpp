#include "services/whatsapp_bot_subscriptions.hpp"

#include <algorithm>
#include <optional>

#include "api/public_shapes.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "messaging/bot_keywords.hpp"

namespace kimonet::services {

namespace {

// A bot reply is one WhatsApp message: the outbox refuses more than 4096 characters, and the
// template around a list needs some of them (an operator may lengthen it).
constexpr std::size_t kBotListCharacters = 2800;
constexpr std::size_t kBotListedSubscriptions = 10;
constexpr std::size_t kBotListedInvoices = 5;

// Items joined by `separator`, as many as fit the bounds above.
class BotBoundedList {
public:
    explicit BotBoundedList(std::string separator) : m_separator(std::move(separator)) {}

    // False (and nothing added) once the list is full.
    bool add(const std::string& item) {
        const std::size_t length = utf8_length(item) + (m_text.empty() ? 0 : utf8_length(m_separator));
        if (m_count >= kBotListedSubscriptions || m_length + length > kBotListCharacters) return false;
        if (!m_text.empty()) m_text += m_separator;
        m_text += item;
        m_length += length;
        ++m_count;
        return true;
    }
    std::size_t count() const { return m_count; }
    const std::string& text() const { return m_text; }

private:
    std::string m_separator;
    std::string m_text;
    std::size_t m_length = 0;
    std::size_t m_count = 0;
};

std::string bot_status_text(const std::string& status) {
    if (status == "active") return "Aktif ✅";
    if (status == "isolated") return "Diisolir ⛔ (segera lakukan pembayaran agar layanan aktif kembali)";
    if (status == "inactive") return "Tidak aktif";
    if (status == "terminated") return "Berhenti berlangganan";
    return status;
}

std::string bot_heading(const store::PhoneCustomer& subscription) { return "*" + subscription.service_number + "* · " + subscription.name; }

// A subscription's unpaid invoices as bullet lines, the oldest first, at most kBotListedInvoices.
Result<std::string> bot_invoice_lines(store::Database& db, std::int64_t customer_id) {
    const auto invoices = TRY(store::list_outstanding_invoices(db, customer_id));
    std::string lines;
    for (std::size_t i = 0; i < invoices.size() && i < kBotListedInvoices; ++i) {
        const auto& invoice = invoices[i];
        std::string period = invoice.period, due = invoice.due_date;
        if (auto parsed = parse_period(period)) period = format_period_indonesian(*parsed);
        if (auto parsed = parse_date(due)) due = format_date_indonesian(*parsed);
        if (!lines.empty()) lines += "\n";
        lines += "• " + invoice.invoice_no + " (" + period + "): " + format_rupiah(invoice.outstanding) + ", jatuh tempo " + due;
    }
    if (invoices.size() > kBotListedInvoices) lines += "\n• … dan " + std::to_string(invoices.size() - kBotListedInvoices) + " tagihan lain";
    return lines;
}

// "CUST012, CUST013 dan 3 lainnya": the numbers of `subscriptions`, the first ten.
std::string bot_service_numbers(const std::vector<const store::PhoneCustomer*>& subscriptions, std::int64_t count) {
    std::string numbers;
    std::size_t named = 0;
    for (; named < subscriptions.size() && named < kBotListedSubscriptions; ++named)
        numbers += (named == 0 ? "" : ", ") + subscriptions[named]->service_number;
    if (count > static_cast<std::int64_t>(named)) numbers += " dan " + std::to_string(count - static_cast<std::int64_t>(named)) + " lainnya";
    return numbers;
}

std::vector<const store::PhoneCustomer*> every_subscription(const BotAudience& audience) {
    std::vector<const store::PhoneCustomer*> all;
    for (const auto& subscription : audience.subscriptions) all.push_back(&subscription);
    return all;
}

// "➕ *3 layanan lain* …" when the list left some out; `amount` only when it says something.
std::string bot_more_line(std::int64_t left_out, std::optional<Money> amount, const std::string& advice) {
    if (left_out <= 0) return {};
    std::string line = "\n\n➕ *" + std::to_string(left_out) + " layanan lain*";
    if (amount) line += " (" + format_rupiah(*amount) + ")";
    return advice.empty() ? line : line + ": " + advice;
}

}  // namespace

Result<BotAudience> bot_audience(store::Database& db, const std::string& phone, std::string_view text) {
    const store::PhoneCustomers live = TRY(store::list_customers_by_phone(db, phone, kBotSubscriptionsRead));
    BotAudience audience;
    const auto named = messaging::named_service_numbers(text);
    for (const auto& subscription : live.customers)
        if (std::find(named.begin(), named.end(), subscription.service_number) != named.end())
            audience.subscriptions.push_back(subscription);
    if (audience.subscriptions.empty()) {
        audience.subscriptions = live.customers;
        audience.count = live.count;
        audience.owing_count = live.owing_count;
        audience.outstanding = live.outstanding;
        return audience;
    }
    audience.count = static_cast<std::int64_t>(audience.subscriptions.size());
    for (const auto& subscription : audience.subscriptions) {
        if (subscription.outstanding <= 0) continue;
        ++audience.owing_count;
        audience.outstanding = TRY(checked_add(audience.outstanding, subscription.outstanding));
    }
    return audience;
}

Result<void> answer_invoices(store::Database& db, const BotAudience& audience, const std::string& links_base, NotificationRequest& request) {
    if (audience.owing_count == 0) {
        request.template_key = "bot_no_invoices";
        if (audience.subscriptions.size() > 1)
            request.variables[api::kServiceNumberPlaceholder] = bot_service_numbers(every_subscription(audience), audience.count);
        return success();
    }
    if (audience.subscriptions.size() == 1) {
        request.template_key = "bot_invoices";
        request.variables["daftar_tagihan"] = TRY(bot_invoice_lines(db, audience.subscriptions.front().id));
        request.variables["total"] = format_rupiah(audience.outstanding);
        return success();
    }
    BotBoundedList list("\n\n");
    Money listed = 0;
    std::vector<const store::PhoneCustomer*> paid;
    for (const auto& subscription : audience.subscriptions) {
        if (subscription.outstanding <= 0) {
            paid.push_back(&subscription);
            continue;
        }
        const std::string section = bot_heading(subscription) + "\n" + TRY(bot_invoice_lines(db, subscription.id)) + "\n💳 Bayar: " +
                                    payment_link(links_base, subscription.service_number);
        if (!list.add(section)) break;
        listed = TRY(checked_add(listed, subscription.outstanding));
    }
    std::string text = list.text();
    if (!paid.empty()) text += "\n\n✅ Tidak ada tagihan: " + bot_service_numbers(paid, static_cast<std::int64_t>(paid.size()));
    const std::string portal = links_base.empty() ? std::string() : ", atau masuk ke portal " + links_base + "/";
    text += bot_more_line(audience.owing_count - static_cast<std::int64_t>(list.count()), audience.outstanding - listed,
                          "ketik *TAGIHAN <nomor layanan>* untuk satu layanan" + portal);
    request.template_key = "bot_invoices_list";
    request.variables["daftar_tagihan"] = text;
    request.variables["total"] = format_rupiah(audience.outstanding);
    request.variables["jumlah_layanan"] = std::to_string(audience.owing_count);
    return success();
}

Result<void> answer_payment_links(const BotAudience& audience, const std::string& links_base, NotificationRequest& request) {
    if (audience.subscriptions.size() == 1) {
        request.template_key = "bot_payment_link";
        return success();
    }
    // The subscriptions that owe something; when none does, every one (a link to pay ahead).
    const bool owing = audience.owing_count > 0;
    BotBoundedList list("\n");
    Money listed = 0;
    for (const auto& subscription : audience.subscriptions) {
        if (owing && subscription.outstanding <= 0) continue;
        std::string line = "• " + bot_heading(subscription);
        if (owing) line += ": " + format_rupiah(subscription.outstanding);
        if (!list.add(line + "\n  " + payment_link(links_base, subscription.service_number))) break;
        listed = TRY(checked_add(listed, subscription.outstanding));
    }
    const std::int64_t to_pay = owing ? audience.owing_count : audience.count;
    request.template_key = "bot_payment_links";
    const std::optional<Money> left_out_amount = owing ? std::optional<Money>(audience.outstanding - listed) : std::nullopt;
    request.variables["daftar_link"] = list.text() + bot_more_line(to_pay - static_cast<std::int64_t>(list.count()), left_out_amount,
                                                                   "ketik *BAYAR <nomor layanan>* untuk link-nya");
    request.variables["total"] = format_rupiah(audience.outstanding);
    return success();
}

void answer_statuses(const BotAudience& audience, NotificationRequest& request) {
    if (audience.subscriptions.size() == 1) {
        request.template_key = "bot_status";
        request.variables["status_layanan"] = bot_status_text(audience.subscriptions.front().status);
        return;
    }
    BotBoundedList list("\n");
    for (const auto& subscription : audience.subscriptions) {
        std::string line = "• " + bot_heading(subscription);
        if (!subscription.package_name.empty()) line += " (" + subscription.package_name + ")";
        if (!list.add(line + ": *" + bot_status_text(subscription.status) + "*")) break;
    }
    request.template_key = "bot_status_list";
    request.variables["daftar_status"] =
        list.text() + bot_more_line(audience.count - static_cast<std::int64_t>(list.count()), std::nullopt, "ketik *STATUS <nomor layanan>*");
}

void answer_which_subscription(const BotAudience& audience, std::string_view keyword, NotificationRequest& request) {
    request.template_key = "bot_pilih_layanan";
    request.variables["daftar_layanan"] = subscription_lines(audience);
    request.variables["contoh"] = std::string(keyword) + " " + audience.subscriptions.front().service_number;
}

std::string menu_subscription_hint(const BotAudience& audience) {
    return "\n\nNomor ini terdaftar untuk beberapa layanan:\n" + subscription_lines(audience) +
           "\nUntuk satu layanan, tambahkan nomor layanannya, misalnya: *TAGIHAN " + audience.subscriptions.back().service_number + "*";
}

std::string subscription_lines(const BotAudience& audience) {
    BotBoundedList list("\n");
    for (const auto& subscription : audience.subscriptions)
        if (!list.add("• " + bot_heading(subscription))) break;
    return list.text() + bot_more_line(audience.count - static_cast<std::int64_t>(list.count()), std::nullopt, "");
}

}  // namespace kimonet::services
