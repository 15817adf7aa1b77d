// XLSX workbooks (Office Open XML, as Excel, LibreOffice and Google Sheets save them), read from
// memory with libzip and a streaming XML parser: shared and inline strings, rich text, numbers
// and the formats that show them as dates, merged cells. Formulas give the value last computed.
// Bounded by Limits throughout, so that a zip bomb or a huge sheet is refused rather than read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sheets/sheet.h"

namespace giaoban::sheets {

// The names of the workbook's sheets, in the order Excel shows their tabs.
Result<std::vector<std::string>> ReadXlsxSheetNames(std::string_view bytes,
                                                    const Limits& limits = {});

// Sheet number `index` (0 for the first tab), row by row.
Result<SheetLayout> ReadXlsx(std::string_view bytes, std::size_t index, const Limits& limits,
                             const RowCallback& on_row);

Result<Sheet> ReadWholeXlsx(std::string_view bytes, std::size_t index = 0,
                            const Limits& limits = {});

// What kind of file `bytes` look like, from their first bytes, for telling a user who sent the
// wrong one what it was: a zip (a workbook, or another Office file), an old binary Office file
// (an .xls, or a workbook encrypted with a password, which is kept in the same container), or
// something else.
enum class FileKind { kZip, kCompoundFile, kOther };
FileKind SniffFileKind(std::string_view bytes);

}  // namespace giaoban::sheets
