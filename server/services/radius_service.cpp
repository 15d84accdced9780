#include "services/radius_service.hpp"

#include <algorithm>

#include "core/radius_messages.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "network/radius_reply.hpp"
#include "radius/freeradius_config.hpp"
#include "security/base64.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"
#include "services/radius_isolation.hpp"
#include "services/settings.hpp"
#include "store/radius_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::size_t kMaxName = 64;            // user names, session ids, terminate causes: longer ones are refused
constexpr std::int64_t kKeepSessionsSeconds = 400LL * 86400;  // stopped sessions older than this are pruned

// The first value of `name` in rlm_rest's JSON as text (strings as they are, numbers printed).
std::string first_value(const api::Json& request, const char* name) {
    const auto found = request.find(name);
    if (found == request.end() || !found->is_object()) return {};
    const auto values = found->find("value");
    if (values == found->end()) return {};
    const api::Json& value = values->is_array() ? (values->empty() ? api::Json() : values->front()) : *values;
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return {};
}

std::optional<std::int64_t> counter(const api::Json& request, const char* name) {
    const std::string text = first_value(request, name);
    if (text.empty()) return std::int64_t{0};
    if (text.size() > 10) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > 0xffffffffLL) return std::nullopt;
    return value;
}

// "pppoe,radius" -> {"pppoe", "radius"}.
std::vector<std::string> split_radius_methods(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// A non-empty JSON array of distinct connection method names, as stored (in the canonical order
// pppoe, static, dhcp, radius); nullopt for anything else.
std::optional<std::string> radius_methods_from_json(const api::Json& value) {
    if (!value.is_array() || value.empty() || value.size() > 4) return std::nullopt;
    bool chosen[4] = {false, false, false, false};
    for (const auto& each : value) {
        if (!each.is_string()) return std::nullopt;
        const auto method = parse_connection_method(each.get<std::string>());
        if (!method || chosen[static_cast<int>(*method)]) return std::nullopt;
        chosen[static_cast<int>(*method)] = true;
    }
    std::string out;
    for (ConnectionMethod method : {ConnectionMethod::Pppoe, ConnectionMethod::Static, ConnectionMethod::Dhcp, ConnectionMethod::Radius})
        if (chosen[static_cast<int>(method)]) out += (out.empty() ? "" : ",") + std::string(to_string(method));
    return out;
}

api::Json literal(const std::string& value) {
    // do_xlat false: a password or pool name holding "%{...}" must reach the NAS as typed, never be expanded by FreeRADIUS.
    return {{"value", value}, {"do_xlat", false}, {"op", ":="}};
}

api::Json session_json(const store::RadiusSessionRow& session) {
    api::Json out = {{"nas_address", session.nas_address}, {"acct_session_id", session.acct_session_id}, {"username", session.username},
                     {"framed_ip", session.framed_ip}, {"started_at", session.started_at}, {"updated_at", session.updated_at},
                     {"session_seconds", session.session_seconds}, {"upload_bytes", session.upload_bytes},
                     {"download_bytes", session.download_bytes}, {"terminate_cause", session.terminate_cause},
                     {"applied_state", session.applied_state}, {"applied_rate_limit", session.applied_rate_limit},
                     {"applied_by", session.applied_by}, {"last_coa", session.coa_result}, {"last_coa_detail", session.coa_detail}};
    out["stopped_at"] = session.stopped_at ? api::Json(*session.stopped_at) : api::Json(nullptr);
    return out;
}

}  // namespace

Result<RadiusCaller> radius_caller(app::Context& context, const std::string& authorization) {
    const std::string secret = TRY(get_secret_setting(context.db, context.secrets, "radius_api_secret"));
    if (secret.empty()) return RadiusCaller::Closed;
    const std::string expected = "Basic " + security::base64(std::string(kRadiusApiUser) + ":" + secret);
    return security::constant_time_equals(security::sha256_hex(authorization), security::sha256_hex(expected)) ? RadiusCaller::Trusted
                                                                                                                 : RadiusCaller::Refused;
}

