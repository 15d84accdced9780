#pragma once
// Attachments: images uploaded for a record of some kind (a ticket's photos, a job's photos and the
// customer's signature), one service for every feature that has them. An upload is accepted only
// when its bytes are a JPEG, PNG or WebP (recognised by their structure, never by a file name or
// the Content-Type the client sent), within the size limit (setting attachments_max_kb) and the
// per-owner count (attachments_per_owner). The file is stored under the data directory with a
// random name of ours (never a name or path from the request); the row (migration 0038) keeps its
// size and SHA-256, which a read checks again. Who may see or add an owner's attachments is the
// owner feature's rule: it checks that first and then calls these functions with the owner.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "app/config.hpp"
#include "app/context.hpp"
#include "store/attachment_store.hpp"

namespace kimonet::services {

// The largest upload any setting allows (a route's max_body): attachments_max_kb is at most this.
inline constexpr std::int64_t kAttachmentCeilingKb = 20480;
inline constexpr std::size_t kAttachmentUploadMaxBody = static_cast<std::size_t>(kAttachmentCeilingKb) << 10;

// What an attachment belongs to: a kind ("ticket", "job": 1-32 lowercase letters or _) and its id.
struct AttachmentOwner {
    std::string kind;
    std::int64_t id = 0;
};

// The image type of `bytes` (content type and our file extension), or nothing when they are not
// a whole JPEG, PNG or WebP.
struct AttachmentImageType {
    std::string_view content_type;
    std::string_view extension;
};
std::optional<AttachmentImageType> attachment_image_type(std::string_view bytes);

// <data directory>/attachments: beside the SQLite file, or with PostgreSQL beside the secret key
// file (data/ by default).
std::filesystem::path attachments_directory(const app::Config& config);

struct AttachmentLimits {
    std::int64_t max_bytes = 0;
    std::int64_t max_per_owner = 0;
};
Result<AttachmentLimits> attachment_limits(store::Database& db);
// Why a value of an attachments_* setting is unacceptable (services/settings.cpp asks).
std::optional<std::string> attachment_setting_problem(std::string_view key, std::string_view value);

// Checks and stores the image, inserts its row and logs "attachment.add" (in the caller's
// transaction when there is one). 422 {file: …} when refused (empty, not an image, too large,
// the owner's limit reached); nothing is stored then.
Result<store::AttachmentRow> add_attachment(app::Context& context, const std::filesystem::path& directory, const AttachmentOwner& owner,
                                            std::string_view purpose, std::string_view bytes);
// The owner's attachments, oldest first.
Result<std::vector<store::AttachmentRow>> list_attachments(store::Database& db, const AttachmentOwner& owner);
// One of the owner's attachments with its bytes; 404 when the id is not the owner's, 500 when the
// file is missing or is not what was stored.
struct AttachmentFile {
    store::AttachmentRow row;
    std::string bytes;
};
Result<AttachmentFile> read_attachment(store::Database& db, const std::filesystem::path& directory, const AttachmentOwner& owner,
                                       std::int64_t attachment_id);
// Deletes the row (logged "attachment.delete") and, after the commit, the file; 404 when the id
// is not the owner's.
Result<void> remove_attachment(app::Context& context, const std::filesystem::path& directory, const AttachmentOwner& owner,
                               std::int64_t attachment_id);

// The row as the API shows it: id, purpose, content_type, size_bytes, sha256, uploaded_by, created_at
// (never the stored file name).
api::Json attachment_json(const store::AttachmentRow& attachment);

}  // namespace kimonet::services
