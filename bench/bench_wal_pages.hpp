#pragma once
// Which b-trees (tables and indexes) a SQLite write transaction wrote: the WAL's frames since a
// truncating checkpoint, each page named by SQLite's own `dbstat` table. For a benchmark that
// counts pages per operation (bench_payments) to say where they go, not only how many.
#include <map>
#include <string>

#include "store/database.hpp"

namespace kimonet::bench {

// Empties the WAL (PRAGMA wal_checkpoint(TRUNCATE)): the next commit's frames start at its head.
// false when the checkpoint could not run whole (another connection reading).
bool truncate_wal(store::Database& db);

// The WAL's frames (pages written: a page that several commits wrote counts once per commit), by
// the name of the b-tree that owns each page now; pages no b-tree owns (the freelist) as
// "(freelist)". Page 1 is sqlite_schema's: a commit writes it when the file grows. The WAL must
// not have been checkpointed since truncate_wal (keep under SQLite's 1,000-frame autocheckpoint).
std::map<std::string, int> wal_pages_by_btree(store::Database& db);

}  // namespace kimonet::bench
