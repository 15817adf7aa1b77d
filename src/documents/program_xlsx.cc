#include "documents/program_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>

#include "documents/xlsx_file.h"
#include "intl/text.h"
#include "messages/messages.h"

namespace giaoban::documents {

namespace {

struct Column {
  const char* label;
  double width;
};

// The headers the importer knows these columns by.
constexpr Column kColumns[] = {
    {"label.program.number", 6},    {"label.program.content", 60},
    {"label.program.lead", 26},     {"label.program.cooperating", 26},
    {"label.program.deadline", 20}, {"label.program.product", 20},
    {"label.program.note", 20},     {"label.program.leader", 20},
    {"label.program.key", 10},
};
constexpr lxw_col_t kColumnCount = std::size(kColumns);
constexpr lxw_row_t kHeaderRow = 3;
// A heading's title spans every column after the number's.
constexpr double kMergedWidth = [] {
  double width = 0;
  for (lxw_col_t c = 1; c < kColumnCount; ++c) width += kColumns[c].width;
  return width;
}();

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : "; ") + name;
  return out;
}

}  // namespace

std::string RenderProgramXlsx(const service::SourceProgram& program) {
  auto label = [](std::string_view code) {
    return std::string(messages::Message(code, messages::Language::kVietnamese));
  };
  XlsxTempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: flat memory use
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (wb == nullptr) throw std::runtime_error("cannot create the workbook");
  const SheetFormats f = AddSheetFormats(wb);
  lxw_format* heading = AddTableCellFormat(wb);
  format_set_bold(heading);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  for (lxw_col_t c = 0; c < kColumnCount; ++c)
    worksheet_set_column(ws, c, c, kColumns[c].width, nullptr);

  const service::Source& source = program.source;
  worksheet_write_string(ws, 0, 0, intl::ToUpper(source.title).c_str(), f.title);
  std::string document = source.doc_number;
  if (source.doc_date) document += (document.empty() ? "" : ", ") + source.doc_date->Vietnamese();
  if (!document.empty()) worksheet_write_string(ws, 1, 0, document.c_str(), f.note);
  double header_height = 0;
  for (lxw_col_t c = 0; c < kColumnCount; ++c)
    header_height =
        std::max(header_height, WrappedRowHeight({{label(kColumns[c].label), kColumns[c].width}}));
  worksheet_set_row(ws, kHeaderRow, header_height, nullptr);
  for (lxw_col_t c = 0; c < kColumnCount; ++c)
    worksheet_write_string(ws, kHeaderRow, c, label(kColumns[c].label).c_str(), f.header);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  // Nine columns, the widest the tasks' text: landscape, as programs are printed.
  SetTablePrintLayout(ws, kHeaderRow, PageOrientation::kLandscape);

  lxw_row_t row = kHeaderRow + 1;
  const std::vector<service::ProgramHeading>* above = nullptr;
  for (const service::ProgramEntry& e : program.entries) {
    // The headings that change from the row above, from the outermost that does.
    std::size_t same = 0;
    while (above && same < above->size() && same < e.headings.size() &&
           (*above)[same] == e.headings[same])
      ++same;
    for (std::size_t h = same; h < e.headings.size(); ++h, ++row) {
      worksheet_set_row(ws, row, WrappedRowHeight({{e.headings[h].title, kMergedWidth}}), nullptr);
      worksheet_write_string(ws, row, 0, e.headings[h].number.c_str(), heading);
      worksheet_merge_range(ws, row, 1, row, kColumnCount - 1, e.headings[h].title.c_str(),
                            heading);
    }
    above = &e.headings;
    std::string cooperating = Joined(e.cooperating);
    if (!e.outside_units.empty())
      cooperating += (cooperating.empty() ? "" : "; ") + e.outside_units;
    worksheet_set_row(ws, row,
                      WrappedRowHeight({{e.number, kColumns[0].width},
                                        {e.text, kColumns[1].width},
                                        {e.lead, kColumns[2].width},
                                        {cooperating, kColumns[3].width},
                                        {e.deadline_text, kColumns[4].width},
                                        {e.product, kColumns[5].width},
                                        {e.note, kColumns[6].width},
                                        {e.leader, kColumns[7].width}}),
                      nullptr);
    worksheet_write_string(ws, row, 0, e.number.c_str(), f.centered);
    worksheet_write_string(ws, row, 1, e.text.c_str(), f.text);
    worksheet_write_string(ws, row, 2, e.lead.c_str(), f.text);
    worksheet_write_string(ws, row, 3, cooperating.c_str(), f.text);
    if (e.deadline_date) {
      lxw_datetime day = ExcelDate(*e.deadline_date);
      worksheet_write_datetime(ws, row, 4, &day, f.date);
    } else {
      worksheet_write_string(ws, row, 4, e.deadline_text.c_str(), f.centered);
    }
    worksheet_write_string(ws, row, 5, e.product.c_str(), f.text);
    worksheet_write_string(ws, row, 6, e.note.c_str(), f.text);
    worksheet_write_string(ws, row, 7, e.leader.c_str(), f.text);
    worksheet_write_string(ws, row, 8, e.is_key ? "x" : "", f.centered);
    ++row;
  }
  return file.Close(wb);
}

ExportedFile ProgramWorkbook(const service::SourceProgram& program) {
  std::string name = program.source.doc_number.empty()
                         ? "chuong-trinh-" + std::to_string(program.source.id)
                         : "chuong-trinh-" + program.source.doc_number;
  for (char& c : name)
    if (c == '/' || c == '\\') c = '-';
  return {name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          RenderProgramXlsx(program)};
}

}  // namespace giaoban::documents
