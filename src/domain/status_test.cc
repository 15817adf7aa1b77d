#include "domain/status.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace giaoban::domain {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// A task assigned 01/08/2023 with deadline 31/08/2023 unless a test says otherwise.
struct Task {
  Date assigned_on = D(2023, 8, 1);
  std::optional<Date> deadline = D(2023, 8, 31);
  std::vector<ApprovedExtension> extensions;
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;

  TaskFacts facts() const {
    return TaskFacts{assigned_on, deadline, extensions, completed_on, cancelled_on};
  }
  Status StatusOn(Date as_of) const { return StatusAsOf(facts(), as_of); }
  Warning WarningOn(Date as_of, int days = 7) const { return WarningAsOf(facts(), as_of, days); }
};

std::string Joined(const std::vector<std::string_view>& codes) {
  std::string out;
  for (std::string_view code : codes) out.append(out.empty() ? "" : " ").append(code);
  return out;
}

// The codes are what the API sends and clients store: pinned here, in the order forms list them.
TEST(StatusCodeTest, CodesAreStableAndRoundTrip) {
  EXPECT_EQ(Joined(StatusCodes()),
            "not_yet_assigned cancelled completed_on_time completed_late in_progress overdue");
  for (std::string_view code : StatusCodes()) EXPECT_EQ(StatusCode(*ParseStatus(code)), code);
  for (const char* other : {"", "Overdue", "overdue ", "late"}) EXPECT_FALSE(ParseStatus(other));
}

TEST(StatusCodeTest, WarningCodesAreStable) {
  EXPECT_EQ(Joined(WarningCodes()), "none overdue due_soon on_track no_deadline");
  EXPECT_EQ(WarningCode(Warning::kDueSoon), "due_soon");
}

TEST(StatusAsOfTest, CompletionExactlyOnDeadlineIsOnTime) {
  Task t;
  t.completed_on = D(2023, 8, 31);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 31)), Status::kCompletedOnTime);
  EXPECT_EQ(t.StatusOn(D(2024, 1, 1)), Status::kCompletedOnTime);
}

TEST(StatusAsOfTest, CompletionBeforeDeadlineIsOnTime) {
  Task t;
  t.completed_on = D(2023, 8, 1);  // the day it was assigned
  EXPECT_EQ(t.StatusOn(D(2023, 8, 1)), Status::kCompletedOnTime);
}

TEST(StatusAsOfTest, CompletionOneDayAfterDeadlineIsLate) {
  Task t;
  t.completed_on = D(2023, 9, 1);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 1)), Status::kCompletedLate);
  EXPECT_EQ(t.StatusOn(D(2023, 12, 31)), Status::kCompletedLate);
}

TEST(StatusAsOfTest, DOnDeadlineIsInProgressAndOneDayLaterOverdue) {
  Task t;
  EXPECT_EQ(t.StatusOn(D(2023, 8, 1)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 30)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 31)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 1)), Status::kOverdue);
  EXPECT_EQ(t.StatusOn(D(2030, 1, 1)), Status::kOverdue);
}

TEST(StatusAsOfTest, CompletionAfterDCountsAsNotCompleted) {
  Task t;
  t.completed_on = D(2023, 9, 10);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 20)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 5)), Status::kOverdue);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 9)), Status::kOverdue);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 10)), Status::kCompletedLate);
}

TEST(StatusAsOfTest, OngoingTaskIsNeverOverdueAndAlwaysOnTime) {
  Task t;
  t.deadline = std::nullopt;
  EXPECT_EQ(t.StatusOn(D(2023, 8, 1)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2099, 12, 31)), Status::kInProgress);
  t.completed_on = D(2030, 6, 1);
  EXPECT_EQ(t.StatusOn(D(2030, 5, 31)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2030, 6, 1)), Status::kCompletedOnTime);
}

TEST(StatusAsOfTest, NotYetAssigned) {
  Task t;
  EXPECT_EQ(t.StatusOn(D(2023, 7, 31)), Status::kNotYetAssigned);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 1)), Status::kInProgress);
}

TEST(StatusAsOfTest, NotYetAssignedWinsOverEverythingElse) {
  Task t;
  t.assigned_on = D(2023, 8, 10);
  t.completed_on = D(2023, 8, 5);  // bad data entry: recorded before assignment
  t.cancelled_on = D(2023, 8, 5);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 9)), Status::kNotYetAssigned);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 10)), Status::kCancelled);
}

