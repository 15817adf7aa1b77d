#include "documents/report_xlsx.h"

#include <xlsxwriter.h>

#include <ctime>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "documents/report_document.h"
#include "documents/xlsx_file.h"
#include "messages/messages.h"

namespace giaoban::documents {

namespace {

using service::ReportTask;

// A report's workbook is in Vietnamese, as the report is.
std::string Say(std::string_view code) { return std::string(messages::Message(code)); }

// The shared formats, and the totals' rows in bold.
struct Formats : SheetFormats {
  lxw_format* bold_text;
  lxw_format* bold_number;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{AddSheetFormats(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.bold_text);
  format_set_border(f.bold_text, LXW_BORDER_THIN);
  format_set_bold(f.bold_number);
  format_set_align(f.bold_number, LXW_ALIGN_CENTER);
  format_set_border(f.bold_number, LXW_BORDER_THIN);
  return f;
}

struct Column {
  const char* label;
  double width;
};

void Headers(lxw_worksheet* ws, lxw_row_t row, const std::vector<Column>& columns,
             const Formats& f) {
  worksheet_set_row(ws, row, 32, nullptr);
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(ws, c, c, columns[c].width, nullptr);
    worksheet_write_string(ws, row, c, Say(columns[c].label).c_str(), f.header);
  }
  worksheet_freeze_panes(ws, row + 1, 0);
  SetTablePrintLayout(ws, row, PageOrientation::kPortrait);
}

// The sheet's first lines: the report's number and date, and its window.
void Heading(lxw_worksheet* ws, const service::IssuedReport& r, std::string_view sheet_title,
             const Formats& f) {
  worksheet_write_string(ws, 0, 0, std::string(sheet_title).c_str(), f.title);
  const std::string line = "Số: " + r.summary.number_text + " — " +
                           r.summary.issued_on.Vietnamese() + " — " +
                           r.report.period_start.Vietnamese() + " - " + r.report.as_of.Vietnamese();
  worksheet_write_string(ws, 1, 0, line.c_str(), f.note);
}

void FiguresRow(lxw_worksheet* ws, lxw_row_t row, const std::string& name,
                const domain::ReportFigures& g, bool bold, const Formats& f) {
  lxw_format* text = bold ? f.bold_text : f.text;
  lxw_format* number = bold ? f.bold_number : f.centered;
  worksheet_write_string(ws, row, 0, name.c_str(), text);
  const std::int64_t values[] = {g.cumulative.total,    g.due,
                                 g.due_completed,       g.overdue,
                                 g.completed_ahead,     g.ongoing,
                                 g.assigned_in_period,  g.due_in_period,
                                 g.completed_in_period, g.due_next_period,
                                 g.carried_over};
  worksheet_write_string(ws, row, 1, g.DueCompletedRatio().c_str(), number);
  lxw_col_t c = 2;
  for (const std::int64_t v : values)
    worksheet_write_number(ws, row, c++, static_cast<double>(v), number);
}

void FiguresSheet(lxw_workbook* wb, const service::IssuedReport& r, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, Say("document.sheet.figures").c_str());
  Heading(ws, r, Say("document.report.type") + " " + r.summary.number_text, f);
  const std::vector<Column> columns = {{"document.column.group", 44},
                                       {"document.column.due_ratio", 12},
                                       {"document.column.total", 9},
                                       {"document.column.due", 9},
                                       {"document.column.due_completed", 12},
                                       {"document.column.overdue", 9},
                                       {"document.column.ahead", 11},
                                       {"document.column.ongoing", 11},
                                       {"document.column.assigned_in_period", 11},
                                       {"document.column.due_in_period", 11},
                                       {"document.column.completed_in_period", 12},
                                       {"document.column.due_next_period", 11},
                                       {"document.column.carried_over", 11}};
  constexpr lxw_row_t kHeader = 3;
  Headers(ws, kHeader, columns, f);
  lxw_row_t row = kHeader + 1;
  FiguresRow(ws, row++, Say("document.report.whole_agency"), r.report.totals, true, f);
  worksheet_write_string(ws, row++, 0, Say("document.report.by_source").c_str(), f.bold_text);
  for (const auto& g : r.report.by_source_kind_and_key)
    FiguresRow(ws, row++, ReportGroupName(g), g.figures, false, f);
  worksheet_write_string(ws, row++, 0, Say("document.report.by_unit").c_str(), f.bold_text);
  for (const auto& g : r.report.by_unit)
    FiguresRow(ws, row++, ReportGroupName(g), g.figures, false, f);
}

void DateCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::optional<domain::Date>& d,
              const Formats& f) {
  if (!d) {
    worksheet_write_blank(ws, row, col, f.date);
    return;
  }
  lxw_datetime dt = ExcelDate(*d);
  worksheet_write_datetime(ws, row, col, &dt, f.date);
}