Result<RadiusAnswer> radius_authorize(app::Context& context, const api::Json& request) {
    const std::string username = first_value(request, "User-Name");
    if (username.empty() || username.size() > kMaxName) return RadiusAnswer{404, {}};
    const auto subscriber = TRY(store::find_radius_subscriber(context.db, username));
    if (!subscriber || (subscriber->status != "active" && subscriber->status != "isolated") || subscriber->sealed_password.empty())
        return RadiusAnswer{404, {}};
    const std::string password = TRY(context.secrets.open(subscriber->sealed_password));
    const bool isolated = subscriber->status == "isolated";
    const auto policy = TRY(radius_isolir_policy(context.db));
    const auto attributes = network::radius_reply_attributes(isolated, subscriber->upload_kbps, subscriber->download_kbps, subscriber->ip_address, policy);
    // What the NAS will apply to the session this login opens (its accounting Start copies it): the drift check compares it.
    const std::string state = isolated ? "isolated" : "normal";
    const std::string rate = radius_expected_rate_limit(isolated, subscriber->upload_kbps, subscriber->download_kbps, policy);
    if (TRY(store::radius_accept_differs(context.db, subscriber->customer_id, state, rate)))
        TRY_VOID(context.db.transaction([&]() -> Result<void> { return store::record_radius_accept(context.db, subscriber->customer_id, state, rate, context.now); }));
    api::Json body = api::Json::object();
    body["control:Cleartext-Password"] = literal(password);
    for (const auto& [name, value] : attributes.reply) body["reply:" + name] = literal(value);
    return RadiusAnswer{200, std::move(body)};
}

Result<RadiusAnswer> radius_accounting(app::Context& context, const api::Json& request) {
    const std::string status = first_value(request, "Acct-Status-Type");
    const std::string username = first_value(request, "User-Name");
    std::string nas = first_value(request, "NAS-IP-Address");
    if (nas.empty()) nas = first_value(request, "NAS-Identifier");
    const std::string session_id = first_value(request, "Acct-Session-Id");
    const auto input = counter(request, "Acct-Input-Octets"), input_giga = counter(request, "Acct-Input-Gigawords");
    const auto output = counter(request, "Acct-Output-Octets"), output_giga = counter(request, "Acct-Output-Gigawords");
    const auto seconds = counter(request, "Acct-Session-Time");
    const std::string cause = first_value(request, "Acct-Terminate-Cause");
    const bool known_status = status == "Start" || status == "Stop" || status == "Interim-Update" || status == "Alive";
    if (status == "Accounting-On" || status == "Accounting-Off") return RadiusAnswer{204, {}};
    if (!known_status || session_id.empty() || session_id.size() > kMaxName || nas.size() > kMaxName || username.size() > kMaxName ||
        cause.size() > kMaxName || !input || !input_giga || !output || !output_giga || !seconds)
        return validation_error({{"request", messages::kInvalid}});
    const auto subscriber = TRY(store::find_radius_subscriber(context.db, username));
    // Sessions of names that are not RADIUS customers are acknowledged (the NAS must not resend) and not stored.
    if (!subscriber) return RadiusAnswer{204, {}};
    store::AccountingRecord record;
    record.nas_address = nas;
    record.acct_session_id = session_id;
    record.customer_id = subscriber->customer_id;
    record.username = username;
    record.framed_ip = first_value(request, "Framed-IP-Address").substr(0, 45);
    record.session_seconds = *seconds;
    record.upload_bytes = *input + (*input_giga << 32);
    record.download_bytes = *output + (*output_giga << 32);
    record.stop = status == "Stop";
    record.terminate_cause = cause;
    const std::string period = to_string(period_of(context.today()));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const auto delta = TRY(store::apply_accounting(context.db, record, context.now));
        if (delta.upload_added > 0 || delta.download_added > 0)
            TRY_VOID(store::add_radius_usage(context.db, record.customer_id, period, delta.upload_added, delta.download_added));
        if (delta.inserted) TRY_VOID(store::prune_radius_sessions(context.db, record.customer_id, context.now - kKeepSessionsSeconds));
        return {};
    }));
    return RadiusAnswer{204, {}};
}

Result<api::Json> customer_radius_summary(app::Context& context, std::int64_t customer_id) {
    const auto open = TRY(store::open_radius_sessions(context.db, customer_id));
    const auto last = TRY(store::last_radius_session(context.db, customer_id));
    const std::string period = to_string(period_of(context.today()));
    const auto [upload, download] = TRY(store::radius_usage(context.db, customer_id, period));
    api::Json sessions = api::Json::array();
    for (const auto& session : open) sessions.push_back(session_json(session));
    api::Json out = {{"online", !open.empty()}, {"sessions", sessions},
                     {"usage_month", {{"period", period}, {"upload_bytes", upload}, {"download_bytes", download}}}};
    out["last_session"] = last ? session_json(*last) : api::Json(nullptr);
    return out;
}

