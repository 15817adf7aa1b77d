// Spreadsheets as the importers of work programs read them: one sheet of an XLSX workbook or a CSV
// file, row by row, as cells that say what the file stored, whichever of the two it came as. No
// meaning is given to any cell here; what a column is, is the importer's business.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace giaoban::sheets {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kBoolean, kError };
  Kind kind = Kind::kEmpty;
  // The text as written; for a number, its value as the file stores it ("45183", "0.5"); for an
  // error, its code ("#REF!").
  std::string text;
  double number = 0;  // kNumber; kBoolean as 0 or 1
  // A number its cell's format shows as a date: an Excel serial date (ExcelSerialDate).
  bool date = false;
  // What of the date the format shows: a format of month and year ("mm/yyyy") means the month,
  // not its first day.
  enum class DateShown { kDay, kMonth, kYear };
  DateShown date_shown = DateShown::kDay;

  bool empty() const { return kind == Kind::kEmpty; }
};

// A rectangle of merged cells, rows and columns counted from 0, inclusive: the file keeps the
// value in its top-left cell only.
struct MergedRange {
  std::size_t first_row = 0;
  std::size_t first_column = 0;
  std::size_t last_row = 0;
  std::size_t last_column = 0;

  friend bool operator==(const MergedRange&, const MergedRange&) = default;
};

// What a read tells besides the rows.
struct SheetLayout {
  std::string name;  // the sheet's name; empty for a CSV file
  std::vector<MergedRange> merged;
  bool date1904 = false;  // serial dates count from 1904 (old Excel for Mac workbooks)
  std::size_t rows = 0;   // one past the last row read
};

// Bounds on what a file may make the server do. A file beyond one of them is refused whole, with
// the failure that says which.
struct Limits {
  std::size_t file_bytes = 20 << 20;       // as uploaded (for a workbook, compressed)
  std::size_t unpacked_bytes = 256 << 20;  // every part of a workbook read, unpacked
  // Unpacked to packed, for each part of a workbook beyond its first mebibyte: ordinary sheets
  // pack ten to twenty times, a zip bomb thousands.
  std::size_t packing_ratio = 200;
  // A row or a cell beyond these is refused when it holds something; rows and cells that only
  // carry formatting, as spreadsheets write them far below and right of their data, are left out.
  std::size_t rows = 100'000;
  std::size_t columns = 16'384;          // Excel's own: A to XFD
  std::size_t cell_characters = 32'767;  // Excel's own limit on a cell's text
  // What a sheet may hold in memory, however compactly its file says it: its cells, the empty
  // ones between them included, and their text (a shared string counts each time it is used).
  std::size_t cells = 2'000'000;
  std::size_t text_bytes = 128 << 20;
};

enum class ReadError {
  kNotSpreadsheet,  // neither a workbook nor text
  kLegacyXls,       // an Excel 97-2003 workbook (.xls)
  kEncrypted,       // a workbook protected by a password
  kBrokenZip,       // a workbook whose zip cannot be read
  kBrokenXml,       // a part of a workbook that is not well-formed XML, or not what it should be
  kTooLarge,        // the file beyond Limits::file_bytes, or a sheet beyond Limits::cells or
                    // Limits::text_bytes
  kZipBomb,         // a part that unpacks beyond the limits
  kTooManyRows,     // beyond Limits::rows
  kTooManyColumns,  // beyond Limits::columns
  kCellTooLong,     // a cell beyond Limits::cell_characters
  kNoSuchSheet,     // no sheet at the index asked for
  kNotUtf8,         // a CSV file that is not UTF-8
  kUnclosedQuote,   // a CSV field whose quote is never closed
};

// A file that could not be read, and where: the part of a workbook, the row.
struct Failure {
  ReadError error;
  std::string where;
};

// A value, or the failure that kept it from being read.
template <class T>
class Result {
 public:
  Result(T value) : outcome_(std::move(value)) {}  // NOLINT: implicit, like a return value
  Result(Failure failure) : outcome_(std::move(failure)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(outcome_); }
  explicit operator bool() const { return ok(); }
  T& operator*() { return std::get<T>(outcome_); }
  const T& operator*() const { return std::get<T>(outcome_); }
  T* operator->() { return &std::get<T>(outcome_); }
  const T* operator->() const { return &std::get<T>(outcome_); }
  const Failure& failure() const { return std::get<Failure>(outcome_); }

 private:
  std::variant<T, Failure> outcome_;
};

// Called for each row that has a cell, in order: its number counted from 0, and its cells from
// column A up to its last one, empty ones included.
using RowCallback = std::function<void(std::size_t row, std::span<const Cell> cells)>;

// A whole sheet in memory, for files small enough to hold: tests, previews of a few rows.
struct Sheet {
  SheetLayout layout;
  std::vector<std::vector<Cell>> rows;  // every row up to the last read, empty ones included

  // The cell at (row, column), or an empty one beyond the rows and cells read.
  const Cell& at(std::size_t row, std::size_t column) const;
};

// Collects what a streaming read gives into a Sheet.
class SheetCollector {
 public:
  RowCallback callback();
  Sheet Take(SheetLayout layout);

 private:
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace giaoban::sheets
