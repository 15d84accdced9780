// Attachments (services/attachments.hpp), the upload foundation of tickets and technician jobs:
// JPEG, PNG and WebP are recognised by their bytes and stored under the data directory with a name
// of ours, read back byte for byte; what is refused (empty, not an image, a disguised file, too
// large, past the per-owner count) stores nothing; a row naming a path outside the directory is
// never followed; a damaged file is not served; a deleted attachment's file is gone.
#include "core/attachment_messages.hpp"
#include "services/attachments.hpp"
#include "services/settings.hpp"
#include "store/attachment_store.hpp"
#include "support/test_images.hpp"
#include "support/test_server_support.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct AttachmentFixture {
    TestServer server{false};
    std::filesystem::path directory = services::attachments_directory(server.app().config());
    Result<store::ConnectionPool::Lease> lease = server.app().database();
    app::Context context = server.app().context(db(), app::Actor{"user", 1, "teknisi", "127.0.0.1"});

    store::Database& db() { return **lease; }
    services::AttachmentOwner ticket{"ticket", 7};

    std::size_t files_on_disk() const {
        if (!std::filesystem::exists(directory)) return 0;
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(directory), std::filesystem::directory_iterator()));
    }
    std::string file_field(const Result<store::AttachmentRow>& result) const {
        if (result.ok() || result.error().code != ErrorCode::ValidationFailed) return "(not a validation error)";
        const auto found = result.error().fields.find("file");
        return found == result.error().fields.end() ? "(no file field)" : found->second;
    }
    void set(const std::map<std::string, std::string>& values) {
        auto updated = services::update_settings(context, values);
        BOOST_TEST_REQUIRE(updated.ok(), (updated ? "" : updated.error().message()));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(attachments)

BOOST_AUTO_TEST_CASE(jpeg_png_and_webp_are_stored_under_a_random_name_in_the_data_directory_and_read_back_byte_for_byte) {
    AttachmentFixture fixture;
    const std::pair<std::string, std::string> images[] = {{test_jpeg(), "image/jpeg"}, {test_png(), "image/png"}, {test_webp(), "image/webp"}};
    for (const auto& [bytes, content_type] : images) {
        auto added = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", bytes);
        BOOST_TEST_REQUIRE(added.ok(), (added ? "" : added.error().message()));
        BOOST_TEST(added->content_type == content_type);
        BOOST_TEST(added->size_bytes == static_cast<std::int64_t>(bytes.size()));
        BOOST_TEST(added->uploaded_by_name == "teknisi");
        BOOST_TEST(added->created_at == fixture.server.clock().now());
        // Our name: 32 hex digits and the type's extension, in the attachments directory beside the database.
        BOOST_TEST(added->stored_name.size() > 33u);
        BOOST_TEST(added->stored_name.find_first_not_of("0123456789abcdef") == 32u);
        const auto path = fixture.directory / added->stored_name;
        BOOST_TEST(std::filesystem::is_regular_file(path));
        BOOST_TEST(((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) == std::filesystem::perms::none));
        auto read = services::read_attachment(fixture.db(), fixture.directory, fixture.ticket, added->id);
        BOOST_TEST_REQUIRE(read.ok(), (read ? "" : read.error().message()));
        BOOST_TEST((read->bytes == bytes));
        BOOST_TEST(read->row.content_type == content_type);
    }
    BOOST_TEST(fixture.directory.parent_path() == std::filesystem::path(fixture.server.secret_key_file()).parent_path());
    auto listed = services::list_attachments(fixture.db(), fixture.ticket);
    BOOST_TEST_REQUIRE(listed.ok());
    BOOST_TEST(listed->size() == 3u);
    BOOST_TEST(services::attachment_json(listed->front()).dump().find(listed->front().stored_name) == std::string::npos);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'attachment.add' AND subject_type = 'ticket' AND subject_id = 7") == "3");
}

BOOST_AUTO_TEST_CASE(empty_files_wrong_magic_and_disguised_or_truncated_images_are_refused_and_nothing_is_stored) {
    AttachmentFixture fixture;
    const std::string png = test_png(), jpeg = test_jpeg(), webp = test_webp();
    const std::pair<std::string, std::string> refused[] = {
        {"", messages::kAttachmentEmpty},
        {"hello, this is not a photo", messages::kAttachmentNotImage},
        {"GIF89a\x01\x00\x01\x00\x00\x00\x00;", messages::kAttachmentNotImage},
        {"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", messages::kAttachmentNotImage},
        {"<html><body>" + jpeg + "</body></html>", messages::kAttachmentNotImage},  // an image inside markup
        {png.substr(0, png.size() - 6), messages::kAttachmentNotImage},            // truncated: no whole IEND
        {png + "<script>alert(1)</script>", messages::kAttachmentNotImage},        // bytes after IEND
        {jpeg.substr(0, 20), messages::kAttachmentNotImage},                       // header only
        {std::string("\xff\xd8\xff\xe0\xff\xff", 6), messages::kAttachmentNotImage},  // a segment longer than the file
        {webp.substr(0, webp.size() - 4), messages::kAttachmentNotImage},          // RIFF size does not match
        {std::string("RIFF\x04\x00\x00\x00WAVE", 12), messages::kAttachmentNotImage},
        {std::string("\x89PNG\r\n\x1a\n", 8), messages::kAttachmentNotImage},     // the magic alone
    };
    const std::string before = fixture.server.snapshot();
    for (const auto& [bytes, message] : refused) {
        auto added = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", bytes);
        BOOST_TEST(fixture.file_field(added) == std::string(message));
    }
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.files_on_disk() == 0u);
}

