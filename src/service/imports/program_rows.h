// A work program's rows under its header, as an importer reads them: each field's text, merged
// cells filled down the rows they span, and what the row is in the program's outline (a group
// such as "I. LĨNH VỰC KẾT CẤU HẠ TẦNG", or a task) by its numbering. Rows arrive one at a time,
// so that a program of any length is read in little memory.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/date.h"
#include "service/imports/program_layout.h"
#include "sheets/sheet.h"

namespace giaoban::service {

// How deep a row's number puts it in the program's outline: "A" 0, "I" 1, "1" 2, "1.2" 3 and so
// on, "a)" below every dotted number; nullopt for a row without a number or with a bullet ("-").
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
  struct Fill {
    sheets::MergedRange range;
    std::optional<sheets::Cell> value;  // the first row's cell, once read
  };
  const sheets::Cell* FilledCell(std::size_t row, std::size_t column,
                                 std::span<const sheets::Cell> cells);

  const ProgramLayout& layout_;
  std::vector<Fill> fills_;  // merges more than a row high, by first row
  bool date1904_;
  Callback on_row_;
};

}  // namespace giaoban::service
