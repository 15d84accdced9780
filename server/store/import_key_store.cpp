#include "store/import_key_store.hpp"

namespace kimonet::store {

Result<std::map<std::string, ImportKey>> import_keys_of(Database& db, const std::string& source, const std::string& kind) {
    auto statement = TRY(db.prepare("SELECT external_id, entity_id, fingerprint FROM import_keys WHERE source = ? AND kind = ?"));
    statement.bind(1, source).bind(2, kind);
    std::map<std::string, ImportKey> keys;
    while (TRY(statement.step())) keys[statement.column_text(0)] = {statement.column_int(1), statement.column_text(2)};
    return keys;
}

Result<void> record_import_key(Database& db, const std::string& source, const std::string& kind, const std::string& external_id,
                               std::int64_t entity_id, const std::string& fingerprint, std::int64_t now) {
    auto statement = TRY(db.prepare("INSERT INTO import_keys(source, kind, external_id, entity_id, fingerprint, imported_at) VALUES (?,?,?,?,?,?)"));
    statement.bind(1, source).bind(2, kind).bind(3, external_id).bind(4, entity_id).bind(5, fingerprint).bind(6, now);
    TRY(statement.step());
    return {};
}

}  // namespace kimonet::store
