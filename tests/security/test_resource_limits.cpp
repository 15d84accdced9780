// Item 5 of issue #14 (transport and import share), from the attacker's side: request bodies
// are refused by their route's limit before they are buffered, large bodies need a valid token
// and fit a shared budget, and spreadsheet imports are capped in columns, rows, cells and
// inflated size. Peak memory of this process (the server runs in it) is measured around each
// attack with /proc/self/clear_refs + VmHWM and must stay under a stated bound.
#include <boost/test/unit_test.hpp>
#include <atomic>
#include <fstream>
#include <future>
#include <thread>

#include "http/request_admission.hpp"
#include "security/crypto.hpp"
#include "peak_memory.hpp"
#include "raw_http.hpp"
#include "server/spreadsheets/xlsx_fixture.hpp"
#include "spreadsheets/import_limits.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

// Declares `declared` bytes and keeps sending (up to `send_at_most`) until the server answers;
// returns the status (0 when no answer came).
int upload(int port, const std::string& head, std::size_t send_at_most, bool chunked) {
    RawConnection connection(port);
    if (!connection.ok()) return -1;
    if (!connection.send_all(head)) return -2;
    static const std::string piece(64 << 10, 'x');
    std::size_t sent = 0;
    std::string chunk_frame;
    if (chunked) {
        char size_line[32];
        std::snprintf(size_line, sizeof size_line, "%zx\r\n", piece.size());
        chunk_frame = size_line + piece + "\r\n";
    }
    const std::string& frame = chunked ? chunk_frame : piece;
    while (sent < send_at_most) {
        pollfd poller{connection.fd(), POLLIN | POLLOUT, 0};
        // No progress for a minute is a failure: the server's two threads may be busy with
        // admitted imports for several seconds (under the sanitizers, on PostgreSQL, on a loaded
        // machine 10 s was seen), and a stalled reader is what the status -3 reports.
        if (::poll(&poller, 1, 60'000) <= 0) return -3;
        if (poller.revents & (POLLIN | POLLHUP | POLLERR)) break;
        const ssize_t written = ::send(connection.fd(), frame.data(), frame.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written <= 0) break;
        sent += static_cast<std::size_t>(written);
    }
    const auto started = std::chrono::steady_clock::now();
    auto reply = connection.read_response(std::chrono::seconds(30));
    if (!reply) std::fprintf(stderr, "no reply: sent %zu, waited %lld ms, eof %d, errno %d\n", sent,
        (long long)std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count(), connection.closed_by_server(std::chrono::milliseconds(1)), connection.read_error());
    if (!reply) std::fprintf(stderr, "pending: %s\n", connection.pending().c_str());
    return reply ? reply->status : -100 - static_cast<int>(connection.pending().size());
}

std::string head_for(const std::string& path, std::size_t declared, const std::string& token = {}, bool chunked = false) {
    std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n";
    if (!token.empty()) head += "Authorization: Bearer " + token + "\r\n";
    head += chunked ? std::string("Transfer-Encoding: chunked\r\n") : "Content-Length: " + std::to_string(declared) + "\r\n";
    return head + "\r\n";
}

// 40 clients at once, each sending `head` and up to `send_at_most` bytes; the statuses.
std::vector<int> parallel_uploads(int port, const std::string& head, std::size_t send_at_most, bool chunked = false) {
    std::vector<std::future<int>> clients;
    for (int i = 0; i < 40; ++i)
        clients.push_back(std::async(std::launch::async, [&] { return upload(port, head, send_at_most, chunked); }));
    std::vector<int> statuses;
    for (auto& client : clients) statuses.push_back(client.get());
    return statuses;
}

constexpr std::size_t kSixtyMegabytes = 60u << 20;
// The stated bound: 40 parallel hostile uploads raise this process's peak RSS by less than this.
constexpr std::size_t kPeakBoundMib = 200;
// The stated bound for 40 parallel staff imports just under the route limit (authenticated).
constexpr std::size_t kStaffImportBoundMib = 256;

}  // namespace

BOOST_AUTO_TEST_SUITE(resource_limits)

BOOST_AUTO_TEST_CASE(forty_parallel_60mb_bodies_to_small_routes_are_refused_before_buffering) {
    TestServer server;
    const std::string before = server.snapshot();
    const int port = std::stoi(server.url("").substr(server.url("").rfind(':') + 1));
    struct Attack {
        std::string label, head;
        bool chunked;
        int expected;
    };
    const std::vector<Attack> attacks = {
        {"anonymous login, declared 60 MB", head_for("/api/auth/login", kSixtyMegabytes), false, 413},
        {"anonymous login, chunked", head_for("/api/auth/login", 0, {}, true), true, 413},
        {"anonymous public registration", head_for("/api/register", kSixtyMegabytes), false, 413},
        {"no route at all", head_for("/nowhere", kSixtyMegabytes), false, 413},
        {"anonymous import (16 MB route), declared 15 MB", head_for("/api/imports/customers", 15u << 20), false, 401},
        {"anonymous import, chunked", head_for("/api/imports/customers", 0, {}, true), true, 401},
    };
    for (const Attack& attack : attacks) {
        BOOST_TEST_CONTEXT(attack.label) {
            const std::size_t baseline = reset_peak_mib();
            const auto statuses = parallel_uploads(port, attack.head, kSixtyMegabytes, attack.chunked);
            const std::size_t growth = growth_since(baseline);
            BOOST_TEST_MESSAGE(attack.label << ": 40 x 60 MB, peak RSS +" << growth << " MiB");
            BOOST_TEST(growth < kPeakBoundMib);
            for (int status : statuses) BOOST_TEST(status == attack.expected);
        }
    }
    BOOST_TEST(http::large_bodies_in_flight() == 0u);
    BOOST_TEST(server.snapshot() == before);
}

// Every route takes bodies of up to 1 MB. Were those read before the token is looked at, 1,024
// anonymous connections could each hold a megabyte for a staff route. Any body over 64 KB is
// answered from its head: 401 before one byte of it is sent.
BOOST_AUTO_TEST_CASE(an_anonymous_body_over_64_kb_to_a_staff_route_is_refused_from_its_head) {
    TestServer server;
    const int port = std::stoi(server.url("").substr(server.url("").rfind(':') + 1));
    const std::string before = server.snapshot();
    for (const char* path : {"/api/customers", "/api/packages", "/api/settings/logo"}) {
        RawConnection connection(port);
        BOOST_TEST_REQUIRE(connection.send_all(head_for(path, 900u << 10)));
        auto reply = connection.read_response(std::chrono::seconds(10));  // no body sent: an answer can only come from the head
        BOOST_TEST_REQUIRE(reply.has_value(), path);
        BOOST_TEST(reply->status == 401, path);
    }
    // A public route's small body is unaffected (a registration is a few hundred bytes).
    BOOST_TEST(server.post("/api/register", R"({"name":"Andi"})").status == 422);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(forty_parallel_staff_imports_share_a_bounded_budget) {
    TestServer server;
    const std::string token = server.login("admin");
    const int port = std::stoi(server.url("").substr(server.url("").rfind(':') + 1));
    // Over the import route's limit: refused at the head.
    {
        const std::size_t baseline = reset_peak_mib();
        const auto statuses = parallel_uploads(port, head_for("/api/imports/customers?dry_run=true", kSixtyMegabytes, token), kSixtyMegabytes);
        const std::size_t growth = growth_since(baseline);
        BOOST_TEST_MESSAGE("40 x 60 MB staff imports: peak RSS +" << growth << " MiB");
        BOOST_TEST(growth < kPeakBoundMib);
        for (int status : statuses) BOOST_TEST(status == 413);
    }
    // Just under it (15 MB each, 600 MB together): the budget admits a few at a time and
    // answers the rest 503 with Retry-After; every upload gets an answer.
    {
        const std::size_t baseline = reset_peak_mib();
        const auto statuses = parallel_uploads(port, head_for("/api/imports/customers?dry_run=true", 15u << 20, token), 15u << 20);
        const std::size_t growth = growth_since(baseline);
        int refused_busy = 0;
        for (int status : statuses) {
            BOOST_TEST((status == 503 || status == 422), "status " << status);
            refused_busy += status == 503;
        }
        BOOST_TEST_MESSAGE("40 x 15 MB staff imports: peak RSS +" << growth << " MiB, " << refused_busy << " answered 503");
        // The budget (64 MiB of admitted bodies), plus what the imports being handled hold
        // (decoded text and parsed fields, ~4 copies of a 15 MB body each, 2 server threads).
        BOOST_TEST(growth < kStaffImportBoundMib);
    }
    BOOST_TEST(http::large_bodies_in_flight() == 0u);
}

BOOST_AUTO_TEST_CASE(hostile_spreadsheets_get_a_clear_422_in_bounded_memory) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string before = server.snapshot();
    auto import = [&](const std::string& file) { return server.call("POST", "/api/imports/customers?dry_run=true", file, token); };

    // One cell in column XFD on each of 2,000 rows: ~16 KB compressed, 16,384 columns each.
    std::string far_cells;
    for (int row = 1; row <= 2000; ++row)
        far_cells += "<row r=\"" + std::to_string(row) + "\"><c r=\"XFD" + std::to_string(row) + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
    // A sheet XML of 80 MB (over the entry cap) and one of 30 MB of blanks (ratio ~1000:1).
    const std::string huge_entry = xlsx_bytes(std::string(80u << 20, ' '));
    const std::string high_ratio = xlsx_bytes(std::string(30u << 20, ' '));
    struct Case {
        std::string label, file, expect_in_message;
    };
    const std::vector<Case> cases = {
        {"xlsx, a cell in column XFD per row", xlsx_bytes(far_cells), "kolom"},
        {"xlsx, 20,000 rows over the row cap", [] {
             std::string rows;
             // Varied values, so the sheet compresses like a real one (the ratio cap is not what trips).
             for (int row = 1; row <= static_cast<int>(spreadsheets::kMaxImportRows) + 20'000; ++row)
                 rows += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) + "\"><v>" +
                         std::to_string((row * 2654435761u) % 1000003u) + "</v></c></row>";
             return xlsx_bytes(rows);
         }(), "baris"},
        {"xlsx, sheet inflating past the entry cap (zip bomb)", huge_entry, "diekstrak"},
        // One shared string of 1 MB pointed at by 42,000 cells: a few KB uploaded, 42 GB if each
        // cell copied it. Refused by the sheet's text budget (the string itself is over a cell's
        // limit too: a second case with a string just under it).
        {"xlsx, one 1 MB shared string in 42,000 cells", [] {
             std::string rows;
             for (int row = 1; row <= 700; ++row) {
                 rows += "<row>";
                 for (int column = 0; column < 60; ++column) rows += "<c t=\"s\"><v>0</v></c>";
                 rows += "</row>";
             }
             return xlsx_bytes(rows, "<si><t>" + std::string(1'040'000, 'A') + "</t></si>");
         }(), "terlalu"},
        {"xlsx, one 32,000-character shared string in 42,000 cells", [] {
             std::string rows;
             for (int row = 1; row <= 700; ++row) {
                 rows += "<row>";
                 for (int column = 0; column < 60; ++column) rows += "<c t=\"s\"><v>0</v></c>";
                 rows += "</row>";
             }
             return xlsx_bytes(rows, "<si><t>" + std::string(32'000, 'A') + "</t></si>");
         }(), "teks lembar kerja"},
        {"xlsx, sheet with a 1000:1 compression ratio (zip bomb)", high_ratio, "rasio"},
        {"csv, a header of 16,000 commas", std::string(16'000, ',') + "\r\nBudi,081\r\n", "kolom"},
        {"csv, 2,000 lines of 8,000 semicolons", [] {
             std::string lines;
             for (int line = 0; line < 2000; ++line) lines += std::string(8000, ';') + "\n";
             return lines;
         }(), "kolom"},
        {"csv, 10,000 rows over the row cap", [] {
             std::string lines = "Nama,Telepon\n";
             for (int line = 0; line < static_cast<int>(spreadsheets::kMaxImportRows) + 10'000; ++line) lines += "a,1\n";
             return lines;
         }(), "baris"},
    };
    for (const Case& entry : cases) {
        BOOST_TEST_CONTEXT(entry.label) {
            BOOST_TEST_MESSAGE(entry.label << ": " << entry.file.size() << " bytes uploaded");
            const std::size_t baseline = reset_peak_mib();
            const auto reply = import(entry.file);
            const std::size_t growth = growth_since(baseline);
            BOOST_TEST_MESSAGE("  -> " << reply.status << ", peak RSS +" << growth << " MiB");
            BOOST_TEST(reply.status == 422);
            BOOST_TEST(reply.error_code() == "validation_failed");
            BOOST_TEST(reply.body.find(entry.expect_in_message) != std::string::npos, reply.body.substr(0, 300));
            // The request body itself is in memory (up to 16 MB, plus curl's copy); beyond that
            // the import holds little.
            BOOST_TEST(growth < 150u);
        }
    }
    BOOST_TEST(server.snapshot() == before);
}

// Every HTTP thread (16 by default) may be verifying a login's password at once, and argon2id at
// the interactive cost takes 64 MiB a call: a burst of logins would take a gigabyte. At most
// kConcurrentPasswordHashes hashes run at a time; the rest wait for a place.
BOOST_AUTO_TEST_CASE(at_most_four_password_hashes_run_at_once) {
    const std::string stored = security::hash_password("Sapu-Lidi-Merah-93");
    security::reset_password_hash_peak();
    constexpr int kCallers = 24;
    std::atomic<int> verified{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i)
        callers.emplace_back([&, i] {
            if (i % 2 == 0 ? security::verify_password("Sapu-Lidi-Merah-93", stored) : !security::hash_password("x").empty()) ++verified;
        });
    for (auto& caller : callers) caller.join();
    BOOST_TEST(verified.load() == kCallers);  // everyone got their answer
    BOOST_TEST(security::password_hash_peak() <= security::kConcurrentPasswordHashes);
    BOOST_TEST(security::password_hash_peak() >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
