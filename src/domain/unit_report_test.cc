#include "domain/unit_report.h"

#include <gtest/gtest.h>

#include <string>

namespace giaoban::domain {
namespace {

using State = UnitReportState;
using Step = UnitReportStep;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(UnitReportTest, EachStateAllowsItsSteps) {
  // Every state against every step: what it leads to, "-" where the step does not apply.
  const struct {
    State from;
    const char* submit;
    const char* return_it;
    const char* accept;
  } table[] = {
      {State::kDraft, "submitted", "-", "-"},
      {State::kSubmitted, "-", "returned", "accepted"},
      {State::kReturned, "submitted", "-", "-"},
      {State::kAccepted, "-", "-", "-"},
  };
  auto after = [](State from, Step step) {
    const auto to = After(from, step);
    return std::string(to ? UnitReportStateCode(*to) : "-");
  };
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(UnitReportStateCode(row.from)));
    EXPECT_EQ(after(row.from, Step::kSubmit), row.submit);
    EXPECT_EQ(after(row.from, Step::kReturn), row.return_it);
    EXPECT_EQ(after(row.from, Step::kAccept), row.accept);
  }
  EXPECT_TRUE(Editable(State::kDraft));
  EXPECT_TRUE(Editable(State::kReturned));
  EXPECT_FALSE(Editable(State::kSubmitted));
  EXPECT_FALSE(Editable(State::kAccepted));
}

TEST(UnitReportTest, TheUnitSubmitsAndTheConsolidatingDivisionDecides) {
  EXPECT_TRUE(TakesStep(Role::kUnitHead, Step::kSubmit));
  EXPECT_TRUE(TakesStep(Role::kLeader, Step::kSubmit));
  EXPECT_FALSE(TakesStep(Role::kSpecialist, Step::kSubmit));
  EXPECT_FALSE(TakesStep(Role::kConsolidator, Step::kSubmit));
  for (Step decision : {Step::kReturn, Step::kAccept}) {
    EXPECT_TRUE(TakesStep(Role::kConsolidator, decision));
    EXPECT_TRUE(TakesStep(Role::kLeader, decision));
    EXPECT_FALSE(TakesStep(Role::kUnitHead, decision));
  }
  for (Step any : {Step::kSubmit, Step::kReturn, Step::kAccept}) {
    EXPECT_FALSE(TakesStep(Role::kViewer, any));
    EXPECT_FALSE(TakesStep(Role::kAdmin, any));
  }
}

TEST(UnitReportTest, CodesRoundTrip) {
  for (const std::string_view code : UnitReportStateCodes())
    EXPECT_EQ(UnitReportStateCode(*ParseUnitReportState(code)), code);
  EXPECT_EQ(UnitReportStateCodes().size(), 4u);
  for (Step step : {Step::kSubmit, Step::kReturn, Step::kAccept})
    EXPECT_EQ(ParseUnitReportStep(UnitReportStepCode(step)), step);
  EXPECT_FALSE(ParseUnitReportState("resubmitted"));
  EXPECT_FALSE(ParseUnitReportStep("approve"));
}

TEST(UnitReportTest, DueAndLatenessCountWorkingDays) {
  const WorkingCalendar y2024(DefaultCalendarDays(2024));
  // January 2024 under the cut-off ends on Sunday 14/1: three working days later is Wednesday 17/1.
  EXPECT_EQ(UnitReportDue(D(2024, 1, 14), 3, y2024), D(2024, 1, 17));
  // The month before Tết: the calendar month ends on Wednesday 31/1; five working days later,
  // Wednesday 7/2, the day before the break.
  EXPECT_EQ(UnitReportDue(D(2024, 1, 31), 5, y2024), D(2024, 2, 7));
  // Three working days after that land after Tết: Thursday 15/2 to Monday 19/2.
  EXPECT_EQ(UnitReportDue(D(2024, 1, 31), 8, y2024), D(2024, 2, 19));
  // Sent over Tết, a report due on 7/2 is one working day late on 15/2, none on the 14th.
  EXPECT_EQ(WorkingDaysLate(D(2024, 2, 7), D(2024, 2, 14), y2024), 0);
  EXPECT_EQ(WorkingDaysLate(D(2024, 2, 7), D(2024, 2, 15), y2024), 1);
  EXPECT_EQ(WorkingDaysLate(D(2024, 2, 7), D(2024, 2, 7), y2024), 0);
  EXPECT_EQ(WorkingDaysLate(D(2024, 2, 7), D(2024, 2, 1), y2024), 0);
}

}  // namespace
}  // namespace giaoban::domain
