// The pieces of a consolidated report the documents' tests and benchmark draw: the agency's
// settings, a month's period and figures. Each test fills in what it checks.
#pragma once

#include <cstdio>

#include "domain/date.h"
#include "domain/report_figures.h"
#include "service/reports/model.h"
#include "service/reports/report_settings.h"

namespace giaoban::documents::report_testing {

inline domain::Date Day(int y, int m, int d) { return *domain::Date::FromYmd(y, m, d); }

// Quảng Ngãi's Department of Transport, under the calendar month.
inline service::ReportSettings SampleSettings() {
  service::ReportSettings s;
  s.period_convention = "calendar_month";
  s.agency_code = "SGTVT";
  s.place_name = "Quảng Ngãi";
  s.parent_line = "UBND TỈNH QUẢNG NGÃI";
  s.agency_line = "SỞ GIAO THÔNG VẬN TẢI";
  s.recipients = {"UBND tỉnh (b/c);", "Lưu: VT, KHTC."};
  s.document_types = {{"Báo cáo", "BC"}, {"Thông báo", "TB"}};
  return s;
}

// The report's period: the calendar month `year`-`month`, counted to its end, and the month after.
inline void SetMonth(service::ConsolidatedReport& r, int year, int month) {
  const domain::Date start = Day(year, month, 1);
  const domain::Date next = start.AddMonths(1);
  char key[8];
  std::snprintf(key, sizeof key, "%04d-%02d", year, month);
  r.period = key;
  r.period_kind = "month";
  r.period_convention = "calendar_month";
  r.period_start = start;
  r.period_end = next.AddDays(-1);
  r.as_of = r.period_end;
  r.next_start = next;
  r.next_end = next.AddMonths(1).AddDays(-1);
}

// A group's figures: `due` tasks due, `due_completed` of them completed, `total` counted.
inline domain::ReportFigures Figures(int due, int due_completed, int total) {
  domain::ReportFigures f;
  f.due = due;
  f.due_completed = due_completed;
  f.overdue = due - due_completed;
  f.cumulative.total = total;
  return f;
}

}  // namespace giaoban::documents::report_testing
