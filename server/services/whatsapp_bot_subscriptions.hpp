#pragma once
// The subscriptions one WhatsApp message is about, and the bot's answers that list them. One number
// often holds several subscriptions (a landlord's rooms, a family's two houses, a shop): TAGIHAN,
// BAYAR and STATUS answer for each of them, grouped by nomor layanan, and a message that names one
// of the number's own nomor layanan ("TAGIHAN CUST012") answers for that one. One subscription is
// the list of one and gets the single templates (bot_invoices, bot_payment_link, bot_status); more
// get the list templates (bot_invoices_list, bot_payment_links, bot_status_list), bounded so that
// fifty rooms still make one WhatsApp message that says how many more there are.
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "services/notification_service.hpp"
#include "store/messaging_lookups.hpp"

namespace kimonet::services {

// At most this many subscriptions of one number are read; the counts and the sum cover them all.
inline constexpr int kBotSubscriptionsRead = 200;

struct BotAudience {
    std::vector<store::PhoneCustomer> subscriptions;  // registration order; empty: nobody's number
    std::int64_t count = 0;        // all of them (the number's, or the ones named)
    std::int64_t owing_count = 0;  // those with something outstanding
    Money outstanding = 0;         // their sum
};

// The live (not terminated) subscriptions of `phone`, narrowed to the ones `text` names when it
// names any of them. A nomor layanan that is not this number's is ignored, so naming a
// neighbour's gets the very reply that naming none gets.
Result<BotAudience> bot_audience(store::Database& db, const std::string& phone, std::string_view text);

// Each sets the request's template and the variables of its list; the caller adds the customer's.
Result<void> answer_invoices(store::Database& db, const BotAudience& audience, const std::string& links_base, NotificationRequest& request);
Result<void> answer_payment_links(const BotAudience& audience, const std::string& links_base, NotificationRequest& request);
void answer_statuses(const BotAudience& audience, NotificationRequest& request);
// A fault report or a promise to pay is about one place: from several subscriptions with none
// named, the bot asks which one, with an example ("GANGGUAN CUST012").
void answer_which_subscription(const BotAudience& audience, std::string_view keyword, NotificationRequest& request);

// "• *CUST012* · Kamar 1" lines of every subscription (bounded), for the opt-out confirmations.
std::string subscription_lines(const BotAudience& audience);
// The menu's closing lines for a number several subscriptions share: which they are and how to name one.
std::string menu_subscription_hint(const BotAudience& audience);

}  // namespace kimonet::services
