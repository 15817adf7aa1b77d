#include "domain/reporting_period.h"

#include <cstdio>

#include "domain/period.h"

namespace giaoban::domain {
namespace {

// One year either side stays representable: a January under the cut-off starts in December of the
// year before, and the next window of a December ends in the year after.
constexpr int kMinYear = 1901;
constexpr int kMaxYear = 9998;

constexpr const char* kEnglishMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

bool YearInRange(int year) { return year >= kMinYear && year <= kMaxYear; }

// The dates reported on for the months first..last of `year` (1..12 each).
DateWindow WindowOf(int year, int first, int last, PeriodConvention c) {
  if (c == PeriodConvention::kCalendarMonth) {
    return {*Date::FromYmd(year, first, 1),
            *Date::FromYmd(year, last, Date::DaysInMonth(year, last))};
  }
  const Date start =
      first == 1 ? *Date::FromYmd(year - 1, 12, 15) : *Date::FromYmd(year, first - 1, 15);
  return {start, *Date::FromYmd(year, last, 14)};
}

}  // namespace

std::string_view PeriodConventionCode(PeriodConvention c) {
  return c == PeriodConvention::kCalendarMonth ? "calendar_month" : "cutoff_14th";
}

std::optional<PeriodConvention> ParsePeriodConvention(std::string_view code) {
  if (code == "calendar_month") return PeriodConvention::kCalendarMonth;
  if (code == "cutoff_14th") return PeriodConvention::kCutOff14th;
  return std::nullopt;
}

std::optional<ReportingPeriod> ReportingPeriod::Month(int year, int month, PeriodConvention c) {
  if (!YearInRange(year) || month < 1 || month > 12) return std::nullopt;
  return ReportingPeriod(Kind::kMonth, year, month, c);
}

std::optional<ReportingPeriod> ReportingPeriod::Quarter(int year, int quarter, PeriodConvention c) {
  if (!YearInRange(year) || quarter < 1 || quarter > 4) return std::nullopt;
  return ReportingPeriod(Kind::kQuarter, year, quarter, c);
}

std::optional<ReportingPeriod> ReportingPeriod::FirstMonths(int year, int months,
                                                            PeriodConvention c) {
  if (!YearInRange(year) || months < 1 || months > 11) return std::nullopt;
  return ReportingPeriod(Kind::kFirstMonths, year, months, c);
}

std::optional<ReportingPeriod> ReportingPeriod::Year(int year, PeriodConvention c) {
  if (!YearInRange(year)) return std::nullopt;
  return ReportingPeriod(Kind::kYear, year, 12, c);
}

std::optional<ReportingPeriod> ReportingPeriod::Parse(std::string_view key, PeriodConvention c) {
  // A month, a quarter or a year is written as the calendar Period is; "2023-M08" is the year's
  // first eight months.
  if (key.size() == 8 && key.substr(4, 2) == "-M") {
    const auto year = Period::Parse(key.substr(0, 4));
    const auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    if (!year || !digit(key[6]) || !digit(key[7])) return std::nullopt;
    return FirstMonths(year->year, (key[6] - '0') * 10 + (key[7] - '0'), c);
  }
  const auto period = Period::Parse(key);
  if (!period) return std::nullopt;
  switch (period->kind) {
    case Period::Kind::kMonth:
      return Month(period->year, period->index, c);
    case Period::Kind::kQuarter:
      return Quarter(period->year, period->index, c);
    case Period::Kind::kYear:
      break;
  }
  return Year(period->year, c);
}

ReportingPeriod ReportingPeriod::MonthContaining(Date d, PeriodConvention c) {
  if (c == PeriodConvention::kCutOff14th && d.day() >= 15) {
    return d.month() == 12 ? ReportingPeriod(Kind::kMonth, d.year() + 1, 1, c)
                           : ReportingPeriod(Kind::kMonth, d.year(), d.month() + 1, c);
  }
  return ReportingPeriod(Kind::kMonth, d.year(), d.month(), c);
}

DateWindow ReportingPeriod::window() const {
  switch (kind_) {
    case Kind::kMonth:
      return WindowOf(year_, index_, index_, convention_);
    case Kind::kQuarter:
      return WindowOf(year_, index_ * 3 - 2, index_ * 3, convention_);
    case Kind::kFirstMonths:
    case Kind::kYear:
      break;
  }
  return WindowOf(year_, 1, index_, convention_);
}

DateWindow ReportingPeriod::NextWindow() const {
  switch (kind_) {
    case Kind::kMonth:
      return index_ == 12 ? WindowOf(year_ + 1, 1, 1, convention_)
                          : WindowOf(year_, index_ + 1, index_ + 1, convention_);
    case Kind::kQuarter:
      return index_ == 4 ? WindowOf(year_ + 1, 1, 3, convention_)
                         : WindowOf(year_, index_ * 3 + 1, index_ * 3 + 3, convention_);
    case Kind::kFirstMonths:
      return WindowOf(year_, index_ + 1, 12, convention_);
    case Kind::kYear:
      break;
  }
  return WindowOf(year_ + 1, 1, 12, convention_);
}

ReportingPeriod ReportingPeriod::Previous() const {
  switch (kind_) {
    case Kind::kMonth:
      return index_ == 1 ? ReportingPeriod(kind_, year_ - 1, 12, convention_)
                         : ReportingPeriod(kind_, year_, index_ - 1, convention_);
    case Kind::kQuarter:
      return index_ == 1 ? ReportingPeriod(kind_, year_ - 1, 4, convention_)
                         : ReportingPeriod(kind_, year_, index_ - 1, convention_);
    case Kind::kFirstMonths:
    case Kind::kYear:
      break;
  }
  return ReportingPeriod(kind_, year_ - 1, index_, convention_);
}

std::string ReportingPeriod::Key() const {
  char buf[16];
  switch (kind_) {
    case Kind::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year_, index_);
      break;
    case Kind::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year_, index_);
      break;
    case Kind::kFirstMonths:
      std::snprintf(buf, sizeof buf, "%04d-M%02d", year_, index_);
      break;
    case Kind::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year_);
      break;
  }
  return buf;
}

