// The FTTH inventory store (issue 21, migration 0039) on both engines: the tree OLT → PON port →
// ODC → ODP, customers on ODP ports (one customer per port, one port per customer), free ports,
// coordinates within their ranges, and customers_below, the query an outage uses, which must name
// exactly the customers below a node and none beside it.
#include <array>

#include "server/store/engine_fixture.hpp"
#include "store/inventory_store.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr std::int64_t kPlacedAt = 1768444200;  // 2026-01-15 02:30:00 UTC

template <typename T>
T must_value(Result<T> result) {
    BOOST_TEST_REQUIRE(result.ok(), (result ? "" : result.error().message()));
    return std::move(*result);
}

// Two routers, one package and `count` customers C1…Cn (on router 1 unless told otherwise).
struct InventoryScratch : EngineScratch {
    explicit InventoryScratch(const std::string& name) : EngineScratch(name, true) {
        must(db->execute("INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) "
                         "VALUES ('Home 30', 30000, 15000, 300000, '30M')"));
        must(db->execute("INSERT INTO routers(name, host, port, username, password_encrypted, created_at, updated_at) VALUES "
                         "('R1', '10.0.0.1', 8728, 'api', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), "
                         "('R2', '10.0.0.2', 8728, 'api', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
    }
    std::int64_t router(const char* name) { return scalar_int(std::string("SELECT id FROM routers WHERE name = '") + name + "'"); }
    std::int64_t customer(const std::string& service_number, std::optional<std::int64_t> router_id = std::nullopt) {
        auto insert = db->prepare("INSERT INTO customers(service_number, name, phone, package_id, status, join_date, router_id) "
                                  "VALUES (?, ?, '6281200000001', (SELECT MIN(id) FROM internet_packages), 'active', '2025-06-01', ?)");
        BOOST_TEST_REQUIRE(insert.ok());
        insert->bind(1, service_number).bind(2, "Pelanggan " + service_number).bind(3, router_id);
        must(insert->run());
        return scalar_int("SELECT id FROM customers WHERE service_number = '" + service_number + "'");
    }
    // OLT → PON → ODC → ODP with `ports` ports, named after `tag`; returns the four ids.
    std::array<std::int64_t, 4> branch(const std::string& tag, std::optional<std::int64_t> router_id, int ports = 8) {
        const auto olt = must_value(store::insert_olt(*db, {0, "OLT-" + tag, router_id, "POP " + tag, store::GeoPoint{-7.25, 112.75}}));
        const auto pon = must_value(store::insert_pon_port(*db, {0, olt, "0/1/" + tag}));
        const auto odc = must_value(store::insert_odc(*db, {0, "ODC-" + tag, pon, store::GeoPoint{-7.26, 112.76}}));
        const auto odp = must_value(store::insert_odp(*db, {0, "ODP-" + tag, odc, ports, store::GeoPoint{-7.261, 112.761}, 0}));
        return {olt, pon, odc, odp};
    }
    std::vector<std::string> below(store::InventoryLevel level, std::int64_t id) {
        std::vector<std::string> names;
        for (const auto& customer : must_value(store::customers_below(*db, level, id))) names.push_back(customer.service_number);
        return names;
    }
};

using Names = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(inventory_store)

BOOST_DATA_TEST_CASE(the_tree_is_created_read_updated_and_deleted_leaf_first, engines(), name) {
    InventoryScratch scratch(name);
    auto& db = *scratch.db;
    const auto [olt, pon, odc, odp] = scratch.branch("A", scratch.router("R1"));

    const auto read_olt = must_value(store::find_olt(db, olt));
    BOOST_TEST_REQUIRE(read_olt.has_value());
    BOOST_TEST(read_olt->name == "OLT-A");
    BOOST_TEST(read_olt->router_id.value_or(0) == scratch.router("R1"));
    BOOST_TEST(read_olt->site == "POP A");
    BOOST_TEST_REQUIRE(read_olt->location.has_value());
    BOOST_TEST(read_olt->location->latitude == -7.25);
    BOOST_TEST(read_olt->location->longitude == 112.75);
    BOOST_TEST(must_value(store::list_pon_ports(db, olt)).size() == 1U);
    BOOST_TEST(must_value(store::list_odcs(db, pon)).front().name == "ODC-A");
    const auto odps = must_value(store::list_odps(db, odc));
    BOOST_TEST_REQUIRE(odps.size() == 1U);
    BOOST_TEST(odps.front().port_count == 8);
    BOOST_TEST(odps.front().used_ports == 0);

    // Updates change the row; an unknown id says so; a location can be removed.
    BOOST_TEST(must_value(store::update_odp(db, {odp, "ODP-A1", odc, 16, std::nullopt, 0})));
    const auto updated = must_value(store::find_odp(db, odp));
    BOOST_TEST(updated->name == "ODP-A1");
    BOOST_TEST(updated->port_count == 16);
    BOOST_TEST(!updated->location.has_value());
    BOOST_TEST(!must_value(store::update_odc(db, {odc + 1000, "X", pon, std::nullopt})));
    BOOST_TEST(must_value(store::update_olt(db, {olt, "OLT-A", std::nullopt, "", std::nullopt})));
    BOOST_TEST(!must_value(store::find_olt(db, olt))->router_id.has_value());
    BOOST_TEST(must_value(store::update_pon_port(db, {pon, olt, "0/1/9"})));
    BOOST_TEST(must_value(store::find_pon_port(db, pon))->label == "0/1/9");

    // A level with something below it cannot go (409 from the engine); leaf first it can.
    const auto refused = store::delete_olt(db, olt);
    BOOST_TEST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.error().code == ErrorCode::Conflict));
    BOOST_TEST(must_value(store::delete_odp(db, odp)));
    BOOST_TEST(must_value(store::delete_odc(db, odc)));
    BOOST_TEST(must_value(store::delete_pon_port(db, pon)));
    BOOST_TEST(must_value(store::delete_olt(db, olt)));
    BOOST_TEST(!must_value(store::delete_olt(db, olt)));
    BOOST_TEST(must_value(store::list_olts(db)).empty());
}

