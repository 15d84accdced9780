// Midtrans Core API: POST /v2/charge (bank_transfer VA, echannel for Mandiri, qris) and
// GET /v2/{order_id}/status, POST /v2/{order_id}/cancel (a replaced charge), Basic auth with the server key as user. When we know our callback
// URL we send it as X-Override-Notification so no dashboard setting is needed. With
// midtrans_api = snap, payments are created through Snap (POST /snap/v1/transactions → token and
// redirect_url, the customer picks up the VA/QR on Midtrans' page); status and notifications
// are the same as Core API's.
#include "api/json_fields.hpp"
#include "gateways/gateway_http.hpp"
#include "payments/gateway_fields.hpp"
#include "security/base64.hpp"

namespace kimonet::gateways {

namespace {

// customer_details within Midtrans' documented lengths, cut between letters (a name cut inside a
// letter is not UTF-8, and neither Midtrans nor our JSON writer accepts that).
api::Json midtrans_customer(const ChargeRequest& request) {
    const auto limits = payments::gateway_field_limits("midtrans");
    return {{"first_name", payments::fit_utf8(request.customer_name, limits.customer_name)},
            {"phone", payments::fit_utf8(request.customer_phone, limits.phone)}};
}

class MidtransGateway : public PaymentGateway {
public:
    explicit MidtransGateway(GatewayConfig config) : m_config(std::move(config)) {}
    std::string name() const override { return "midtrans"; }

    Result<Charge> create_charge(const ChargeRequest& request) override {
        if (m_config.snap) return create_snap_transaction(request);
        api::Json body = {{"transaction_details", {{"order_id", request.order_id}, {"gross_amount", request.amount}}},
                          {"customer_details", midtrans_customer(request)},
                          {"custom_expiry", {{"expiry_duration", std::max<std::int64_t>(1, (request.expires_at - request.now) / 60)},
                                             {"unit", "minute"}}}};
        const std::string_view bank = request.method->midtrans_bank;
        if (bank == "echannel") {
            body["payment_type"] = "echannel";
            body["echannel"] = {{"bill_info1", "Tagihan:"}, {"bill_info2", payments::fit_utf8(request.title, payments::kMandiriBillValue)}};
        } else if (bank == "qris") {
            body["payment_type"] = "qris";
            body["qris"] = {{"acquirer", "gopay"}};
        } else {
            body["payment_type"] = "bank_transfer";
            body["bank_transfer"] = {{"bank", std::string(bank)}};
        }
        whatsapp::HttpCall call = base_call("POST", "/v2/charge");
        call.headers["Idempotency-Key"] = request.order_id;
        if (!m_config.callback_url.empty()) call.headers["X-Override-Notification"] = m_config.callback_url;
        call.body = body.dump();
        const auto answer = TRY(call_gateway("Midtrans", call));
        const api::Json reply = TRY(json_answer("Midtrans", answer));
        // Midtrans answers HTTP 200 with its own status_code; 4xx there is a refusal.
        const std::string status_code = json_string(reply, "status_code");
        if (!status_code.empty() && status_code[0] != '2')
            return make_error(status_code[0] == '5' ? ErrorCode::BadGateway : ErrorCode::ValidationFailed,
                              messages::with_detail(messages::kGatewayRejectedRequest, "Midtrans: " + gateway_words(reply, "status_message")));
        Charge charge;
        charge.transaction_id = json_string(reply, "transaction_id");
        charge.reference = charge.transaction_id;
        if (reply.contains("va_numbers") && reply["va_numbers"].is_array() && !reply["va_numbers"].empty())
            charge.payment_code = json_string(reply["va_numbers"][0], "va_number");
        if (charge.payment_code.empty()) charge.payment_code = json_string(reply, "permata_va_number");
        if (charge.payment_code.empty() && reply.contains("bill_key"))
            charge.payment_code = json_string(reply, "biller_code") + " " + json_string(reply, "bill_key");
        charge.qr_string = json_string(reply, "qr_string");
        if (reply.contains("actions") && reply["actions"].is_array())
            for (const auto& action : reply["actions"])
                if (json_string(action, "name") == "generate-qr-code" || charge.payment_url.empty()) charge.payment_url = json_string(action, "url");
        if (charge.transaction_id.empty()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayMissingField, "Midtrans: transaction_id"));
        charge.expires_at = request.expires_at;
        return charge;
    }

    Result<StatusAnswer> query_status(const std::string& order_id, const std::string&) override {
        whatsapp::HttpAnswer received = whatsapp::perform(base_call("GET", "/v2/" + api::url_encode(order_id) + "/status"));
        // An unknown (or long expired) order is HTTP 404 with status_code "404": a state, not an error.
        const bool unknown_order = received.status == 404 && json_string(api::parse_json(received.body), "status_code") == "404";
        const auto answer = unknown_order ? received : TRY(judge_answer("Midtrans", std::move(received)));
        const api::Json reply = TRY(json_answer("Midtrans", answer));
        StatusAnswer status;
        status.raw = answer.body;
        if (json_string(reply, "status_code") == "404") {
            status.status = payments::GatewayStatus::Unknown;
            return status;
        }
        status.status_text = json_string(reply, "transaction_status");
        status.status = payments::midtrans_status(status.status_text, json_string(reply, "fraud_status"));
        status.amount = payments::parse_gateway_amount(json_string(reply, "gross_amount"));
        status.currency = json_string(reply, "currency");
        status.transaction_id = json_string(reply, "transaction_id");
        return status;
    }

