#include "services/attachments.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/attachment_messages.hpp"
#include "security/crypto.hpp"
#include "security/random_bytes.hpp"
#include "services/activity_log.hpp"
#include "services/settings.hpp"

namespace kimonet::services {
namespace {

std::uint32_t attachment_big_endian32(std::string_view bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

std::uint32_t attachment_little_endian32(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24);
}

// PNG: the signature, IHDR first, every chunk in bounds, IEND last with nothing after it.
bool is_whole_png(std::string_view bytes) {
    static constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.substr(0, 8) != kPngSignature) return false;
    std::size_t at = 8;
    bool first = true;
    while (at + 12 <= bytes.size()) {
        const std::uint32_t length = attachment_big_endian32(bytes, at);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (!std::all_of(type.begin(), type.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) return false;
        if (length > bytes.size() - at - 12) return false;
        if (first && (type != "IHDR" || length != 13)) return false;
        first = false;
        at += 12 + length;
        if (type == "IEND") return at == bytes.size();
    }
    return false;
}

// JPEG: SOI, then marker segments in bounds up to the start of scan, with a frame header before
// it. Bytes after the end of image are allowed: phone cameras append their own trailers.
bool is_whole_jpeg(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.substr(0, 3) != std::string_view("\xff\xd8\xff", 3)) return false;
    bool frame_seen = false;
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xff) return false;
        const unsigned marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xff) {  // fill byte
            ++at;
            continue;
        }
        const std::size_t length = (static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) | static_cast<unsigned char>(bytes[at + 3]);
        if (length < 2 || at + 2 + length > bytes.size()) return false;
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) frame_seen = length >= 8;
        if (marker == 0xda) return frame_seen && at + 2 + length < bytes.size();  // start of scan, with scan data after it
        at += 2 + length;
    }
    return false;
}

// WebP: a RIFF container whose size is the file's, of form WEBP, starting with a VP8, VP8L or VP8X chunk.
bool is_whole_webp(std::string_view bytes) {
    if (bytes.size() < 20 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WEBP") return false;
    if (static_cast<std::size_t>(attachment_little_endian32(bytes, 4)) + 8 != bytes.size()) return false;
    const std::string_view chunk = bytes.substr(12, 4);
    if (chunk != "VP8 " && chunk != "VP8L" && chunk != "VP8X") return false;
    return static_cast<std::size_t>(attachment_little_endian32(bytes, 16)) <= bytes.size() - 20;
}

bool is_attachment_word(std::string_view text) {
    return !text.empty() && text.size() <= 32 && std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// Our stored names only: 32 hex digits and one of our extensions. A row naming anything else
// (edited by hand, or an attack on the database) is never turned into a path.
bool is_stored_name(std::string_view name) {
    const auto dot = name.find('.');
    if (dot != 32) return false;
    const std::string_view stem = name.substr(0, 32), extension = name.substr(33);
    return std::all_of(stem.begin(), stem.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }) &&
           (extension == "jpg" || extension == "png" || extension == "webp");
}

Error attachment_field_error(std::string message) {
    FieldErrors fields;
    fields["file"] = std::move(message);
    return validation_error(std::move(fields));
}

Result<void> write_new_file(const std::filesystem::path& path, std::string_view bytes) {
    // O_EXCL|O_NOFOLLOW|0600: a new file of ours, never someone's link, readable by the server only.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(ErrorCode::Internal, messages::with_detail(messages::kAttachmentStoreFailed, std::strerror(errno)));
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            ::unlink(path.c_str());
            return make_error(ErrorCode::Internal, messages::with_detail(messages::kAttachmentStoreFailed, reason));
        }
        written += static_cast<std::size_t>(count);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        ::unlink(path.c_str());
        return make_error(ErrorCode::Internal, messages::kAttachmentStoreFailed);
    }
    return {};
}

// At most `limit` bytes of the file (one more tells that it is longer than it should be).
std::optional<std::string> read_small_file(const std::filesystem::path& path, std::size_t limit) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string bytes;
    char buffer[65536];
    while (bytes.size() <= limit) {
        const ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (count == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(fd);
    return bytes;
}

Result<store::AttachmentRow> owned_attachment(store::Database& db, const AttachmentOwner& owner, std::int64_t attachment_id) {
    auto row = TRY(store::find_attachment(db, attachment_id));
    if (!row || row->owner_kind != owner.kind || row->owner_id != owner.id) return make_error(ErrorCode::NotFound, messages::kAttachmentNotFound);
    return *row;
}

}  // namespace

std::optional<AttachmentImageType> attachment_image_type(std::string_view bytes) {
    if (is_whole_jpeg(bytes)) return AttachmentImageType{"image/jpeg", "jpg"};
    if (is_whole_png(bytes)) return AttachmentImageType{"image/png", "png"};
    if (is_whole_webp(bytes)) return AttachmentImageType{"image/webp", "webp"};
    return std::nullopt;
}

std::filesystem::path attachments_directory(const app::Config& config) {
    const std::string database_file = store::sqlite_file(config.db_path);
    std::filesystem::path base = !database_file.empty()         ? std::filesystem::path(database_file).parent_path()
                                 : !config.secret_key_file.empty() ? std::filesystem::path(config.secret_key_file).parent_path()
                                                                   : std::filesystem::path("data");
    if (base.empty()) base = ".";
    return base / "attachments";
}

Result<AttachmentLimits> attachment_limits(store::Database& db) {
    AttachmentLimits limits;
    limits.max_bytes = std::clamp<std::int64_t>(TRY(get_setting_int(db, "attachments_max_kb")), 1, kAttachmentCeilingKb) << 10;
    limits.max_per_owner = std::clamp<std::int64_t>(TRY(get_setting_int(db, "attachments_per_owner")), 1, 100);
    return limits;
}

