#include "domain/date.h"

#include <algorithm>
#include <cstdio>

namespace giaoban::domain {
namespace {

// Proleptic Gregorian calendar counted in 400-year eras (146097 days each) starting on 1 March, so
// that the leap day is the last day of the counting year and needs no special case.
constexpr std::int32_t kDaysPerEra = 146097;
constexpr std::int32_t kEpochShift = 719468;  // days from 0000-03-01 to 1970-01-01

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                    // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * kDaysPerEra + doe - kEpochShift;
}

struct Ymd {
  int year;
  int month;
  int day;
};

Ymd CivilFromDays(std::int32_t days) {
  const std::int32_t z = days + kEpochShift;
  const int era = (z >= 0 ? z : z - (kDaysPerEra - 1)) / kDaysPerEra;
  const int doe = z - era * kDaysPerEra;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

// Reads exactly `width` ASCII digits; std::from_chars would also accept fewer.
std::optional<int> Digits(std::string_view s, std::size_t pos, std::size_t width) {
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

}  // namespace

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto y = Digits(iso, 0, 4);
  const auto m = Digits(iso, 5, 2);
  const auto d = Digits(iso, 8, 2);
  if (!y || !m || !d || *y < 1900) return std::nullopt;
  return FromYmd(*y, *m, *d);
}

int Date::year() const { return CivilFromDays(days_).year; }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0); the double modulo handles dates before it.
  return ((days_ + 3) % 7 + 7) % 7;
}

Date Date::AddMonths(int n) const {
  const Ymd ymd = CivilFromDays(days_);
  const int total = ymd.year * 12 + (ymd.month - 1) + n;
  const int year = total >= 0 ? total / 12 : (total - 11) / 12;
  const int month = total - year * 12 + 1;
  const int day = std::min(ymd.day, DaysInMonth(year, month));
  return Date(DaysFromCivil(year, month, day));
}

std::string Date::Iso() const {
  // Written digit by digit: a report writes a date for every task it lists. A year beyond four
  // digits, which only arithmetic past kMaxYear makes, is written in full.
  const Ymd ymd = CivilFromDays(days_);
  if (ymd.year < 0 || ymd.year > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
    return buf;
  }
  std::string out = "0000-00-00";
  for (int i = 3, y = ymd.year; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + ymd.month / 10);
  out[6] = static_cast<char>('0' + ymd.month % 10);
  out[8] = static_cast<char>('0' + ymd.day / 10);
  out[9] = static_cast<char>('0' + ymd.day % 10);
  return out;
}

std::string Date::Vietnamese() const {
  const Ymd ymd = CivilFromDays(days_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", ymd.day, ymd.month, ymd.year);
  return buf;
}

}  // namespace giaoban::domain
