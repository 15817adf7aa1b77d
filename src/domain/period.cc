#include "domain/period.h"

#include <cstdio>
#include <utility>

namespace giaoban::domain {
namespace {

// Same year range as Date::Parse so that every parsed period has representable first/last days.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

std::optional<int> Digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

template <typename... Ints>
std::string Format(const char* fmt, Ints... values) {
  char buf[48];
  std::snprintf(buf, sizeof buf, fmt, values...);
  return buf;
}

}  // namespace

std::optional<Period> Period::Parse(std::string_view text) {
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  const auto year = Digits(text.substr(0, 4));
  if (!year || *year < kMinYear || *year > kMaxYear) return std::nullopt;
  if (text.size() == 4) return Period{Kind::kYear, *year, 0};
  if (text[4] != '-') return std::nullopt;
  if (text[5] == 'Q') {
    const auto q = Digits(text.substr(6, 1));
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return Period{Kind::kQuarter, *year, *q};
  }
  const auto month = Digits(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return Period{Kind::kMonth, *year, *month};
}

Period Period::MonthOf(Date d) { return Period{Kind::kMonth, d.year(), d.month()}; }

namespace {

// The first and the last month of a period.
std::pair<int, int> Months(Period::Kind kind, int index) {
  switch (kind) {
    case Period::Kind::kMonth:
      return {index, index};
    case Period::Kind::kQuarter:
      return {(index - 1) * 3 + 1, index * 3};
    case Period::Kind::kYear:
      break;
  }
  return {1, 12};
}

}  // namespace

Date Period::first_day() const { return *Date::FromYmd(year, Months(kind, index).first, 1); }

Date Period::last_day() const {
  const int month = Months(kind, index).second;
  return *Date::FromYmd(year, month, Date::DaysInMonth(year, month));
}

Period Period::Next() const {
  switch (kind) {
    case Kind::kMonth:
      return index == 12 ? Period{kind, year + 1, 1} : Period{kind, year, index + 1};
    case Kind::kQuarter:
      return index == 4 ? Period{kind, year + 1, 1} : Period{kind, year, index + 1};
    case Kind::kYear:
      break;
  }
  return Period{kind, year + 1, 0};
}

Period Period::Previous() const {
  switch (kind) {
    case Kind::kMonth:
      return index == 1 ? Period{kind, year - 1, 12} : Period{kind, year, index - 1};
    case Kind::kQuarter:
      return index == 1 ? Period{kind, year - 1, 4} : Period{kind, year, index - 1};
    case Kind::kYear:
      break;
  }
  return Period{kind, year - 1, 0};
}

std::string Period::Key() const {
  switch (kind) {
    case Kind::kMonth:
      return Format("%04d-%02d", year, index);
    case Kind::kQuarter:
      return Format("%04d-Q%d", year, index);
    case Kind::kYear:
      break;
  }
  return Format("%04d", year);
}

std::string Period::Vietnamese() const {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  switch (kind) {
    case Kind::kMonth:
      return Format("Tháng %d/%d", index, year);
    case Kind::kQuarter:
      return std::string("Quý ") + kRoman[index - 1] + "/" + std::to_string(year);
    case Kind::kYear:
      break;
  }
  return "Năm " + std::to_string(year);
}

std::string Period::English() const {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  switch (kind) {
    case Kind::kMonth:
      return std::string(kMonths[index - 1]) + " " + std::to_string(year);
    case Kind::kQuarter:
      return Format("Q%d %d", index, year);
    case Kind::kYear:
      break;
  }
  return "Year " + std::to_string(year);
}

}  // namespace giaoban::domain
