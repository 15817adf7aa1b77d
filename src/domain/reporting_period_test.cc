#include "domain/reporting_period.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

constexpr auto kCalendar = PeriodConvention::kCalendarMonth;
constexpr auto kCutOff = PeriodConvention::kCutOff14th;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }
DateWindow W(Date start, Date end) { return {start, end}; }
ReportingPeriod P(std::string_view key, PeriodConvention c) {
  auto p = ReportingPeriod::Parse(key, c);
  EXPECT_TRUE(p) << key;
  return *p;
}

TEST(ReportingPeriodTest, ConventionCodesRoundTrip) {
  for (auto c : {kCalendar, kCutOff}) EXPECT_EQ(ParsePeriodConvention(PeriodConventionCode(c)), c);
  EXPECT_FALSE(ParsePeriodConvention("monthly"));
}

TEST(ReportingPeriodTest, ACalendarPeriodRunsFromTheFirstToTheLastDay) {
  EXPECT_EQ(P("2023-08", kCalendar).window(), W(D(2023, 8, 1), D(2023, 8, 31)));
  EXPECT_EQ(P("2024-02", kCalendar).window(), W(D(2024, 2, 1), D(2024, 2, 29)));
  EXPECT_EQ(P("2023-Q3", kCalendar).window(), W(D(2023, 7, 1), D(2023, 9, 30)));
  EXPECT_EQ(P("2023-M06", kCalendar).window(), W(D(2023, 1, 1), D(2023, 6, 30)));
  EXPECT_EQ(P("2023-M08", kCalendar).window(), W(D(2023, 1, 1), D(2023, 8, 31)));
  EXPECT_EQ(P("2023", kCalendar).window(), W(D(2023, 1, 1), D(2023, 12, 31)));
}

TEST(ReportingPeriodTest, UnderTheCutOffAPeriodRunsFromThe15thToThe14th) {
  EXPECT_EQ(P("2023-08", kCutOff).window(), W(D(2023, 7, 15), D(2023, 8, 14)));
  // January starts in the year before, and so do the year's aggregates.
  EXPECT_EQ(P("2024-01", kCutOff).window(), W(D(2023, 12, 15), D(2024, 1, 14)));
  EXPECT_EQ(P("2024-03", kCutOff).window(), W(D(2024, 2, 15), D(2024, 3, 14)));
  EXPECT_EQ(P("2023-Q1", kCutOff).window(), W(D(2022, 12, 15), D(2023, 3, 14)));
  EXPECT_EQ(P("2023-Q3", kCutOff).window(), W(D(2023, 6, 15), D(2023, 9, 14)));
  EXPECT_EQ(P("2023-M06", kCutOff).window(), W(D(2022, 12, 15), D(2023, 6, 14)));
  EXPECT_EQ(P("2023", kCutOff).window(), W(D(2022, 12, 15), D(2023, 12, 14)));
}

TEST(ReportingPeriodTest, ConsecutiveMonthsCoverEveryDayOnce) {
  for (auto c : {kCalendar, kCutOff}) {
    ReportingPeriod p = P("2022-11", c);
    for (int i = 0; i < 30; ++i) {
      const ReportingPeriod next =
          *ReportingPeriod::Parse(p.NextWindow().end.Iso().substr(0, 7), c);
      const DateWindow w = p.window();
      EXPECT_EQ(p.NextWindow().start, w.end.AddDays(1)) << p.Key();
      EXPECT_EQ(ReportingPeriod::MonthContaining(w.start, c), p) << p.Key();
      EXPECT_EQ(ReportingPeriod::MonthContaining(w.end, c), p) << p.Key();
      EXPECT_EQ(next.Previous(), p);
      EXPECT_EQ(next.window(), p.NextWindow());
      p = next;
    }
  }
}

