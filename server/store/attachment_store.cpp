#include "store/attachment_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kAttachmentColumns =
    "SELECT id, owner_kind, owner_id, purpose, stored_name, content_type, size_bytes, sha256, uploaded_by_type, uploaded_by_id, "
    "uploaded_by_name, created_at FROM attachments ";

AttachmentRow attachment_of(const Statement& row) {
    AttachmentRow attachment;
    attachment.id = row.column_int(0);
    attachment.owner_kind = row.column_text(1);
    attachment.owner_id = row.column_int(2);
    attachment.purpose = row.column_text(3);
    attachment.stored_name = row.column_text(4);
    attachment.content_type = row.column_text(5);
    attachment.size_bytes = row.column_int(6);
    attachment.sha256 = row.column_text(7);
    attachment.uploaded_by_type = row.column_text(8);
    attachment.uploaded_by_id = row.column_optional_int(9);
    attachment.uploaded_by_name = row.column_text(10);
    attachment.created_at = row.column_int(11);
    return attachment;
}

}  // namespace

Result<std::int64_t> insert_attachment(Database& db, const AttachmentRow& attachment) {
    auto insert = TRY(db.prepare(
        "INSERT INTO attachments(owner_kind, owner_id, purpose, stored_name, content_type, size_bytes, sha256, uploaded_by_type, "
        "uploaded_by_id, uploaded_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.bind(1, attachment.owner_kind).bind(2, attachment.owner_id).bind(3, attachment.purpose).bind(4, attachment.stored_name);
    insert.bind(5, attachment.content_type).bind(6, attachment.size_bytes).bind(7, attachment.sha256).bind(8, attachment.uploaded_by_type);
    insert.bind(9, attachment.uploaded_by_id).bind(10, attachment.uploaded_by_name).bind(11, attachment.created_at);
    TRY(insert.step());
    return insert.column_int(0);
}

Result<std::optional<AttachmentRow>> find_attachment(Database& db, std::int64_t attachment_id) {
    auto statement = TRY(db.prepare(std::string(kAttachmentColumns) + "WHERE id = ?"));
    statement.bind(1, attachment_id);
    if (!TRY(statement.step())) return std::optional<AttachmentRow>();
    return std::optional<AttachmentRow>(attachment_of(statement));
}

Result<std::vector<AttachmentRow>> owner_attachments(Database& db, std::string_view owner_kind, std::int64_t owner_id) {
    auto statement = TRY(db.prepare(std::string(kAttachmentColumns) + "WHERE owner_kind = ? AND owner_id = ? ORDER BY id"));
    statement.bind(1, owner_kind).bind(2, owner_id);
    std::vector<AttachmentRow> out;
    while (TRY(statement.step())) out.push_back(attachment_of(statement));
    return out;
}

Result<std::int64_t> count_owner_attachments(Database& db, std::string_view owner_kind, std::int64_t owner_id) {
    auto statement = TRY(db.prepare("SELECT COUNT(*) FROM attachments WHERE owner_kind = ? AND owner_id = ?"));
    statement.bind(1, owner_kind).bind(2, owner_id);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<void> delete_attachment_row(Database& db, std::int64_t attachment_id) {
    auto statement = TRY(db.prepare("DELETE FROM attachments WHERE id = ?"));
    statement.bind(1, attachment_id);
    return statement.run();
}

}  // namespace kimonet::store
