// The store's part of N servers on one PostgreSQL (issue 17), each case on both engines:
// the scheduler's leader lock (one holder; free the moment its session ends), network actions
// claimed with FOR UPDATE SKIP LOCKED leases (two servers never take the same row; a dead server's
// rows come back when the lease runs out), and the public rate limit shared as one bucket.
// On SQLite (one process) the election always leads and the claim is the plain read it was.
#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include "engine_fixture.hpp"
#include "jobs/leader_election.hpp"
#include "store/job_run_store.hpp"
#include "store/leader_store.hpp"
#include "store/network_store.hpp"
#include "store/rate_limit_store.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// A package, a customer per id in 1..customers, and `per_customer` pending isolate rows each, due at 100.
void add_pending_actions(EngineScratch& scratch, int customers, int per_customer) {
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES (1, 'Paket', 1, 1, 1, 'p')"));
    for (int customer = 1; customer <= customers; ++customer) {
        const std::string id = std::to_string(customer);
        EngineScratch::must(scratch.db->execute("INSERT INTO customers(id, service_number, name, phone, package_id, join_date) VALUES (" + id +
                                                ", 'S" + id + "', 'N', '0812', 1, '2026-01-01')"));
        for (int row = 0; row < per_customer; ++row) {
            store::NewNetworkAction action;
            action.customer_id = customer;
            action.action = "isolate";
            action.created_at = 100;
            action.next_attempt_at = 100;
            BOOST_TEST_REQUIRE(store::insert_network_action(*scratch.db, action).ok());
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(n_servers_store)

BOOST_DATA_TEST_CASE(one_server_leads_and_another_takes_over_the_moment_its_session_ends, engines(), engine) {
    EngineScratch scratch(engine, true);
    jobs::LeaderElection first(scratch.database.url()), second(scratch.database.url());
    std::string problem;
    BOOST_TEST(first.poll(problem));
    BOOST_TEST(problem.empty(), problem);
    if (scratch.engine == store::Engine::Sqlite) {
        BOOST_TEST(second.poll(problem));  // one process: the scheduler always runs
        return;
    }
    BOOST_TEST(!second.poll(problem));
    BOOST_TEST(first.poll(problem));  // the holder keeps it
    BOOST_TEST(*store::scheduler_leader_pid(*scratch.db) == ::getpid());
    first.resign();  // as when the process dies: its session, and with it the lock, is gone
    // The server ends the closed session's backend within milliseconds; the next try takes it.
    const auto resigned = std::chrono::steady_clock::now();
    bool taken = false;
    while (!taken && std::chrono::steady_clock::now() - resigned < jobs::kElectionInterval) {
        taken = second.poll(problem);
        if (!taken) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    BOOST_TEST(taken);
    BOOST_TEST_MESSAGE("lock free again " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - resigned).count()
                                          << " ms after its session closed");
    BOOST_TEST(!first.poll(problem));
}

BOOST_DATA_TEST_CASE(a_job_slot_is_claimed_once_and_an_interrupted_run_is_taken_over_once, engines(), engine) {
    EngineScratch scratch(engine, true);
    auto other = scratch.database.open();
    BOOST_TEST(*store::claim_job_run(*scratch.db, "invoice_generation", "2026-12-01T00:01", 100));
    BOOST_TEST(!*store::claim_job_run(*other, "invoice_generation", "2026-12-01T00:01", 101));  // running elsewhere
    // The leader died mid-run; the next leader marks its run failed and takes the slot, once.
    BOOST_TEST_REQUIRE(store::fail_interrupted_job_runs(*other).ok());
    BOOST_TEST(*store::claim_job_run(*other, "invoice_generation", "2026-12-01T00:01", 102));
    BOOST_TEST(!*store::claim_job_run(*scratch.db, "invoice_generation", "2026-12-01T00:01", 103));
    BOOST_TEST_REQUIRE(store::finish_job_run(*other, "invoice_generation", "2026-12-01T00:01", true, 104, 2, "{}").ok());
    BOOST_TEST(!*store::claim_job_run(*scratch.db, "invoice_generation", "2026-12-01T00:01", 105));
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM job_runs") == 1);
}

BOOST_DATA_TEST_CASE(two_servers_claiming_at_once_never_take_the_same_network_action, engines(), engine) {
    EngineScratch scratch(engine, true);
    add_pending_actions(scratch, 20, 1);
    auto other = scratch.database.open();
    auto mine = store::claim_due_network_actions(*scratch.db, 200, 320, 10);
    BOOST_TEST_REQUIRE(mine.ok(), (mine ? "" : mine.error().message()));
    BOOST_TEST(mine->size() == 10u);
    auto theirs = store::claim_due_network_actions(*other, 200, 320, 1000);
    BOOST_TEST_REQUIRE(theirs.ok(), (theirs ? "" : theirs.error().message()));
    if (scratch.engine == store::Engine::Sqlite) {
        BOOST_TEST(theirs->size() == 20u);  // one process by design: a plain read
        return;
    }
    std::set<std::int64_t> ids;
    for (const auto& action : *mine) ids.insert(action.id);
    for (const auto& action : *theirs) BOOST_TEST(!ids.contains(action.id));
    BOOST_TEST(theirs->size() == 10u);
    // Everything is leased now; after the lease (a dead server's) the rows are due again, once.
    BOOST_TEST(store::claim_due_network_actions(*other, 319, 440, 1000)->size() == 0u);
    BOOST_TEST(store::claim_due_network_actions(*other, 320, 440, 1000)->size() == 20u);
    BOOST_TEST(store::claim_due_network_actions(*scratch.db, 320, 440, 1000)->size() == 0u);
}

BOOST_DATA_TEST_CASE(a_customer_whose_older_action_is_leased_waits_for_it, engines(), engine) {
    EngineScratch scratch(engine, true);
    add_pending_actions(scratch, 1, 2);
    auto first = store::claim_due_network_actions(*scratch.db, 200, 320, 1);
    BOOST_TEST_REQUIRE(first->size() == 1u);
    if (scratch.engine == store::Engine::Sqlite) return;
    // The newer row is not superseded under the server pushing the older one, nor taken beside it.
    BOOST_TEST(*store::supersede_stale_network_actions(*scratch.db, 200) == 0);
    BOOST_TEST(store::claim_due_network_actions(*scratch.db, 200, 320, 10)->size() == 0u);
    BOOST_TEST_REQUIRE(store::finish_network_action(*scratch.db, first->front().id, "done", 201, "applied", "", std::nullopt).ok());
    BOOST_TEST(store::claim_due_network_actions(*scratch.db, 201, 320, 10)->size() == 1u);
}

BOOST_DATA_TEST_CASE(the_shared_bucket_gives_a_source_its_tokens_once_whichever_server_asks, engines(), engine) {
    EngineScratch scratch(engine, true);
    if (scratch.engine == store::Engine::Sqlite) return;  // SQLite keeps its buckets in memory (http/rate_limiter)
    std::unique_ptr<store::Database> servers[3] = {scratch.database.open(), scratch.database.open(), scratch.database.open()};
    int allowed = 0, retry_after = 0;
    for (int i = 0; i < 90; ++i) {
        auto take = store::take_rate_limit_token(*servers[i % 3], "billing-check:127.0.0.9", 30, 1000);
        BOOST_TEST_REQUIRE(take.ok(), (take ? "" : take.error().message()));
        if (take->allowed) ++allowed;
        else retry_after = take->retry_after_seconds;
    }
    BOOST_TEST(allowed == 30);
    BOOST_TEST(retry_after == 2);  // 30 a minute: one token every 2 s
    BOOST_TEST(!store::take_rate_limit_token(*servers[0], "billing-check:127.0.0.9", 30, 1001)->allowed);
    BOOST_TEST(store::take_rate_limit_token(*servers[1], "billing-check:127.0.0.9", 30, 1002)->allowed);
    BOOST_TEST(store::take_rate_limit_token(*servers[2], "billing-check:127.0.0.10", 30, 1002)->allowed);  // another source
    // A bucket idle for a minute is full again: deleting it changes nothing.
    BOOST_TEST_REQUIRE(store::delete_idle_rate_limit_buckets(*servers[0], 1063).ok());
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM rate_limit_buckets") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
