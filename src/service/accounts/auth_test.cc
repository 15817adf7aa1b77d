#include "service/accounts/auth.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

TEST(LoginDelayTest, NoWaitWithinTheAllowanceThenDoublingUpToTheMaximum) {
  Settings s;
  s.login_first_delay_ms = 30'000;
  s.login_max_delay_ms = 15 * 60'000;
  EXPECT_EQ(LoginDelayMs(1, 5, s), 0);
  EXPECT_EQ(LoginDelayMs(4, 5, s), 0);
  EXPECT_EQ(LoginDelayMs(5, 5, s), 30'000);  // the last free attempt makes the next one wait
  EXPECT_EQ(LoginDelayMs(6, 5, s), 60'000);
  EXPECT_EQ(LoginDelayMs(7, 5, s), 120'000);
  EXPECT_EQ(LoginDelayMs(9, 5, s), 480'000);
  EXPECT_EQ(LoginDelayMs(10, 5, s), 900'000);
  EXPECT_EQ(LoginDelayMs(1'000'000, 5, s), 900'000);
  EXPECT_EQ(LoginDelayMs(50, 50, s), 30'000);
}

}  // namespace
}  // namespace giaoban::service
