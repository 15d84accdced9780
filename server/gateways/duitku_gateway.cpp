// Duitku API v2: POST /merchant/v2/inquiry (signature md5(merchantCode + merchantOrderId +
// paymentAmount + apiKey)) and POST /merchant/transactionStatus (md5(merchantCode +
// merchantOrderId + apiKey)). The callback URL travels in every inquiry. Duitku's API documents
// (docs.duitku.com/api: payment methods, inquiry, callback, redirect, check transaction) publish
// no way to cancel a pending transaction: a replaced charge stays payable until its expiryPeriod
// (cancel_charge is the port's Unsupported), and reconciliation watches it until then.
#include "gateways/gateway_http.hpp"
#include "gateways/gateway_signatures.hpp"
#include "payments/gateway_fields.hpp"

namespace kimonet::gateways {

namespace {

class DuitkuGateway : public PaymentGateway {
public:
    explicit DuitkuGateway(GatewayConfig config) : m_config(std::move(config)) {}
    std::string name() const override { return "duitku"; }

    Result<Charge> create_charge(const ChargeRequest& request) override {
        const std::string amount = std::to_string(request.amount);
        // Duitku's documented lengths, cut between letters, never inside one.
        const auto limits = payments::gateway_field_limits("duitku");
        const std::string title = payments::fit_utf8(request.title, limits.title);
        const api::Json body = {
            {"merchantCode", m_config.merchant_code},
            {"paymentAmount", request.amount},
            {"paymentMethod", std::string(request.method->duitku_code)},
            {"merchantOrderId", request.order_id},
            {"productDetails", title},
            {"email", payments::fit_utf8(request.customer_email, limits.email)},
            {"phoneNumber", payments::fit_utf8(request.customer_phone, limits.phone)},
            {"customerVaName", payments::fit_utf8(request.customer_name, limits.customer_name)},
            {"itemDetails", api::Json::array({{{"name", title}, {"price", request.amount}, {"quantity", 1}}})},
            {"callbackUrl", m_config.callback_url},
            {"returnUrl", m_config.return_url},
            {"expiryPeriod", std::max<std::int64_t>(1, (request.expires_at - request.now) / 60)},
            {"signature", duitku_inquiry_signature(m_config.merchant_code, request.order_id, amount, m_config.key)},
        };
        whatsapp::HttpCall call = base_call("/merchant/v2/inquiry");
        call.body = body.dump();
        const auto answer = TRY(call_gateway("Duitku", call));
        const api::Json reply = TRY(json_answer("Duitku", answer));
        if (json_string(reply, "statusCode") != "00")
            return make_error(ErrorCode::ValidationFailed, messages::with_detail(messages::kGatewayRejectedRequest, "Duitku: " + gateway_words(reply, "statusMessage")));
        Charge charge;
        charge.transaction_id = json_string(reply, "reference");
        charge.reference = charge.transaction_id;
        charge.payment_url = json_string(reply, "paymentUrl");
        charge.payment_code = json_string(reply, "vaNumber");
        charge.qr_string = json_string(reply, "qrString");
        if (charge.transaction_id.empty()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayMissingField, "Duitku: reference"));
        charge.expires_at = request.expires_at;
        return charge;
    }

    Result<StatusAnswer> query_status(const std::string& order_id, const std::string&) override {
        whatsapp::HttpCall call = base_call("/merchant/transactionStatus");
        call.body = api::Json{{"merchantCode", m_config.merchant_code},
                              {"merchantOrderId", order_id},
                              {"signature", duitku_status_signature(m_config.merchant_code, order_id, m_config.key)}}
                        .dump();
        const auto answer = TRY(call_gateway("Duitku", call));
        const api::Json reply = TRY(json_answer("Duitku", answer));
        StatusAnswer status;
        status.raw = answer.body;
        status.status_text = json_string(reply, "statusCode");
        status.status = payments::duitku_query_status(status.status_text);
        status.amount = payments::parse_gateway_amount(json_string(reply, "amount"));
        status.transaction_id = json_string(reply, "reference");
        return status;
    }

private:
    whatsapp::HttpCall base_call(const std::string& path) const {
        whatsapp::HttpCall call;
        call.method = "POST";
        call.url = whatsapp::join_url(m_config.base_url, path);
        call.headers["Accept"] = "application/json";
        call.headers["Content-Type"] = "application/json";
        call.timeout_ms = m_config.timeout_ms;
        return call;
    }

    GatewayConfig m_config;
};

}  // namespace

std::unique_ptr<PaymentGateway> make_duitku_gateway(const GatewayConfig& config) { return std::make_unique<DuitkuGateway>(config); }

}  // namespace kimonet::gateways
