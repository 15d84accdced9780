// Remittances (setoran): the collector declares, the cashier confirms; the cashier's list and
// report. Declared in services/cash_collection.hpp.
#include <map>
#include <set>
#include <tuple>
#include <cctype>

#include "core/validation_messages.hpp"
#include "payments/typed_amount.hpp"
#include "services/activity_log.hpp"
#include "services/cash_collection.hpp"
#include "services/cash_ledger.hpp"
#include "services/cash_views.hpp"
#include "services/idempotency_key.hpp"
#include "store/cash_store.hpp"

namespace kimonet::services {

namespace {

// An amount field: an integer or what was typed ("750rb", "Rp 750.000"); 0 to kMaxMoney.
void read_amount(api::FieldReader& reader, const api::Json& input, const char* field, std::optional<Money>& out) {
    if (!input.contains(field)) return;
    const auto& value = input[field];
    if (value.is_string()) {
        auto typed = payments::parse_typed_amount(value.get<std::string>());
        if (!typed) reader.add_error(field, messages::kInvalid);
        else out = *typed;
    } else if (value.is_number_integer()) {
        out = value.get<std::int64_t>();
    } else {
        reader.add_error(field, messages::kInvalid);
        return;
    }
    if (out && (*out < 0 || *out > kMaxMoney)) reader.add_error(field, messages::kAmountNotNegative);
}

struct CashInput {
    std::optional<Money> amount;
    std::string note;
    std::string key;
};

Result<CashInput> cash_input(const api::Json& input, const char* amount_field, bool amount_required) {
    if (!input.is_object()) return make_error(ErrorCode::BadRequest, messages::kExpectedJsonObject);
    api::FieldReader reader(input);
    CashInput out;
    read_amount(reader, input, amount_field, out.amount);
    if (amount_required && !input.contains(amount_field)) reader.add_error(amount_field, messages::kRequired);
    reader.read("note", out.note);
    if (out.note.size() > 500) reader.add_error("note", messages::kTooLong500);
    reader.read("idempotency_key", out.key);
    if (reader.has("idempotency_key") && !idempotency_key_well_formed(out.key)) reader.add_error("idempotency_key", messages::kIdempotencyKeyFormat);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    return out;
}


}  // namespace

Result<std::pair<api::RemittanceResource, bool>> declare_remittance(app::Context& context, const api::Json& input) {
    if (context.actor.type != "user" || context.actor.id <= 0) return make_error(ErrorCode::Forbidden, messages::kCashStaffOnly);
    const CashInput request = TRY(cash_input(input, "amount", false));
    std::pair<api::RemittanceResource, bool> out;
    NameCache names;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!request.key.empty()) {
            if (auto earlier = TRY(store::find_cash_entry_by_key(context.db, context.actor.id, "remittance", request.key))) {
                // Another amount or note is another declaration, not this one sent again.
                if ((request.amount && *request.amount != earlier->amount) || request.note != earlier->note)
                    return key_reused(messages::kCashKeyReused);
                out = {TRY(remittance_resource(context, *earlier, names)), true};
                return {};
            }
        }
        const std::int64_t previous = TRY(store::last_remittance_seq(context.db, context.actor.id));
        const auto since = TRY(store::collector_cash_since(context.db, context.actor.id, previous));
        if (since.collections == 0) return make_error(ErrorCode::Conflict, messages::kCashNothingToRemit);
        payments::CashLedgerEntry row;
        row.kind = payments::CashEntryKind::Remittance;
        row.collector_id = context.actor.id;
        row.actor_id = context.actor.id;
        row.business_date = to_string(context.today());
        row.expected_amount = TRY(payments::net_of({since.collected, since.voided}));
        row.amount = request.amount.value_or(row.expected_amount);
        row.refers_to = previous;
        row.recorded_at = context.now;
        row.note = request.note;
        const auto entry = TRY(append_cash_entry(context, std::move(row), request.key.empty() ? std::nullopt : std::optional(request.key)));
        out = {TRY(remittance_resource(context, entry, names)), false};
        TRY_VOID(log_activity(context, "cash.remittance", "cash_ledger", entry.seq, nullptr, api::to_json(out.first)));
        return anchor_cash_ledger(context);
    }));
    return out;
}

