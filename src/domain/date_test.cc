#include "domain/date.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(DateTest, DefaultIsUnixEpoch) {
  EXPECT_EQ(Date().Iso(), "1970-01-01");
  EXPECT_EQ(Date().days_since_epoch(), 0);
}

TEST(DateTest, KnownDayNumbers) {
  EXPECT_EQ(D(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(D(1970, 1, 2).days_since_epoch(), 1);
  EXPECT_EQ(D(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(D(2000, 3, 1).days_since_epoch(), 11017);
  EXPECT_EQ(D(2023, 8, 31).days_since_epoch(), 19600);
  EXPECT_EQ(D(1900, 1, 1).days_since_epoch(), -25567);
  EXPECT_EQ(D(9999, 12, 31).days_since_epoch(), 2932896);
  EXPECT_EQ(D(1, 1, 1).days_since_epoch(), -719162);
}

TEST(DateTest, RoundTripsEveryDayFrom1900To2100) {
  Date d = D(1900, 1, 1);
  int y = 1900, m = 1, day = 1;
  while (y <= 2100) {
    ASSERT_EQ(d.year(), y);
    ASSERT_EQ(d.month(), m);
    ASSERT_EQ(d.day(), day);
    ASSERT_EQ(Date::FromYmd(y, m, day), d);
    ASSERT_EQ(Date::FromDays(d.days_since_epoch()), d);
    d = d.AddDays(1);
    if (++day > Date::DaysInMonth(y, m)) {
      day = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
}

TEST(DateTest, FromYmdRejectsImpossibleDates) {
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29));
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29));
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29));
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29));
  EXPECT_FALSE(Date::FromYmd(2023, 4, 31));
  EXPECT_FALSE(Date::FromYmd(2023, 0, 1));
  EXPECT_FALSE(Date::FromYmd(2023, 13, 1));
  EXPECT_FALSE(Date::FromYmd(2023, 1, 0));
  EXPECT_FALSE(Date::FromYmd(2023, 1, 32));
  EXPECT_FALSE(Date::FromYmd(0, 1, 1));
  EXPECT_FALSE(Date::FromYmd(10000, 1, 1));
}

TEST(DateTest, DaysInMonth) {
  const int expected[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) EXPECT_EQ(Date::DaysInMonth(2023, m), expected[m - 1]) << m;
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2100, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2400, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2023, 0), 0);
  EXPECT_EQ(Date::DaysInMonth(2023, 13), 0);
}

TEST(DateTest, ParseAcceptsStrictIso) {
  EXPECT_EQ(Date::Parse("2023-08-31"), D(2023, 8, 31));
  EXPECT_EQ(Date::Parse("1900-01-01"), D(1900, 1, 1));
  EXPECT_EQ(Date::Parse("9999-12-31"), D(9999, 12, 31));
  EXPECT_EQ(Date::Parse("2024-02-29"), D(2024, 2, 29));
}

TEST(DateTest, ParseRejectsEverythingElse) {
  for (const char* bad : {"",
                          "2023-2-3",
                          "2023-02-3",
                          "2023-2-03",
                          "2023-02-30",
                          "2023-02-29",
                          "2023-13-01",
                          "2023-00-10",
                          "2023-01-00",
                          "2023-08-31x",
                          "2023-08-31 ",
                          " 2023-08-31",
                          "2023-08-31T00:00",
                          "1899-12-31",
                          "0999-01-01",
                          "20230831",
                          "2023/08/31",
                          "31/08/2023",
                          "2023-08_31",
                          "+023-08-31",
                          "-023-08-31",
                          "2023-+8-31",
                          "2023-08--1",
                          "2023-0a-31",
                          "abcd-ef-gh"}) {
    EXPECT_FALSE(Date::Parse(bad)) << '"' << bad << '"';
  }
  EXPECT_FALSE(Date::Parse(std::string_view("2023-08-31\0", 11)));
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D(1970, 1, 1).weekday(), 3);   // Thursday
  EXPECT_EQ(D(2023, 8, 28).weekday(), 0);  // Monday
  EXPECT_EQ(D(2023, 9, 2).weekday(), 5);   // Saturday: National Day
  EXPECT_EQ(D(2023, 9, 3).weekday(), 6);   // Sunday
  EXPECT_EQ(D(1969, 12, 31).weekday(), 2);
  EXPECT_EQ(D(1900, 1, 1).weekday(), 0);
  for (int i = -1000; i < 1000; ++i) {
    const Date d = Date::FromDays(i);
    ASSERT_EQ(d.AddDays(1).weekday(), (d.weekday() + 1) % 7) << d.Iso();
  }
}

