#include "domain/working_calendar.h"

#include <algorithm>

#include "domain/lunar_calendar.h"

namespace giaoban::domain {

WorkingCalendar::WorkingCalendar(const std::vector<CalendarDay>& days) {
  for (const CalendarDay& day : days) {
    if (day.working && IsWeekend(day.date)) working_days_.insert(day.date);
    if (!day.working && !IsWeekend(day.date)) days_off_.insert(day.date);
  }
}

bool WorkingCalendar::IsWorkingDay(Date d) const {
  return IsWeekend(d) ? working_days_.contains(d) : !days_off_.contains(d);
}

Date WorkingCalendar::AddWorkingDays(Date d, int n) const {
  while (n > 0) {
    d = d.AddDays(1);
    if (IsWorkingDay(d)) --n;
  }
  return d;
}

int WorkingCalendar::WorkingDaysAfter(Date from, Date to) const {
  int n = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) n += IsWorkingDay(d);
  return n;
}

std::vector<CalendarDay> StatutoryHolidays(int year) {
  std::vector<CalendarDay> holidays;
  auto add = [&](Date d, const char* name) { holidays.push_back({d, false, name}); };
  add(*Date::FromYmd(year, 1, 1), "Tết Dương lịch");
  const Date tet = *FromLunar({year, 1, 1, false});
  for (int i = -1; i < 4; ++i) add(tet.AddDays(i), "Tết Nguyên đán");
  add(*FromLunar({year, 3, 10, false}), "Giỗ Tổ Hùng Vương");
  add(*Date::FromYmd(year, 4, 30), "Ngày Chiến thắng");
  add(*Date::FromYmd(year, 5, 1), "Ngày Quốc tế Lao động");
  add(*Date::FromYmd(year, 9, 1), "Quốc khánh");
  add(*Date::FromYmd(year, 9, 2), "Quốc khánh");
  const auto by_date = [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; };
  std::stable_sort(holidays.begin(), holidays.end(), by_date);
  // A holiday on a weekend is made up on the next weekday that is not a holiday. From 2000 to 2100
  // no two holidays fall on one day, so none needs making up for that.
  std::set<Date> off;
  std::vector<const CalendarDay*> to_make_up;
  for (const CalendarDay& h : holidays) {
    off.insert(h.date);
    if (IsWeekend(h.date)) to_make_up.push_back(&h);
  }
  std::vector<CalendarDay> made_up;
  for (const CalendarDay* h : to_make_up) {
    Date d = h->date.AddDays(1);
    while (IsWeekend(d) || off.contains(d)) d = d.AddDays(1);
    off.insert(d);
    made_up.push_back({d, false, "Nghỉ bù " + h->name});
  }
  holidays.insert(holidays.end(), made_up.begin(), made_up.end());
  std::stable_sort(holidays.begin(), holidays.end(), by_date);
  return holidays;
}

namespace {

// Each announced year as the notices give it: the days of each break, weekends included, and the
// Saturdays worked in exchange for a weekday off.
struct Announcement {
  int year;
  std::vector<CalendarDay> days;
};

class AnnouncementBuilder {
 public:
  explicit AnnouncementBuilder(int year) : year_(year) {}
  // Every day from d1/m1 to d2/m2 of the year, off.
  AnnouncementBuilder& Off(int d1, int m1, int d2, int m2, const char* name) {
    for (Date d = Day(d1, m1); d <= Day(d2, m2); d = d.AddDays(1))
      days_.push_back({d, false, name});
    return *this;
  }
  AnnouncementBuilder& Off(int d, int m, const char* name) { return Off(d, m, d, m, name); }
  AnnouncementBuilder& Work(int d, int m) {
    days_.push_back({Day(d, m), true, "Làm bù"});
    return *this;
  }
  Announcement Build() const { return {year_, days_}; }

