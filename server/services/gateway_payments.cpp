#include "services/gateway_payments.hpp"

#include "api/public_shapes.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "customers/name_mask.hpp"
#include "customers/typed_lookup.hpp"
#include "payments/gateway_fields.hpp"
#include "app/ports.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/replaced_charges.hpp"
#include "services/settings.hpp"
#include "store/bill_check_store.hpp"
#include "store/charge_reservation_store.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_store.hpp"
#include "store/payment_lookups.hpp"
#include "store/payment_store.hpp"

namespace kimonet::services {

namespace {

// The live attempt for (invoice, gateway, method) that is still worth showing: not about to expire.
Result<std::optional<GatewayTransaction>> live_transaction(app::Context& context, std::int64_t invoice_id, const std::string& gateway,
                                                           const std::string& method) {
    return store::find_pending_transaction(context.db, invoice_id, gateway, method);
}

// A charge's reservation outlives the gateway call it covers: the HTTP timeout
// (payment_gateway_timeout_seconds, one request per charge) plus a minute for the time between
// reserving and calling and for the servers' clocks disagreeing. Only a holder that died mid-call
// (kill -9, a lost server) ever reaches it; a live one releases its reservation when the call ends.
constexpr std::int64_t kReservationMarginSeconds = 60;

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

// A live attempt the payer can still use: the same amount, and not expiring within 5 minutes.
bool reusable(const GatewayTransaction& live, std::int64_t now, Money amount) { return live.expires_at > now + 300 && live.amount == amount; }

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

Result<api::Json> check_bill(store::Database& db, const std::string& typed_service_number) {
    // "cust003" is CUST003: service numbers are stored in capitals.
    const std::string service_number = customers::service_number_from_typed(typed_service_number);
    // One statement: the customer and its invoices (one round trip on PostgreSQL).
    // Bytes that are no UTF-8 are no one's number (and PostgreSQL refuses them in a query: a 500).
    const auto found = service_number.empty() || service_number.size() > 64 || !is_valid_utf8(service_number) ? std::optional<store::BillCheck>()
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

    // Reuse a live attempt for the same amount; close one that is about to expire or is stale. The
    // closed one is cancelled at its gateway once a charge that replaces it is committed (or found).
    std::optional<GatewayTransaction> replaced;
    if (auto live = TRY(live_transaction(context, invoice_id, gateway, method))) {
        if (reusable(*live, context.now, amount)) {
            live->reused = true;
            return *live;
        }
        TRY_VOID(store::expire_pending_transaction(context.db, live->id, context.now));
        replaced = std::move(live);
    }
    auto replacing = [&](GatewayTransaction shown) -> GatewayTransaction {
        if (replaced) cancel_replaced_charge(context, config, *replaced);
        return shown;
    };

    // Anyone may ask to pay an invoice (the public bill page): a few open charges per invoice at
    // most, so nobody can make the gateways hold hundreds of virtual accounts for one bill. The
    // charges being created right now count too, on every server: each request reserves its
    // gateway:method in the database (a short write transaction of its own, committed before the
    // gateway call, which never runs inside a transaction) and releases it when the call is over.
    const std::string key = gateway + ":" + method;
    const std::string holder = security::to_hex(security::random_token(12));
    const std::int64_t lease_until = context.now + TRY(get_setting_int(context.db, "payment_gateway_timeout_seconds")) + kReservationMarginSeconds;
    auto reservation = store::ChargeReservation::Full;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        reservation = TRY(store::reserve_charge(
            context.db, store::ChargeReservationRequest{invoice_id, key, holder, context.now, lease_until, kMaxOpenChargesPerInvoice}));
        return {};
    }));
    switch (reservation) {
        case store::ChargeReservation::Reserved: break;
        case store::ChargeReservation::Busy:
            return make_error(ErrorCode::Conflict, messages::kChargeBeingCreated);
        case store::ChargeReservation::Full:
            return make_error(ErrorCode::Conflict, messages::with_detail(messages::kOpenChargesLimit, std::to_string(kMaxOpenChargesPerInvoice)));
    }
    // Released on every way out: with the charge in the insert's transaction, else (the gateway
    // refused or failed, the insert failed) here. If that cannot reach the database either, the
    // lease ends it.
    struct Release {
        store::Database& db;
        std::int64_t invoice_id;
        const std::string& holder;
        bool done = false;
        ~Release() {
            if (!done) (void)db.transaction([&] { return store::release_charge(db, invoice_id, holder); });
        }
    } release{context.db, invoice_id, holder, false};
    // A request for the same gateway:method may have committed its charge (and ended its
    // reservation) between the look above and this reservation: show that one rather than ask the
    // gateway for another (this reservation ends on the way out).
    if (auto live = TRY(live_transaction(context, invoice_id, gateway, method)); live && reusable(*live, context.now, amount)) {
        live->reused = true;
        return replacing(*live);
    }

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
        // The charge counts as open from this commit on: its reservation ends in the same one.
        TRY_VOID(store::release_charge(context.db, invoice_id, holder));
        return log_activity(context, "payment.gateway_create", "invoice", invoice_id, nullptr, to_json(created, context.offset));
    });
    if (!inserted) {
        // A concurrent request for the same invoice and method won the race: show its attempt.
        if (inserted.error().code == ErrorCode::Conflict)
            if (auto live = TRY(live_transaction(context, invoice_id, gateway, method))) {
                live->reused = true;
                return replacing(*live);
            }
        return inserted.error();
    }
    release.done = true;
    return replacing(created);
}

}  // namespace kimonet::services