BOOST_AUTO_TEST_CASE(the_size_limit_is_a_setting_and_an_image_at_the_limit_passes_while_one_byte_more_is_refused) {
    AttachmentFixture fixture;
    fixture.set({{"attachments_max_kb", "2"}});
    std::string at_limit = test_jpeg(0);
    at_limit = test_jpeg(2048 - at_limit.size());
    BOOST_TEST_REQUIRE(at_limit.size() == 2048u);
    auto fits = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", at_limit);
    BOOST_TEST(fits.ok(), (fits ? "" : fits.error().message()));
    const std::string before = fixture.server.snapshot();
    auto too_big = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_jpeg(2048 - test_jpeg(0).size() + 1));
    BOOST_TEST(fixture.file_field(too_big) == messages::with_detail(messages::kAttachmentTooLarge, "2 KB"));
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.files_on_disk() == 1u);
    // The default is 5 MB: a 5 MB photo passes, a larger one is refused.
    fixture.set({{"attachments_max_kb", "5120"}});
    BOOST_TEST(services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_jpeg((5u << 20) - 100)).ok());
    BOOST_TEST(fixture.file_field(services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_jpeg(5u << 20))) ==
               messages::with_detail(messages::kAttachmentTooLarge, "5120 KB"));
}

BOOST_AUTO_TEST_CASE(the_per_owner_count_limit_refuses_the_next_upload_but_not_another_owners) {
    AttachmentFixture fixture;
    fixture.set({{"attachments_per_owner", "2"}});
    BOOST_TEST(services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_png()).ok());
    BOOST_TEST(services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "signature", test_webp()).ok());
    const std::string before = fixture.server.snapshot();
    auto third = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_jpeg());
    BOOST_TEST(fixture.file_field(third) == messages::with_detail(messages::kAttachmentLimitReached, "2"));
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.files_on_disk() == 2u);  // the refused upload's file was removed again
    BOOST_TEST(services::add_attachment(fixture.context, fixture.directory, services::AttachmentOwner{"job", 7}, "photo", test_jpeg()).ok());
}

