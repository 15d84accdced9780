// The RouterOS REST API of the simulated router, written from MikroTik's documentation
// (help.mikrotik.com, "REST API", RouterOS v7.1beta4 and later), not from our client:
//   - "a JSON wrapper interface of the console API" under /rest on the www-ssl service (HTTPS)
//     or, from v7.9, the www service (HTTP); HTTP Basic authentication with the console user;
//   - GET = print (a list, filtered by `?name=value` query fields, `.proplist`), GET of
//     /rest/<menu>/<id> = one record; PATCH = set (answers the changed record); PUT = add
//     (answers the new record); DELETE = remove (empty answer); POST /rest/<menu>/<command> =
//     any console command with its arguments as a JSON object (`.proplist`, `.query`, `.id`);
//   - every value in a reply is a string; errors are {"error":<status>,"message":<reason>} with
//     a "detail" carrying the console's own words (e.g. "failure: already have such entry").
// Policies (help.mikrotik.com "User"): REST needs "rest-api", print needs "read", every change "write".

#include <cstring>
#include <sstream>

#include "sim/routeros/routeros_simulator.hpp"
#include "sim/sim_crypto.hpp"
#include "sim/sim_json.hpp"

namespace kimonet::sim {

namespace {

void error_answer(HttpResponse& response, int status, const std::string& detail = {}) {
    static const std::map<int, std::string> reasons = {{400, "Bad Request"}, {401, "Unauthorized"}, {404, "Not Found"}, {500, "Internal Server Error"}};
    Json body = {{"error", status}, {"message", reasons.contains(status) ? reasons.at(status) : "Error"}};
    if (!detail.empty()) body["detail"] = detail;
    response.status = status;
    response.content_type = "application/json";
    response.body = body.dump();
}

std::string value_text(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number()) return value.dump();
    return {};
}

Json row_object(const Sentence& reply) {
    Json object = Json::object();
    for (std::size_t index = 1; index < reply.size(); ++index)
        if (auto attribute = api_attribute(reply[index])) object[attribute->first] = attribute->second;
    return object;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, separator);)
        if (!part.empty()) out.push_back(part);
    return out;
}

int major_version(const std::string& version) { return std::atoi(version.c_str()); }
int minor_version(const std::string& version) {
    const auto dot = version.find('.');
    return dot == std::string::npos ? 0 : std::atoi(version.c_str() + dot + 1);
}

}  // namespace

Result<void> RouterOsSimulator::start_rest() {
    if (m_options.rest_port >= 0 && !m_www) {
        m_www = std::make_unique<HttpServer>();
        m_www->set_reset_gate([this] { return m_reset.load(); });
        const std::string failed = m_www->start(m_options.bind, m_options.rest_port, [this](const HttpRequest& request, HttpResponse& response) {
            handle_rest(request, response);
        });
        if (!failed.empty()) return make_error(ErrorCode::Unavailable, failed);
        m_options.rest_port = m_www->port();  // a restart after set_down(false) comes back on the same port
    }
    if (m_options.rest_tls_port >= 0 && !m_www_ssl) {
        if (!m_rest_tls_context) m_rest_tls_context = self_signed_tls_context("kimonet-sim-router");
        m_www_ssl = std::make_unique<HttpServer>();
        m_www_ssl->set_reset_gate([this] { return m_reset.load(); });
        const std::string failed = m_www_ssl->start(
            m_options.bind, m_options.rest_tls_port, [this](const HttpRequest& request, HttpResponse& response) { handle_rest(request, response); },
            m_rest_tls_context);
        if (!failed.empty()) return make_error(ErrorCode::Unavailable, failed);
        m_options.rest_tls_port = m_www_ssl->port();
    }
    return {};
}

void RouterOsSimulator::stop_rest() {
    if (m_www) m_www->stop();
    if (m_www_ssl) m_www_ssl->stop();
    m_www.reset();
    m_www_ssl.reset();
}

void RouterOsSimulator::set_user_policy(const std::string& policy) {
    std::lock_guard lock(m_state_mutex);
    if (Row* group = m_state.menu("/user/group")->find_name("kimonet")) (*group)["policy"] = policy;
}

bool RouterOsSimulator::has_policy(const std::string& policy) {
    std::lock_guard lock(m_state_mutex);
    const Row* group = m_state.menu("/user/group")->find_name("kimonet");
    if (!group) return false;
    for (const auto& granted : split(group->at("policy"), ','))
        if (granted == policy) return true;
    return false;
}

bool RouterOsSimulator::allowed(const std::string& command_path) {
    const auto slash = command_path.rfind('/');
    const std::string verb = slash == std::string::npos ? command_path : command_path.substr(slash + 1);
    return has_policy(verb == "print" || verb == "getall" ? "read" : "write");
}

// Runs one console command and turns its reply into the REST answer: rows as objects (a list, or
// the one record of `item_menu` when set), `ret` as {"ret":…}, a !trap as 400 with the detail.
void RouterOsSimulator::rest_command(const Sentence& command, HttpResponse& response, bool want_rows, const std::string& item_menu) {
    if (!allowed(command.front())) return error_answer(response, 400, "not enough permissions (9)");
    CommandReply reply;
    {
        std::lock_guard lock(m_state_mutex);
        reply = m_state.execute(command);
    }
    Json rows = Json::array();
    std::string ret;
    for (const auto& sentence : reply.sentences) {
        if (sentence.front() == "!trap") {
            const Json trap = row_object(sentence);
            const std::string message = trap.contains("message") ? trap["message"].get<std::string>() : "failure";
            return error_answer(response, 400, message);
        }
        if (sentence.front() == "!re") rows.push_back(row_object(sentence));
        if (sentence.front() == "!done")
            if (auto found = row_object(sentence); found.contains("ret")) ret = found["ret"].get<std::string>();
    }
    response.status = 200;
    if (!item_menu.empty()) {
        // PUT and PATCH answer with the record as it now is.
        std::lock_guard lock(m_state_mutex);
        const Row* row = m_state.menu(item_menu)->find(ret);
        Json object = Json::object();
        if (row)
            for (const auto& [key, value] : *row) object[key] = value;
        response.body = object.dump();
        return;
    }
    if (want_rows) response.body = rows.dump();
    else response.body = ret.empty() ? "[]" : Json{{"ret", ret}}.dump();
}