BOOST_DATA_TEST_CASE(names_are_unique_and_coordinates_stay_in_range_both_or_neither, engines(), name) {
    InventoryScratch scratch(name);
    auto& db = *scratch.db;
    scratch.branch("A", std::nullopt);
    const auto same_name = store::insert_olt(db, {0, "OLT-A", std::nullopt, "", std::nullopt});
    BOOST_TEST_REQUIRE(!same_name.ok());
    BOOST_TEST((same_name.error().code == ErrorCode::Conflict));
    BOOST_TEST(!store::insert_olt(db, {0, "OLT-B", std::nullopt, "", store::GeoPoint{91.0, 10.0}}).ok());
    BOOST_TEST(!store::insert_olt(db, {0, "OLT-C", std::nullopt, "", store::GeoPoint{10.0, -180.5}}).ok());
    BOOST_TEST(!db.execute("UPDATE olts SET latitude = NULL").ok());  // longitude alone is not a place
    BOOST_TEST(!store::insert_odp(db, {0, "ODP-Z", scratch.scalar_int("SELECT MIN(id) FROM odcs"), 0, std::nullopt, 0}).ok());
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM olts") == 1);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM odps") == 1);

    const auto customer = scratch.customer("C1");
    BOOST_TEST(!must_value(store::find_customer_location(db, customer)).has_value());
    BOOST_TEST(must_value(store::set_customer_location(db, customer, store::GeoPoint{-6.2, 106.8})));
    const auto location = must_value(store::find_customer_location(db, customer));
    BOOST_TEST_REQUIRE(location.has_value());
    BOOST_TEST(location->latitude == -6.2);
    BOOST_TEST(location->longitude == 106.8);
    BOOST_TEST(!store::set_customer_location(db, customer, store::GeoPoint{-95.0, 106.8}).ok());
    BOOST_TEST(must_value(store::find_customer_location(db, customer))->latitude == -6.2);
    BOOST_TEST(!must_value(store::set_customer_location(db, customer + 1000, std::nullopt)));
}

