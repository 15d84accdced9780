// Flip Accept Payment v2: POST /pwf/bill (form-encoded, step 3 = direct payment), Basic auth with
// the secret key as user; the VA number is bill_payment.receiver_bank_account.account_number.
// Status: GET /pwf/{bill_id}/payment; a replaced bill is deactivated with PUT /pwf/{bill_id}/bill.
#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"
#include "gateways/gateway_http.hpp"
#include "payments/gateway_fields.hpp"
#include "security/base64.hpp"

namespace kimonet::gateways {

namespace {

// Flip reads expired_date in WIB: its documents give every time as GMT+7 ("Time will be in
// GMT+7"), whatever time zone the ISP keeps its own books in (KIMONET_TZ, e.g. WITA).
constexpr UtcOffset kFlipTimeZone{7 * 60};

class FlipGateway : public PaymentGateway {
public:
    explicit FlipGateway(GatewayConfig config) : m_config(std::move(config)) {}
    std::string name() const override { return "flip"; }

    Result<Charge> create_charge(const ChargeRequest& request) override {
        whatsapp::HttpCall call = base_call("POST", "/pwf/bill");
        call.headers["Content-Type"] = "application/x-www-form-urlencoded";
        const auto limits = payments::gateway_field_limits("flip");
        call.body = api::form_encode({{"title", payments::fit_utf8(request.title, limits.title)},
                                           {"type", "SINGLE"},
                                           {"amount", std::to_string(request.amount)},
                                           {"expired_date", gateway_local_minutes(request.expires_at, kFlipTimeZone)},
                                           {"redirect_url", m_config.return_url},
                                           {"step", "3"},
                                           {"sender_name", payments::fit_utf8(request.customer_name, limits.customer_name)},
                                           {"sender_email", payments::fit_utf8(request.customer_email, limits.email)},
                                           {"sender_phone_number", payments::fit_utf8(request.customer_phone, limits.phone)},
                                           {"sender_bank", std::string(request.method->flip_bank)},
                                           {"sender_bank_type", std::string(request.method->flip_type)}});
        const auto answer = TRY(call_gateway("Flip", call));
        const api::Json body = TRY(json_answer("Flip", answer));
        Charge charge;
        charge.reference = json_string(body, "link_id");
        charge.payment_url = json_string(body, "payment_url");
        if (charge.payment_url.empty()) charge.payment_url = json_string(body, "link_url");
        if (body.contains("bill_payment") && body["bill_payment"].is_object()) {
            const api::Json& payment = body["bill_payment"];
            charge.transaction_id = json_string(payment, "id");
            if (payment.contains("receiver_bank_account") && payment["receiver_bank_account"].is_object())
                charge.payment_code = json_string(payment["receiver_bank_account"], "account_number");
            charge.qr_string = json_string(payment, "qr_code_data");
        }
        if (charge.reference.empty()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayMissingField, "Flip: link_id"));
        if (charge.transaction_id.empty()) charge.transaction_id = charge.reference;
        charge.expires_at = request.expires_at;
        return charge;
    }

    Result<StatusAnswer> query_status(const std::string&, const std::string& reference) override {
        const auto answer = TRY(call_gateway("Flip", base_call("GET", "/pwf/" + api::url_encode(reference) + "/payment")));
        api::Json body = api::parse_json(answer.body);
        // The answer lists the bill's payments ({"data":[…]} or a bare array); any successful one pays it.
        const api::Json payments = body.is_array() ? body : (body.is_object() && body.contains("data") ? body["data"] : api::Json::array());
        if (!payments.is_array()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayUnknownFormat, "Flip"));
        StatusAnswer status;
        status.raw = answer.body;
        status.status = payments::GatewayStatus::Pending;
        for (const auto& payment : payments) {
            const auto each = payments::flip_status(json_string(payment, "status"));
            if (each == payments::GatewayStatus::Paid || status.status == payments::GatewayStatus::Pending) {
                status.status = each == payments::GatewayStatus::Unknown ? status.status : each;
                status.amount = payments::parse_gateway_amount(json_string(payment, "amount"));
                status.transaction_id = json_string(payment, "id");
                status.status_text = json_string(payment, "status");
            }
            if (status.status == payments::GatewayStatus::Paid) break;
        }
        return status;
    }

    // Edit Bill: PUT /pwf/{bill_id}/bill, form-encoded, status=INACTIVE (docs.flip.id "Edit Bill /
    // Payment Link": "Bill activation status", ACTIVE or INACTIVE); the answer is the bill with its
    // status. Flip does not say what deactivating a bill already paid does to that payment, so the
    // caller asks the status API afterwards. An unknown bill is 422 (code 1050 "Product Bill Link
    // ID Not Found"), a bad key 401.
    Result<CancelOutcome> cancel_charge(const std::string&, const std::string& reference) override {
        whatsapp::HttpCall call = base_call("PUT", "/pwf/" + api::url_encode(reference) + "/bill");
        call.headers["Content-Type"] = "application/x-www-form-urlencoded";
        call.body = api::form_encode({{"status", "INACTIVE"}});
        const auto answer = TRY(call_gateway("Flip", call));
        const api::Json body = TRY(json_answer("Flip", answer));
        if (json_string(body, "status") != "INACTIVE")
            return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kGatewayUnknownFormat, "Flip: status=" + gateway_words(body, "status")));
        return CancelOutcome::Deactivated;
    }

private:
    whatsapp::HttpCall base_call(const std::string& method, const std::string& path) const {
        whatsapp::HttpCall call;
        call.method = method;
        call.url = whatsapp::join_url(m_config.base_url, path);
        call.headers["Authorization"] = "Basic " + security::base64(m_config.key + ":");
        call.timeout_ms = m_config.timeout_ms;
        return call;
    }

    GatewayConfig m_config;
};

}  // namespace

std::unique_ptr<PaymentGateway> make_flip_gateway(const GatewayConfig& config) { return std::make_unique<FlipGateway>(config); }

}  // namespace kimonet::gateways