 private:
  Date Day(int d, int m) const { return *Date::FromYmd(year_, m, d); }
  int year_;
  std::vector<CalendarDay> days_;
};

const std::vector<Announcement>& Announcements() {
  static const std::vector<Announcement> all = {
      // Công văn 8056/VPCP-KGVX of 1/12/2022.
      AnnouncementBuilder(2023)
          .Off(1, 1, "Tết Dương lịch")
          .Off(2, 1, "Nghỉ bù Tết Dương lịch")
          .Off(20, 1, 26, 1, "Tết Nguyên đán")
          .Off(29, 4, "Giỗ Tổ Hùng Vương")
          .Off(30, 4, "Ngày Chiến thắng")
          .Off(1, 5, "Ngày Quốc tế Lao động")
          .Off(2, 5, "Nghỉ bù Giỗ Tổ Hùng Vương")
          .Off(3, 5, "Nghỉ bù Ngày Chiến thắng")
          .Off(1, 9, 2, 9, "Quốc khánh")
          .Off(4, 9, "Nghỉ bù Quốc khánh")
          .Build(),
      // Thông báo 5015/TB-LĐTBXH of 22/11/2023; Công văn 2450/VPCP-KGVX of 12/4/2024.
      AnnouncementBuilder(2024)
          .Off(1, 1, "Tết Dương lịch")
          .Off(8, 2, 14, 2, "Tết Nguyên đán")
          .Off(18, 4, "Giỗ Tổ Hùng Vương")
          .Off(29, 4, "Nghỉ hoán đổi")
          .Off(30, 4, "Ngày Chiến thắng")
          .Off(1, 5, "Ngày Quốc tế Lao động")
          .Work(4, 5)
          .Off(2, 9, 3, 9, "Quốc khánh")
          .Build(),
      // Thông báo 6150/TB-BLĐTBXH of 3/12/2024.
      AnnouncementBuilder(2025)
          .Off(1, 1, "Tết Dương lịch")
          .Off(25, 1, 2, 2, "Tết Nguyên đán")
          .Off(7, 4, "Giỗ Tổ Hùng Vương")
          .Work(26, 4)
          .Off(30, 4, "Ngày Chiến thắng")
          .Off(1, 5, "Ngày Quốc tế Lao động")
          .Off(2, 5, "Nghỉ hoán đổi")
          .Off(1, 9, 2, 9, "Quốc khánh")
          .Build(),
      // Công văn 12729/VPCP-KGVX of 25/12/2025; Thông báo 9441 of Bộ Nội vụ, 16/10/2025.
      AnnouncementBuilder(2026)
          .Off(1, 1, "Tết Dương lịch")
          .Off(2, 1, "Nghỉ hoán đổi")
          .Work(10, 1)
          .Off(14, 2, 22, 2, "Tết Nguyên đán")
          .Off(26, 4, "Giỗ Tổ Hùng Vương")
          .Off(27, 4, "Nghỉ bù Giỗ Tổ Hùng Vương")
          .Off(30, 4, "Ngày Chiến thắng")
          .Off(1, 5, "Ngày Quốc tế Lao động")
          .Work(22, 8)
          .Off(31, 8, "Nghỉ hoán đổi")
          .Off(1, 9, 2, 9, "Quốc khánh")
          .Build(),
  };
  return all;
}

}  // namespace

bool HasAnnouncedCalendar(int year) {
  const auto& all = Announcements();
  return std::any_of(all.begin(), all.end(), [&](const Announcement& a) { return a.year == year; });
}

std::vector<CalendarDay> DefaultCalendarDays(int year) {
  for (const Announcement& a : Announcements()) {
    if (a.year != year) continue;
    std::vector<CalendarDay> days = a.days;
    std::stable_sort(days.begin(), days.end(),
                     [](const CalendarDay& x, const CalendarDay& y) { return x.date < y.date; });
    return days;
  }
  return StatutoryHolidays(year);
}

}  // namespace giaoban::domain
