#pragma once
// Attachments (attachments, migration 0038): the rows describing uploaded files that belong to a
// record of some kind (owner_kind "ticket", "job", ... and owner_id). The files themselves are the
// attachment service's (services/attachments.hpp). Functions that write assume the caller holds
// the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct AttachmentRow {
    std::int64_t id = 0;
    std::string owner_kind;
    std::int64_t owner_id = 0;
    std::string purpose;  // "photo", "signature", ...: the owner's feature decides
    std::string stored_name;  // ours: random hex and the type's extension
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::string sha256;
    std::string uploaded_by_type;
    std::optional<std::int64_t> uploaded_by_id;
    std::string uploaded_by_name;
    std::int64_t created_at = 0;
};

// Gives the new row's id.
Result<std::int64_t> insert_attachment(Database& db, const AttachmentRow& attachment);
Result<std::optional<AttachmentRow>> find_attachment(Database& db, std::int64_t attachment_id);
// The owner's attachments, oldest first.
Result<std::vector<AttachmentRow>> owner_attachments(Database& db, std::string_view owner_kind, std::int64_t owner_id);
Result<std::int64_t> count_owner_attachments(Database& db, std::string_view owner_kind, std::int64_t owner_id);
Result<void> delete_attachment_row(Database& db, std::int64_t attachment_id);

}  // namespace kimonet::store
