#include "http/body_budget.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace giaoban::http {
namespace {

TEST(BodyBudgetTest, ReservesUpToTheCapacityAndNoMore) {
  BodyBudget budget(100);
  auto a = budget.TryReserve(60);
  ASSERT_TRUE(a);
  EXPECT_EQ(budget.in_use(), 60u);
  EXPECT_FALSE(budget.TryReserve(41));
  auto b = budget.TryReserve(40);
  ASSERT_TRUE(b);
  EXPECT_EQ(budget.in_use(), 100u);
  EXPECT_FALSE(budget.TryReserve(1));
  EXPECT_FALSE(BodyBudget(10).TryReserve(11));
  EXPECT_FALSE(budget.TryReserve(static_cast<std::size_t>(-1)));  // no wrap-around
}

TEST(BodyBudgetTest, AReservationGivesItsBytesBackWhenItGoes) {
  BodyBudget budget(100);
  {
    auto a = budget.TryReserve(100);
    ASSERT_TRUE(a);
    auto moved = std::move(*a);
    a.reset();
    EXPECT_EQ(budget.in_use(), 100u);  // the moved-from one gives nothing back
    EXPECT_EQ(moved.bytes(), 100u);
  }
  EXPECT_EQ(budget.in_use(), 0u);
  auto b = budget.TryReserve(70);
  auto c = budget.TryReserve(30);
  ASSERT_TRUE(b && c);
  *b = std::move(*c);  // b's 70 go back, c's 30 stay with b
  EXPECT_EQ(budget.in_use(), 30u);
}

TEST(BodyBudgetTest, ThreadsNeverTakeMoreThanTheCapacity) {
  BodyBudget budget(1000);
  std::vector<std::thread> threads;
  std::atomic<bool> over{false};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20000; ++i) {
        auto r = budget.TryReserve(300);
        if (budget.in_use() > budget.capacity()) over = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_FALSE(over);
  EXPECT_EQ(budget.in_use(), 0u);
}

}  // namespace
}  // namespace giaoban::http
