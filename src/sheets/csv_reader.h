// CSV files as spreadsheets save them: UTF-8 with or without a byte order mark; fields separated
// by commas, semicolons (Excel's choice where the decimal mark is a comma, as in Vietnam) or tabs,
// whichever the first line uses; quoted fields holding separators, line breaks and doubled quotes.
#pragma once

#include <string_view>

#include "sheets/sheet.h"

namespace giaoban::sheets {

// Every cell is text (or empty): a CSV file says nothing of types.
Result<SheetLayout> ReadCsv(std::string_view bytes, const Limits& limits,
                            const RowCallback& on_row);

Result<Sheet> ReadWholeCsv(std::string_view bytes, const Limits& limits = {});

}  // namespace giaoban::sheets