// `note` heads the column of each task's latest note: why an overdue task is late, how far one
// not yet due has come.
void TaskSheet(lxw_workbook* wb, const service::IssuedReport& r, const char* name, const char* note,
               const std::vector<ReportTask>& tasks, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, Say(name).c_str());
  Heading(ws, r, Say(name), f);
  const std::vector<Column> columns = {{"document.column.number", 6},
                                       {"document.column.task", 50},
                                       {"document.column.lead", 28},
                                       {"document.column.deadline", 12},
                                       {"document.column.extended", 9},
                                       {"document.column.progress", 9},
                                       {note, 50},
                                       {"document.column.note_on", 12}};
  constexpr lxw_row_t kHeader = 3;
  Headers(ws, kHeader, columns, f);
  lxw_row_t row = kHeader + 1;
  for (const ReportTask& t : tasks) {
    worksheet_write_number(ws, row, 0, static_cast<double>(row - kHeader), f.centered);
    worksheet_write_string(
        ws, row, 1, (t.hidden ? Say("document.report.hidden_task") : t.title).c_str(), f.text);
    worksheet_write_string(ws, row, 2, t.lead_org.name.c_str(), f.text);
    if (t.deadline) {
      DateCell(ws, row, 3, t.deadline, f);
    } else {
      worksheet_write_string(ws, row, 3, Say("label.deadline_ongoing").c_str(), f.centered);
    }
    worksheet_write_string(ws, row, 4, t.extended ? "x" : "", f.centered);
    worksheet_write_number(ws, row, 5, t.progress, f.centered);
    worksheet_write_string(ws, row, 6, t.hidden ? "" : t.note.c_str(), f.text);
    DateCell(ws, row, 7, t.hidden ? std::nullopt : t.note_on, f);
    ++row;
  }
  if (row > kHeader + 1) worksheet_autofilter(ws, kHeader, 0, row - 1, columns.size() - 1);
}

// Noon of the issue date, in UTC: the file's own date, not the moment it was drawn.
std::time_t IssueTime(domain::Date d) {
  std::tm tm{};
  tm.tm_year = d.year() - 1900;
  tm.tm_mon = d.month() - 1;
  tm.tm_mday = d.day();
  tm.tm_hour = 12;
  return timegm(&tm);
}

}  // namespace

std::string RenderReportXlsx(const service::IssuedReport& r) {
  XlsxTempFile file;
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) throw std::runtime_error("cannot create the workbook");
  std::string title = Say("document.report.type") + " " + r.summary.number_text;
  lxw_doc_properties properties{};
  properties.title = title.data();  // libxlsxwriter copies it, though its field is not const
  properties.created = IssueTime(r.summary.issued_on);
  workbook_set_properties(wb, &properties);
  const Formats f = MakeFormats(wb);
  FiguresSheet(wb, r, f);
  TaskSheet(wb, r, "document.sheet.overdue", "document.column.reason", r.report.overdue, f);
  TaskSheet(wb, r, "document.sheet.next_key", "document.column.situation", r.report.next_period_key,
            f);
  return file.Close(wb);
}

}  // namespace giaoban::documents
