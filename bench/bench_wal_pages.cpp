#include "bench_wal_pages.hpp"

#include <cstdint>
#include <fstream>
#include <algorithm>
#include <vector>

namespace kimonet::bench {

namespace {

std::uint32_t big_endian(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

// The page number of each of the WAL's frames of its current generation (the frame's salts are the
// header's; format: sqlite.org/fileformat2.html#walformat).
std::vector<std::uint32_t> pages_in_wal(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::vector<unsigned char> header(32);
    std::vector<std::uint32_t> pages;
    if (!file.read(reinterpret_cast<char*>(header.data()), 32)) return pages;
    const std::uint32_t page_size = big_endian(header.data() + 8);
    std::vector<unsigned char> frame(24 + std::size_t{page_size});
    while (file.read(reinterpret_cast<char*>(frame.data()), static_cast<std::streamsize>(frame.size()))) {
        if (!std::equal(frame.begin() + 8, frame.begin() + 16, header.begin() + 16)) break;
        pages.push_back(big_endian(frame.data()));
    }
    return pages;
}

}  // namespace

bool truncate_wal(store::Database& db) {
    auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!checkpoint || !checkpoint->step().value_or(false)) return false;
    return checkpoint->column_int(0) == 0;  // 0: not blocked by a reader or writer
}

std::map<std::string, int> wal_pages_by_btree(store::Database& db) {
    std::map<std::string, int> named;
    const std::vector<std::uint32_t> pages = pages_in_wal(db.path() + "-wal");
    std::map<std::uint32_t, std::string> owner;
    if (auto rows = db.prepare("SELECT name, pageno FROM dbstat")) {
        while (rows->step().value_or(false)) owner[static_cast<std::uint32_t>(rows->column_int(1))] = rows->column_text(0);
    }
    for (std::uint32_t page : pages) {
        auto found = owner.find(page);
        ++named[found == owner.end() ? std::string("(freelist)") : found->second];
    }
    return named;
}

}  // namespace kimonet::bench
