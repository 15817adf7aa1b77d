#include "sheets/excel_date.h"

#include <cmath>

namespace giaoban::sheets {

std::optional<domain::Date> ExcelSerialDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) {
    return std::nullopt;
  }
  const auto day = static_cast<std::int32_t>(std::floor(serial));
  if (date1904) return domain::Date::FromYmd(1904, 1, 1)->AddDays(day);
  // The 1900 system takes 1900 for a leap year, as Lotus 1-2-3 did: day 60 is a 29th of February
  // that never was, and from day 61 on every serial is one day ahead of the calendar.
  if (day == 60) return std::nullopt;
  const domain::Date zero = *domain::Date::FromYmd(1899, 12, 31);
  return zero.AddDays(day < 60 ? day : day - 1);
}

}  // namespace giaoban::sheets