BOOST_DATA_TEST_CASE(a_port_holds_one_customer_and_a_customer_one_port, engines(), name) {
    InventoryScratch scratch(name);
    auto& db = *scratch.db;
    const auto odp = scratch.branch("A", std::nullopt, 4)[3];
    const auto budi = scratch.customer("C1");
    const auto sari = scratch.customer("C2");
    EngineScratch::must(store::place_customer_on_odp_port(db, odp, 2, budi, kPlacedAt));
    BOOST_TEST((must_value(store::free_odp_ports(db, odp)) == std::vector<int>{1, 3, 4}));
    BOOST_TEST(must_value(store::find_odp(db, odp))->used_ports == 1);

    const auto port_taken = store::place_customer_on_odp_port(db, odp, 2, sari, kPlacedAt);
    BOOST_TEST_REQUIRE(!port_taken.ok());
    BOOST_TEST((port_taken.error().code == ErrorCode::Conflict));
    const auto placed_twice = store::place_customer_on_odp_port(db, odp, 3, budi, kPlacedAt);
    BOOST_TEST_REQUIRE(!placed_twice.ok());
    BOOST_TEST((placed_twice.error().code == ErrorCode::Conflict));

    const auto where = must_value(store::find_customer_odp_port(db, budi));
    BOOST_TEST_REQUIRE(where.has_value());
    BOOST_TEST(where->odp_id == odp);
    BOOST_TEST(where->port_number == 2);
    BOOST_TEST(where->placed_at == kPlacedAt);
    BOOST_TEST(where->service_number == "C1");
    BOOST_TEST(where->customer_name == "Pelanggan C1");
    BOOST_TEST(!must_value(store::find_customer_odp_port(db, sari)).has_value());

    EngineScratch::must(store::place_customer_on_odp_port(db, odp, 4, sari, kPlacedAt));
    const auto ports = must_value(store::list_odp_ports(db, odp));
    BOOST_TEST_REQUIRE(ports.size() == 2U);
    BOOST_TEST(ports[0].port_number == 2);
    BOOST_TEST(ports[1].customer_id == sari);
    BOOST_TEST((must_value(store::free_odp_ports(db, odp)) == std::vector<int>{1, 3}));

    // An ODP with customers on it cannot be deleted (the service says so first; the schema too).
    BOOST_TEST(!store::delete_odp(db, odp).ok());
    BOOST_TEST(must_value(store::unplace_customer(db, budi)));
    BOOST_TEST(!must_value(store::unplace_customer(db, budi)));
    BOOST_TEST((must_value(store::free_odp_ports(db, odp)) == std::vector<int>{1, 2, 3}));
    BOOST_TEST(must_value(store::free_odp_ports(db, odp + 1000)).empty());
}

