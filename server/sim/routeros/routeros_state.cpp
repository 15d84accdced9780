#include "sim/routeros/routeros_state.hpp"

#include <chrono>
#include <cstdio>
#include <set>
#include <sstream>

namespace kimonet::sim {


namespace {

Sentence trap(const std::string& message, const std::string& category = {}) {
    Sentence sentence{"!trap"};
    if (!category.empty()) sentence.push_back("=category=" + category);
    sentence.push_back("=message=" + message);
    return sentence;
}

CommandReply trap_reply(const std::string& message, const std::string& category = {}) { return {{trap(message, category), {"!done"}}}; }
CommandReply done_reply() { return {{{"!done"}}}; }

std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() ? std::optional(value) : std::nullopt;
}

std::string format_uptime(std::int64_t seconds) {
    std::string out;
    if (seconds >= 86400) out += std::to_string(seconds / 86400) + "d";
    out += std::to_string(seconds % 86400 / 3600) + "h" + std::to_string(seconds % 3600 / 60) + "m" + std::to_string(seconds % 60) + "s";
    return out;
}

// A new /ip/hotspot/user/profile with RouterOS's defaults.
Row hotspot_profile_defaults(const std::string& name) {
    return {{"name", name},           {"shared-users", "1"},        {"rate-limit", ""},          {"idle-timeout", "none"},
            {"keepalive-timeout", "2m"}, {"status-autorefresh", "1m"}, {"add-mac-cookie", "true"}, {"mac-cookie-timeout", "3d"},
            {"transparent-proxy", "false"}, {"default", name == "default" ? "true" : "false"}};
}

std::int64_t steady_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

std::optional<std::uint64_t> Menu::parse_id(const std::string& id) {
    if (id.size() < 2 || id[0] != '*') return std::nullopt;
    std::uint64_t value = 0;
    for (std::size_t index = 1; index < id.size(); ++index) {
        const char c = id[index];
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0 || value > (UINT64_MAX >> 4)) return std::nullopt;
        value = value * 16 + static_cast<std::uint64_t>(digit);
    }
    return value;
}

std::string Menu::add(Row row) {
    const std::uint64_t number = m_next_id++;
    char id[24];
    std::snprintf(id, sizeof id, "*%llX", static_cast<unsigned long long>(number));
    row[".id"] = id;
    if (m_named) m_by_name[row["name"]] = number;
    m_rows.emplace(number, std::move(row));
    return id;
}

Row* Menu::find_id(const std::string& id) {
    auto number = parse_id(id);
    if (!number) return nullptr;
    auto it = m_rows.find(*number);
    return it == m_rows.end() ? nullptr : &it->second;
}

Row* Menu::find_name(const std::string& name) {
    if (!m_named) return nullptr;
    auto it = m_by_name.find(name);
    return it == m_by_name.end() ? nullptr : &m_rows.at(it->second);
}

Row* Menu::find(const std::string& id_or_name) {
    if (Row* row = find_id(id_or_name)) return row;
    return find_name(id_or_name);
}

bool Menu::remove(const std::string& id) {
    Row* row = find(id);
    if (!row) return false;
    const std::uint64_t number = *parse_id((*row)[".id"]);
    if (m_named) m_by_name.erase((*row)["name"]);
    m_rows.erase(number);
    return true;
}

std::vector<const Row*> Menu::rows() const {
    std::vector<const Row*> out;
    out.reserve(m_rows.size());
    for (const auto& [number, row] : m_rows) out.push_back(&row);
    return out;
}

bool matches_queries(const Row& row, const std::vector<std::string>& queries) {
    std::vector<bool> stack;
    const auto value_of = [&row](const std::string& key) -> const std::string* {
        auto it = row.find(key);
        return it == row.end() ? nullptr : &it->second;
    };
    for (const auto& query : queries) {
        if (query.empty()) continue;
        if (query[0] == '#') {
            for (std::size_t index = 1; index < query.size(); ++index) {
                const char op = query[index];
                if (op == '!') {
                    if (!stack.empty()) stack.back() = !stack.back();
                } else if (op == '|' || op == '&') {
                    if (stack.size() < 2) continue;
                    const bool right = stack.back();
                    stack.pop_back();
                    stack.back() = op == '|' ? (stack.back() || right) : (stack.back() && right);
                } else if (op == '.') {
                    if (!stack.empty()) stack.push_back(stack.back());
                } else if (op >= '0' && op <= '9') {
                    const std::size_t back = static_cast<std::size_t>(op - '0');
                    if (back < stack.size()) stack.push_back(stack[stack.size() - 1 - back]);
                }
            }
            continue;
        }
        if (query[0] == '-') {
            stack.push_back(value_of(query.substr(1)) == nullptr);
            continue;
        }
        const char compare = query[0] == '<' || query[0] == '>' ? query[0] : '=';
        const std::string body = compare == '=' ? query : query.substr(1);
        const auto equals = body.find('=');
        if (equals == std::string::npos) {
            stack.push_back(value_of(body) != nullptr);
            continue;
        }
        const std::string key = body.substr(0, equals), wanted = body.substr(equals + 1);
        const std::string* actual = value_of(key);
        if (!actual) {
            stack.push_back(false);
        } else if (compare == '=') {
            stack.push_back(*actual == wanted);
        } else {
            auto left = number(*actual), right = number(wanted);
            const bool less = left && right ? *left < *right : *actual < wanted;
            const bool greater = left && right ? *left > *right : *actual > wanted;
            stack.push_back(compare == '<' ? less : greater);
        }
    }
    for (bool value : stack)
        if (!value) return false;
    return true;
}

