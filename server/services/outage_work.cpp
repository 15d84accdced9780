// The work outages lead to (services/outage_service.hpp): start and end notices through the
// outbox, SLA credits computed at the end and added to the next invoice, the set of customers
// whose dunning waits, and the public view.
#include <algorithm>
#include <map>

#include "billing/outage_credit.hpp"
#include "core/date.hpp"
#include "core/date_time_text.hpp"
#include "core/money.hpp"
#include "services/network_status.hpp"
#include "services/notification_service.hpp"
#include "services/outage_service.hpp"
#include "services/settings.hpp"
#include "store/outage_store.hpp"

namespace kimonet::services {

namespace {

constexpr int kOutageWorkBatch = 500;

// "3 jam 20 menit", "45 menit".
std::string outage_duration_text(std::int64_t seconds) {
    const std::int64_t minutes = std::max<std::int64_t>(0, seconds) / 60;
    const std::int64_t hours = minutes / 60;
    std::string text;
    if (hours / 24 > 0) text += std::to_string(hours / 24) + " hari ";
    if (hours % 24 > 0) text += std::to_string(hours % 24) + " jam ";
    if (minutes % 60 > 0 || text.empty()) text += std::to_string(minutes % 60) + " menit ";
    text.pop_back();
    return text;
}

Result<billing::OutageCreditSettings> outage_credit_settings(store::Database& db) {
    billing::OutageCreditSettings settings;
    settings.rule = billing::parse_outage_credit_rule(TRY(get_setting(db, "outage_credit_rule"))).value_or(billing::OutageCreditRule::Off);
    settings.after_hours = std::clamp<std::int64_t>(TRY(get_setting_int(db, "outage_credit_after_hours")), 0, 720);
    settings.fixed_amount = std::clamp<std::int64_t>(TRY(get_setting_int(db, "outage_credit_fixed_amount")), 0, kMaxMoney);
    return settings;
}

messaging::TemplateVariables outage_variables(const store::OutageRow& outage, UtcOffset offset) {
    messaging::TemplateVariables variables;
    variables["judul_gangguan"] = outage.title;
    variables["area_gangguan"] = outage.area_name;
    variables["waktu_mulai"] = format_moment_indonesian(outage.started_at, offset);
    variables["perkiraan_pulih"] = outage.expected_end_at ? format_moment_indonesian(*outage.expected_end_at, offset) : "sedang dipastikan";
    if (outage.ended_at) {
        variables["waktu_selesai"] = format_moment_indonesian(*outage.ended_at, offset);
        variables["durasi"] = outage_duration_text(*outage.ended_at - outage.started_at);
    }
    return variables;
}

// Queues one notice; its id, or 0 when the customer cannot get one (no phone number): the
// customer is handled all the same, so a rerun never retries them into a second message.
Result<std::int64_t> queue_outage_notice(app::Context& context, const store::OutageRow& outage, std::int64_t customer_id, bool start,
                                         Money credit) {
    NotificationRequest request(MessageClass::Bulk);
    request.key = "outage:" + std::to_string(outage.id) + (start ? ":start:" : ":end:") + std::to_string(customer_id);
    request.customer_id = customer_id;
    request.template_key = start ? "outage_start" : "outage_end";
    request.variables = TRY(customer_variables(context.db, customer_id));
    for (auto& [name, value] : outage_variables(outage, context.offset)) request.variables[name] = value;
    if (!start)
        request.variables["kompensasi"] =
            credit > 0 ? "Sebagai kompensasi, tagihan berikutnya dipotong *" + format_rupiah(credit) + "*." : std::string();
    auto queued = queue_notification(context, request);
    if (!queued && queued.error().code == ErrorCode::ValidationFailed) return std::int64_t{0};
    if (!queued) return std::move(queued).error();
    return queued->id;
}

// One batch of one outage's work; false when it had nothing left to do.
Result<bool> outage_work_batch(app::Context& context, std::int64_t outage_id, const billing::OutageCreditSettings& credit_rule,
                               OutageWork& work) {
    bool did = false;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto found = TRY(store::find_outage(context.db, outage_id));
        if (!found || found->phase == "started" || found->phase == "ended") return {};
        const store::OutageRow& outage = *found;
        for (const std::int64_t customer_id : TRY(store::customers_without_start_notice(context.db, outage_id, kOutageWorkBatch))) {
            TRY_VOID(store::set_outage_start_notice(context.db, outage_id, customer_id,
                                                    TRY(queue_outage_notice(context, outage, customer_id, true, 0))));
            ++work.start_notices;
            did = true;
        }
        if (did) return {};
        if (!outage.ended_at) return store::set_outage_phase(context.db, outage_id, "started");
        const std::int64_t seconds = *outage.ended_at - outage.started_at;
        for (const auto& candidate : TRY(store::customers_without_end_notice(context.db, outage_id, kOutageWorkBatch))) {
            const Money credit = TRY(billing::outage_credit_amount(credit_rule, candidate.monthly_price, seconds));
            const std::int64_t notice = TRY(queue_outage_notice(context, outage, candidate.customer_id, false, credit));
            TRY_VOID(store::set_outage_end_notice(context.db, outage_id, candidate.customer_id, notice, credit));
            ++work.end_notices;
            work.credits += credit > 0 ? 1 : 0;
            did = true;
        }
        if (!did) return store::set_outage_phase(context.db, outage_id, "ended");
        return {};
    }));
    return did;
}