TEST(StatusAsOfTest, CancellationCountsFromItsDate) {
  Task t;
  t.cancelled_on = D(2023, 8, 20);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 19)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 20)), Status::kCancelled);
  EXPECT_EQ(t.StatusOn(D(2023, 12, 31)), Status::kCancelled);
}

TEST(StatusAsOfTest, CancellationAfterDLeavesTheTaskCounted) {
  Task t;
  t.cancelled_on = D(2023, 10, 1);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 15)), Status::kOverdue);
  EXPECT_EQ(t.StatusOn(D(2023, 10, 1)), Status::kCancelled);
}

TEST(StatusAsOfTest, CancellationWinsOverCompletion) {
  Task t;
  t.completed_on = D(2023, 8, 10);
  t.cancelled_on = D(2023, 8, 20);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 15)), Status::kCompletedOnTime);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 20)), Status::kCancelled);
}

TEST(DeadlineInForceTest, OriginalWithoutExtensions) {
  Task t;
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 15)), D(2023, 8, 31));
  t.deadline = std::nullopt;
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 15)), std::nullopt);
}

TEST(DeadlineInForceTest, ExtensionCountsFromItsEffectiveDate) {
  Task t;
  t.extensions = {{D(2023, 8, 25), D(2023, 9, 30)}};
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 24)), D(2023, 8, 31));
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 25)), D(2023, 9, 30));
}

TEST(DeadlineInForceTest, LatestEffectiveExtensionWinsInAnyOrder) {
  Task t;
  t.extensions = {{D(2023, 9, 20), D(2023, 10, 31)}, {D(2023, 8, 25), D(2023, 9, 30)}};
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 20)), D(2023, 8, 31));
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 9, 1)), D(2023, 9, 30));
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 9, 20)), D(2023, 10, 31));
}

TEST(DeadlineInForceTest, SameDayTieGoesToLaterEntry) {
  Task t;
  t.extensions = {{D(2023, 8, 25), D(2023, 9, 30)}, {D(2023, 8, 25), D(2023, 9, 15)}};
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 25)), D(2023, 9, 15));
  t.extensions = {{D(2023, 8, 25), D(2023, 9, 15)}, {D(2023, 8, 25), D(2023, 9, 30)}};
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 25)), D(2023, 9, 30));
}

TEST(DeadlineInForceTest, ExtensionGivesOngoingTaskADeadline) {
  Task t;
  t.deadline = std::nullopt;
  t.extensions = {{D(2023, 8, 10), D(2023, 12, 31)}};
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 9)), std::nullopt);
  EXPECT_EQ(DeadlineInForce(t.facts(), D(2023, 8, 10)), D(2023, 12, 31));
}

TEST(StatusAsOfTest, ExtensionApprovedBeforeDPreventsOverdue) {
  Task t;
  t.extensions = {{D(2023, 8, 28), D(2023, 9, 30)}};
  EXPECT_EQ(t.StatusOn(D(2023, 9, 15)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 30)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 10, 1)), Status::kOverdue);
}

TEST(StatusAsOfTest, ExtensionEffectiveAfterDDoesNotCount) {
  Task t;
  t.extensions = {{D(2023, 9, 10), D(2023, 9, 30)}};
  EXPECT_EQ(t.StatusOn(D(2023, 9, 5)), Status::kOverdue);  // as the report of 05/09 said
  EXPECT_EQ(t.StatusOn(D(2023, 9, 10)), Status::kInProgress);
}

TEST(StatusAsOfTest, CompletionJudgedAgainstDeadlineInForceAsOfD) {
  Task t;
  t.completed_on = D(2023, 9, 20);
  t.extensions = {{D(2023, 9, 25), D(2023, 9, 30)}};
  EXPECT_EQ(t.StatusOn(D(2023, 9, 24)), Status::kCompletedLate);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 25)), Status::kCompletedOnTime);
}

TEST(StatusAsOfTest, CompletionOnExtendedDeadlineIsOnTimeAndDayAfterIsLate) {
  Task t;
  t.extensions = {{D(2023, 8, 20), D(2023, 9, 15)}};
  t.completed_on = D(2023, 9, 15);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 30)), Status::kCompletedOnTime);
  t.completed_on = D(2023, 9, 16);
  EXPECT_EQ(t.StatusOn(D(2023, 9, 30)), Status::kCompletedLate);
}