void RouterOsSimulator::handle_rest(const HttpRequest& request, HttpResponse& response) {
    ++m_rest_requests;
    switch (m_hostility.load()) {
        case RestHostility::HugeBody:
            response.body = "[" + std::string(8 * 1024 * 1024, ' ') + "]";
            return;
        case RestHostility::MalformedJson:
            response.body = R"([{"version":"7.16.2","board-name":)";
            return;
        case RestHostility::Redirect:
            response.status = 302;
            response.headers.push_back({"Location", "http://198.51.100.7/rest/system/resource"});
            response.body = "";
            return;
        case RestHostility::None: break;
    }
    std::string version;
    with_state([&](RouterState& state) { version = state.version; });
    if (!request.path.starts_with("/rest/") || major_version(version) < 7 || (major_version(version) == 7 && minor_version(version) < 1)) {
        // WebFig (and RouterOS 6, which has no REST API) answers unknown paths with an HTML page.
        response.status = 404;
        response.content_type = "text/html";
        response.body = "<html><head><title>Error 404: Not Found</title></head><body><h1>Error 404: Not Found</h1></body></html>";
        return;
    }
    const auto credentials = basic_credentials(request.header("authorization"));
    if (!credentials || credentials->first != m_options.username || credentials->second != m_options.password || !has_policy("rest-api")) {
        response.headers.push_back({"WWW-Authenticate", "Basic realm=\"REST API\""});
        return error_answer(response, 401);
    }
    std::string path = url_decode(request.path.substr(5), false);
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    const auto slash = path.rfind('/');
    const std::string parent = slash == std::string::npos ? std::string() : path.substr(0, slash);
    const std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
    bool is_menu = false, parent_is_menu = false;
    with_state([&](RouterState& state) {
        is_menu = state.menu(path) != nullptr || path == "/system/resource";
        parent_is_menu = state.menu(parent) != nullptr;
    });
    const std::string& method = request.method;
    if (method == "GET" && is_menu) {
        Sentence print{path + "/print"};
        for (const auto& [key, value] : request.query) {
            if (key == ".proplist") print.push_back("=.proplist=" + value);
            else print.push_back("?" + key + "=" + value);
        }
        return rest_command(print, response, true, {});
    }
    Json body = Json::object();
    if (!request.body.empty()) {
        body = parse_json_or_nothing(request.body);
        if (!body.is_object()) return error_answer(response, 400, "JSON parser error");
    }
    if (method == "PUT" && is_menu) {
        Sentence add{path + "/add"};
        for (const auto& [key, value] : body.items()) add.push_back("=" + key + "=" + value_text(value));
        return rest_command(add, response, false, path);
    }
    if (parent_is_menu && (method == "GET" || method == "PATCH" || method == "DELETE")) {
        std::string id;
        with_state([&](RouterState& state) {
            if (const Row* row = state.menu(parent)->find(last)) id = row->at(".id");
        });
        if (id.empty()) return error_answer(response, 404);
        if (method == "GET") {
            if (!allowed(parent + "/print")) return error_answer(response, 400, "not enough permissions (9)");
            Json object = Json::object();
            with_state([&](RouterState& state) {
                for (const auto& [key, value] : *state.menu(parent)->find(id)) object[key] = value;
            });
            response.body = object.dump();
            return;
        }
        if (method == "DELETE") {
            rest_command({parent + "/remove", "=.id=" + id}, response, false, {});
            if (response.status == 200) {
                response.status = 204;
                response.content_type.clear();
                response.body.clear();
            }
            return;
        }
        Sentence set{parent + "/set", "=.id=" + id};
        for (const auto& [key, value] : body.items())
            if (key != ".id") set.push_back("=" + key + "=" + value_text(value));
        rest_command(set, response, false, {});
        if (response.status != 200) return;
        // The answer is the record after the change.
        Json object = Json::object();
        with_state([&](RouterState& state) {
            if (const Row* row = state.menu(parent)->find(id))
                for (const auto& [key, value] : *row) object[key] = value;
        });
        response.body = object.dump();
        return;
    }
    if (method == "POST" && (parent_is_menu || parent == "/system/resource")) {
        Sentence command{path};
        for (const auto& [key, value] : body.items()) {
            if (key == ".query" && value.is_array()) {
                for (const auto& query : value) command.push_back("?" + value_text(query));
            } else if (key == ".proplist" && value.is_array()) {
                std::string names;
                for (const auto& name : value) names += (names.empty() ? "" : ",") + value_text(name);
                command.push_back("=.proplist=" + names);
            } else {
                command.push_back("=" + key + "=" + value_text(value));
            }
        }
        return rest_command(command, response, last == "print" || last == "getall", {});
    }
    if (method == "POST") return error_answer(response, 400, "no such command or directory (" + last + ")");
    return error_answer(response, 404);
}

}  // namespace kimonet::sim
