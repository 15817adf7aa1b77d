#include "domain/working_calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/lunar_calendar.h"

namespace giaoban::domain {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// "2027-02-05 Tết Nguyên đán", one line per day, in order.
std::vector<std::string> Lines(const std::vector<CalendarDay>& days) {
  std::vector<std::string> out;
  for (const CalendarDay& d : days)
    out.push_back(d.date.Iso() + (d.working ? " làm việc " : " ") + d.name);
  return out;
}

TEST(WorkingCalendarTest, TheLabourCodesHolidaysOfAYearWithoutAnnouncement) {
  // 2027: Tết on Saturday 6/2, so its weekend days are made up after it; 1/5 on a Saturday too.
  EXPECT_FALSE(HasAnnouncedCalendar(2027));
  EXPECT_EQ(Lines(StatutoryHolidays(2027)), (std::vector<std::string>{
                                                "2027-01-01 Tết Dương lịch",
                                                "2027-02-05 Tết Nguyên đán",
                                                "2027-02-06 Tết Nguyên đán",
                                                "2027-02-07 Tết Nguyên đán",
                                                "2027-02-08 Tết Nguyên đán",
                                                "2027-02-09 Tết Nguyên đán",
                                                "2027-02-10 Nghỉ bù Tết Nguyên đán",
                                                "2027-02-11 Nghỉ bù Tết Nguyên đán",
                                                "2027-04-16 Giỗ Tổ Hùng Vương",
                                                "2027-04-30 Ngày Chiến thắng",
                                                "2027-05-01 Ngày Quốc tế Lao động",
                                                "2027-05-03 Nghỉ bù Ngày Quốc tế Lao động",
                                                "2027-09-01 Quốc khánh",
                                                "2027-09-02 Quốc khánh",
                                            }));
  EXPECT_EQ(DefaultCalendarDays(2027), StatutoryHolidays(2027));
}

TEST(WorkingCalendarTest, WeekendHolidaysAreMadeUpAfterTheWeekdayOnes) {
  // In 2023 Giỗ Tổ fell on Saturday 29/4 and 30/4 on Sunday: both are made up after 1/5.
  const std::vector<CalendarDay> days = StatutoryHolidays(2023);
  const WorkingCalendar calendar(days);
  std::vector<std::string> spring;
  for (const std::string& line : Lines(days)) {
    if (line.starts_with("2023-04") || line.starts_with("2023-05")) spring.push_back(line);
  }
  EXPECT_EQ(spring, (std::vector<std::string>{
                        "2023-04-29 Giỗ Tổ Hùng Vương", "2023-04-30 Ngày Chiến thắng",
                        "2023-05-01 Ngày Quốc tế Lao động", "2023-05-02 Nghỉ bù Giỗ Tổ Hùng Vương",
                        "2023-05-03 Nghỉ bù Ngày Chiến thắng"}));
  for (Date d : {D(2023, 5, 1), D(2023, 5, 2), D(2023, 5, 3)}) {
    EXPECT_FALSE(calendar.IsWorkingDay(d)) << d.Iso();
  }
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 5, 4)));
}

TEST(WorkingCalendarTest, EveryYearHasOneEntryPerDayAndItsElevenHolidays) {
  for (int year = 2000; year <= 2100; ++year) {
    const std::vector<CalendarDay> days = StatutoryHolidays(year);
    for (std::size_t i = 1; i < days.size(); ++i) {
      ASSERT_LT(days[i - 1].date, days[i].date) << year;
    }
    // Eleven holidays, each a weekday off or made up on one.
    int weekdays_off = 0;
    for (const CalendarDay& d : days) weekdays_off += d.date.weekday() < 5;
    EXPECT_EQ(weekdays_off, 11) << year;
    EXPECT_EQ(std::count_if(days.begin(), days.end(),
                            [&](const CalendarDay& d) {
                              return d.date == *FromLunar({year, 3, 10, false});
                            }),
              1)
        << year;
  }
}

TEST(WorkingCalendarTest, AnnouncedYearsHoldTheirSwappedDays) {
  for (int year : {2023, 2024, 2025, 2026}) {
    EXPECT_TRUE(HasAnnouncedCalendar(year));
    const std::vector<CalendarDay> days = DefaultCalendarDays(year);
    for (const CalendarDay& d : days) {
      EXPECT_EQ(d.date.year(), year);
      // A worked day is a Saturday given for a weekday off.
      if (d.working) {
        EXPECT_EQ(d.date.weekday(), 5) << d.date.Iso();
      }
    }
  }
  const WorkingCalendar y2024(DefaultCalendarDays(2024));
  EXPECT_FALSE(y2024.IsWorkingDay(D(2024, 4, 29)));  // Monday, swapped
  EXPECT_TRUE(y2024.IsWorkingDay(D(2024, 5, 4)));    // the Saturday worked for it
  EXPECT_FALSE(y2024.IsWorkingDay(D(2024, 2, 14)));  // mùng 5 Tết
  EXPECT_TRUE(y2024.IsWorkingDay(D(2024, 2, 15)));
  const WorkingCalendar y2026(DefaultCalendarDays(2026));
  EXPECT_FALSE(y2026.IsWorkingDay(D(2026, 2, 16)));
  EXPECT_FALSE(y2026.IsWorkingDay(D(2026, 2, 20)));
  EXPECT_TRUE(y2026.IsWorkingDay(D(2026, 2, 23)));
  EXPECT_TRUE(y2026.IsWorkingDay(D(2026, 8, 22)));
  EXPECT_FALSE(y2026.IsWorkingDay(D(2026, 8, 31)));
  EXPECT_FALSE(y2026.IsWorkingDay(D(2026, 4, 27)));
}

TEST(WorkingCalendarTest, CountsWorkingDaysAcrossHolidaysAndSwaps) {
  std::vector<CalendarDay> days = DefaultCalendarDays(2024);
  const WorkingCalendar calendar(days);
  // A meeting on Wednesday 7/2/2024, the day before Tết: the notice's fifth working day is after
  // it.
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 7), 5), D(2024, 2, 21));
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 7), 0), D(2024, 2, 7));
  // The Saturday worked counts.
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 5, 2), 2), D(2024, 5, 4));
  EXPECT_EQ(calendar.WorkingDaysAfter(D(2024, 5, 3), D(2024, 5, 6)), 2);
  EXPECT_EQ(calendar.WorkingDaysAfter(D(2024, 5, 6), D(2024, 5, 3)), 0);
  EXPECT_EQ(calendar.WorkingDaysAfter(D(2024, 2, 7), D(2024, 2, 21)), 5);
  // An ordinary week without a calendar.
  const WorkingCalendar plain;
  EXPECT_EQ(plain.AddWorkingDays(D(2024, 3, 8), 1), D(2024, 3, 11));  // Friday to Monday
  EXPECT_EQ(plain.WorkingDaysAfter(D(2024, 3, 1), D(2024, 3, 31)), 20);
}

}  // namespace
}  // namespace giaoban::domain