TEST(StatusAsOfTest, LaterOfTwoExtensionsCounts) {
  Task t;
  t.extensions = {{D(2023, 9, 25), D(2023, 10, 31)}, {D(2023, 8, 25), D(2023, 9, 30)}};
  EXPECT_EQ(t.StatusOn(D(2023, 10, 15)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 11, 1)), Status::kOverdue);
  t.completed_on = D(2023, 10, 20);
  EXPECT_EQ(t.StatusOn(D(2023, 10, 20)), Status::kCompletedOnTime);
}

TEST(StatusAsOfTest, ExtensionMovingDeadlineEarlierIsHonoured) {
  Task t;
  t.extensions = {{D(2023, 8, 10), D(2023, 8, 20)}};
  EXPECT_EQ(t.StatusOn(D(2023, 8, 20)), Status::kInProgress);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 21)), Status::kOverdue);
  t.completed_on = D(2023, 8, 25);
  EXPECT_EQ(t.StatusOn(D(2023, 8, 31)), Status::kCompletedLate);
}

TEST(WarningAsOfTest, NoneForClosedOrAbsentTasks) {
  Task t;
  EXPECT_EQ(t.WarningOn(D(2023, 7, 1)), Warning::kNone);
  t.completed_on = D(2023, 8, 30);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 30)), Warning::kNone);
  EXPECT_EQ(t.WarningOn(D(2023, 9, 30)), Warning::kNone);
  t.completed_on = std::nullopt;
  t.cancelled_on = D(2023, 8, 15);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 30)), Warning::kNone);
}

TEST(WarningAsOfTest, DueSoonWindowBoundaries) {
  Task t;                                                     // deadline 31/08
  EXPECT_EQ(t.WarningOn(D(2023, 8, 23)), Warning::kOnTrack);  // 8 days left
  EXPECT_EQ(t.WarningOn(D(2023, 8, 24)), Warning::kDueSoon);  // 7 days left
  EXPECT_EQ(t.WarningOn(D(2023, 8, 31)), Warning::kDueSoon);  // due today
  EXPECT_EQ(t.WarningOn(D(2023, 9, 1)), Warning::kOverdue);
}

TEST(WarningAsOfTest, CustomWindow) {
  Task t;
  EXPECT_EQ(t.WarningOn(D(2023, 8, 1), 30), Warning::kDueSoon);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 1), 29), Warning::kOnTrack);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 30), 0), Warning::kOnTrack);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 31), 0), Warning::kDueSoon);
}

TEST(WarningAsOfTest, NoDeadline) {
  Task t;
  t.deadline = std::nullopt;
  EXPECT_EQ(t.WarningOn(D(2023, 8, 15)), Warning::kNoDeadline);
  EXPECT_EQ(t.WarningOn(D(2040, 8, 15)), Warning::kNoDeadline);
}

TEST(WarningAsOfTest, UsesDeadlineInForce) {
  Task t;
  t.extensions = {{D(2023, 8, 20), D(2023, 9, 30)}};
  EXPECT_EQ(t.WarningOn(D(2023, 8, 19)), Warning::kOnTrack);
  EXPECT_EQ(t.WarningOn(D(2023, 8, 25)), Warning::kOnTrack);
  EXPECT_EQ(t.WarningOn(D(2023, 9, 23)), Warning::kDueSoon);
  EXPECT_EQ(t.WarningOn(D(2023, 10, 1)), Warning::kOverdue);
}

TEST(WarningAsOfTest, AgreesWithStatusOverAWholeYear) {
  Task t;
  t.extensions = {{D(2023, 8, 25), D(2023, 9, 30)}};
  t.completed_on = D(2023, 10, 5);
  for (Date d = D(2023, 7, 1); d <= D(2024, 6, 30); d = d.AddDays(1)) {
    const Status s = t.StatusOn(d);
    const Warning w = t.WarningOn(d);
    ASSERT_EQ(w == Warning::kOverdue, s == Status::kOverdue) << d.Iso();
    ASSERT_EQ(w == Warning::kNone, s != Status::kOverdue && s != Status::kInProgress) << d.Iso();
  }
}

}  // namespace
}  // namespace giaoban::domain
