#include "services/gateway_payments.hpp"

#include "api/public_shapes.hpp"
#include "core/validation_messages.hpp"
#include "customers/name_mask.hpp"
#include "payments/gateway_fields.hpp"
#include "app/ports.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"
#include "store/bill_check_store.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_store.hpp"
#include "store/payment_lookups.hpp"
#include "store/payment_store.hpp"

#include <map>
#include <mutex>
#include <set>

namespace kimonet::services {

namespace {

// The live attempt for (invoice, gateway, method) that is still worth showing: not about to expire.
Result<std::optional<GatewayTransaction>> live_transaction(app::Context& context, std::int64_t invoice_id, const std::string& gateway,
                                                           const std::string& method) {
    return store::find_pending_transaction(context.db, invoice_id, gateway, method);
}

// Charges being created at a gateway right now, per invoice: counted with the open ones, so
// parallel anonymous requests cannot pass the cap together while their gateway calls run, and
// one gateway and method of an invoice is created by one request at a time.
class ChargesInFlight {
public:
    enum class Reservation { Reserved, Busy, Full };
    // Reserves `key` (gateway:method) of `invoice_id` if `open` + those in flight stay under `cap`.
    Reservation reserve(std::int64_t invoice_id, const std::string& key, std::int64_t open, std::int64_t cap) {
        std::lock_guard lock(m_mutex);
        auto& flying = m_keys[invoice_id];
        Reservation result = Reservation::Reserved;
        if (flying.contains(key)) result = Reservation::Busy;
        else if (open + static_cast<std::int64_t>(flying.size()) >= cap) result = Reservation::Full;
        else flying.insert(key);
        if (flying.empty()) m_keys.erase(invoice_id);
        return result;
    }
    void release(std::int64_t invoice_id, const std::string& key) {
        std::lock_guard lock(m_mutex);
        auto found = m_keys.find(invoice_id);
        if (found == m_keys.end()) return;
        found->second.erase(key);
        if (found->second.empty()) m_keys.erase(found);
    }

private:
    std::mutex m_mutex;
    std::map<std::int64_t, std::set<std::string>> m_keys;
};

ChargesInFlight& charges_in_flight() {
    static ChargesInFlight registry;
    return registry;
}

// Open charges of an invoice at every gateway: pending and not yet past their expiry.
Result<std::int64_t> open_charges(app::Context& context, std::int64_t invoice_id) {
    return store::count_open_charges(context.db, invoice_id, context.now);
}

Result<store::Payer> payer_of(store::Database& db, std::int64_t customer_id) {
    auto payer = TRY(store::find_payer(db, customer_id));
    if (!payer) return make_error(ErrorCode::NotFound);
    return *payer;
}

std::string_view public_status(billing::InvoiceStatus status) {
    switch (status) {
        case billing::InvoiceStatus::Unpaid: return "pending";
        case billing::InvoiceStatus::Partial: return "partial";
        case billing::InvoiceStatus::Paid: return "paid";
        case billing::InvoiceStatus::Void: return "void";
    }
    return "pending";
}

}  // namespace

api::Json to_json(const GatewayTransaction& transaction, UtcOffset offset) {
    return {{"id", transaction.id},
            {"gateway", transaction.gateway},
            {"order_id", transaction.order_id},
            {"transaction_id", transaction.transaction_id},
            {"invoice_id", transaction.invoice_id},
            {"method", transaction.method},
            {"amount", transaction.amount},
            {"fee", transaction.fee},
            {"status", transaction.status},
            {"payment_url", transaction.payment_url},
            {"payment_code", transaction.payment_code},
            {"qr_string", transaction.qr_string},
            {"expires_at", to_string(local_from_unix(transaction.expires_at, offset))},
            {"reused", transaction.reused}};
}

Result<api::Json> offered_payment_methods(app::Context& context, const std::string& gateway) {
    if (!payments::is_known_gateway(gateway)) return validation_error({{"gateway", messages::kGatewayChoice}});
    api::Json data = api::Json::array();
    if (TRY(get_setting(context.db, gateway + "_enabled")) != "1") return data;
    const auto methods = TRY(payments::parse_offered_methods(TRY(get_setting(context.db, gateway + "_methods"))));
    for (const auto& offered : methods) {
        const auto* info = payments::find_method(offered.code);
        if (!payments::gateway_supports(gateway, *info)) continue;
        data.push_back({{"code", offered.code}, {"name", info->name}, {"type", info->type}, {"fee", offered.fee}});
    }
    return data;
}

Result<api::Json> check_bill(store::Database& db, const std::string& service_number) {
    // One statement: the customer and its invoices (one round trip on PostgreSQL).
    const auto found = service_number.empty() || service_number.size() > 64 ? std::optional<store::BillCheck>()
                                                                              : TRY(store::find_bill_check(db, service_number, 12));
    if (!found) return make_error(ErrorCode::NotFound, messages::kServiceNumberNotFound);
    const store::BillCustomer* customer = &found->customer;
    api::Json out = {{"customer",
                      {{api::kPublicServiceNumberKey, customer->service_number},
                       // Anyone can try any number: a masked name, never the address or phone.
                       {api::kPublicCustomerNameKey, customers::mask_name(customer->name)}}},
                     {"invoices", api::Json::array()}};
    // Unpaid first, then the latest paid ones for reassurance; at most 12.
    for (const billing::Invoice& invoice : found->invoices) {
        out["invoices"].push_back({{"invoice_id", invoice.id},
                                   {"invoice_no", invoice.invoice_no},
                                   {api::kPublicPeriodKey, to_string(invoice.period)},
                                   {"bill", invoice.totals.total},
                                   {"outstanding", invoice.outstanding()},
                                   {"due_date", to_string(invoice.due_date)},
                                   {"status", public_status(invoice.status)}});
    }
    return out;
}

Result<std::optional<GatewayTransaction>> find_gateway_transaction(store::Database& db, std::int64_t id) {
    return store::find_gateway_transaction(db, id);
}

Result<GatewayTransaction> create_gateway_payment(app::Context& context, const api::Json& input, const std::string& server_base_url) {
    api::FieldReader reader(input);
    std::int64_t invoice_id = 0;
    std::string gateway, method;
    reader.read("invoice_id", invoice_id);
    reader.read("gateway", gateway);
    reader.read("method", method);
    if (invoice_id <= 0) reader.add_error("invoice_id", messages::kRequired);
    if (!payments::is_known_gateway(gateway)) reader.add_error("gateway", "flip, midtrans atau duitku");
    if (!reader.ok()) return validation_error(std::move(reader.errors()));

    const auto config = TRY(gateways::load_gateway_config(context.db, context.secrets, gateway, server_base_url));
    if (!config.enabled) return validation_error({{"gateway", messages::kGatewayDisabled}});
    const payments::OfferedMethod* offered = nullptr;
    for (const auto& candidate : config.methods)
        if (candidate.code == method) offered = &candidate;
    if (!offered) return validation_error({{"method", messages::kMethodNotOffered}});

    auto invoice = TRY(store::find_invoice(context.db, invoice_id));
    if (!invoice) return make_error(ErrorCode::NotFound, messages::kInvoiceNotFound);
    if (invoice->status == billing::InvoiceStatus::Paid || invoice->status == billing::InvoiceStatus::Void)
        return make_error(ErrorCode::Conflict, messages::kInvoicePaidOrVoid);
    const Money amount = invoice->outstanding() + offered->fee;

    // Reuse a live attempt for the same amount; close one that is about to expire or is stale.
    if (auto live = TRY(live_transaction(context, invoice_id, gateway, method))) {
        if (live->expires_at > context.now + 300 && live->amount == amount) {
            live->reused = true;
            return *live;
        }
        TRY_VOID(store::expire_pending_transaction(context.db, live->id, context.now));
    }

    // Anyone may ask to pay an invoice (the public bill page): a few open charges per invoice at
    // most, so nobody can make the gateways hold hundreds of virtual accounts for one bill.
    const std::string key = gateway + ":" + method;
    switch (charges_in_flight().reserve(invoice_id, key, TRY(open_charges(context, invoice_id)), kMaxOpenChargesPerInvoice)) {
        case ChargesInFlight::Reservation::Reserved: break;
        case ChargesInFlight::Reservation::Busy:
            return make_error(ErrorCode::Conflict, messages::kChargeBeingCreated);
        case ChargesInFlight::Reservation::Full:
            return make_error(ErrorCode::Conflict, messages::with_detail(messages::kOpenChargesLimit, std::to_string(kMaxOpenChargesPerInvoice)));
    }
    struct Release {
        std::int64_t invoice_id;
        const std::string& key;
        ~Release() { charges_in_flight().release(invoice_id, key); }
    } release{invoice_id, key};

    const store::Payer payer = TRY(payer_of(context.db, invoice->customer_id));
    gateways::ChargeRequest request;
    // Any invoice_number_format is allowed ("INV/2026/01/…"); the gateways are not as generous.
    request.order_id = payments::gateway_order_id(gateway, invoice->invoice_no, security::to_hex(security::random_token(6)).substr(0, 8));
    request.amount = amount;
    request.method = payments::find_method(method);
    request.title = "Tagihan " + invoice->invoice_no;
    request.customer_name = payer.name;
    request.customer_email = payer.email.empty() ? "pelanggan@example.com" : payer.email;
    request.customer_phone = payer.phone;
    request.now = context.now;
    request.expires_at = context.now + TRY(get_setting_int(context.db, "payment_expiry_minutes")) * 60;
    request.offset = context.offset;
    auto adapter = context.ports.payment_gateway(config);
    const gateways::Charge charge = TRY(adapter->create_charge(request));

    GatewayTransaction created;
    auto inserted = context.db.transaction([&]() -> Result<void> {
        const std::int64_t id = TRY(store::insert_gateway_transaction(
            context.db,
            store::NewGatewayTransaction{gateway, request.order_id, charge.transaction_id, charge.reference, invoice_id, invoice->customer_id, method,
                                         amount, offered->fee, charge.payment_url, charge.payment_code, charge.qr_string, charge.expires_at},
            context.now));
        created = *TRY(store::find_gateway_transaction(context.db, id));
        return log_activity(context, "payment.gateway_create", "invoice", invoice_id, nullptr, to_json(created, context.offset));
    });
    if (!inserted) {
        // A concurrent request for the same invoice and method won the race: show its attempt.
        if (inserted.error().code == ErrorCode::Conflict)
            if (auto live = TRY(live_transaction(context, invoice_id, gateway, method))) {
                live->reused = true;
                return *live;
            }
        return inserted.error();
    }
    return created;
}

}  // namespace kimonet::services
