// What the workbooks the server writes share: libxlsxwriter writes to a file, so each workbook is
// written to a private temporary file, read back and removed; dates go in as real Excel dates; and
// their cells look alike.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace giaoban::documents {

class XlsxTempFile {
 public:
  XlsxTempFile();
  ~XlsxTempFile();
  XlsxTempFile(const XlsxTempFile&) = delete;
  XlsxTempFile& operator=(const XlsxTempFile&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Closes `workbook` and answers the file's bytes. Throws std::runtime_error when libxlsxwriter
  // could not write it.
  std::string Close(lxw_workbook* workbook) const;

 private:
  std::filesystem::path path_;
};

lxw_datetime ExcelDate(domain::Date d);

// The cell formats the workbooks share, so that every sheet the server writes looks alike: the
// sheet's title, an italic line under it, bold centred column headers on a pale blue, wrapped text,
// centred figures and dates (dd/mm/yyyy), every cell of a table with a thin border.
struct SheetFormats {
  lxw_format* title;
  lxw_format* note;
  lxw_format* header;
  lxw_format* text;
  lxw_format* centered;
  lxw_format* date;
};

SheetFormats AddSheetFormats(lxw_workbook* workbook);

// A bordered cell format like `text`, to add emphasis to (bold, colour).
lxw_format* AddTableCellFormat(lxw_workbook* workbook);

// The height, in points, for a row whose cells wrap these texts in columns of these widths (in
// characters of the default font). Excel fits a row to its text only when it lays the row out
// itself, and LibreOffice keeps the height a file gives (one line when it gives none), so a
// workbook that wraps long text sets its rows' heights. Estimated from the characters, on the
// generous side: a row a little too high prints well, one too low hides text.
struct WrappedCell {
  std::string_view text;
  double width;
};
double WrappedRowHeight(std::initializer_list<WrappedCell> cells);

// How a table prints: on A4, as wide as one page, `header_row` again at the top of every page, and
// the page's number and the count of pages at the foot. Wide tables print landscape.
enum class PageOrientation { kPortrait, kLandscape };
void SetTablePrintLayout(lxw_worksheet* sheet, lxw_row_t header_row, PageOrientation orientation);

}  // namespace giaoban::documents
