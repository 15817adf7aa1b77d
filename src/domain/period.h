// Reporting periods: a month, a quarter or a year. Deadlines may be given as a period ("Quý
// III/2023"), in which case the deadline in force is the period's last day.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace giaoban::domain {

struct Period {
  enum class Kind { kMonth, kQuarter, kYear };
  Kind kind;
  int year;
  int index;  // month 1..12, quarter 1..4, 0 for a year

  // "2023-08" (month), "2023-Q3" (quarter), "2023" (year); nullopt on anything else.
  static std::optional<Period> Parse(std::string_view text);
  static Period MonthOf(Date d);

  Date first_day() const;
  Date last_day() const;
  bool Contains(Date d) const { return first_day() <= d && d <= last_day(); }
  Period Next() const;
  Period Previous() const;

  std::string Key() const;         // the Parse() form: "2023-08", "2023-Q3", "2023"
  std::string Vietnamese() const;  // "Tháng 8/2023", "Quý III/2023", "Năm 2023"
  std::string English() const;     // "August 2023", "Q3 2023", "Year 2023"

  friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace giaoban::domain
