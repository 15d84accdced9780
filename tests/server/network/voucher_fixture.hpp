#pragma once
// The network fixture plus what the voucher tests share: a hotspot profile, a batch made and
// pushed through the API, and the simulated router's hotspot users read back independently.
#include <string>
#include <vector>

#include "network_fixture.hpp"
#include "services/voucher_push.hpp"

namespace kimonet::testing {

struct VoucherFixture : NetworkFixture {
    VoucherFixture() {
        auto profile = server.post("/api/hotspot-profiles",
                                   R"({"name":"jam-1","rate_limit":"2M/2M","time_limit_seconds":3600,"quota_bytes":1000000000,)"
                                   R"("validity_days":1,"shared_users":1,"price":5000})",
                                   token);
        BOOST_TEST_REQUIRE(profile.status == 201, profile.body);
        profile_id = profile.json()["data"]["id"].get<std::int64_t>();
    }

    // Makes a batch on router 1 (not pushed yet); returns its id.
    std::int64_t make_batch(int count, const std::string& mode = "voucher") {
        auto made = server.post("/api/voucher-batches",
                                api::Json{{"router_id", 1}, {"profile_id", profile_id}, {"count", count}, {"mode", mode}}.dump(), token);
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
        return made.json()["data"]["id"].get<std::int64_t>();
    }
    HttpReply push(std::int64_t batch) { return server.post("/api/voucher-batches/" + std::to_string(batch) + "/push", "", token); }

    // The router's hotspot users of the batch, straight from the simulator's state.
    std::vector<sim::Row> on_router(std::int64_t batch) {
        std::vector<sim::Row> out;
        for (const auto& row : routers[0]->rows("/ip/hotspot/user"))
            if (row.at("comment") == services::voucher_batch_comment(batch)) out.push_back(row);
        return out;
    }
    std::vector<std::string> usernames(std::int64_t batch) {
        return server.column_values("SELECT username FROM vouchers WHERE batch_id = " + std::to_string(batch) + " ORDER BY id");
    }
    app::Context context(store::Database& db) { return server.app().context(db, app::Actor{"system", 0, "test", ""}); }

    std::int64_t profile_id = 0;
};

}  // namespace kimonet::testing
