#pragma once
// For the auth-domain store files: runs an `INSERT … RETURNING id` (portable on both engines,
// unlike last_insert_id) and gives the new row's id.
#include <cstdint>

#include "store/database.hpp"

namespace kimonet::store::detail {

inline Result<std::int64_t> run_returning_id(Statement& insert) {
    if (!TRY(insert.step())) return make_error(ErrorCode::Internal);  // cannot happen: an INSERT that succeeds returns its row
    const std::int64_t id = insert.column_int(0);
    TRY_VOID(insert.run());  // finish the statement: it holds no read afterwards
    return id;
}

}  // namespace kimonet::store::detail