TEST(ReportingPeriodTest, TheNextPeriodFollowsTheReport) {
  EXPECT_EQ(P("2023-12", kCalendar).NextWindow(), W(D(2024, 1, 1), D(2024, 1, 31)));
  EXPECT_EQ(P("2023-12", kCutOff).NextWindow(), W(D(2023, 12, 15), D(2024, 1, 14)));
  EXPECT_EQ(P("2023-Q4", kCalendar).NextWindow(), W(D(2024, 1, 1), D(2024, 3, 31)));
  EXPECT_EQ(P("2023-Q2", kCutOff).NextWindow(), W(D(2023, 6, 15), D(2023, 9, 14)));
  // After the year's first six months, the rest of the year ("6 tháng cuối năm").
  EXPECT_EQ(P("2023-M06", kCalendar).NextWindow(), W(D(2023, 7, 1), D(2023, 12, 31)));
  EXPECT_EQ(P("2023-M09", kCutOff).NextWindow(), W(D(2023, 9, 15), D(2023, 12, 14)));
  EXPECT_EQ(P("2023", kCalendar).NextWindow(), W(D(2024, 1, 1), D(2024, 12, 31)));
  EXPECT_EQ(P("2023", kCutOff).NextWindow(), W(D(2023, 12, 15), D(2024, 12, 14)));
}

TEST(ReportingPeriodTest, PreviousStaysOfTheSameKind) {
  EXPECT_EQ(P("2024-01", kCalendar).Previous(), P("2023-12", kCalendar));
  EXPECT_EQ(P("2024-Q1", kCutOff).Previous(), P("2023-Q4", kCutOff));
  EXPECT_EQ(P("2024-M08", kCalendar).Previous(), P("2023-M08", kCalendar));
  EXPECT_EQ(P("2024", kCutOff).Previous(), P("2023", kCutOff));
}

TEST(ReportingPeriodTest, KeysRoundTripAndMalformedOnesAreRefused) {
  for (const char* key : {"2023-01", "2023-12", "2023-Q1", "2023-Q4", "2023-M01", "2023-M11",
                          "2023", "1901", "9998"}) {
    EXPECT_EQ(P(key, kCutOff).Key(), key);
  }
  for (const char* bad :
       {"", "2023-", "2023-8", "2023-00", "2023-13", "2023-Q0", "2023-Q5", "2023-M00", "2023-M12",
        "2023-M8", "2023-H1", "1900", "9999", "202a", "2023-08-01", " 2023", "2023 ", "2023-+8"}) {
    EXPECT_FALSE(ReportingPeriod::Parse(bad, kCalendar)) << '"' << bad << '"';
  }
  EXPECT_FALSE(ReportingPeriod::Month(2023, 13, kCalendar));
  EXPECT_FALSE(ReportingPeriod::Quarter(2023, 0, kCalendar));
  EXPECT_FALSE(ReportingPeriod::FirstMonths(2023, 12, kCalendar));  // that is the year
  EXPECT_FALSE(ReportingPeriod::Year(1900, kCalendar));
}

TEST(ReportingPeriodTest, NamesAndWindowsInBothLanguages) {
  EXPECT_EQ(P("2023-08", kCutOff).Vietnamese(), "Tháng 8/2023");
  EXPECT_EQ(P("2023-Q3", kCutOff).Vietnamese(), "Quý III/2023");
  EXPECT_EQ(P("2023-M06", kCutOff).Vietnamese(), "6 tháng đầu năm 2023");
  EXPECT_EQ(P("2023-M08", kCutOff).Vietnamese(), "8 tháng đầu năm 2023");
  EXPECT_EQ(P("2023", kCutOff).Vietnamese(), "Năm 2023");
  EXPECT_EQ(P("2023-08", kCalendar).English(), "August 2023");
  EXPECT_EQ(P("2023-Q3", kCalendar).English(), "Q3 2023");
  EXPECT_EQ(P("2023-M09", kCalendar).English(), "January–September 2023");
  EXPECT_EQ(P("2023", kCalendar).English(), "Year 2023");
  EXPECT_EQ(P("2023-08", kCutOff).VietnameseWindow(),
            "Số liệu tính từ ngày 15/7/2023 đến ngày 14/8/2023");
  EXPECT_EQ(P("2023-08", kCalendar).VietnameseWindow(),
            "Số liệu tính từ ngày 1/8/2023 đến ngày 31/8/2023");
  EXPECT_EQ(P("2024-01", kCutOff).EnglishWindow(), "Figures from 15/12/2023 to 14/1/2024");
}

}  // namespace
}  // namespace giaoban::domain
