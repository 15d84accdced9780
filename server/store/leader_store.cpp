#include "store/leader_store.hpp"

#include <cstdlib>

namespace kimonet::store {

Result<void> prepare_leader_session(Database& db, const std::string& application_name) {
    auto name = TRY(db.prepare("SELECT set_config('application_name', ?, false)"));
    name.bind(1, application_name);
    TRY_VOID(name.run());
    // A leader whose host vanishes (no FIN, no RST) is noticed by the PostgreSQL server after
    // 2 s idle + 3 probes 1 s apart, or 5 s of unacknowledged data: its lock is free within ~5 s.
    return db.execute("SET tcp_keepalives_idle = 2; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 5000");
}

Result<bool> try_scheduler_lock(Database& db) {
    auto lock = TRY(db.prepare("SELECT pg_try_advisory_lock(?)"));
    lock.bind(1, kSchedulerLockKey);
    TRY(lock.step());
    const bool held = lock.column_int(0) != 0;
    lock.reset();
    return held;
}

Result<void> ping_leader_session(Database& db) {
    auto ping = TRY(db.prepare("SELECT 1"));
    TRY(ping.step());
    ping.reset();
    return {};
}

Result<std::int64_t> scheduler_leader_pid(Database& db) {
    // An advisory lock's 64-bit key shows in pg_locks as classid (high half) and objid (low half).
    auto leader = TRY(db.prepare(
        "SELECT activity.application_name FROM pg_locks held JOIN pg_stat_activity activity ON activity.pid = held.pid "
        "WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 1 AND held.database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND held.classid::bigint = (? >> 32) AND held.objid::bigint = (? & 4294967295)"));
    leader.bind(1, kSchedulerLockKey).bind(2, kSchedulerLockKey);
    std::int64_t pid = 0;
    while (TRY(leader.step())) {
        const std::string name = leader.column_text(0);
        if (const auto at = name.find("pid="); at != std::string::npos) pid = std::atoll(name.c_str() + at + 4);
    }
    return pid;
}

}  // namespace kimonet::store