Result<api::Json> radius_nas_for_api(app::Context& context, std::int64_t router_id) {
    const auto nas = TRY(store::find_radius_nas(context.db, router_id, nullptr));
    if (!nas) return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
    const auto methods = split_radius_methods(nas->connection_methods);
    return api::Json{{"router_id", nas->router_id}, {"nas_address", nas->nas_address}, {"coa_port", nas->coa_port},
                     {"coa_address", nas->nas_address.empty() ? nas->router_host : nas->nas_address}, {"has_secret", nas->has_secret},
                     {"connection_methods", methods},
                     {"offers_radius", std::find(methods.begin(), methods.end(), "radius") != methods.end()}};
}

Result<api::Json> update_radius_nas(app::Context& context, std::int64_t router_id, const api::Json& body) {
    const auto before = TRY(store::find_radius_nas(context.db, router_id, nullptr));
    if (!before) return make_error(ErrorCode::NotFound, messages::kRouterNotFound);
    FieldErrors fields;
    std::string nas_address = before->nas_address, secret;
    int coa_port = before->coa_port;
    if (const auto found = body.find("nas_address"); found != body.end()) {
        if (!found->is_string()) fields["nas_address"] = messages::kIpv4Address;
        else if (nas_address = found->get<std::string>(); !nas_address.empty() && !is_valid_ipv4(nas_address)) fields["nas_address"] = messages::kIpv4Address;
    }
    if (const auto found = body.find("coa_port"); found != body.end()) {
        if (!found->is_number_integer() || found->get<std::int64_t>() < 1 || found->get<std::int64_t>() > 65535) fields["coa_port"] = messages::kPort;
        else coa_port = static_cast<int>(found->get<std::int64_t>());
    }
    if (const auto found = body.find("secret"); found != body.end()) {
        // RFC 2865 §3: the shared secret; MikroTik's /radius secret. 8-64 characters that stand in
        // FreeRADIUS's clients file as they are (letters, digits, - _ . ~ + = @ ! * ^ : , / ?).
        const bool plain = found->is_string() && radius::is_plain_config_text(found->get<std::string>());
        if (!plain || found->get<std::string>().size() < 8 || found->get<std::string>().size() > 64) fields["secret"] = messages::kRadiusSecret;
        else secret = found->get<std::string>();
    }
    std::string methods = before->connection_methods;
    if (const auto found = body.find("connection_methods"); found != body.end()) {
        auto parsed = radius_methods_from_json(*found);
        if (!parsed) fields["connection_methods"] = messages::kConnectionMethods;
        else methods = *parsed;
    }
    for (const auto& [key, value] : body.items())
        if (key != "nas_address" && key != "coa_port" && key != "secret" && key != "connection_methods") fields[key] = messages::kUnknownField;
    // A method still used by the router's customers stays offered (their next edit would be refused otherwise).
    if (!fields.contains("connection_methods")) {
        const auto offered = split_radius_methods(methods);
        for (const auto& [method, count] : TRY(store::router_method_counts(context.db, router_id)))
            if (count > 0 && std::find(offered.begin(), offered.end(), method) == offered.end())
                fields["connection_methods"] = messages::with_detail(messages::kConnectionMethodInUse, method + " (" + std::to_string(count) + ")");
    }
    // The shared secret keys every CoA/Disconnect-Request sent to the NAS address: whoever moves
    // the address types the secret again, or packets keyed with it would go to the new host.
    if (fields.empty() && nas_address != before->nas_address && before->has_secret && secret.empty())
        fields["secret"] = messages::kRadiusSecretAgain;
    if (!fields.empty()) return validation_error(std::move(fields));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(store::upsert_radius_nas(context.db, router_id, nas_address, coa_port, secret.empty() ? std::string() : context.secrets.seal(secret),
                                          methods, context.now));
        return log_activity(context, "router.radius", "router", router_id,
                            {{"nas_address", before->nas_address}, {"coa_port", before->coa_port}, {"connection_methods", before->connection_methods}},
                            {{"nas_address", nas_address}, {"coa_port", coa_port}, {"secret", secret.empty() ? "(kept)" : "***"},
                             {"connection_methods", methods}});
    }));
    return radius_nas_for_api(context, router_id);
}

Result<std::string> freeradius_config_text(app::Context& context, radius::FreeradiusConfig config, bool rotate) {
    std::string secret = TRY(get_secret_setting(context.db, context.secrets, "radius_api_secret"));
    if (secret.empty() || rotate) {
        secret = security::random_token(32);
        TRY_VOID(update_settings(context, {{"radius_api_secret", secret}}));
    }
    config.api_secret = secret;
    for (const auto& nas : TRY(store::list_radius_clients(context.db, context.secrets)))
        config.clients.push_back({"router" + std::to_string(nas.router_id), nas.nas_address.empty() ? nas.router_host : nas.nas_address, nas.secret});
    return radius::freeradius_config(config);
}

}  // namespace kimonet::services
