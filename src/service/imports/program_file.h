// A work program's file read for importing: which kind of spreadsheet it is, where its table is,
// and its rows under the table's header. A file is read twice: once for its header and the cells
// an XLSX sheet lists as merged after its rows, then once more row by row into the importer, so
// that no more than a row is held at a time.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/imports/program_layout.h"
#include "service/imports/program_rows.h"
#include "sheets/sheet.h"

namespace giaoban::service {

enum class SpreadsheetKind { kXlsx, kCsv };

std::string_view SpreadsheetKindCode(SpreadsheetKind kind);  // "xlsx" | "csv"
std::optional<SpreadsheetKind> SpreadsheetKindFromCode(std::string_view code);

// The kind `bytes` are, from their content alone: a zip is a workbook, text is CSV. An .xls file,
// an encrypted workbook or anything else is refused with the failure that says which.
sheets::Result<SpreadsheetKind> DetectSpreadsheetKind(std::string_view bytes,
                                                      const sheets::Limits& limits);

// A column's field, or none: a column the user leaves out.
using ColumnChoice = std::optional<ProgramColumn>;

struct ProgramTable {
  std::vector<std::string> sheets;     // the workbook's sheets; empty for CSV
  sheets::SheetLayout layout;          // the sheet's name, merged cells, date system, rows
  std::optional<ProgramLayout> found;  // the header, if one names the task's content
};

// Reads the file's sheet `sheet` for its table's header (the first pass).
sheets::Result<ProgramTable> ReadProgramTable(std::string_view bytes, SpreadsheetKind kind,
                                              std::size_t sheet, const sheets::Limits& limits);

// Gives `columns`' fields to the layout's columns: each chosen column holds its field (or none),
// and a field taken by one column is no longer another's.
void ApplyColumnChoices(ProgramLayout& layout, const std::map<std::size_t, ColumnChoice>& columns);

// Reads the table's rows under `layout`'s header one by one into `on_row` (the second pass).
sheets::Result<sheets::SheetLayout> ReadProgramRows(std::string_view bytes, SpreadsheetKind kind,
                                                    std::size_t sheet, const sheets::Limits& limits,
                                                    const ProgramTable& table,
                                                    const ProgramLayout& layout,
                                                    const ProgramRowReader::Callback& on_row);

// The stable code of a field ("content", "lead", ...), and back.
std::string_view ProgramColumnCode(ProgramColumn column);
std::optional<ProgramColumn> ProgramColumnFromCode(std::string_view code);

}  // namespace giaoban::service