std::optional<std::string> attachment_setting_problem(std::string_view key, std::string_view value) {
    const bool size = key == "attachments_max_kb";
    const std::int64_t number = std::atoll(std::string(value).c_str());
    if (std::to_string(number) != value || number < 1 || number > (size ? kAttachmentCeilingKb : 100))
        return std::string(size ? messages::kAttachmentMaxKb : messages::kAttachmentPerOwner);
    return std::nullopt;
}

Result<store::AttachmentRow> add_attachment(app::Context& context, const std::filesystem::path& directory, const AttachmentOwner& owner,
                                            std::string_view purpose, std::string_view bytes) {
    if (!is_attachment_word(owner.kind) || owner.id <= 0) return make_error(ErrorCode::Internal, messages::kAttachmentKindFormat);
    if (!is_attachment_word(purpose)) {
        FieldErrors fields;
        fields["purpose"] = messages::kAttachmentKindFormat;
        return validation_error(std::move(fields));
    }
    if (bytes.empty()) return attachment_field_error(messages::kAttachmentEmpty);
    const AttachmentLimits limits = TRY(attachment_limits(context.db));
    if (static_cast<std::int64_t>(bytes.size()) > limits.max_bytes)
        return attachment_field_error(messages::with_detail(messages::kAttachmentTooLarge, std::to_string(limits.max_bytes >> 10) + " KB"));
    const auto type = attachment_image_type(bytes);
    if (!type) return attachment_field_error(messages::kAttachmentNotImage);

    store::AttachmentRow row;
    row.owner_kind = owner.kind;
    row.owner_id = owner.id;
    row.purpose = std::string(purpose);
    row.stored_name = security::to_hex(security::random_bytes(16)) + "." + std::string(type->extension);
    row.content_type = std::string(type->content_type);
    row.size_bytes = static_cast<std::int64_t>(bytes.size());
    row.sha256 = security::sha256_hex(bytes);
    row.uploaded_by_type = context.actor.type;
    if (context.actor.id > 0) row.uploaded_by_id = context.actor.id;
    row.uploaded_by_name = context.actor.name;
    row.created_at = context.now;

    std::error_code ignored;
    if (std::filesystem::create_directories(directory, ignored))  // new: for the server's user only
        std::filesystem::permissions(directory, std::filesystem::perms::owner_all, ignored);
    const std::filesystem::path file = directory / row.stored_name;
    TRY_VOID(write_new_file(file, bytes));
    // The count is checked inside the write transaction (one writer at a time), so two uploads at
    // once cannot both take the last place.
    auto added = context.db.transaction([&]() -> Result<void> {
        if (TRY(store::count_owner_attachments(context.db, owner.kind, owner.id)) >= limits.max_per_owner)
            return attachment_field_error(messages::with_detail(messages::kAttachmentLimitReached, std::to_string(limits.max_per_owner)));
        row.id = TRY(store::insert_attachment(context.db, row));
        return log_activity(context, "attachment.add", owner.kind, owner.id, api::Json(),
                            {{"attachment_id", row.id}, {"purpose", row.purpose}, {"content_type", row.content_type}, {"size_bytes", row.size_bytes}});
    });
    if (!added) {
        std::filesystem::remove(file, ignored);
        return added.error();
    }
    return row;
}

Result<std::vector<store::AttachmentRow>> list_attachments(store::Database& db, const AttachmentOwner& owner) {
    return store::owner_attachments(db, owner.kind, owner.id);
}

Result<AttachmentFile> read_attachment(store::Database& db, const std::filesystem::path& directory, const AttachmentOwner& owner,
                                       std::int64_t attachment_id) {
    AttachmentFile out{TRY(owned_attachment(db, owner, attachment_id)), {}};
    if (!is_stored_name(out.row.stored_name)) return make_error(ErrorCode::Internal, messages::kAttachmentFileDamaged);
    auto bytes = read_small_file(directory / out.row.stored_name, static_cast<std::size_t>(out.row.size_bytes));
    if (!bytes || static_cast<std::int64_t>(bytes->size()) != out.row.size_bytes ||
        !security::constant_time_equals(security::sha256_hex(*bytes), out.row.sha256))
        return make_error(ErrorCode::Internal, messages::kAttachmentFileDamaged);
    out.bytes = std::move(*bytes);
    return out;
}

Result<void> remove_attachment(app::Context& context, const std::filesystem::path& directory, const AttachmentOwner& owner,
                               std::int64_t attachment_id) {
    return context.db.transaction([&]() -> Result<void> {
        const store::AttachmentRow row = TRY(owned_attachment(context.db, owner, attachment_id));
        TRY_VOID(store::delete_attachment_row(context.db, row.id));
        TRY_VOID(log_activity(context, "attachment.delete", owner.kind, owner.id,
                              {{"attachment_id", row.id}, {"purpose", row.purpose}, {"sha256", row.sha256}}, api::Json()));
        // The file goes once the row is gone for good; a crash before that leaves an unnamed file, never a row without one.
        if (is_stored_name(row.stored_name)) {
            context.db.after_commit([file = directory / row.stored_name] {
                std::error_code ignored;
                std::filesystem::remove(file, ignored);
            });
        }
        return {};
    });
}

api::Json attachment_json(const store::AttachmentRow& attachment) {
    return {{"id", attachment.id},
            {"purpose", attachment.purpose},
            {"content_type", attachment.content_type},
            {"size_bytes", attachment.size_bytes},
            {"sha256", attachment.sha256},
            {"uploaded_by", attachment.uploaded_by_name},
            {"uploaded_by_type", attachment.uploaded_by_type},
            {"created_at", attachment.created_at}};
}

}  // namespace kimonet::services
