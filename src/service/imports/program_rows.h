// A work program's rows under its header, as an importer reads them: each field's text, merged
// cells filled down the rows they span, and what the row is in the program's outline (a group
// such as "I. LĨNH VỰC KẾT CẤU HẠ TẦNG", or a task) by its numbering. Rows arrive one at a time,
// so that a program of any length is read in little memory.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/date.h"
#include "service/imports/program_layout.h"
#include "sheets/sheet.h"

namespace giaoban::service {

// How deep a row's number puts it in the program's outline: "A" 0, "I" 1, "1" 2, "1.2" 3 and so
// on, "a)" and "i)", "ii)" below every dotted number; nullopt for a row without a number or with a
// bullet ("-"). A single "C" or "L" is a letter: parts A, B, C are far likelier than a hundredth
// or fiftieth Roman section.
std::optional<int> OutlineLevel(std::string_view number);

struct ProgramRow {
  std::size_t sheet_row = 0;  // counted from 0
  std::string number;         // as written, trimmed: "I", "1.2", "a)"
  std::optional<int> level;   // OutlineLevel(number)
  // A title with nothing else beside it: a heading that groups the rows under it.
  bool group = false;
  std::string content;
  std::string lead;
  std::string cooperating;
  std::string deadline;  // the text; empty when the cell held a date
  std::optional<domain::Date> deadline_date;
  std::string product;
  std::string note;
  std::string leader;
  std::string key;
  // A deadline cell that held a number no date format explained (wrong type).
  bool deadline_not_date = false;
};

// Turns the sheet's rows under `layout`'s header into ProgramRows. Rows without content in any
// field are skipped. `merged` are the sheet's merged cells, which an XLSX file lists after its
// rows: a cell inside a merge below its first row takes that row's value.
class ProgramRowReader {
 public:
  using Callback = std::function<void(const ProgramRow&)>;

  ProgramRowReader(const ProgramLayout& layout, std::vector<sheets::MergedRange> merged,
                   bool date1904, Callback on_row);

  void Add(std::size_t row, std::span<const sheets::Cell> cells);

 private:
  // The merges more than a row high that begin in one field's column, by first row, and the one
  // filling the current row with the value of its first row. Only the fields' few columns are
  // followed, each with one merge at a time, so a file of many merges costs one pass over them.
  struct Column {
    std::vector<sheets::MergedRange> merges;
    std::size_t next = 0;                 // the first of merges not yet begun
    std::optional<std::size_t> last_row;  // of the merge filling, while one does
    std::optional<sheets::Cell> value;
  };
  const sheets::Cell* FilledCell(std::size_t column, std::span<const sheets::Cell> cells) const;
  bool IsColumnNumbering(std::span<const sheets::Cell> cells) const;
  static bool IsRecipientsLine(std::span<const sheets::Cell> cells);

  const ProgramLayout& layout_;
  std::map<std::size_t, Column> columns_;  // by sheet column
  bool date1904_;
  Callback on_row_;
  bool first_row_ = true;
  bool ended_ = false;  // the program's text is over: its recipients and signature follow
};

}  // namespace giaoban::service