BOOST_AUTO_TEST_CASE(bad_settings_purposes_and_owner_kinds_are_refused) {
    AttachmentFixture fixture;
    for (const std::string value : {"0", "-5", "abc", "20481", "5 MB", ""}) {
        auto updated = services::update_settings(fixture.context, {{"attachments_max_kb", value}});
        BOOST_TEST(!updated.ok(), value);
    }
    BOOST_TEST(!services::update_settings(fixture.context, {{"attachments_per_owner", "101"}}).ok());
    for (const std::string& purpose : std::vector<std::string>{"", "../photo", "Photo", std::string(33, 'a')}) {
        auto added = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, purpose, test_png());
        BOOST_TEST_REQUIRE(!added.ok());
        BOOST_TEST(added.error().fields.count("purpose") == 1u, purpose);
    }
    BOOST_TEST(!services::add_attachment(fixture.context, fixture.directory, services::AttachmentOwner{"../etc", 1}, "photo", test_png()).ok());
    BOOST_TEST(!services::add_attachment(fixture.context, fixture.directory, services::AttachmentOwner{"ticket", 0}, "photo", test_png()).ok());
    BOOST_TEST(fixture.files_on_disk() == 0u);
}

BOOST_AUTO_TEST_CASE(another_owners_id_a_stored_path_outside_the_directory_and_a_damaged_file_are_never_served) {
    AttachmentFixture fixture;
    auto added = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_png());
    BOOST_TEST_REQUIRE(added.ok());
    // Another owner asking for this id: not found, as for an id that does not exist.
    auto other = services::read_attachment(fixture.db(), fixture.directory, services::AttachmentOwner{"ticket", 8}, added->id);
    BOOST_TEST_REQUIRE(!other.ok());
    BOOST_TEST(other.error().message() == messages::kAttachmentNotFound);
    BOOST_TEST(!services::read_attachment(fixture.db(), fixture.directory, services::AttachmentOwner{"job", 7}, added->id).ok());
    BOOST_TEST(!services::read_attachment(fixture.db(), fixture.directory, fixture.ticket, added->id + 100).ok());

    // A row naming the secret key file (written into the database by someone who could): never read.
    for (const std::string name : {"../secret.key", "/etc/passwd", "secret.key", "0123456789abcdef0123456789abcdef.jpg/../../secret.key"}) {
        store::AttachmentRow planted = *added;
        planted.stored_name = name;
        std::int64_t planted_id = 0;
        BOOST_TEST_REQUIRE(fixture.db().transaction([&]() -> Result<void> {
            planted_id = TRY(store::insert_attachment(fixture.db(), planted));
            return {};
        }).ok());
        auto read = services::read_attachment(fixture.db(), fixture.directory, fixture.ticket, planted_id);
        BOOST_TEST_REQUIRE(!read.ok(), name);
        BOOST_TEST(read.error().message() == messages::kAttachmentFileDamaged);
    }

    // The file changed on disk (same size, other bytes): refused, not served.
    {
        std::fstream file(fixture.directory / added->stored_name, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(20);
        file.put('\x7f');
    }
    auto damaged = services::read_attachment(fixture.db(), fixture.directory, fixture.ticket, added->id);
    BOOST_TEST_REQUIRE(!damaged.ok());
    BOOST_TEST(damaged.error().message() == messages::kAttachmentFileDamaged);
}

BOOST_AUTO_TEST_CASE(a_removed_attachment_loses_its_row_and_its_file_and_another_owner_cannot_remove_it) {
    AttachmentFixture fixture;
    auto added = services::add_attachment(fixture.context, fixture.directory, fixture.ticket, "photo", test_jpeg());
    BOOST_TEST_REQUIRE(added.ok());
    const std::string before = fixture.server.snapshot();
    BOOST_TEST(!services::remove_attachment(fixture.context, fixture.directory, services::AttachmentOwner{"ticket", 8}, added->id).ok());
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.files_on_disk() == 1u);
    auto removed = services::remove_attachment(fixture.context, fixture.directory, fixture.ticket, added->id);
    BOOST_TEST_REQUIRE(removed.ok(), (removed ? "" : removed.error().message()));
    BOOST_TEST(fixture.files_on_disk() == 0u);
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM attachments") == "0");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'attachment.delete'") == "1");
    auto read = services::read_attachment(fixture.db(), fixture.directory, fixture.ticket, added->id);
    BOOST_TEST_REQUIRE(!read.ok());
    BOOST_TEST(read.error().message() == messages::kAttachmentNotFound);
}

BOOST_AUTO_TEST_SUITE_END()