Result<std::pair<api::RemittanceResource, bool>> confirm_remittance(app::Context& context, std::int64_t remittance_seq,
                                                                    const api::Json& input) {
    if (context.actor.type != "user" || context.actor.id <= 0) return make_error(ErrorCode::Forbidden, messages::kCashStaffOnly);
    const CashInput request = TRY(cash_input(input, "received_amount", true));
    std::pair<api::RemittanceResource, bool> out;
    NameCache names;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto remittance = TRY(store::find_cash_entry(context.db, remittance_seq));
        if (!remittance || remittance->kind != payments::CashEntryKind::Remittance)
            return make_error(ErrorCode::NotFound, messages::kCashRemittanceNotFound);
        if (remittance->collector_id == context.actor.id) return make_error(ErrorCode::Forbidden, messages::kCashOwnRemittance);
        if (!request.key.empty()) {
            auto keyed = TRY(store::find_cash_entry_by_key(context.db, context.actor.id, "confirmation", request.key));
            if (keyed && (keyed->refers_to != remittance_seq || keyed->amount != *request.amount || keyed->note != request.note))
                return key_reused(messages::kCashKeyReused);
        }
        if (auto earlier = TRY(store::find_reference_to(context.db, "confirmation", remittance_seq))) {
            if (earlier->amount != *request.amount) {
                Error conflict = make_error(ErrorCode::Conflict, messages::kCashRemittanceConfirmedOtherwise);
                conflict.fields["received_amount"] = messages::kCashRemittanceConfirmedOtherwise;
                return conflict;
            }
            out = {TRY(remittance_resource(context, *remittance, names)), true};
            return {};
        }
        payments::CashLedgerEntry row;
        row.kind = payments::CashEntryKind::Confirmation;
        row.collector_id = remittance->collector_id;
        row.actor_id = context.actor.id;
        row.business_date = remittance->business_date;  // the cash day it settles
        row.amount = *request.amount;
        row.expected_amount = remittance->amount;
        row.refers_to = remittance_seq;
        row.recorded_at = context.now;
        row.note = request.note;
        const auto entry = TRY(append_cash_entry(context, std::move(row), request.key.empty() ? std::nullopt : std::optional(request.key)));
        out = {TRY(remittance_resource(context, *remittance, names)), false};
        TRY_VOID(log_activity(context, "cash.confirm", "cash_ledger", entry.seq, nullptr, api::to_json(out.first)));
        return anchor_cash_ledger(context);
    }));
    return out;
}

Result<CashQuery> cash_query(const app::Context& context, const std::map<std::string, std::string>& parameters) {
    CashQuery query;
    FieldErrors fields;
    const auto text = [&](const char* name, std::string fallback) {
        auto found = parameters.find(name);
        return found == parameters.end() || found->second.empty() ? fallback : found->second;
    };
    query.to = text("to", to_string(context.today()));
    query.from = text("from", query.to);
    if (!parse_date(query.from)) fields["from"] = messages::kDate;
    if (!parse_date(query.to)) fields["to"] = messages::kDate;
    const std::string collector = text("collector_id", "");
    if (!collector.empty()) {
        std::int64_t id = 0;
        for (char c : collector) {
            if (c < '0' || c > '9' || id >= 1'000'000'000'000) {
                id = 0;
                break;
            }
            id = id * 10 + (c - '0');
        }
        if (id <= 0) fields["collector_id"] = messages::kInvalid;
        else query.collector_id = id;
    }
    query.status = text("status", "");
    if (!query.status.empty() && query.status != "declared" && query.status != "confirmed") fields["status"] = messages::kInvalid;
    if (!fields.empty()) return validation_error(std::move(fields));
    return query;
}

Result<std::vector<api::RemittanceResource>> list_remittances(app::Context& context, const CashQuery& query) {
    std::vector<api::RemittanceResource> out;
    NameCache names;
    for (const auto& entry : TRY(store::cash_entries_between(context.db, query.from, query.to, query.collector_id))) {
        if (entry.kind != payments::CashEntryKind::Remittance) continue;
        auto remittance = TRY(remittance_resource(context, entry, names));
        if (query.status == "declared" && remittance.confirmed) continue;
        if (query.status == "confirmed" && !remittance.confirmed) continue;
        out.push_back(std::move(remittance));
    }
    return out;
}

Result<std::vector<api::CashReportRow>> cash_report(app::Context& context, const CashQuery& query) {
    std::map<std::tuple<std::string, std::int64_t>, api::CashReportRow> rows;  // (date, collector)
    std::set<std::int64_t> confirmed;
    const auto entries = TRY(store::cash_entries_between(context.db, query.from, query.to, query.collector_id));
    for (const auto& entry : entries)
        if (entry.kind == payments::CashEntryKind::Confirmation) confirmed.insert(entry.refers_to);
    NameCache names;
    for (const auto& entry : entries) {
        auto& row = rows[{entry.business_date, entry.collector_id}];
        if (row.date.empty()) row = {entry.collector_id, TRY(names.name(context.db, entry.collector_id)), entry.business_date, 0, 0, 0, 0};
        switch (entry.kind) {
            case payments::CashEntryKind::Collection: row.collected = TRY(checked_add(row.collected, entry.amount)); break;
            case payments::CashEntryKind::Void: row.collected = TRY(checked_add(row.collected, -entry.amount)); break;
            case payments::CashEntryKind::Remittance:
                row.remitted = TRY(checked_add(row.remitted, entry.amount));
                if (!confirmed.contains(entry.seq)) ++row.unconfirmed_remittances;
                break;
            case payments::CashEntryKind::Confirmation: row.confirmed = TRY(checked_add(row.confirmed, entry.amount)); break;
        }
    }
    std::vector<api::CashReportRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
}

}  // namespace kimonet::services
