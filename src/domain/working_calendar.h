// Working days (docs/domain.md#working-days): Monday to Friday, except public holidays and the days
// the Government gives off around them, and plus the weekend days it names to be worked instead.
// Every "within N working days" rule of the product counts on one of these calendars. The days
// off are announced for each year, so they are data an administrator edits; a year that has no
// data gets the holidays the Labour Code fixes.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/date.h"

namespace giaoban::domain {

// Saturday or Sunday.
inline bool IsWeekend(Date d) { return d.weekday() >= 5; }

// A day that the usual week gets wrong: a weekday off, or a weekend day worked (làm bù).
struct CalendarDay {
  Date date;
  bool working = false;
  std::string name;  // "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù"

  friend bool operator==(const CalendarDay&, const CalendarDay&) = default;
};

class WorkingCalendar {
 public:
  WorkingCalendar() = default;
  explicit WorkingCalendar(const std::vector<CalendarDay>& days);

  bool IsWorkingDay(Date d) const;
  // The n-th working day after `d` (n >= 0; the 0th is `d` itself): a notice due "within 5
  // working days" of a meeting held on d is due on AddWorkingDays(d, 5).
  Date AddWorkingDays(Date d, int n) const;
  // The working days after `from` up to and including `to`; 0 when `to` <= `from`. A report due
  // on Friday and sent on Tuesday is two working days late.
  int WorkingDaysAfter(Date from, Date to) const;

 private:
  std::set<Date> days_off_;      // weekdays off
  std::set<Date> working_days_;  // weekend days worked
};

// The holidays of `year` the Labour Code of 2019 fixes (Điều 112) for a year whose days off have
// not been announced: 1/1; Tết Nguyên đán, the last day of the lunar year and the first four of
// the next; Giỗ Tổ Hùng Vương, 10/3 lunar; 30/4 and 1/5; 2/9 and the day before. A holiday on a
// weekend is made up on the next working day (Điều 111). In date order.
std::vector<CalendarDay> StatutoryHolidays(int year);

// The days off the Government announced for `year` (2023 to 2026 so far), with its swapped
// working days; for any other year, StatutoryHolidays(year). What a new installation starts with.
std::vector<CalendarDay> DefaultCalendarDays(int year);
bool HasAnnouncedCalendar(int year);

}  // namespace giaoban::domain