RouterState::RouterState() {
    m_menus.emplace("/ppp/secret", Menu("/ppp/secret", 1, true));
    m_menus.emplace("/ppp/active", Menu("/ppp/active", 0x8000001, true));
    m_menus.emplace("/ppp/profile", Menu("/ppp/profile", 1, true));
    m_menus.emplace("/ip/firewall/address-list", Menu("/ip/firewall/address-list", 1, false));
    m_menus.emplace("/ip/dhcp-server/lease", Menu("/ip/dhcp-server/lease", 1, false));
    m_menus.emplace("/ip/firewall/filter", Menu("/ip/firewall/filter", 1, false));
    m_menus.emplace("/ip/firewall/nat", Menu("/ip/firewall/nat", 1, false));
    m_menus.emplace("/user", Menu("/user", 1, true));
    m_menus.emplace("/user/group", Menu("/user/group", 1, true));
    // The hotspot (help.mikrotik.com "HotSpot - Captive portal": User, User Profile, Active).
    m_menus.emplace("/ip/hotspot/user", Menu("/ip/hotspot/user", 1, true));
    m_menus.emplace("/ip/hotspot/user/profile", Menu("/ip/hotspot/user/profile", 1, true));
    m_menus.emplace("/ip/hotspot/active", Menu("/ip/hotspot/active", 0x80000001, false));
    started_at = steady_seconds();
    Menu& profiles = m_menus.at("/ppp/profile");
    profiles.add({{"name", "default"}, {"rate-limit", ""}, {"only-one", "default"}});
    profiles.add({{"name", "default-encryption"}, {"rate-limit", ""}, {"only-one", "default"}});
    m_menus.at("/ip/hotspot/user/profile").add(hotspot_profile_defaults("default"));
}

Menu* RouterState::menu(const std::string& path) {
    auto it = m_menus.find(path);
    return it == m_menus.end() ? nullptr : &it->second;
}

CommandReply RouterState::execute(const Sentence& command) {
    const std::string& path = command.front();
    const auto slash = path.rfind('/');
    const std::string menu_path = slash == std::string::npos ? "" : path.substr(0, slash);
    const std::string verb = slash == std::string::npos ? path : path.substr(slash + 1);
    if (menu_path == "/system/resource" && (verb == "print" || verb == "getall")) return resource(command);
    Menu* target = menu(menu_path);
    if (!target) return trap_reply("no such command prefix", "0");
    std::map<std::string, std::string> attributes;
    for (std::size_t index = 1; index < command.size(); ++index)
        if (auto attribute = api_attribute(command[index])) attributes[attribute->first] = attribute->second;
    if (verb == "print" || verb == "getall") return print(*target, command);
    if (verb == "add") return add(*target, attributes);
    if (verb == "set") return set(*target, attributes);
    if (verb == "remove") return remove(*target, attributes);
    if (verb == "enable" || verb == "disable") return enable(*target, attributes, verb == "enable");
    if (verb == "make-static" && menu_path == "/ip/dhcp-server/lease") {
        auto id = attributes.find(".id");
        if (id == attributes.end()) id = attributes.find("numbers");
        Row* row = id == attributes.end() ? nullptr : target->find(id->second);
        if (!row) return trap_reply("no such item", "0");
        (*row)["dynamic"] = "false";
        return done_reply();
    }
    return trap_reply("no such command", "0");
}

