#include "domain/period.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

using Kind = Period::Kind;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(PeriodTest, ParsesEachKind) {
  EXPECT_EQ(Period::Parse("2023-08"), (Period{Kind::kMonth, 2023, 8}));
  EXPECT_EQ(Period::Parse("2023-12"), (Period{Kind::kMonth, 2023, 12}));
  EXPECT_EQ(Period::Parse("2023-Q1"), (Period{Kind::kQuarter, 2023, 1}));
  EXPECT_EQ(Period::Parse("2023-Q4"), (Period{Kind::kQuarter, 2023, 4}));
  EXPECT_EQ(Period::Parse("2023"), (Period{Kind::kYear, 2023, 0}));
  EXPECT_EQ(Period::Parse("1900"), (Period{Kind::kYear, 1900, 0}));
}

TEST(PeriodTest, RejectsMalformedText) {
  for (const char* bad :
       {"",       "2023-8",   "2023-00",    "2023-13", "2023-Q0", "2023-Q5", "2023-q3",
        "2023-Q", "2023-Q12", "2023-08-01", "202",     "20234",   "1899",    "abcd",
        "2023 ",  " 2023",    "2023/08",    "2023-+8", "2023-M8", "-2023"}) {
    EXPECT_FALSE(Period::Parse(bad)) << '"' << bad << '"';
  }
}

TEST(PeriodTest, MonthOf) {
  EXPECT_EQ(Period::MonthOf(D(2023, 8, 31)), (Period{Kind::kMonth, 2023, 8}));
  EXPECT_EQ(Period::MonthOf(D(2024, 1, 1)), (Period{Kind::kMonth, 2024, 1}));
}

TEST(PeriodTest, FirstAndLastDays) {
  const Period aug{Kind::kMonth, 2023, 8};
  EXPECT_EQ(aug.first_day(), D(2023, 8, 1));
  EXPECT_EQ(aug.last_day(), D(2023, 8, 31));
  EXPECT_EQ((Period{Kind::kMonth, 2024, 2}).last_day(), D(2024, 2, 29));
  EXPECT_EQ((Period{Kind::kMonth, 2023, 2}).last_day(), D(2023, 2, 28));

  const int quarter_end_days[] = {31, 30, 30, 31};
  for (int q = 1; q <= 4; ++q) {
    const Period p{Kind::kQuarter, 2023, q};
    EXPECT_EQ(p.first_day(), D(2023, 3 * q - 2, 1)) << q;
    EXPECT_EQ(p.last_day(), D(2023, 3 * q, quarter_end_days[q - 1])) << q;
  }

  const Period year{Kind::kYear, 2023, 0};
  EXPECT_EQ(year.first_day(), D(2023, 1, 1));
  EXPECT_EQ(year.last_day(), D(2023, 12, 31));
}

TEST(PeriodTest, ContainsIsInclusive) {
  const Period q3{Kind::kQuarter, 2023, 3};
  EXPECT_FALSE(q3.Contains(D(2023, 6, 30)));
  EXPECT_TRUE(q3.Contains(D(2023, 7, 1)));
  EXPECT_TRUE(q3.Contains(D(2023, 8, 15)));
  EXPECT_TRUE(q3.Contains(D(2023, 9, 30)));
  EXPECT_FALSE(q3.Contains(D(2023, 10, 1)));
}

TEST(PeriodTest, NextAndPreviousWrapAcrossYears) {
  EXPECT_EQ((Period{Kind::kMonth, 2023, 8}).Next(), (Period{Kind::kMonth, 2023, 9}));
  EXPECT_EQ((Period{Kind::kMonth, 2023, 12}).Next(), (Period{Kind::kMonth, 2024, 1}));
  EXPECT_EQ((Period{Kind::kMonth, 2024, 1}).Previous(), (Period{Kind::kMonth, 2023, 12}));
  EXPECT_EQ((Period{Kind::kMonth, 2023, 8}).Previous(), (Period{Kind::kMonth, 2023, 7}));
  EXPECT_EQ((Period{Kind::kQuarter, 2023, 4}).Next(), (Period{Kind::kQuarter, 2024, 1}));
  EXPECT_EQ((Period{Kind::kQuarter, 2023, 2}).Next(), (Period{Kind::kQuarter, 2023, 3}));
  EXPECT_EQ((Period{Kind::kQuarter, 2024, 1}).Previous(), (Period{Kind::kQuarter, 2023, 4}));
  EXPECT_EQ((Period{Kind::kYear, 2023, 0}).Next(), (Period{Kind::kYear, 2024, 0}));
  EXPECT_EQ((Period{Kind::kYear, 2023, 0}).Previous(), (Period{Kind::kYear, 2022, 0}));
}

TEST(PeriodTest, ConsecutivePeriodsTileTheCalendar) {
  for (Period p : {Period{Kind::kMonth, 2023, 1}, Period{Kind::kQuarter, 2023, 1},
                   Period{Kind::kYear, 2023, 0}}) {
    for (int i = 0; i < 30; ++i) {
      const Period next = p.Next();
      ASSERT_EQ(next.first_day(), p.last_day().AddDays(1)) << p.Key();
      ASSERT_EQ(next.Previous(), p);
      p = next;
    }
  }
}

TEST(PeriodTest, KeyRoundTripsThroughParse) {
  EXPECT_EQ((Period{Kind::kMonth, 2023, 8}).Key(), "2023-08");
  EXPECT_EQ((Period{Kind::kQuarter, 2023, 3}).Key(), "2023-Q3");
  EXPECT_EQ((Period{Kind::kYear, 2023, 0}).Key(), "2023");
  for (const char* key : {"2023-01", "2023-11", "2023-Q2", "2023", "9999-12"}) {
    ASSERT_TRUE(Period::Parse(key)) << key;
    EXPECT_EQ(Period::Parse(key)->Key(), key);
  }
}

TEST(PeriodTest, Labels) {
  const struct {
    Period period;
    const char* vietnamese;
    const char* english;
  } cases[] = {
      {{Kind::kMonth, 2023, 1}, "Tháng 1/2023", "January 2023"},
      {{Kind::kMonth, 2023, 8}, "Tháng 8/2023", "August 2023"},
      {{Kind::kMonth, 2023, 12}, "Tháng 12/2023", "December 2023"},
      {{Kind::kQuarter, 2023, 1}, "Quý I/2023", "Q1 2023"},
      {{Kind::kQuarter, 2023, 2}, "Quý II/2023", "Q2 2023"},
      {{Kind::kQuarter, 2023, 3}, "Quý III/2023", "Q3 2023"},
      {{Kind::kQuarter, 2023, 4}, "Quý IV/2023", "Q4 2023"},
      {{Kind::kYear, 2023, 0}, "Năm 2023", "Year 2023"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.period.Vietnamese(), c.vietnamese);
    EXPECT_EQ(c.period.English(), c.english);
  }
}

}  // namespace
}  // namespace giaoban::domain
