#include "service/imports/program_file.h"

#include <array>

#include "intl/text.h"
#include "sheets/csv_reader.h"
#include "sheets/xlsx_reader.h"

namespace giaoban::service {

namespace {

constexpr std::size_t kHeaderMerges = 1000;

struct ColumnCode {
  ProgramColumn column;
  std::string_view code;
};

constexpr std::array<ColumnCode, 9> kColumnCodes = {{
    {ProgramColumn::kNumber, "number"},
    {ProgramColumn::kContent, "content"},
    {ProgramColumn::kLead, "lead"},
    {ProgramColumn::kCooperating, "cooperating"},
    {ProgramColumn::kDeadline, "deadline"},
    {ProgramColumn::kProduct, "product"},
    {ProgramColumn::kNote, "note"},
    {ProgramColumn::kLeader, "leader"},
    {ProgramColumn::kKey, "key"},
}};

sheets::Result<sheets::SheetLayout> ReadRows(std::string_view bytes, SpreadsheetKind kind,
                                             std::size_t sheet, const sheets::Limits& limits,
                                             const sheets::RowCallback& on_row) {
  if (kind == SpreadsheetKind::kCsv) {
    if (sheet != 0) return sheets::Failure{sheets::ReadError::kNoSuchSheet, ""};
    return sheets::ReadCsv(bytes, limits, on_row);
  }
  return sheets::ReadXlsx(bytes, sheet, limits, on_row);
}

}  // namespace

std::string_view SpreadsheetKindCode(SpreadsheetKind kind) {
  return kind == SpreadsheetKind::kXlsx ? "xlsx" : "csv";
}

std::optional<SpreadsheetKind> SpreadsheetKindFromCode(std::string_view code) {
  if (code == "xlsx") return SpreadsheetKind::kXlsx;
  if (code == "csv") return SpreadsheetKind::kCsv;
  return std::nullopt;
}

sheets::Result<SpreadsheetKind> DetectSpreadsheetKind(std::string_view bytes,
                                                      const sheets::Limits& limits) {
  if (bytes.size() > limits.file_bytes) return sheets::Failure{sheets::ReadError::kTooLarge, ""};
  switch (sheets::SniffFileKind(bytes)) {
    case sheets::FileKind::kZip:
      return SpreadsheetKind::kXlsx;
    case sheets::FileKind::kCompoundFile:
      // An old workbook or an encrypted new one: the workbook reader tells which.
      if (auto names = sheets::ReadXlsxSheetNames(bytes, limits); !names) return names.failure();
      return sheets::Failure{sheets::ReadError::kLegacyXls, ""};
    case sheets::FileKind::kOther:
      break;
  }
  // Excel's "Unicode text" is UTF-16, byte order mark first: text, in an encoding not read here.
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return sheets::Failure{sheets::ReadError::kNotUtf8, "UTF-16"};
  // Text is what a CSV file is: the reader refuses what is not UTF-8 text.
  if (bytes.find('\0') != std::string_view::npos)
    return sheets::Failure{sheets::ReadError::kNotSpreadsheet, ""};
  return SpreadsheetKind::kCsv;
}

sheets::Result<ProgramTable> ReadProgramTable(std::string_view bytes, SpreadsheetKind kind,
                                              std::size_t sheet, const sheets::Limits& limits) {
  ProgramTable table;
  if (kind == SpreadsheetKind::kXlsx) {
    auto names = sheets::ReadXlsxSheetNames(bytes, limits);
    if (!names) return names.failure();
    table.sheets = std::move(*names);
  }
  sheets::Sheet top;
  auto layout = ReadRows(bytes, kind, sheet, limits,
                         [&](std::size_t row, std::span<const sheets::Cell> cells) {
                           if (row >= kHeaderSearchRows) return;
                           if (top.rows.size() <= row) top.rows.resize(row + 1);
                           top.rows[row].assign(cells.begin(), cells.end());
                         });
  if (!layout) return layout.failure();
  table.layout = std::move(*layout);
  // The header is looked for among the first rows: only the merges there matter to it, and no
  // more of them than a real header has.
  top.layout.name = table.layout.name;
  top.layout.date1904 = table.layout.date1904;
  for (const sheets::MergedRange& m : table.layout.merged) {
    if (m.first_row <= kHeaderSearchRows && top.layout.merged.size() < kHeaderMerges)
      top.layout.merged.push_back(m);
  }
  table.found = FindProgramLayout(top);
  return table;
}

void ApplyColumnChoices(ProgramLayout& layout, const std::map<std::size_t, ColumnChoice>& columns) {
  for (const auto& [index, field] : columns) {
    std::erase_if(layout.columns, [&](const auto& entry) {
      return entry.second == index || (field && entry.first == *field);
    });
    layout.unrecognised.erase(index);
    if (field) layout.columns[*field] = index;
  }
}

sheets::Result<sheets::SheetLayout> ReadProgramRows(std::string_view bytes, SpreadsheetKind kind,
                                                    std::size_t sheet, const sheets::Limits& limits,
                                                    const ProgramTable& table,
                                                    const ProgramLayout& layout,
                                                    const ProgramRowReader::Callback& on_row) {
  ProgramRowReader reader(layout, table.layout.merged, table.layout.date1904, on_row);
  return ReadRows(
      bytes, kind, sheet, limits,
      [&](std::size_t row, std::span<const sheets::Cell> cells) { reader.Add(row, cells); });
}

std::string_view ProgramColumnCode(ProgramColumn column) {
  for (const ColumnCode& c : kColumnCodes)
    if (c.column == column) return c.code;
  return "";
}

std::optional<ProgramColumn> ProgramColumnFromCode(std::string_view code) {
  for (const ColumnCode& c : kColumnCodes)
    if (c.code == code) return c.column;
  return std::nullopt;
}

}  // namespace giaoban::service