std::string outage_credit_description(const store::PendingOutageCredit& credit, UtcOffset offset) {
    const std::string day = format_date_indonesian(local_from_unix(credit.started_at, offset).date);
    return "Kompensasi gangguan: " + credit.title + " (" + day + ", " + outage_duration_text(credit.ended_at - credit.started_at) + ")";
}

}  // namespace

Result<OutageWork> process_outages(app::Context& context) {
    OutageWork work;
    const auto outages = TRY(store::outages_with_work(context.db));
    if (outages.empty()) return work;
    const billing::OutageCreditSettings credit_rule = TRY(outage_credit_settings(context.db));
    for (const std::int64_t outage_id : outages)
        while (TRY(outage_work_batch(context, outage_id, credit_rule, work))) {
        }
    return work;
}

Result<std::unordered_set<std::int64_t>> customers_paused_by_outages(store::Database& db, std::int64_t now, UtcOffset offset) {
    const std::int64_t start_of_today = unix_from_local(LocalDateTime{local_from_unix(now, offset).date, 0, 0, 0}, offset);
    return store::customers_paused_by_outage(db, start_of_today);
}

Result<api::Json> outages_pausing_customer(store::Database& db, std::int64_t customer_id, std::int64_t now, UtcOffset offset) {
    const std::int64_t start_of_today = unix_from_local(LocalDateTime{local_from_unix(now, offset).date, 0, 0, 0}, offset);
    api::Json out = api::Json::array();
    for (const auto& outage : TRY(store::outages_pausing_customer(db, customer_id, start_of_today)))
        out.push_back({{"id", outage.id}, {"title", outage.title}, {"area_name", outage.area_name},
                       {"started_at", outage.started_at}, {"started_at_text", local_time_text(outage.started_at, offset)},
                       {"ended_at", outage.ended_at ? api::Json(*outage.ended_at) : api::Json(nullptr)},
                       {"ended_at_text", outage.ended_at ? local_time_text(*outage.ended_at, offset) : std::string()}});
    return out;
}

Result<api::Json> public_outages(store::Database& db, UtcOffset offset) {
    api::Json out = api::Json::array();
    for (const auto& outage : TRY(store::list_outages(db, false, 50))) {
        api::Json row = {{"title", outage.title},
                         {"area_name", outage.area_name},
                         {"area_shape", outage.area_shape},
                         {"started_at", outage.started_at},
                         {"started_at_text", local_time_text(outage.started_at, offset)},
                         {"expected_end_text", outage.expected_end_at ? local_time_text(*outage.expected_end_at, offset) : std::string()}};
        out.push_back(std::move(row));
    }
    return out;
}

Result<std::vector<AppliedOutageCredit>> add_outage_credit_lines(store::Database& db, const std::vector<billing::Invoice*>& invoices,
                                                                 UtcOffset offset) {
    std::vector<AppliedOutageCredit> applied;
    if (invoices.empty()) return applied;
    std::map<std::int64_t, billing::Invoice*> by_customer;
    for (billing::Invoice* invoice : invoices) by_customer[invoice->customer_id] = invoice;
    const auto pending = TRY(store::pending_outage_credits(db, by_customer.begin()->first, by_customer.rbegin()->first));
    for (const auto& credit : pending) {
        const auto found = by_customer.find(credit.customer_id);
        if (found == by_customer.end()) continue;
        billing::Invoice& invoice = *found->second;
        // Never below zero: a credit larger than what is left of the invoice is cut to it.
        const Money left = TRY(billing::line_sum(invoice.lines));
        const Money amount = std::min(credit.amount, left);
        if (amount <= 0) continue;
        invoice.lines.push_back({billing::LineKind::Discount, outage_credit_description(credit, offset), 1, -amount, -amount});
        invoice.totals = TRY(billing::totals_for(invoice.lines, invoice.tax));
        invoice.status = billing::status_for(invoice.totals.total, invoice.paid_amount);
        applied.push_back({credit.outage_id, credit.customer_id, &invoice});
    }
    return applied;
}

Result<void> mark_outage_credits_applied(store::Database& db, const std::vector<AppliedOutageCredit>& applied) {
    for (const auto& credit : applied) TRY_VOID(store::mark_outage_credit_applied(db, credit.outage_id, credit.customer_id, credit.invoice->id));
    return {};
}

}  // namespace kimonet::services