CommandReply RouterState::print(Menu& menu, const Sentence& command) {
    std::vector<std::string> queries;
    std::set<std::string> proplist;
    bool count_only = false;
    for (std::size_t index = 1; index < command.size(); ++index) {
        const std::string& word = command[index];
        if (word.starts_with("?")) queries.push_back(word.substr(1));
        else if (word.starts_with("=.proplist=")) {
            std::stringstream names(word.substr(11));
            for (std::string name; std::getline(names, name, ',');) proplist.insert(name);
        } else if (word.starts_with("=count-only=")) count_only = true;
    }
    std::vector<const Row*> candidates;
    // Fast path for the common lookup by name (the client asks `?name=x` for every customer).
    if (queries.size() == 1 && queries[0].starts_with("name=") && menu.named()) {
        if (const Row* row = menu.find_name(queries[0].substr(5))) candidates.push_back(row);
        queries.clear();
    } else {
        candidates = menu.rows();
    }
    CommandReply reply;
    std::size_t count = 0;
    for (const Row* row : candidates) {
        if (!matches_queries(*row, queries)) continue;
        ++count;
        if (count_only) continue;
        Sentence sentence{"!re"};
        for (const auto& [key, value] : *row)
            if (proplist.empty() || proplist.contains(key)) sentence.push_back(api_attribute_word(key, value));
        reply.sentences.push_back(std::move(sentence));
    }
    reply.sentences.push_back(count_only ? Sentence{"!done", "=ret=" + std::to_string(count)} : Sentence{"!done"});
    return reply;
}

std::optional<std::string> RouterState::check(Menu& menu, const Row& row, const std::string& own_id) {
    const auto value = [&row](const char* key) -> std::string {
        auto it = row.find(key);
        return it == row.end() ? std::string() : it->second;
    };
    if (menu.named()) {
        if (value("name").empty()) return "failure: name must be set";
        const Row* same = menu.find_name(value("name"));
        if (same && same->at(".id") != own_id) {
            if (menu.path() == "/ppp/secret") return "failure: secret with the same name already exists";
            if (menu.path() == "/ip/hotspot/user") return "failure: already have user with this name";
            return "failure: entry with the same name already exists";
        }
    }
    if (menu.path() == "/ppp/secret" && !m_menus.at("/ppp/profile").find_name(value("profile")))
        return "input does not match any value of profile";
    if (menu.path() == "/ip/hotspot/user" && !m_menus.at("/ip/hotspot/user/profile").find_name(value("profile")))
        return "input does not match any value of profile";
    if (menu.path() == "/ip/firewall/address-list") {
        if (value("list").empty() || value("address").empty()) return "failure: list and address must be set";
        for (const Row* other : menu.rows())
            if (other->at("list") == value("list") && other->at("address") == value("address") && other->at(".id") != own_id)
                return "failure: already have such entry";
    }
    if (menu.path() == "/ip/firewall/filter" || menu.path() == "/ip/firewall/nat") {
        // RouterOS manual, IP/Firewall/Filter and NAT: `chain` is required; `action` is one of
        // the table's actions; dst-port/src-port need protocol tcp, udp, udp-lite, sctp or dccp.
        static const std::set<std::string> filter_actions = {"accept", "add-dst-to-address-list", "add-src-to-address-list", "drop",
                                                             "fasttrack-connection", "jump", "log", "passthrough", "reject", "return", "tarpit"};
        static const std::set<std::string> nat_actions = {"accept", "add-dst-to-address-list", "add-src-to-address-list", "dst-nat",
                                                          "endpoint-independent-nat", "jump", "log", "masquerade", "netmap", "passthrough",
                                                          "redirect", "return", "same", "src-nat"};
        if (value("chain").empty()) return "failure: chain not specified";
        const auto& actions = menu.path() == "/ip/firewall/filter" ? filter_actions : nat_actions;
        if (!actions.contains(value("action"))) return "input does not match any value of action";
        static const std::set<std::string> port_protocols = {"tcp", "udp", "udp-lite", "sctp", "dccp", "6", "17"};
        if ((!value("dst-port").empty() || !value("src-port").empty()) && !port_protocols.contains(value("protocol")))
            return "failure: dst-port can be set only if protocol is tcp, udp, udp-lite, sctp or dccp";
    }
    if (menu.path() == "/ip/dhcp-server/lease") {
        if (value("address").empty() || value("mac-address").empty()) return "failure: address and mac-address must be set";
        for (const Row* other : menu.rows())
            if (other->at("mac-address") == value("mac-address") && other->at(".id") != own_id)
                return "failure: lease for this MAC address already exists";
    }
    return std::nullopt;
}

