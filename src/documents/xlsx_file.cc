#include "documents/xlsx_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

#include "domain/utf8.h"

namespace giaoban::documents {

XlsxTempFile::XlsxTempFile() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("giaoban-export-" + std::to_string(rd()) + std::to_string(rd()) + ".xlsx");
}

XlsxTempFile::~XlsxTempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string XlsxTempFile::Close(lxw_workbook* workbook) const {
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
    throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(error));
  std::ifstream in(path_, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

lxw_datetime ExcelDate(domain::Date d) {
  return lxw_datetime{d.year(), d.month(), d.day(), 0, 0, 0.0};
}

lxw_format* AddTableCellFormat(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f, LXW_BORDER_THIN);
  return f;
}

void SetTablePrintLayout(lxw_worksheet* ws, lxw_row_t header_row, PageOrientation orientation) {
  if (orientation == PageOrientation::kLandscape) worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, header_row, header_row);
  worksheet_set_footer(ws, "&C&P/&N");
}

double WrappedRowHeight(std::initializer_list<WrappedCell> cells) {
  constexpr double kLinePoints = 15;  // the default font's line
  constexpr double kMaxPoints = 409;  // the most a row may be
  std::size_t lines = 1;
  for (const WrappedCell& cell : cells) {
    const auto per_line = static_cast<std::size_t>(std::max(1.0, cell.width));
    std::size_t cell_lines = 0;
    std::string_view rest = cell.text;
    while (true) {
      const std::size_t end = std::min(rest.find('\n'), rest.size());
      const std::size_t characters = domain::Utf8Characters(rest.substr(0, end));
      cell_lines += std::max<std::size_t>(1, (characters + per_line - 1) / per_line);
      if (end == rest.size()) break;
      rest.remove_prefix(end + 1);
    }
    lines = std::max(lines, cell_lines);
  }
  return std::min(kMaxPoints, static_cast<double>(lines) * kLinePoints + 3);
}

SheetFormats AddSheetFormats(lxw_workbook* wb) {
  SheetFormats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.note = workbook_add_format(wb);
  format_set_italic(f.note);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_bg_color(f.header, 0xDDEBF7);
  f.text = AddTableCellFormat(wb);
  f.centered = workbook_add_format(wb);
  format_set_align(f.centered, LXW_ALIGN_CENTER);
  format_set_text_wrap(f.centered);
  format_set_align(f.centered, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.centered, LXW_BORDER_THIN);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.date, LXW_BORDER_THIN);
  return f;
}

}  // namespace giaoban::documents
