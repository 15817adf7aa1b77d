#include "domain/lunar_calendar.h"

#include <cmath>
#include <cstdint>
#include <numbers>

namespace giaoban::domain {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kSynodicMonth = 29.530588861;
constexpr double kNewMoonEpoch = 2451550.09766;      // the mean new moon of 6 January 2000 (JDE)
constexpr double kTimeZoneDays = 7.0 / 24.0;         // the calendar is reckoned at UTC+7
constexpr std::int32_t kJulianDayOfEpoch = 2440588;  // 1970-01-01

std::int32_t JulianDay(Date d) { return d.days_since_epoch() + kJulianDayOfEpoch; }
Date FromJulianDay(std::int32_t jd) { return Date::FromDays(jd - kJulianDayOfEpoch); }

double Sin(double degrees) { return std::sin(degrees * kDegree); }

// The Julian ephemeris day of the k-th new moon after the epoch's (Meeus, chapter 49).
double NewMoon(std::int32_t k) {
  const double t = k / 1236.85;
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  const double jde =
      kNewMoonEpoch + kSynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp =
      201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const double f =
      160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  const double correction =
      -0.40720 * Sin(mp) + 0.17241 * e * Sin(m) + 0.01608 * Sin(2 * mp) + 0.01039 * Sin(2 * f) +
      0.00739 * e * Sin(mp - m) - 0.00514 * e * Sin(mp + m) + 0.00208 * e * e * Sin(2 * m) -
      0.00111 * Sin(mp - 2 * f) - 0.00057 * Sin(mp + 2 * f) + 0.00056 * e * Sin(2 * mp + m) -
      0.00042 * Sin(3 * mp) + 0.00042 * e * Sin(m + 2 * f) + 0.00038 * e * Sin(m - 2 * f) -
      0.00024 * e * Sin(2 * mp - m) - 0.00017 * Sin(omega) - 0.00007 * Sin(mp + 2 * m) +
      0.00004 * Sin(2 * mp - 2 * f) + 0.00004 * Sin(3 * m) + 0.00003 * Sin(mp + m - 2 * f) +
      0.00003 * Sin(2 * mp + 2 * f) - 0.00003 * Sin(mp + m + 2 * f) +
      0.00003 * Sin(mp - m + 2 * f) - 0.00002 * Sin(mp - m - 2 * f) - 0.00002 * Sin(3 * mp + m) +
      0.00002 * Sin(4 * mp);
  return jde + correction;
}

// The Julian day number of the local (UTC+7) day on which the k-th new moon falls. Dynamical
// time runs about a minute ahead of civil time in these years; that minute is left out.
std::int32_t NewMoonDay(std::int32_t k) {
  return static_cast<std::int32_t>(std::floor(NewMoon(k) + 0.5 + kTimeZoneDays));
}

// The sun's apparent longitude in degrees, [0, 360), at Julian day `jd` (Meeus, chapter 25).
double SunLongitude(double jd) {
  const double t = (jd - 2451545.0) / 36525;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Sin(m) +
                   (0.019993 - 0.000101 * t) * Sin(2 * m) + 0.000289 * Sin(3 * m);
  const double apparent = l0 + c - 0.00569 - 0.00478 * Sin(125.04 - 1934.136 * t);
  return apparent - 360.0 * std::floor(apparent / 360.0);
}

// Which 30° sector of the ecliptic the sun is in when the local day `jd` begins: a month holds a
// major solar term when the sector at its first day differs from the next month's.
int SunSector(std::int32_t jd) {
  return static_cast<int>(SunLongitude(jd - 0.5 - kTimeZoneDays) / 30.0);
}

// The index of the last new moon whose local day is on or before `jd`.
std::int32_t NewMoonOnOrBefore(std::int32_t jd) {
  auto k = static_cast<std::int32_t>(std::floor((jd - kNewMoonEpoch) / kSynodicMonth));
  while (NewMoonDay(k + 1) <= jd) ++k;
  while (NewMoonDay(k) > jd) --k;
  return k;
}

// The new moon that begins month 11 of `year`: the month in which the winter solstice falls.
std::int32_t Month11(int year) {
  const std::int32_t k = NewMoonOnOrBefore(JulianDay(*Date::FromYmd(year, 12, 31)));
  // Begun after the solstice (the sun already past 270°): month 11 is the one before.
  return SunSector(NewMoonDay(k)) >= 9 ? k - 1 : k;
}

// In a thirteen-month year starting at month 11 (new moon `k11`), how many months after month 11
// the leap month comes: the first month without a major solar term.
int LeapOffset(std::int32_t k11) {
  for (int i = 1; i < 14; ++i) {
    if (SunSector(NewMoonDay(k11 + i)) == SunSector(NewMoonDay(k11 + i + 1))) return i;
  }
  return 13;  // unreachable in a thirteen-month year: some month lacks a major term
}

bool ThirteenMonths(std::int32_t k11, std::int32_t next_k11) { return next_k11 - k11 == 13; }

}  // namespace

LunarDate ToLunar(Date solar) {
  const std::int32_t jd = JulianDay(solar);
  const std::int32_t k = NewMoonOnOrBefore(jd);
  std::int32_t k11 = Month11(solar.year());
  std::int32_t next_k11 = 0;
  int year_of_k11 = solar.year();
  if (k < k11) {  // before this year's month 11: the year started at last year's
    next_k11 = k11;
    k11 = Month11(solar.year() - 1);
    year_of_k11 = solar.year() - 1;
  } else {
    next_k11 = Month11(solar.year() + 1);
  }
  const int offset = static_cast<int>(k - k11);  // months since month 11 began
  int month = offset + 11;
  bool leap = false;
  if (ThirteenMonths(k11, next_k11)) {
    const int leap_offset = LeapOffset(k11);
    if (offset >= leap_offset) month = offset + 10;
    leap = offset == leap_offset;
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 belong to the lunar year that began before them.
  const int year = month >= 11 && offset < 4 ? year_of_k11 : year_of_k11 + 1;
  return LunarDate{year, month, jd - NewMoonDay(k) + 1, leap};
}

std::optional<Date> FromLunar(const LunarDate& lunar) {
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return std::nullopt;
  // Month 11 of which Gregorian year began the stretch that holds this month.
  const int from = lunar.month >= 11 ? lunar.year : lunar.year - 1;
  const std::int32_t k11 = Month11(from);
  const std::int32_t next_k11 = Month11(from + 1);
  int offset = lunar.month - 11;
  if (offset < 0) offset += 12;
  if (ThirteenMonths(k11, next_k11)) {
    const int leap_offset = LeapOffset(k11);
    if (lunar.leap) {
      if (offset + 1 != leap_offset) return std::nullopt;
      ++offset;
    } else if (offset >= leap_offset) {
      ++offset;
    }
  } else if (lunar.leap) {
    return std::nullopt;
  }
  const std::int32_t start = NewMoonDay(k11 + offset);
  if (start + lunar.day > NewMoonDay(k11 + offset + 1)) return std::nullopt;
  return FromJulianDay(start + lunar.day - 1);
}

}  // namespace giaoban::domain