CommandReply RouterState::add(Menu& menu, const std::map<std::string, std::string>& attributes) {
    if (menu.path() == "/ppp/active" || menu.path() == "/ip/hotspot/active") return trap_reply("failure: active connections cannot be added", "0");
    Row row;
    if (menu.path() == "/ppp/secret") row = {{"service", "any"}, {"profile", "default"}, {"password", ""}, {"disabled", "false"}};
    else if (menu.path() == "/ppp/profile") row = {{"rate-limit", ""}, {"only-one", "default"}};
    else if (menu.path() == "/ip/hotspot/user/profile") row = hotspot_profile_defaults("");
    else if (menu.path() == "/ip/hotspot/user")
        row = {{"server", "all"}, {"profile", "default"}, {"password", ""}, {"disabled", "false"}, {"dynamic", "false"}, {"comment", ""},
               {"uptime", "0s"}, {"bytes-in", "0"}, {"bytes-out", "0"}, {"packets-in", "0"}, {"packets-out", "0"}};
    else if (menu.path() == "/ip/firewall/filter" || menu.path() == "/ip/firewall/nat")
        row = {{"action", "accept"}, {"disabled", "false"}, {"dynamic", "false"}, {"invalid", "false"}, {"log", "false"},
               {"log-prefix", ""}, {"bytes", "0"}, {"packets", "0"}};
    else if (menu.path() == "/ip/dhcp-server/lease") row = {{"disabled", "false"}, {"dynamic", "false"}, {"comment", ""}, {"server", "all"}, {"status", "waiting"}};
    else row = {{"disabled", "false"}, {"dynamic", "false"}, {"comment", ""}};
    for (const auto& [key, value] : attributes)
        if (!key.starts_with(".")) row[key] = value;
    if (auto problem = check(menu, row, "")) return trap_reply(*problem, "1");
    const std::string id = menu.add(std::move(row));
    return {{{"!done", "=ret=" + id}}};
}

CommandReply RouterState::set(Menu& menu, const std::map<std::string, std::string>& attributes) {
    auto id = attributes.find(".id");
    if (id == attributes.end()) id = attributes.find("numbers");
    if (id == attributes.end()) return trap_reply("missing =.id=", "0");
    Row* row = menu.find(id->second);
    if (!row) return trap_reply("no such item", "0");
    Row updated = *row;
    for (const auto& [key, value] : attributes)
        if (!key.starts_with(".") && key != "numbers") updated[key] = value;
    if (auto problem = check(menu, updated, updated[".id"])) return trap_reply(*problem, "1");
    if (menu.named() && updated["name"] != (*row)["name"]) {
        menu.remove(updated[".id"]);
        menu.add(updated);  // renames get a fresh index entry (the id changes, which tests never rely on)
    } else {
        *row = std::move(updated);
    }
    return done_reply();
}

CommandReply RouterState::remove(Menu& menu, const std::map<std::string, std::string>& attributes) {
    auto id = attributes.find(".id");
    if (id == attributes.end()) id = attributes.find("numbers");
    if (id == attributes.end()) return trap_reply("missing =.id=", "0");
    // RouterOS accepts a comma-separated list of ids.
    std::stringstream ids(id->second);
    for (std::string one; std::getline(ids, one, ',');)
        if (!menu.remove(one)) return trap_reply("no such item", "0");
    return done_reply();
}

CommandReply RouterState::enable(Menu& menu, const std::map<std::string, std::string>& attributes, bool enabled) {
    auto id = attributes.find(".id");
    if (id == attributes.end()) id = attributes.find("numbers");
    if (id == attributes.end()) return trap_reply("missing =.id=", "0");
    Row* row = menu.find(id->second);
    if (!row) return trap_reply("no such item", "0");
    (*row)["disabled"] = enabled ? "false" : "true";
    return done_reply();
}

CommandReply RouterState::resource(const Sentence& command) {
    Row row = {{"uptime", format_uptime(steady_seconds() - started_at)},
               {"version", version},
               {"build-time", "2025-01-10 10:00:00"},
               {"free-memory", "201326592"},
               {"total-memory", "268435456"},
               {"cpu", "QEMU"},
               {"cpu-count", "2"},
               {"cpu-load", "3"},
               {"board-name", board_name},
               {"architecture-name", "x86_64"},
               {"platform", "MikroTik"}};
    std::set<std::string> proplist;
    for (std::size_t index = 1; index < command.size(); ++index)
        if (command[index].starts_with("=.proplist=")) {
            std::stringstream names(command[index].substr(11));
            for (std::string name; std::getline(names, name, ',');) proplist.insert(name);
        }
    Sentence sentence{"!re"};
    for (const auto& [key, value] : row)
        if (proplist.empty() || proplist.contains(key)) sentence.push_back(api_attribute_word(key, value));
    return {{sentence, {"!done"}}};
}

}  // namespace kimonet::sim