TEST(DateTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(D(2023, 12, 31).AddDays(1), D(2024, 1, 1));
  EXPECT_EQ(D(2024, 3, 1).AddDays(-1), D(2024, 2, 29));
  EXPECT_EQ(D(2023, 3, 1).AddDays(-1), D(2023, 2, 28));
  EXPECT_EQ(D(2023, 8, 31).AddDays(0), D(2023, 8, 31));
  EXPECT_EQ(D(2023, 1, 1).AddDays(365), D(2024, 1, 1));
  EXPECT_EQ(D(2024, 1, 1).AddDays(366), D(2025, 1, 1));
}

TEST(DateTest, AddMonthsClampsDay) {
  EXPECT_EQ(D(2023, 1, 31).AddMonths(1), D(2023, 2, 28));
  EXPECT_EQ(D(2024, 1, 31).AddMonths(1), D(2024, 2, 29));
  EXPECT_EQ(D(2023, 3, 31).AddMonths(1), D(2023, 4, 30));
  EXPECT_EQ(D(2023, 3, 31).AddMonths(-1), D(2023, 2, 28));
  EXPECT_EQ(D(2023, 8, 15).AddMonths(0), D(2023, 8, 15));
  EXPECT_EQ(D(2023, 8, 15).AddMonths(5), D(2024, 1, 15));
  EXPECT_EQ(D(2023, 8, 15).AddMonths(-8), D(2022, 12, 15));
  EXPECT_EQ(D(2023, 1, 15).AddMonths(-1), D(2022, 12, 15));
  EXPECT_EQ(D(2023, 12, 15).AddMonths(1), D(2024, 1, 15));
  EXPECT_EQ(D(2023, 8, 15).AddMonths(24), D(2025, 8, 15));
  EXPECT_EQ(D(2023, 8, 15).AddMonths(-25), D(2021, 7, 15));
  EXPECT_EQ(D(2024, 2, 29).AddMonths(12), D(2025, 2, 28));
}

TEST(DateTest, Formatting) {
  EXPECT_EQ(D(2023, 8, 31).Iso(), "2023-08-31");
  EXPECT_EQ(D(2023, 1, 5).Iso(), "2023-01-05");
  EXPECT_EQ(D(1, 1, 1).Iso(), "0001-01-01");
  EXPECT_EQ(D(9999, 12, 31).Iso(), "9999-12-31");
  EXPECT_EQ(D(9999, 12, 31).AddDays(1).Iso(), "10000-01-01");
  EXPECT_EQ(D(1900, 10, 10).Iso(), "1900-10-10");
  EXPECT_EQ(D(2023, 8, 31).Vietnamese(), "31/08/2023");
  EXPECT_EQ(D(2023, 1, 5).Vietnamese(), "05/01/2023");
  EXPECT_EQ(D(1, 1, 1).Iso(), "0001-01-01");
}

TEST(DateTest, ComparisonAndDifference) {
  EXPECT_LT(D(2023, 8, 30), D(2023, 8, 31));
  EXPECT_GT(D(2024, 1, 1), D(2023, 12, 31));
  EXPECT_EQ(D(2023, 8, 31), D(2023, 8, 31));
  EXPECT_NE(D(2023, 8, 31), D(2023, 9, 1));
  EXPECT_EQ(D(2023, 9, 1) - D(2023, 8, 1), 31);
  EXPECT_EQ(D(2023, 8, 1) - D(2023, 9, 1), -31);
  EXPECT_EQ(D(2024, 1, 1) - D(2023, 1, 1), 365);
}

TEST(DateTest, IsoRoundTripsThroughParse) {
  for (int i = -25567; i < 2932897; i += 997) {
    const Date d = Date::FromDays(i);
    ASSERT_EQ(Date::Parse(d.Iso()), d) << d.Iso();
  }
}

}  // namespace
}  // namespace giaoban::domain
