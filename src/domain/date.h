// Calendar dates as business facts: "assigned on", "completed on", "deadline". No time of day and
// no time zone: a date is what the civil servant wrote on the document.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace giaoban::domain {

class Date {
 public:
  constexpr Date() = default;                                        // 1970-01-01
  static std::optional<Date> FromYmd(int year, int month, int day);  // nullopt if not a real date
  static constexpr Date FromDays(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Strict "YYYY-MM-DD" (years 1900..9999); nullopt on anything else.
  static std::optional<Date> Parse(std::string_view iso);

  int year() const;
  int month() const;    // 1..12
  int day() const;      // 1..31
  int weekday() const;  // 0 = Monday .. 6 = Sunday
  constexpr std::int32_t days_since_epoch() const { return days_; }

  Date AddDays(std::int32_t n) const { return Date(days_ + n); }
  Date AddMonths(int n) const;  // clamps the day to the month's length (31/01 + 1 month = 28/02)
  static int DaysInMonth(int year, int month);

  std::string Iso() const;         // 2023-08-31
  std::string Vietnamese() const;  // 31/08/2023

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr bool operator==(Date, Date) = default;
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

}  // namespace giaoban::domain
