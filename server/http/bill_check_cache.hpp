#pragma once
// The public bill check's answers, kept in memory (issue 17: the check must cost little more than
// /api/health; on PostgreSQL one round trip to the database costs more than a whole health
// request). What it keeps and for how long:
//  - only answers for numbers that exist (a 404 is asked of the database every time), so a
//    caller trying random numbers neither grows it nor pushes anything out; the per-IP rate limit
//    runs before it, exactly as before, so sweeping real numbers costs a caller time;
//  - at most kMaxEntries answers and kMaxBytes of keys and kept bytes; when full, the oldest go first;
//  - everything is forgotten when store::ChangeWatch's generation moves: any commit on this
//    server's pool (at once, before the writer's caller goes on), any commit by another server or
//    process (as soon as the watch hears of it);
//  - nothing is served unless the watch has looked within kWindow: an answer is never older than
//    what any other server or process committed kWindow ago. With no watch (it could not start)
//    nothing is kept.
// The rate-limit setting the public routes read per request is kept the same way.
// With a `wire` function (the server's), what is kept of an answer is the whole HTTP response the
// transport writes for it (issue 23: a kept answer is then one lookup and one write, see
// http/prepared_answers.hpp); the body is its tail.
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "store/change_watch.hpp"
#include "store/database.hpp"

namespace kimonet::http {

class BillCheckCache {
public:
    static constexpr std::size_t kMaxEntries = 200'000;
    static constexpr std::size_t kMaxBytes = 64u << 20;
    static constexpr std::chrono::milliseconds kWindow{500};

    // The watch starts with the first answer asked for (a server that never serves a check opens
    // no extra connection).
    // `window`: kWindow in the server; the tests of its bounds give a long one, so that a test
    // thread starved on a loaded machine cannot turn "kept" into "asked again".
    // `wire`: the bytes to keep for an answer body, which must end with the body; none keeps the body.
    using Wire = std::function<std::string(const std::string& body)>;
    BillCheckCache(std::string database_url, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits,
                   std::chrono::milliseconds window = kWindow, Wire wire = {});

    // The answer body for `number`: kept, or `compute()`d and kept when it succeeds. Errors
    // (404 for an unknown number) are returned and never kept.
    Result<std::string> answer(const std::string& number, const std::function<Result<std::string>()>& compute);
    // The integer setting `compute()` reads, kept under the same rules.
    Result<std::int64_t> setting(const std::function<Result<std::int64_t>()>& compute);

    // What is kept now for `number`, computing nothing: its `wire` bytes (null when none are kept
    // or the cache has no `wire` function) and the setting (when kept), read under one generation.
    struct Kept {
        std::shared_ptr<const std::string> wire;
        std::optional<std::int64_t> setting;
    };
    Kept kept(std::string_view number);

    std::size_t size() const;

private:
    // The generation an answer may be kept under, or none when nothing may be served now.
    std::optional<std::uint64_t> usable_generation();
    void keep(const std::string& number, const std::string& body, std::uint64_t generation);
    bool adopt(std::uint64_t generation);  // m_mutex held exclusively

    std::string m_url;
    std::shared_ptr<const std::atomic<std::uint64_t>> m_local_commits;
    std::chrono::milliseconds m_window;
    std::once_flag m_started;
    std::unique_ptr<store::ChangeWatch> m_watch;

    mutable std::shared_mutex m_mutex;
    std::uint64_t m_generation = 0;  // of everything kept
    struct Entry {
        std::shared_ptr<const std::string> bytes;  // `wire` of the body, or the body
        std::size_t body_at = 0;                   // where the body starts in them
    };
    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    Wire m_wire;
    std::unordered_map<std::string, Entry, TransparentHash, std::equal_to<>> m_answers;
    std::deque<std::string> m_order;  // oldest first
    std::size_t m_bytes = 0;
    std::optional<std::int64_t> m_setting;
};

}  // namespace kimonet::http
