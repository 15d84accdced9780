#include "services/whatsapp_opt_out.hpp"

#include "core/text.hpp"
#include "core/whatsapp_failover_messages.hpp"
#include "customers/customer.hpp"
#include "services/activity_log.hpp"
#include "store/outbox_store.hpp"
#include "store/whatsapp_health_store.hpp"

namespace kimonet::services {

OptOutCommand opt_out_command(std::string_view text) {
    std::string word = to_lower_ascii(trim_copy(std::string(text)));
    while (!word.empty() && (word.back() == '.' || word.back() == '!')) word.pop_back();
    if (word == "stop" || word == "berhenti") return OptOutCommand::Stop;
    if (word == "start" || word == "mulai") return OptOutCommand::Start;
    return OptOutCommand::None;
}

Result<bool> opt_out_of_whatsapp(app::Context& context, const std::string& phone, std::optional<std::int64_t> customer_id,
                                 const std::string& keyword) {
    std::string word = to_upper_ascii(trim_copy(keyword));
    while (!word.empty() && (word.back() == '.' || word.back() == '!')) word.pop_back();
    const bool created = TRY(store::insert_whatsapp_opt_out(context.db, {phone, customer_id, word, context.now}));
    const auto cancelled = TRY(store::cancel_queued_bulk_to_phone(context.db, phone, messages::kWhatsappOptedOut, context.now));
    for (std::int64_t id : cancelled)
        TRY_VOID(store::insert_notification_attempt(context.db, id, context.now, "", "cancelled", messages::kWhatsappOptedOut));
    if (!created) return false;
    TRY_VOID(log_activity(context, "whatsapp.opt_out", "customer", customer_id, nullptr,
                          {{"phone", phone}, {"keyword", word}, {"cancelled_messages", cancelled.size()}}));
    return true;
}

Result<bool> opt_back_in_to_whatsapp(app::Context& context, const std::string& phone, std::optional<std::int64_t> customer_id) {
    if (!TRY(store::delete_whatsapp_opt_out(context.db, phone))) return false;
    TRY_VOID(log_activity(context, "whatsapp.opt_in", "customer", customer_id, nullptr, {{"phone", phone}}));
    return true;
}

Result<bool> is_opted_out_of_whatsapp(store::Database& db, const std::string& phone) {
    return TRY(store::find_whatsapp_opt_out(db, phone)).has_value();
}

Result<api::Json> whatsapp_opt_out_json(store::Database& db, const std::string& phone) {
    const std::string normalised = normalize_phone(phone);
    if (normalised.empty()) return api::Json(nullptr);
    const auto found = TRY(store::find_whatsapp_opt_out(db, normalised));
    if (!found) return api::Json(nullptr);
    return api::Json{{"keyword", found->keyword}, {"opted_out_at", found->opted_out_at}};
}

}  // namespace kimonet::services