BOOST_DATA_TEST_CASE(customers_below_a_node_are_exactly_those_under_it, engines(), name) {
    InventoryScratch scratch(name);
    auto& db = *scratch.db;
    const auto r1 = scratch.router("R1");
    const auto r2 = scratch.router("R2");
    const auto [olt_a, pon_a, odc_a, odp_a] = scratch.branch("A", r1);
    // A second PON port of OLT-A with its own ODC and ODP, and a second ODP under ODC-A.
    const auto pon_a2 = must_value(store::insert_pon_port(db, {0, olt_a, "0/2/1"}));
    const auto odc_a2 = must_value(store::insert_odc(db, {0, "ODC-A2", pon_a2, std::nullopt}));
    const auto odp_a2 = must_value(store::insert_odp(db, {0, "ODP-A2", odc_a2, 8, std::nullopt, 0}));
    const auto odp_a3 = must_value(store::insert_odp(db, {0, "ODP-A3", odc_a, 8, std::nullopt, 0}));
    const auto [olt_b, pon_b, odc_b, odp_b] = scratch.branch("B", r2);

    // C1, C2 on ODP-A; C3 on ODP-A3 (same ODC); C4 on ODP-A2 (other PON port, same OLT); C5 on
    // ODP-B (other OLT, on router R2 by inventory but PPPoE on R1); C6 on R2 by PPPoE, not placed;
    // C7 nowhere.
    EngineScratch::must(store::place_customer_on_odp_port(db, odp_a, 1, scratch.customer("C1", r1), kPlacedAt));
    EngineScratch::must(store::place_customer_on_odp_port(db, odp_a, 2, scratch.customer("C2", r1), kPlacedAt));
    EngineScratch::must(store::place_customer_on_odp_port(db, odp_a3, 1, scratch.customer("C3", r1), kPlacedAt));
    EngineScratch::must(store::place_customer_on_odp_port(db, odp_a2, 1, scratch.customer("C4", r1), kPlacedAt));
    EngineScratch::must(store::place_customer_on_odp_port(db, odp_b, 1, scratch.customer("C5", r1), kPlacedAt));
    scratch.customer("C6", r2);
    scratch.customer("C7");

    using store::InventoryLevel;
    BOOST_TEST((scratch.below(InventoryLevel::Odp, odp_a) == Names{"C1", "C2"}));
    BOOST_TEST((scratch.below(InventoryLevel::Odc, odc_a) == Names{"C1", "C2", "C3"}));
    BOOST_TEST((scratch.below(InventoryLevel::PonPort, pon_a) == Names{"C1", "C2", "C3"}));
    BOOST_TEST((scratch.below(InventoryLevel::PonPort, pon_a2) == Names{"C4"}));
    BOOST_TEST((scratch.below(InventoryLevel::Olt, olt_a) == Names{"C1", "C2", "C3", "C4"}));
    BOOST_TEST((scratch.below(InventoryLevel::Olt, olt_b) == Names{"C5"}));
    BOOST_TEST((scratch.below(InventoryLevel::Odc, odc_b) == Names{"C5"}));
    // A router: its PPPoE customers and those under its OLTs, each once.
    BOOST_TEST((scratch.below(InventoryLevel::Router, r1) == Names{"C1", "C2", "C3", "C4", "C5"}));
    BOOST_TEST((scratch.below(InventoryLevel::Router, r2) == Names{"C5", "C6"}));
    BOOST_TEST(scratch.below(InventoryLevel::Odp, odp_a + 1000).empty());
    const auto full = must_value(store::customers_below(db, InventoryLevel::Odp, odp_a));
    BOOST_TEST(full.front().phone == "6281200000001");
    BOOST_TEST(full.front().status == "active");
    BOOST_TEST(full.front().name == "Pelanggan C1");
    (void)pon_b;
}

BOOST_AUTO_TEST_CASE(level_names_read_back_to_their_level) {
    using store::InventoryLevel;
    for (const auto level : {InventoryLevel::Router, InventoryLevel::Olt, InventoryLevel::PonPort, InventoryLevel::Odc, InventoryLevel::Odp})
        BOOST_TEST((store::inventory_level_from_name(store::inventory_level_name(level)) == level));
    BOOST_TEST(store::inventory_level_name(InventoryLevel::PonPort) == "pon_port");
    BOOST_TEST(!store::inventory_level_from_name("ODP").has_value());
    BOOST_TEST(!store::inventory_level_from_name("").has_value());
}

// The outage query walks indexes, never a whole table (SQLite's plan; PostgreSQL's planner scans
// small tables whatever the indexes, so its plan says nothing at test sizes).
BOOST_AUTO_TEST_CASE(customers_below_walks_indexes_on_sqlite) {
    EngineScratch scratch("sqlite", true);
    using store::InventoryLevel;
    for (const auto level : {InventoryLevel::Router, InventoryLevel::Olt, InventoryLevel::PonPort, InventoryLevel::Odc, InventoryLevel::Odp}) {
        auto plan = scratch.db->prepare("EXPLAIN QUERY PLAN " + store::customers_below_sql(level));
        BOOST_TEST_REQUIRE(plan.ok());
        std::string steps;
        while (plan->step().value_or(false)) steps += plan->column_text(3) + "\n";
        BOOST_TEST_MESSAGE(store::inventory_level_name(level) << ":\n" << steps);
        BOOST_TEST(steps.find("SCAN") == std::string::npos, steps);
    }
}

BOOST_AUTO_TEST_SUITE_END()
