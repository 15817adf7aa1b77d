#include "domain/stats.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

TEST(StatusCountsTest, EmptyHasZeroRates) {
  const StatusCounts c;
  EXPECT_EQ(c.total, 0);
  EXPECT_EQ(c.overdue_rate(), 0.0);
  EXPECT_EQ(c.completion_rate(), 0.0);
  EXPECT_EQ(c.on_time_rate(), 0.0);
}

TEST(StatusCountsTest, AddFillsTheRightBucket) {
  StatusCounts c;
  c.Add(Status::kCompletedOnTime, false);
  c.Add(Status::kCompletedLate, true);
  c.Add(Status::kInProgress, false, 3);
  c.Add(Status::kOverdue, true, 2);
  EXPECT_EQ(c.completed_on_time, 1);
  EXPECT_EQ(c.completed_late, 1);
  EXPECT_EQ(c.in_progress, 3);
  EXPECT_EQ(c.overdue, 2);
  EXPECT_EQ(c.total, 7);
  EXPECT_EQ(c.extended, 3);
  EXPECT_EQ(c.completed(), 2);
  EXPECT_EQ(c.not_completed(), 5);
}

TEST(StatusCountsTest, CancelledIsListedButNotCounted) {
  StatusCounts c;
  c.Add(Status::kCancelled, true, 4);
  EXPECT_EQ(c.cancelled, 4);
  EXPECT_EQ(c.total, 0);
  EXPECT_EQ(c.extended, 0);
}

TEST(StatusCountsTest, NotYetAssignedIsIgnored) {
  StatusCounts c;
  c.Add(Status::kNotYetAssigned, true, 5);
  EXPECT_EQ(c, StatusCounts{});
}

TEST(StatusCountsTest, PlusEqualsAddsEveryField) {
  StatusCounts a;
  a.Add(Status::kCompletedOnTime, true, 2);
  a.Add(Status::kCancelled, false);
  StatusCounts b;
  b.Add(Status::kOverdue, false, 3);
  b.Add(Status::kCompletedLate, true);
  b.Add(Status::kInProgress, false, 4);
  b.Add(Status::kCancelled, false, 2);
  a += b;
  StatusCounts expected;
  expected.total = 10;
  expected.completed_on_time = 2;
  expected.completed_late = 1;
  expected.in_progress = 4;
  expected.overdue = 3;
  expected.cancelled = 3;
  expected.extended = 3;
  EXPECT_EQ(a, expected);
}

TEST(StatusCountsTest, RatesAreOverTotal) {
  StatusCounts c;
  c.Add(Status::kCompletedOnTime, false, 1);
  c.Add(Status::kCompletedLate, false, 1);
  c.Add(Status::kOverdue, false, 2);
  c.Add(Status::kCancelled, false, 100);  // must not dilute the rates
  EXPECT_DOUBLE_EQ(c.overdue_rate(), 0.5);
  EXPECT_DOUBLE_EQ(c.completion_rate(), 0.5);
  EXPECT_DOUBLE_EQ(c.on_time_rate(), 0.25);
}

// National figures for 2017 (docs/domain.md#published-national-figures): the buckets must add up
// to the published totals.
TEST(StatusCountsTest, National2017Figures) {
  StatusCounts c;
  c.Add(Status::kCompletedOnTime, false, 14'068);
  c.Add(Status::kCompletedLate, false, 1'983);
  c.Add(Status::kInProgress, false, 5'640);
  c.Add(Status::kOverdue, false, 223);
  EXPECT_EQ(c.total, 21'914);
  EXPECT_EQ(c.completed(), 16'051);
  EXPECT_EQ(c.not_completed(), 5'863);
  EXPECT_DOUBLE_EQ(c.overdue_rate(), 223.0 / 21'914.0);
  EXPECT_NEAR(c.overdue_rate(), 0.0102, 0.00005);  // the published 1.38% is not 223/21914
  EXPECT_NEAR(c.completion_rate(), 0.7325, 0.00005);
  EXPECT_NEAR(c.on_time_rate(), 0.6420, 0.00005);
}

// First half of 2024: 289 overdue out of 10,448 is the published 2.76%.
TEST(StatusCountsTest, National2024H1OverdueRate) {
  StatusCounts c;
  c.Add(Status::kCompletedOnTime, false, 5'233);  // split on time / late not published
  c.Add(Status::kInProgress, false, 4'926);
  c.Add(Status::kOverdue, false, 289);
  EXPECT_EQ(c.total, 10'448);
  EXPECT_NEAR(c.overdue_rate() * 100, 2.766, 0.0005);  // published truncated to 2.76
}

}  // namespace
}  // namespace giaoban::domain
