#pragma once
// The benchmarks' way with their database: a fresh migrated SQLite file, and setup steps that
// stop the benchmark (exit 2, not a budget failure) when they fail.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "app/app.hpp"

namespace kimonet::bench {

inline void check(const Result<void>& result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, result.error().message().c_str());
        std::exit(2);
    }
}

// Removes what a previous run left at `path` and opens it migrated.
inline std::unique_ptr<store::Database> fresh_database(const std::string& path) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    auto db = app::open_migrated_database(path);
    if (!db) {
        std::fprintf(stderr, "open %s: %s\n", path.c_str(), db.error().message().c_str());
        std::exit(2);
    }
    return std::move(*db);
}

// A directory of this run's own: <argv[index], else the temp dir>/kimonet-bench-<name>-<pid>.
inline std::string run_directory(int argc, char** argv, int index, const std::string& name) {
    const std::string base = argc > index ? argv[index] : std::filesystem::temp_directory_path().string();
    const std::string path = base + "/kimonet-bench-" + name + "-" + std::to_string(::getpid());
    std::filesystem::create_directories(path);
    return path;
}

}  // namespace kimonet::bench
