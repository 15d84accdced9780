#pragma once
// The in-memory state of one simulated RouterOS router and the API commands on it:
// /ppp/secret, /ppp/active, /ppp/profile, /ip/firewall/address-list, /ip/dhcp-server/lease,
// /ip/hotspot/user, /ip/hotspot/user/profile, /ip/hotspot/active, /system/resource.
// Not thread-safe on its own: the simulator holds a lock around every call.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/routeros/routeros_wire.hpp"

namespace kimonet::sim {

using Row = std::map<std::string, std::string>;

class Menu {
public:
    Menu(std::string path, std::uint64_t first_id, bool named) : m_path(std::move(path)), m_next_id(first_id), m_named(named) {}

    const std::string& path() const { return m_path; }
    bool named() const { return m_named; }
    // Adds a row (its ".id" is assigned) and returns the id.
    std::string add(Row row);
    Row* find_id(const std::string& id);
    Row* find_name(const std::string& name);
    // An ".id" ("*1A") or, for named menus, a name.
    Row* find(const std::string& id_or_name);
    bool remove(const std::string& id);
    std::vector<const Row*> rows() const;
    std::size_t size() const { return m_rows.size(); }

private:
    static std::optional<std::uint64_t> parse_id(const std::string& id);
    std::string m_path;
    std::map<std::uint64_t, Row> m_rows;  // ordered by id like RouterOS prints them
    std::unordered_map<std::string, std::uint64_t> m_by_name;
    std::uint64_t m_next_id;
    bool m_named;
};

struct CommandReply {
    std::vector<Sentence> sentences;  // without tags; the session adds them
};

class RouterState {
public:
    RouterState();

    Menu* menu(const std::string& path);
    // Executes one API command (already past login) and returns the reply sentences.
    CommandReply execute(const Sentence& command);

    std::string board_name = "CHR";
    std::string version = "7.16.2 (stable)";
    std::int64_t started_at = 0;  // steady seconds when the router "booted"

private:
    CommandReply print(Menu& menu, const Sentence& command);
    CommandReply add(Menu& menu, const std::map<std::string, std::string>& attributes);
    CommandReply set(Menu& menu, const std::map<std::string, std::string>& attributes);
    CommandReply remove(Menu& menu, const std::map<std::string, std::string>& attributes);
    CommandReply enable(Menu& menu, const std::map<std::string, std::string>& attributes, bool enabled);
    CommandReply resource(const Sentence& command);
    std::optional<std::string> check(Menu& menu, const Row& row, const std::string& own_id);

    std::map<std::string, Menu> m_menus;
};

// Evaluates RouterOS print queries (?name=x, ?name, ?-name, ?<x=n, ?>x=n, ?#|&!.) on a row.
bool matches_queries(const Row& row, const std::vector<std::string>& queries);

}  // namespace kimonet::sim
