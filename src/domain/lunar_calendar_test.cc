#include "domain/lunar_calendar.h"

#include <gtest/gtest.h>

#include <ostream>

namespace giaoban::domain {

void PrintTo(const LunarDate& d, std::ostream* os) {
  *os << d.day << "/" << d.month << (d.leap ? " nhuận" : "") << "/" << d.year << " âm lịch";
}

namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(LunarCalendarTest, TetFallsOnTheKnownDays) {
  const struct {
    int year;
    Date tet;
  } known[] = {
      {1985, D(1985, 1, 21)},  // a month before Beijing's, whose new moon fell a day later
      {2007, D(2007, 2, 17)},  // a day before Beijing's, likewise
      {2020, D(2020, 1, 25)}, {2021, D(2021, 2, 12)}, {2022, D(2022, 2, 1)},
      {2023, D(2023, 1, 22)}, {2024, D(2024, 2, 10)}, {2025, D(2025, 1, 29)},
      {2026, D(2026, 2, 17)}, {2027, D(2027, 2, 6)},
  };
  for (const auto& k : known) {
    EXPECT_EQ(FromLunar({k.year, 1, 1, false}), k.tet) << k.year;
    EXPECT_EQ(ToLunar(k.tet), (LunarDate{k.year, 1, 1, false})) << k.year;
    EXPECT_EQ(ToLunar(k.tet.AddDays(-1)).year, k.year - 1) << k.year;
  }
}

TEST(LunarCalendarTest, HungKingsDayFallsOnTheKnownDays) {
  const Date known[] = {D(2023, 4, 29), D(2024, 4, 18), D(2025, 4, 7), D(2026, 4, 26),
                        D(2027, 4, 16)};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(FromLunar({2023 + i, 3, 10, false}), known[i]) << 2023 + i;
  }
}

TEST(LunarCalendarTest, LeapMonthsAreWhereTheYearsHaveThem) {
  // 2023 repeated its second month, 2025 its sixth, 2020 its fourth.
  EXPECT_EQ(ToLunar(D(2023, 3, 22)), (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(FromLunar({2023, 2, 1, false}), D(2023, 2, 20));
  EXPECT_EQ(FromLunar({2023, 3, 1, false}), D(2023, 4, 20));
  EXPECT_EQ(ToLunar(D(2025, 7, 25)), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(ToLunar(D(2020, 5, 23)), (LunarDate{2020, 4, 1, true}));
  // A year without one has no leap month to ask for.
  EXPECT_FALSE(FromLunar({2024, 2, 1, true}));
  EXPECT_FALSE(FromLunar({2023, 3, 1, true}));
}

TEST(LunarCalendarTest, EveryDayRoundTripsAndMonthsAre29Or30Days) {
  LunarDate previous = ToLunar(D(1949, 12, 31));
  int month_length = -1;  // unknown until the first month begins
  for (Date d = D(1950, 1, 1); d <= D(2100, 12, 31); d = d.AddDays(1)) {
    const LunarDate lunar = ToLunar(d);
    ASSERT_EQ(FromLunar(lunar), d) << d.Iso();
    if (lunar.day == 1) {
      if (month_length >= 0) {
        ASSERT_TRUE(month_length == 29 || month_length == 30) << d.Iso();
      }
      // A leap month repeats the number of the month before it.
      ASSERT_EQ(lunar.month, lunar.leap ? previous.month : previous.month % 12 + 1) << d.Iso();
      month_length = 0;
    } else {
      ASSERT_EQ(lunar.day, previous.day + 1) << d.Iso();
      ASSERT_EQ(lunar.month, previous.month) << d.Iso();
    }
    if (month_length >= 0) ++month_length;
    previous = lunar;
  }
}

TEST(LunarCalendarTest, DaysAMonthLacksAreRefused) {
  EXPECT_FALSE(FromLunar({2024, 0, 1, false}));
  EXPECT_FALSE(FromLunar({2024, 13, 1, false}));
  EXPECT_FALSE(FromLunar({2024, 1, 0, false}));
  EXPECT_FALSE(FromLunar({2024, 1, 31, false}));
  // The last month of Giáp Thìn (2024) had 29 days: Tết 2025 followed its 29th.
  EXPECT_EQ(FromLunar({2024, 12, 29, false}), D(2025, 1, 28));
  EXPECT_FALSE(FromLunar({2024, 12, 30, false}));
}

}  // namespace
}  // namespace giaoban::domain
