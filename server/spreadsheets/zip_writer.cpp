#include "spreadsheets/zip_writer.hpp"

#include <zip.h>

#include "core/error_messages.hpp"

namespace kimonet::spreadsheets {

Result<std::string> zip_archive(const std::vector<std::pair<std::string, std::string>>& files) {
    const Error failed = make_error(ErrorCode::Internal, messages::with_detail(messages::kInternal, "zip"));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return failed;
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        return failed;
    }
    zip_source_keep(buffer);  // read back after zip_close
    for (const auto& [name, content] : files) {
        // The contents outlive zip_close below (libzip reads them then), so no copy is needed.
        zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!part || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
            if (part) zip_source_free(part);
            zip_discard(archive);
            zip_source_free(buffer);
            return failed;
        }
    }
    if (zip_close(archive) < 0) {
        zip_discard(archive);
        zip_source_free(buffer);
        return failed;
    }
    std::string bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        if (size > 0) {
            bytes.resize(static_cast<std::size_t>(size));
            if (zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) != size) bytes.clear();
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (bytes.empty()) return failed;
    return bytes;
}

}  // namespace kimonet::spreadsheets
