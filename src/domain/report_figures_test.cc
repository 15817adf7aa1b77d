// The counting rule as tables: a task's dated facts and a period in, its place in the report out.
#include "domain/report_figures.h"

#include <gtest/gtest.h>

#include <ostream>
#include <vector>

namespace giaoban::domain {

// A failing comparison of figures shows them by name.
void PrintTo(const ReportFigures& f, std::ostream* os) {
  const StatusCounts& c = f.cumulative;
  *os << "{due " << f.due << ", due_completed " << f.due_completed << ", overdue " << f.overdue
      << ", ahead " << f.completed_ahead << ", ongoing " << f.ongoing << ", assigned_in "
      << f.assigned_in_period << ", due_in " << f.due_in_period << ", completed_in "
      << f.completed_in_period << ", due_next " << f.due_next_period << ", carried_over "
      << f.carried_over << "; total " << c.total << ", on_time " << c.completed_on_time << ", late "
      << c.completed_late << ", in_progress " << c.in_progress << ", overdue " << c.overdue
      << ", cancelled " << c.cancelled << ", extended " << c.extended << "}";
}

namespace {

constexpr auto kCalendar = PeriodConvention::kCalendarMonth;
constexpr auto kCutOff = PeriodConvention::kCutOff14th;

std::optional<Date> Day(const char* iso) {
  if (iso == nullptr) return std::nullopt;
  return *Date::Parse(iso);
}

// A placement written out: the status, then each flag that holds, in the struct's order; "out" for
// a task outside the report.
std::string Describe(const ReportPlacement& p) {
  if (!p.in_scope) return "out";
  std::string out(StatusCode(p.status));
  auto flag = [&](bool set, const char* name) {
    if (set) out += std::string(" ") + name;
  };
  flag(p.carried_over, "carried_over");
  flag(p.extended, "extended");
  flag(p.cancelled, "cancelled");
  flag(p.due, "due");
  flag(p.due_completed, "due_completed");
  flag(p.overdue, "overdue");
  flag(p.completed_ahead, "ahead");
  flag(p.ongoing, "ongoing");
  flag(p.assigned_in_period, "assigned_in");
  flag(p.due_in_period, "due_in");
  flag(p.completed_in_period, "completed_in");
  flag(p.due_next_period, "due_next");
  return out;
}

struct Case {
  const char* name;
  const char* period;  // a ReportingPeriod key
  PeriodConvention convention;
  const char* assigned;
  const char* deadline;  // nullptr: ongoing
  const char* completed;
  const char* cancelled;
  std::vector<ApprovedExtension> extensions;
  const char* expected;
};

ApprovedExtension Extension(const char* effective, const char* deadline) {
  return {*Date::Parse(effective), *Date::Parse(deadline)};
}

// August 2023 on the calendar is 1/8–31/8, its next period September; under the cut-off it is
// 15/7–14/8 and the next 15/8–14/9.
const Case kCases[] = {
    {"completed on time in the period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-20",
     "2023-08-15",
     nullptr,
     {},
     "completed_on_time due due_completed due_in completed_in"},
    {"completed late in the period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-20",
     "2023-08-25",
     nullptr,
     {},
     "completed_late due due_completed due_in completed_in"},
    {"due in the period and open",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-20",
     nullptr,
     nullptr,
     {},
     "overdue due overdue due_in"},
    {"due on the period's last day and open: due and not done, though its status is still in "
     "progress",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-31",
     nullptr,
     nullptr,
     {},
     "in_progress due overdue due_in"},
    {"due next period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-09-10",
     nullptr,
     nullptr,
     {},
     "in_progress due_next"},
    {"due later",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-10-10",
     nullptr,
     nullptr,
     {},
     "in_progress"},
    {"completed ahead in the period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-09-10",
     "2023-08-05",
     nullptr,
     {},
     "completed_on_time ahead completed_in"},
    {"completed ahead before the period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-12-31",
     "2023-07-20",
     nullptr,
     {},
     "completed_on_time ahead"},
    {"completed on the period's end, due next period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-09-05",
     "2023-08-31",
     nullptr,
     {},
     "completed_on_time ahead completed_in"},
    {"ongoing",
     "2023-08",
     kCalendar,
     "2023-03-01",
     nullptr,
     nullptr,
     nullptr,
     {},
     "in_progress ongoing"},
    {"ongoing, assigned in the period",
     "2023-08",
     kCalendar,
     "2023-08-05",
     nullptr,
     nullptr,
     nullptr,
     {},
     "in_progress ongoing assigned_in"},
    {"ongoing and completed",
     "2023-08",
     kCalendar,
     "2023-03-01",
     nullptr,
     "2023-08-10",
     nullptr,
     {},
     "completed_on_time ongoing completed_in"},
    {"assigned after the period's end",
     "2023-08",
     kCalendar,
     "2023-09-01",
     "2023-09-30",
     nullptr,
     nullptr,
     {},
     "out"},
    {"assigned on the period's end",
     "2023-08",
     kCalendar,
     "2023-08-31",
     "2023-09-30",
     nullptr,
     nullptr,
     {},
     "in_progress assigned_in due_next"},
    {"completed after the period's end: open as of E",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-20",
     "2023-09-03",
     nullptr,
     {},
     "overdue due overdue due_in"},
    {"carried over from last year, still open",
     "2023-08",
     kCalendar,
     "2022-10-01",
     "2022-12-31",
     nullptr,
     nullptr,
     {},
     "overdue carried_over due overdue"},
    {"carried over, completed this year",
     "2023-08",
     kCalendar,
     "2022-10-01",
     "2022-12-31",
     "2023-02-01",
     nullptr,
     {},
     "completed_late carried_over due due_completed"},
    {"carried over, completed on the year's first day",
     "2023-08",
     kCalendar,
     "2022-10-01",
     "2023-03-31",
     "2023-01-01",
     nullptr,
     {},
     "completed_on_time carried_over due due_completed"},
    {"completed before the year began",
     "2023-08",
     kCalendar,
     "2022-10-01",
     "2022-12-31",
     "2022-12-20",
     nullptr,
     {},
     "out"},
    {"cancelled before the year began",
     "2023-08",
     kCalendar,
     "2022-10-01",
     "2023-03-31",
     nullptr,
     "2022-12-31",
     {},
     "out"},
    {"cancelled this year: listed, not counted",
     "2023-08",
     kCalendar,
     "2023-02-01",
     "2023-06-30",
     nullptr,
     "2023-05-01",
     {},
     "cancelled cancelled"},
    {"carried over and cancelled this year",
     "2023-08",
     kCalendar,
     "2022-02-01",
     "2022-06-30",
     nullptr,
     "2023-05-01",
     {},
     "cancelled carried_over cancelled"},
    {"cancelled after the period: counted as it stood",
     "2023-08",
     kCalendar,
     "2023-02-01",
     "2023-06-30",
     nullptr,
     "2023-09-15",
     {},
     "overdue due overdue"},
    {"extended before the period's end into the next period",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-07-15",
     nullptr,
     nullptr,
     {Extension("2023-07-01", "2023-09-30")},
     "in_progress extended due_next"},
    {"extended after the period's end: the old deadline holds",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-08-20",
     nullptr,
     nullptr,
     {Extension("2023-09-05", "2023-10-30")},
     "overdue due overdue due_in"},
    {"extended twice, the later one in force",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-05-31",
     "2023-08-10",
     nullptr,
     {Extension("2023-07-20", "2023-08-15"), Extension("2023-05-20", "2023-06-30")},
     "completed_on_time extended due due_completed due_in completed_in"},
    {"completed late after an extension",
     "2023-08",
     kCalendar,
     "2023-03-01",
     "2023-05-31",
     "2023-08-20",
     nullptr,
     {Extension("2023-05-20", "2023-08-15")},
     "completed_late extended due due_completed due_in completed_in"},
    {"cut-off: due and completed on the 14th",
     "2023-08",
     kCutOff,
     "2023-03-01",
     "2023-08-14",
     "2023-08-14",
     nullptr,
     {},
     "completed_on_time due due_completed due_in completed_in"},
    {"cut-off: due on the 20th is next period's",
     "2023-08",
     kCutOff,
     "2023-03-01",
     "2023-08-20",
     nullptr,
     nullptr,
     {},
     "in_progress due_next"},
    {"cut-off: assigned on the 15th of the month before is in the period",
     "2023-08",
     kCutOff,
     "2023-07-15",
     "2023-12-31",
     nullptr,
     nullptr,
     {},
     "in_progress assigned_in"},
    {"cut-off: assigned on the 14th of the month before is not",
     "2023-08",
     kCutOff,
     "2023-07-14",
     "2023-12-31",
     nullptr,
     nullptr,
     {},
     "in_progress"},
    {"cut-off: the reporting year 2024 begins on 15/12/2023",
     "2024-01",
     kCutOff,
     "2023-12-20",
     "2024-01-10",
     "2023-12-28",
     nullptr,
     {},
     "completed_on_time due due_completed assigned_in due_in completed_in"},
    {"cut-off: open on 15/12/2023, carried into 2024",
     "2024-01",
     kCutOff,
     "2023-11-20",
     "2023-12-31",
     nullptr,
     nullptr,
     {},
     "overdue carried_over due overdue due_in"},
    {"cut-off: completed before 15/12/2023, not in 2024",
     "2024-01",
     kCutOff,
     "2023-11-20",
     "2023-12-31",
     "2023-12-14",
     nullptr,
     {},
     "out"},
    {"calendar: the same task completed on 28/12/2023 is not in January 2024",
     "2024-01",
     kCalendar,
     "2023-12-20",
     "2024-01-10",
     "2023-12-28",
     nullptr,
     {},
     "out"},
    {"the year's report: due and done over the year",
     "2023",
     kCalendar,
     "2023-03-01",
     "2023-06-30",
     "2023-06-30",
     nullptr,
     {},
     "completed_on_time due due_completed assigned_in due_in completed_in"},
    {"the year's first six months, due in the rest of the year",
     "2023-M06",
     kCalendar,
     "2023-03-01",
     "2023-11-30",
     nullptr,
     nullptr,
     {},
     "in_progress assigned_in due_next"},
    {"a quarter",
     "2023-Q3",
     kCalendar,
     "2023-03-01",
     "2023-07-31",
     "2023-08-02",
     nullptr,
     {},
     "completed_late due due_completed due_in completed_in"},
};

TEST(ReportFiguresTest, EachTaskIsPlacedByTheCountingRule) {
  for (const Case& c : kCases) {
    const TaskFacts facts{*Day(c.assigned), Day(c.deadline), c.extensions, Day(c.completed),
                          Day(c.cancelled)};
    const auto period = ReportingPeriod::Parse(c.period, c.convention);
    ASSERT_TRUE(period) << c.name;
    EXPECT_EQ(Describe(PlaceInReport(facts, *period)), c.expected) << c.name;
  }
}

TEST(ReportFiguresTest, FiguresAddUpThePlacements) {
  ReportFigures all;
  for (const Case& c : kCases) {
    if (std::string(c.period) != "2023-08" || c.convention != kCalendar) continue;
    const TaskFacts facts{*Day(c.assigned), Day(c.deadline), c.extensions, Day(c.completed),
                          Day(c.cancelled)};
    all.Add(PlaceInReport(facts, *ReportingPeriod::Parse(c.period, c.convention)));
  }
  // Counted out by hand from the table: 27 cases, 3 outside, 2 cancelled, 22 counted.
  ReportFigures expected;
  expected.due = 12;
  expected.due_completed = 6;
  expected.overdue = 6;
  expected.completed_ahead = 3;
  expected.ongoing = 3;
  expected.assigned_in_period = 2;
  expected.due_in_period = 8;
  expected.completed_in_period = 7;
  expected.due_next_period = 3;
  expected.carried_over = 3;
  expected.cumulative.total = 22;
  expected.cumulative.completed_on_time = 7;
  expected.cumulative.completed_late = 3;
  expected.cumulative.overdue = 5;
  expected.cumulative.in_progress = 7;
  expected.cumulative.cancelled = 2;
  expected.cumulative.extended = 3;
  EXPECT_EQ(all, expected);
  // Every counted task is in one status class, due ones are done or not, and groups add up.
  EXPECT_EQ(all.due, all.due_completed + all.overdue);
  ReportFigures twice = all;
  twice += all;
  EXPECT_EQ(twice.due, 2 * all.due);
  EXPECT_EQ(twice.cumulative.total, 2 * all.cumulative.total);
  EXPECT_EQ(all.DueCompletedRatio(), "06/12");
}

TEST(ReportFiguresTest, RatiosAreWrittenWithTwoDigits) {
  EXPECT_EQ(ReportFigures::TwoDigitRatio(2, 2), "02/02");
  EXPECT_EQ(ReportFigures::TwoDigitRatio(0, 0), "00/00");
  EXPECT_EQ(ReportFigures::TwoDigitRatio(11, 12), "11/12");
  EXPECT_EQ(ReportFigures::TwoDigitRatio(120, 135), "120/135");
}

// November 2026 on the calendar, read on the 15th: the figures run to the 15th.
struct RunningCase {
  const char* name;
  const char* deadline;  // nullptr: ongoing
  const char* completed;
  const char* expected;
};

const RunningCase kRunningCases[] = {
    {"due later in the month is not due yet", "2026-11-20", nullptr, "in_progress due_next"},
    {"due today and open still has the day", "2026-11-15", nullptr, "in_progress due_next"},
    {"due today and done today is due and done", "2026-11-15", "2026-11-15",
     "completed_on_time due due_completed due_in completed_in"},
    {"due yesterday and open is overdue", "2026-11-14", nullptr, "overdue due overdue due_in"},
    {"completed before a deadline later in the month is ahead", "2026-11-20", "2026-11-10",
     "completed_on_time ahead completed_in"},
    {"a deadline in December is ahead as well", "2026-12-20", nullptr, "in_progress due_next"},
    {"a deadline after December is not", "2027-01-05", nullptr, "in_progress"},
    {"a completion dated after the day counts nothing yet", "2026-11-12", "2026-11-20",
     "overdue due overdue due_in"},
};

TEST(ReportFiguresTest, APeriodThatRunsIsCountedToTheDayItIsRead) {
  const auto period = ReportingPeriod::Parse("2026-11", kCalendar);
  ASSERT_TRUE(period);
  const ReportWindows windows = WindowsOf(*period, *Date::Parse("2026-11-15"));
  EXPECT_EQ(windows.counted, (DateWindow{*Date::Parse("2026-11-01"), *Date::Parse("2026-11-15")}));
  EXPECT_EQ(windows.ahead, (DateWindow{*Date::Parse("2026-11-15"), *Date::Parse("2026-12-31")}));
  EXPECT_TRUE(windows.running);
  for (const RunningCase& c : kRunningCases) {
    const TaskFacts facts{
        *Date::Parse("2026-10-01"), Day(c.deadline), {}, Day(c.completed), std::nullopt};
    EXPECT_EQ(Describe(PlaceInReport(facts, windows)), c.expected) << c.name;
  }
}

TEST(ReportFiguresTest, APeriodThatHasEndedIsCountedToItsEnd) {
  const auto period = ReportingPeriod::Parse("2026-11", kCutOff);  // 15/10–14/11
  ASSERT_TRUE(period);
  for (const char* today : {"2026-11-15", "2027-03-01"}) {
    const ReportWindows windows = WindowsOf(*period, *Date::Parse(today));
    EXPECT_EQ(windows.counted, period->window()) << today;
    EXPECT_EQ(windows.ahead, period->NextWindow()) << today;
    EXPECT_FALSE(windows.running) << today;
  }
  // On its last day it still runs, counted to that day, and a task due then still has it; the
  // year is that of its end either way.
  const ReportWindows last_day = WindowsOf(*period, *Date::Parse("2026-11-14"));
  EXPECT_TRUE(last_day.running);
  EXPECT_EQ(last_day.counted, period->window());
  const TaskFacts due_then{
      *Date::Parse("2026-11-01"), *Date::Parse("2026-11-14"), {}, std::nullopt, std::nullopt};
  EXPECT_EQ(Describe(PlaceInReport(due_then, last_day)), "in_progress assigned_in due_next");
  EXPECT_EQ(Describe(PlaceInReport(due_then, *period)),
            "in_progress due overdue assigned_in due_in");
  const ReportWindows running = WindowsOf(*period, *Date::Parse("2026-11-13"));
  EXPECT_EQ(running.counted.end, *Date::Parse("2026-11-13"));
  EXPECT_EQ(running.year_start, last_day.year_start);
}

TEST(ReportFiguresTest, AYearThatRunsCountsToTheDayAndLooksAheadToTheNextYearsEnd) {
  const auto year = ReportingPeriod::Parse("2026", kCalendar);
  ASSERT_TRUE(year);
  const ReportWindows windows = WindowsOf(*year, *Date::Parse("2026-11-27"));
  EXPECT_EQ(windows.counted.end, *Date::Parse("2026-11-27"));
  EXPECT_EQ(windows.ahead, (DateWindow{*Date::Parse("2026-11-27"), *Date::Parse("2027-12-31")}));
  const TaskFacts in_december{
      *Date::Parse("2026-02-01"), Day("2026-12-10"), {}, std::nullopt, std::nullopt};
  EXPECT_EQ(Describe(PlaceInReport(in_december, windows)), "in_progress assigned_in due_next");
}

}  // namespace
}  // namespace giaoban::domain
