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
// The text of all cells together. A shared string is stored once in the file but copied into
// every cell that points at it: 42,000 cells pointing at one 1 MB string (a 5 KB upload) would be
// 42 GB. Counted as the cells are read; over it the file is refused.
inline constexpr std::size_t kMaxSheetTextBytes = 64u << 20;
// One cell: Excel's own limit is 32,767 characters (up to four bytes each in UTF-8).
inline constexpr std::size_t kMaxCellTextBytes = 32'767u * 4;

}  // namespace kimonet::spreadsheets