std::string ReportingPeriod::Vietnamese() const {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  const std::string year = std::to_string(year_);
  switch (kind_) {
    case Kind::kMonth:
      return "Tháng " + std::to_string(index_) + "/" + year;
    case Kind::kQuarter:
      return std::string("Quý ") + kRoman[index_ - 1] + "/" + year;
    case Kind::kFirstMonths:
      return std::to_string(index_) + " tháng đầu năm " + year;
    case Kind::kYear:
      break;
  }
  return "Năm " + year;
}

std::string ReportingPeriod::English() const {
  const std::string year = std::to_string(year_);
  switch (kind_) {
    case Kind::kMonth:
      return std::string(kEnglishMonths[index_ - 1]) + " " + year;
    case Kind::kQuarter:
      return "Q" + std::to_string(index_) + " " + year;
    case Kind::kFirstMonths:
      return std::string("January–") + kEnglishMonths[index_ - 1] + " " + year;
    case Kind::kYear:
      break;
  }
  return "Year " + year;
}

std::string ReportingPeriod::VietnameseWindow() const {
  const DateWindow w = window();
  return "Số liệu tính từ ngày " + ReportTextDate(w.start) + " đến ngày " + ReportTextDate(w.end);
}

std::string ReportingPeriod::EnglishWindow() const {
  const DateWindow w = window();
  return "Figures from " + ReportTextDate(w.start) + " to " + ReportTextDate(w.end);
}

std::string ReportTextDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d/%d/%d", d.day(), d.month(), d.year());
  return buf;
}

}  // namespace giaoban::domain
