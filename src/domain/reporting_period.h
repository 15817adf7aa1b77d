// The window of business dates a report covers (docs/domain.md#reporting-periods). Which
// dates a month's report covers is an agency's setting: the calendar month, or the cut-off of
// Nghị định 09/2019/NĐ-CP, where a month's report runs from the 15th of the month before to the
// 14th of its own month, and aggregate reports likewise end on the 14th.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace giaoban::domain {

enum class PeriodConvention {
  kCalendarMonth,  // "calendar_month": 1st to the last day
  kCutOff14th,     // "cutoff_14th": 15th of the month before to the 14th
};

std::string_view PeriodConventionCode(PeriodConvention c);
std::optional<PeriodConvention> ParsePeriodConvention(std::string_view code);

// A closed range of dates [start, end].
struct DateWindow {
  Date start;
  Date end;

  bool Contains(Date d) const { return start <= d && d <= end; }
  friend bool operator==(const DateWindow&, const DateWindow&) = default;
};

// "15/7/2023": a day as a report's text writes it, without leading zeros.
std::string ReportTextDate(Date d);

class ReportingPeriod {
 public:
  enum class Kind {
    kMonth,        // "2023-08": Tháng 8/2023
    kQuarter,      // "2023-Q3": Quý III/2023
    kFirstMonths,  // "2023-M08": the year up to month 8, "8 tháng đầu năm 2023"; 6 and 9 likewise
    kYear,         // "2023": Năm 2023
  };

  static std::optional<ReportingPeriod> Month(int year, int month, PeriodConvention c);
  static std::optional<ReportingPeriod> Quarter(int year, int quarter, PeriodConvention c);
  // The year's first `months` months, 1..11 (twelve is the year).
  static std::optional<ReportingPeriod> FirstMonths(int year, int months, PeriodConvention c);
  static std::optional<ReportingPeriod> Year(int year, PeriodConvention c);
  // The Key() form; nullopt on anything else.
  static std::optional<ReportingPeriod> Parse(std::string_view key, PeriodConvention c);
  // The monthly period whose window holds `d`.
  static ReportingPeriod MonthContaining(Date d, PeriodConvention c);

  Kind kind() const { return kind_; }
  int year() const { return year_; }
  int index() const { return index_; }  // month, quarter or number of months; 12 for a year
  PeriodConvention convention() const { return convention_; }

  DateWindow window() const;
  Date start() const { return window().start; }
  Date end() const { return window().end; }
  // What "next period" means in the report: the following month or quarter, the rest of the year
  // after the year's first months, the next year.
  DateWindow NextWindow() const;
  ReportingPeriod Previous() const;  // of the same kind; a year's first months: a year before

  std::string Key() const;  // "2023-08", "2023-Q3", "2023-M08", "2023"
  // "Tháng 8/2023", "Quý III/2023", "6 tháng đầu năm 2023", "Năm 2023"
  std::string Vietnamese() const;
  std::string English() const;  // "August 2023", "Q3 2023", "January–June 2023", "Year 2023"
  // "Số liệu tính từ ngày 15/7/2023 đến ngày 14/8/2023", as a report states its window.
  std::string VietnameseWindow() const;
  std::string EnglishWindow() const;  // "Figures from 15/7/2023 to 14/8/2023"

  friend bool operator==(const ReportingPeriod&, const ReportingPeriod&) = default;

 private:
  ReportingPeriod(Kind kind, int year, int index, PeriodConvention c)
      : kind_(kind), year_(year), index_(index), convention_(c) {}

  Kind kind_;
  int year_;
  int index_;
  PeriodConvention convention_;
};

}  // namespace giaoban::domain
