#include "documents/task_list_xlsx.h"

#include <xlsxwriter.h>

#include <memory>
#include <stdexcept>

#include "documents/xlsx_file.h"
#include "domain/status.h"

namespace giaoban::documents {

namespace {

std::string Replace(std::string_view text, std::string_view name, const std::string& value) {
  std::string out(text);
  const std::string token = "{" + std::string(name) + "}";
  if (auto at = out.find(token); at != std::string::npos) out.replace(at, token.size(), value);
  return out;
}

std::string DayMonthYear(domain::Date d) {
  const std::string iso = d.Iso();  // YYYY-MM-DD
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// The shared formats, and the overdue tasks' titles in bold dark red.
struct Formats : SheetFormats {
  lxw_format* overdue;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{AddSheetFormats(wb), AddTableCellFormat(wb)};
  format_set_font_color(f.overdue, 0xC00000);
  format_set_bold(f.overdue);
  return f;
}

struct Column {
  const char* label;
  double width;
};

constexpr Column kColumns[] = {
    {"label.column.number", 6},        {"label.column.title", 48},
    {"label.column.source", 18},       {"label.column.source_kind", 20},
    {"label.column.is_key", 9},        {"label.column.lead_org", 28},
    {"label.column.leader", 22},       {"label.column.assigned_on", 12},
    {"label.column.deadline", 14},     {"label.column.deadline_in_force", 12},
    {"label.column.completed_on", 12}, {"label.column.progress", 9},
    {"label.column.status", 22},       {"label.column.extended", 9},
};
constexpr lxw_col_t kColumnCount = std::size(kColumns);

}  // namespace

std::string RenderTaskListXlsx(const TaskListSheet& sheet, messages::Language lang) {
  auto label = [lang](std::string_view code) { return std::string(messages::Message(code, lang)); };
  XlsxTempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: flat memory use
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (wb == nullptr) throw std::runtime_error("cannot create the workbook");
  const Formats f = MakeFormats(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);

  for (lxw_col_t c = 0; c < kColumnCount; ++c)
    worksheet_set_column(ws, c, c, kColumns[c].width, nullptr);
  worksheet_write_string(ws, 0, 0, label("label.task_list").c_str(), f.title);
  worksheet_write_string(ws, 1, 0,
                         Replace(label("label.task_list_as_of"), "date",
                                 lang == messages::Language::kVietnamese ? DayMonthYear(sheet.as_of)
                                                                         : sheet.as_of.Iso())
                             .c_str(),
                         f.note);
  std::string total = Replace(label("label.task_list_total"), "total", std::to_string(sheet.total));
  if (static_cast<std::int64_t>(sheet.rows.size()) < sheet.total) {
    total += " — " + Replace(Replace(label("label.task_list_truncated"), "rows",
                                     std::to_string(sheet.rows.size())),
                             "total", std::to_string(sheet.total));
  }
  worksheet_write_string(ws, 2, 0, total.c_str(), f.note);

  constexpr lxw_row_t kHeaderRow = 4;
  worksheet_set_row(ws, kHeaderRow, 30, nullptr);
  for (lxw_col_t c = 0; c < kColumnCount; ++c)
    worksheet_write_string(ws, kHeaderRow, c, label(kColumns[c].label).c_str(), f.header);

  auto date_or_blank = [&](lxw_row_t r, lxw_col_t c, const std::optional<domain::Date>& d) {
    if (d) {
      lxw_datetime dt = ExcelDate(*d);
      worksheet_write_datetime(ws, r, c, &dt, f.date);
    } else {
      worksheet_write_blank(ws, r, c, f.date);
    }
  };
  lxw_row_t row = kHeaderRow + 1;
  for (const auto& t : sheet.rows) {
    const bool overdue = t.status == domain::Status::kOverdue;
    worksheet_write_number(ws, row, 0, static_cast<double>(row - kHeaderRow), f.centered);
    worksheet_write_string(ws, row, 1, t.title.c_str(), f.text);
    worksheet_write_string(ws, row, 2, t.source_doc_number.c_str(), f.text);
    worksheet_write_string(
        ws, row, 3,
        label("label.source_kind." + std::string(domain::SourceKindCode(t.source_kind))).c_str(),
        f.text);
    worksheet_write_string(ws, row, 4, label(t.is_key ? "label.yes" : "label.no").c_str(),
                           f.centered);
    worksheet_write_string(ws, row, 5, t.lead_org.name.c_str(), f.text);
    worksheet_write_string(ws, row, 6, t.leader ? t.leader->name.c_str() : "", f.text);
    lxw_datetime assigned = ExcelDate(t.assigned_on);
    worksheet_write_datetime(ws, row, 7, &assigned, f.date);
    if (!t.deadline_label.empty()) {
      worksheet_write_string(ws, row, 8, t.deadline_label.c_str(), f.centered);
    } else if (t.deadline) {
      date_or_blank(row, 8, t.deadline);
    } else {
      worksheet_write_string(ws, row, 8, label("label.deadline_ongoing").c_str(), f.centered);
    }
    date_or_blank(row, 9, t.deadline_in_force);
    date_or_blank(row, 10, t.completed_on);
    worksheet_write_number(ws, row, 11, t.progress, f.centered);
    worksheet_write_string(
        ws, row, 12, label("label.status." + std::string(domain::StatusCode(t.status))).c_str(),
        overdue ? f.overdue : f.text);
    worksheet_write_string(ws, row, 13, label(t.extended ? "label.yes" : "label.no").c_str(),
                           f.centered);
    ++row;
  }
  if (row > kHeaderRow + 1) worksheet_autofilter(ws, kHeaderRow, 0, row - 1, kColumnCount - 1);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 2);
  SetTablePrintLayout(ws, kHeaderRow, PageOrientation::kLandscape);

  return file.Close(wb);
}

}  // namespace giaoban::documents
