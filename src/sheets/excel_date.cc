#include "sheets/excel_date.h"

#include <cmath>

namespace giaoban::sheets {

namespace {

const domain::Date& Epoch1904() {
  static const domain::Date epoch = *domain::Date::FromYmd(1904, 1, 1);
  return epoch;
}

}  // namespace

std::optional<domain::Date> ExcelSerialDate(double serial, bool date1904) {
  // The last serial is that of 31/12/9999 in either system.
  const double last = date1904 ? *domain::Date::FromYmd(9999, 12, 31) - Epoch1904() : 2958465;
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= last + 1) {
    return std::nullopt;
  }
  const auto day = static_cast<std::int32_t>(std::floor(serial));
  if (date1904) return Epoch1904().AddDays(day);
  // The 1900 system takes 1900 for a leap year, as Lotus 1-2-3 did: day 60 is a 29th of February
  // that never was, and from day 61 on every serial is one day ahead of the calendar.
  if (day == 60) return std::nullopt;
  const domain::Date zero = *domain::Date::FromYmd(1899, 12, 31);
  return zero.AddDays(day < 60 ? day : day - 1);
}

std::optional<double> ExcelSerialOf(domain::Date day, bool date1904) {
  if (date1904) {
    if (day < Epoch1904()) return std::nullopt;
    return day - Epoch1904();
  }
  const domain::Date march = *domain::Date::FromYmd(1900, 3, 1);
  if (day < march) return std::nullopt;
  return (day - march) + 61.0;
}

}  // namespace giaoban::sheets