    // POST /v2/{order_id}/cancel (docs.midtrans.com "Cancel Transaction"; Core API and Snap): a
    // pending VA, bill key or QRIS "can be voided with cancel method if the transaction has not
    // expired or has not been completed". Success is status_code "200" with transaction_status
    // "cancel"; a transaction it cannot change (settled, expired) is "412" "Merchant cannot modify
    // the status of the transaction"; an order it does not know (a Snap order before the customer
    // picked a method) is "404". The code comes in the body, with HTTP 200 or as the HTTP status.
    Result<CancelOutcome> cancel_charge(const std::string& order_id, const std::string&) override {
        whatsapp::HttpAnswer received = whatsapp::perform(base_call("POST", "/v2/" + api::url_encode(order_id) + "/cancel"));
        const api::Json verdict = api::parse_json(received.body);
        const std::string code = verdict.is_object() ? json_string(verdict, "status_code") : std::string();
        const bool coded = received.status == 200 || std::to_string(received.status) == code;
        if (coded && code == "404") return CancelOutcome::NotFound;
        if (coded && code == "412") return CancelOutcome::Refused;
        const auto answer = TRY(judge_answer("Midtrans", std::move(received)));
        const api::Json reply = TRY(json_answer("Midtrans", answer));
        if (json_string(reply, "status_code") == "200" && json_string(reply, "transaction_status") == "cancel") return CancelOutcome::Cancelled;
        return make_error(ErrorCode::BadGateway,
                          messages::with_detail(messages::kGatewayUnknownFormat, "Midtrans /cancel: " + gateway_words(reply, "status_code") + " " +
                                                                                     gateway_words(reply, "status_message")));
    }

private:
    // Snap's enabled_payments code for one of our methods: the customer sees only that one.
    static std::string snap_payment(std::string_view bank) {
        if (bank == "echannel") return "echannel";
        if (bank == "qris") return "other_qris";
        return std::string(bank) + "_va";
    }

    Result<Charge> create_snap_transaction(const ChargeRequest& request) {
        api::Json body = {
            {"transaction_details", {{"order_id", request.order_id}, {"gross_amount", request.amount}}},
            {"customer_details", midtrans_customer(request)},
            {"item_details", api::Json::array({{{"id", request.order_id}, {"price", request.amount}, {"quantity", 1},
                                                 {"name", payments::fit_utf8(request.title, payments::gateway_field_limits("midtrans").title)}}})},
            {"enabled_payments", api::Json::array({snap_payment(request.method->midtrans_bank)})},
            {"expiry", {{"duration", std::max<std::int64_t>(1, (request.expires_at - request.now) / 60)}, {"unit", "minute"}}}};
        // Custom Finish URL (docs.midtrans.com "Snap Advanced Feature"; changelog 9 June 2023): the
        // customer comes back to our bill page, with ?order_id=…&status_code=…&transaction_status=…
        // appended, whatever the dashboard's Finish Redirect URL says. In production only a public
        // https address replaces the dashboard's (as for X-Override-Notification).
        if (!m_config.return_url.empty() && (!m_config.production || m_config.return_url.starts_with("https://")))
            body["callbacks"] = {{"finish", m_config.return_url}};
        whatsapp::HttpCall call = base_call("POST", "/snap/v1/transactions", m_config.snap_base_url);
        call.headers["Idempotency-Key"] = request.order_id;
        if (!m_config.callback_url.empty()) call.headers["X-Override-Notification"] = m_config.callback_url;
        call.body = body.dump();
        const auto answer = TRY(call_gateway("Midtrans Snap", call));
        const api::Json reply = TRY(json_answer("Midtrans Snap", answer));
        Charge charge;
        // Snap names the transaction by its token until the customer pays; callbacks carry our order_id.
        charge.transaction_id = json_string(reply, "token");
        charge.reference = charge.transaction_id;
        charge.payment_url = json_string(reply, "redirect_url");
        if (charge.transaction_id.empty() || charge.payment_url.empty())
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayMissingField, "Midtrans Snap: token/redirect_url"));
        charge.expires_at = request.expires_at;
        return charge;
    }

    whatsapp::HttpCall base_call(const std::string& method, const std::string& path, const std::string& base = {}) const {
        whatsapp::HttpCall call;
        call.method = method;
        call.url = whatsapp::join_url(base.empty() ? m_config.base_url : base, path);
        call.headers["Accept"] = "application/json";
        call.headers["Content-Type"] = "application/json";
        call.headers["Authorization"] = "Basic " + security::base64(m_config.key + ":");
        call.timeout_ms = m_config.timeout_ms;
        return call;
    }

    GatewayConfig m_config;
};

}  // namespace

std::unique_ptr<PaymentGateway> make_midtrans_gateway(const GatewayConfig& config) { return std::make_unique<MidtransGateway>(config); }

}  // namespace kimonet::gateways
