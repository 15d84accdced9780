// The promise to pay on the public isolir page (POST /isolir/janji). The page is anonymous, so the
// customer is never taken from the request's words: only the customer behind the request's own
// source address (as the isolir page recognises them without ?u=) may promise, and only their own
// promise. The form carries a token the server sealed (SecretBox: encrypted and authenticated) over
// that customer, that address and a 15-minute expiry, so another site cannot make a visitor's
// browser post it (it cannot read the token), a token copied to another address is refused, and an
// old page is refused. Browsers that say where a request comes from (Sec-Fetch-Site) must say
// same-origin. Rate limited per address; the answer is a small page in Indonesian.
#include <memory>

#include "core/date.hpp"
#include "core/error_messages.hpp"
#include "core/promise_messages.hpp"
#include "http/html.hpp"
#include "http/public_limit.hpp"
#include "http/rendered_page_blocks.hpp"
#include "http/routes.hpp"
#include "security/crypto.hpp"
#include "services/payment_promise.hpp"

namespace kimonet::http {

std::int64_t customer_behind_address(const app::App& app, app::Context& context, const std::string& client_ip);

namespace {

constexpr std::int64_t kTokenSeconds = 15 * 60;
constexpr int kPromisesPerMinute = 5;

std::string token_payload(std::int64_t customer_id, const std::string& client_ip, std::int64_t expires) {
    return "janji|" + std::to_string(customer_id) + "|" + client_ip + "|" + std::to_string(expires);
}

std::string from_hex(std::string_view hex) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0 || hex.size() > 1024) return {};
    std::string bytes;
    for (std::size_t index = 0; index < hex.size(); index += 2) {
        const int high = nibble(hex[index]), low = nibble(hex[index + 1]);
        if (high < 0 || low < 0) return {};
        bytes.push_back(static_cast<char>(high * 16 + low));
    }
    return bytes;
}

// True when `token` was sealed by this server for this customer and address and has not expired.
bool token_valid(const app::Context& context, const std::string& token, std::int64_t customer_id, const std::string& client_ip) {
    const std::string sealed = from_hex(token);
    if (sealed.empty()) return false;
    const auto opened = context.secrets.open(sealed);
    if (!opened) return false;
    const std::string prefix = token_payload(customer_id, client_ip, 0);
    const std::string stem = prefix.substr(0, prefix.size() - 1);  // "janji|<id>|<ip>|"
    if (!opened->starts_with(stem)) return false;
    const std::string expires = opened->substr(stem.size());
    if (expires.empty() || expires.size() > 12 || expires.find_first_not_of("0123456789") != std::string::npos) return false;
    return context.now <= std::stoll(expires);
}

Response page(const std::string& title, const std::string& text, int status) {
    return html("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<link rel=\"icon\" href=\"data:,\"><title>" + html_escape(title) + "</title><style>" + kNoticePageStyle +
                "</style></head><body><main><h1>" + html_escape(title) + "</h1><p>" + html_escape(text) +
                "</p><p><a href=\"/isolir\">Kembali</a></p></main></body></html>",
                status);
}

// A browser's form post asks for HTML and gets a page; any other client gets the API's JSON.
bool wants_html(const Request& request) { return request.header("accept").find("text/html") != std::string::npos; }

Response refused(const Request& request, const Error& error) {
    return wants_html(request) ? page("Janji bayar tidak dapat dicatat", error.message(), error.http_status()) : json_error(error);
}

}  // namespace

// The page's part: the active promise, or the form with a fresh token, or why not (nothing when the
// customer owes nothing overdue).
std::string isolir_promise_section(app::Context& context, std::int64_t customer_id, const std::string& client_ip) {
    const auto offer = services::promise_offer(context, customer_id);
    if (!offer) return {};
    if (!(*offer)["active"].is_null()) {
        return "<p class=\"note\" id=\"janji\">Janji bayar Anda berlaku sampai <strong>" +
               html_escape((*offer)["active"].value("promised_until_text", "")) + "</strong>.</p>";
    }
    if (!offer->value("available", false)) return {};
    const std::string token = security::to_hex(context.secrets.seal(token_payload(customer_id, client_ip, context.now + kTokenSeconds)));
    return "<form method=\"post\" action=\"/isolir/janji\" id=\"janji\"><input type=\"hidden\" name=\"token\" value=\"" + html_escape(token) +
           "\"><p>Belum bisa membayar sekarang? Buat janji bayar: layanan aktif kembali dan tidak diisolir sampai <strong>" +
           html_escape(offer->value("until_text", "")) + "</strong>.</p><button type=\"submit\">Janji bayar sampai " +
           html_escape(offer->value("until_text", "")) + "</button></form>";
}

void register_isolir_promise_route(Router& router, app::App& app) {
    Route route;
    route.method = "POST";
    route.pattern = "/isolir/janji";
    route.access = Access::Public;
    route.summary = "Promise to pay from the isolir page (form: token): only the customer behind the source address; rate limited per IP";
    route.max_body = 4096;
    auto limiter = std::make_shared<RateLimiter>();
    route.handler = [&app, limiter](Request& request) -> RouteResult {
        return with_context(app, request, [&](app::Context& context) -> RouteResult {
            if (auto limited = refuse_when_limited(*limiter, "isolir-janji", request, context, kPromisesPerMinute, messages::kTooManyRequests,
                                                    wants_html(request)))
                return *limited;
            const std::string site = request.header("sec-fetch-site");
            if (!site.empty() && site != "same-origin" && site != "none")
                return refused(request, make_error(ErrorCode::Forbidden, messages::kPromiseCrossSite));
            const std::int64_t customer_id = customer_behind_address(app, context, request.client_ip);
            if (customer_id == 0) return refused(request, make_error(ErrorCode::Forbidden, messages::kPromiseVisitorUnknown));
            const auto form = parse_query_string(request.body);
            const auto token = form.find("token");
            if (token == form.end() || !token_valid(context, token->second, customer_id, request.client_ip))
                return refused(request, make_error(ErrorCode::Forbidden, messages::kPromiseFormExpired));
            services::PromiseRequest promise;
            promise.customer_id = customer_id;
            promise.channel = dunning::PromiseChannel::IsolirPage;
            auto outcome = services::make_promise(context, promise);
            // The service's own refusals are the visitor's to read; anything else goes to the dispatcher's log.
            if (!outcome && outcome.error().http_status() >= 500) return std::move(outcome).error();
            if (!outcome) return refused(request, outcome.error());
            const int status = outcome->created ? 201 : 200;
            if (!wants_html(request))
                return json_ok({{"data", services::to_json(outcome->promise)}, {"created", outcome->created}, {"restored", outcome->restored}}, status);
            const std::string until = outcome->promise.promised_until;
            const auto date = parse_date(until);
            const std::string until_text = date ? format_date_indonesian(*date) : until;
            return page("Janji bayar tercatat",
                        "Layanan internet Anda tidak diisolir sampai " + until_text + "." +
                            (outcome->restored ? " Layanan aktif kembali dalam beberapa detik; jika belum, putuskan lalu sambungkan ulang modem Anda." : "") +
                            " Jika sampai tanggal tersebut tagihan belum lunas, layanan akan diisolir lagi.",
                        status);
        });
    };
    router.add(std::move(route));
}

}  // namespace kimonet::http
