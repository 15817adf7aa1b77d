// The Vietnamese lunisolar calendar (âm lịch), for the holidays fixed by it: Tết Nguyên đán (1/1)
// and Giỗ Tổ Hùng Vương (10/3). A month begins on the day of the new moon as seen at UTC+7 (which
// is why Tết 1985 fell a month apart in Hà Nội and Beijing); month 11 holds the winter solstice; a
// year with thirteen months repeats the first month after month 11 that holds no major solar
// term. The new moons and the sun's longitude come from J. Meeus, "Astronomical Algorithms"
// (chapters 25 and 49), good to a few minutes in the years this product meets.
#pragma once

#include <optional>

#include "domain/date.h"

namespace giaoban::domain {

struct LunarDate {
  int year;   // the lunar year, which begins on Tết
  int month;  // 1..12
  int day;    // 1..30
  bool leap;  // the repeated month of a thirteen-month year (tháng nhuận)

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// For solar dates from 1901 to 2199.
LunarDate ToLunar(Date solar);
// nullopt when that lunar year has no such day (a 29-day month's 30th, a leap month it lacks).
std::optional<Date> FromLunar(const LunarDate& lunar);

}  // namespace giaoban::domain
