#pragma once
// Bounds on an uploaded spreadsheet, so a small hostile file cannot take gigabytes: a 16 KB
// .xlsx with one cell in column XFD per row, a CSV line of separators, or a zip entry that
// inflates a thousandfold. Each is refused with a 422 on field "file" when first seen.
#include <cstddef>

namespace kimonet::spreadsheets {

// The customer import reads about 20 columns; 64 leaves room for extra ones a user keeps.
inline constexpr std::size_t kMaxImportColumns = 64;
// 100,000 rows: an ISP moving in with its whole customer list in one file (bench_reports imports
// that many); a bigger list goes in several files.
inline constexpr std::size_t kMaxImportRows = 100'000;
// Rows of a sheet: the header row plus kMaxImportRows customers.
inline constexpr std::size_t kMaxSheetRows = kMaxImportRows + 1;
inline constexpr std::size_t kMaxImportCells = kMaxImportRows * 24;
// One inflated zip entry (the sheet XML, the shared strings) at most this large...
inline constexpr std::size_t kMaxEntryBytes = 64u << 20;
// ...and, above 1 MB, at most this many times its compressed size (real sheets are 5-30x).
inline constexpr std::size_t kMaxCompressionRatio = 200;
inline constexpr std::size_t kRatioCheckedAbove = 1u << 20;

}  // namespace kimonet::spreadsheets
