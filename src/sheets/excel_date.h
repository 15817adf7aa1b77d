// Excel's serial dates: a day is the count of days from the workbook's epoch, its time of day the
// fraction after it.
#pragma once

#include <optional>

#include "domain/date.h"

namespace giaoban::sheets {

// The day of `serial` in a workbook of the 1900 date system (or the 1904 one): the time of day
// is dropped. Nullopt for what names no day: not a number, before the epoch, beyond the year
// 9999, or the 29th of February 1900, which the 1900 system counts though it never was.
std::optional<domain::Date> ExcelSerialDate(double serial, bool date1904 = false);

// The serial of `day` in a workbook of the 1900 (or 1904) date system; nullopt for a day the
// system cannot hold (before its epoch, or in 1900 before March, where the two calendars part).
std::optional<double> ExcelSerialOf(domain::Date day, bool date1904 = false);

}  // namespace giaoban::sheets
