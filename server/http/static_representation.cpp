#include "http/static_representation.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "security/crypto.hpp"

namespace kimonet::http {

namespace {

// What identifies one version of a file without reading it. ctime is in it because tools that
// copy a file can set its mtime back (cp -p, rsync -t), but nothing sets ctime.
struct FileStamp {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec modified{};
    timespec changed{};

    bool operator==(const FileStamp& other) const {
        return device == other.device && inode == other.inode && size == other.size && modified.tv_sec == other.modified.tv_sec &&
               modified.tv_nsec == other.modified.tv_nsec && changed.tv_sec == other.changed.tv_sec &&
               changed.tv_nsec == other.changed.tv_nsec;
    }
};

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return FileStamp{info.st_dev, info.st_ino, info.st_size, info.st_mtim, info.st_ctim};
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(bytes).str();
}

struct SiblingFacts {
    FileStamp stamp;
    bool decodes_to_source = false;
};

// What is known about one source file at one stamp.
struct FileFacts {
    FileStamp stamp;
    std::string version;
    std::map<ContentCoding, SiblingFacts> siblings;
};

// Facts per canonical path. The web and landing roots hold a few dozen files; the bound only
// keeps a root that is changed all the time (or a huge one) from growing the map without end.
class FactCache {
public:
    std::optional<FileFacts> find(const std::string& path, const FileStamp& stamp) {
        std::lock_guard lock(m_mutex);
        const auto found = m_facts.find(path);
        if (found == m_facts.end() || !(found->second.stamp == stamp)) return std::nullopt;
        return found->second;
    }
    void keep(const std::string& path, FileFacts facts) {
        std::lock_guard lock(m_mutex);
        if (m_facts.size() >= kMaxFiles && !m_facts.contains(path)) m_facts.clear();
        m_facts[path] = std::move(facts);
    }

private:
    static constexpr std::size_t kMaxFiles = 1024;
    std::mutex m_mutex;
    std::unordered_map<std::string, FileFacts> m_facts;
};

FactCache& fact_cache() {
    static FactCache cache;
    return cache;
}

std::filesystem::path sibling_of(const std::filesystem::path& file, ContentCoding coding) {
    return std::filesystem::path(file.string() + std::string(coding_suffix(coding)));
}

// One attempt: nullopt when a file changed while it was read (the caller tries again).
std::optional<Representation> try_representation(const std::filesystem::path& file, const FileStamp& stamp,
                                                 const std::vector<ContentCoding>& accepted,
                                                 const std::function<bool(const std::filesystem::path&)>& sibling_allowed,
                                                 bool& unreadable) {
    FileFacts facts = fact_cache().find(file.string(), stamp).value_or(FileFacts{stamp, {}, {}});
    std::optional<std::string> source_bytes;
    const auto source = [&]() -> const std::string* {
        if (!source_bytes) source_bytes = read_whole(file);
        return source_bytes ? &*source_bytes : nullptr;
    };
    if (facts.version.empty()) {
        const std::string* bytes = source();
        if (!bytes) {
            unreadable = true;
            return std::nullopt;
        }
        facts.version = security::sha256_hex(*bytes).substr(0, 16);
    }
    Representation chosen;
    std::optional<FileStamp> chosen_stamp;
    for (const ContentCoding coding : accepted) {
        const auto sibling = sibling_of(file, coding);
        const auto sibling_stamp = stamp_of(sibling);
        if (!sibling_stamp || !sibling_allowed(sibling)) continue;
        const auto known = facts.siblings.find(coding);
        std::optional<std::string> sibling_bytes;
        if (known == facts.siblings.end() || !(known->second.stamp == *sibling_stamp)) {
            sibling_bytes = read_whole(sibling);
            const std::string* bytes = source();
            const bool same = sibling_bytes && bytes && decodes_to(coding, *sibling_bytes, *bytes);
            if (!same)
                std::fprintf(stderr, "static files: %s is not %s's content (left by an older build?); not served\n",
                             sibling.c_str(), file.filename().c_str());
            facts.siblings[coding] = SiblingFacts{*sibling_stamp, same};
        }
        if (!facts.siblings[coding].decodes_to_source) continue;
        if (!sibling_bytes) sibling_bytes = read_whole(sibling);
        if (!sibling_bytes) continue;
        chosen.coding = coding;
        chosen.bytes = std::move(*sibling_bytes);
        chosen_stamp = sibling_stamp;
        break;
    }
    if (chosen.coding == ContentCoding::Identity) {
        const std::string* bytes = source();
        if (!bytes) {
            unreadable = true;
            return std::nullopt;
        }
        chosen.bytes = *bytes;
    }
    // Both files still the ones the facts and bytes are about: a build replacing them meanwhile
    // would otherwise pair new bytes with an old tag or an unchecked sibling.
    if (!(stamp_of(file) == stamp)) return std::nullopt;
    if (chosen_stamp && !(stamp_of(sibling_of(file, chosen.coding)) == chosen_stamp)) return std::nullopt;
    chosen.source_size = static_cast<std::size_t>(stamp.size);
    const std::string_view name = coding_name(chosen.coding);
    chosen.etag = "\"" + facts.version + (name.empty() ? "" : "-" + std::string(name)) + "\"";
    fact_cache().keep(file.string(), std::move(facts));
    return chosen;
}

}  // namespace

std::optional<Representation> current_representation(const std::filesystem::path& file,
                                                     const std::vector<ContentCoding>& accepted,
                                                     const std::function<bool(const std::filesystem::path&)>& sibling_allowed) {
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto stamp = stamp_of(file);
        if (!stamp) return std::nullopt;
        bool unreadable = false;
        if (auto chosen = try_representation(file, *stamp, accepted, sibling_allowed, unreadable)) return chosen;
        if (unreadable) return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace kimonet::http
