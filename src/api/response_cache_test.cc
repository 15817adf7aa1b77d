#include "api/response_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace giaoban::api {
namespace {

TEST(ResponseCacheTest, HitsOnlyTheVersionItWasComputedAt) {
  ResponseCache cache(1 << 20);
  EXPECT_FALSE(cache.Find("k", 1));
  cache.Store("k", 1, "body at 1");
  EXPECT_EQ(cache.Find("k", 1), "body at 1");
  EXPECT_FALSE(cache.Find("k", 2));
  // Once a newer version was asked for, the old body is gone for good.
  EXPECT_FALSE(cache.Find("k", 1));
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(ResponseCacheTest, ALateOlderAnswerDoesNotReplaceANewerOne) {
  ResponseCache cache(1 << 20);
  cache.Store("k", 5, "new");
  cache.Store("k", 4, "old");
  EXPECT_EQ(cache.Find("k", 5), "new");
  cache.Store("k", 6, "newer");
  EXPECT_EQ(cache.Find("k", 6), "newer");
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.size_bytes(), 1u + 5u);
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsedWithinTheBudget) {
  ResponseCache cache(100);
  cache.Store("a", 1, std::string(20, 'a'));
  cache.Store("b", 1, std::string(20, 'b'));
  cache.Store("c", 1, std::string(20, 'c'));
  ASSERT_TRUE(cache.Find("a", 1));  // a is now the most recent
  cache.Store("d", 1, std::string(20, 'd'));
  cache.Store("e", 1, std::string(20, 'e'));
  EXPECT_LE(cache.size_bytes(), 100u);
  EXPECT_TRUE(cache.Find("a", 1));
  EXPECT_FALSE(cache.Find("b", 1));
  EXPECT_TRUE(cache.Find("e", 1));
}

TEST(ResponseCacheTest, LargeBodiesAndAZeroBudgetAreNotKept) {
  ResponseCache small(100);
  small.Store("big", 1, std::string(30, 'x'));
  EXPECT_FALSE(small.Find("big", 1));
  ResponseCache off(0);
  EXPECT_FALSE(off.enabled());
  off.Store("k", 1, "v");
  EXPECT_FALSE(off.Find("k", 1));
}

TEST(ResponseCacheTest, SafeUnderConcurrentUse) {
  ResponseCache cache(4096);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache] {
      for (int i = 0; i < 5000; ++i) {
        const std::string key = "k" + std::to_string(i % 37);
        const std::int64_t version = i / 100;
        if (auto body = cache.Find(key, version)) {
          EXPECT_EQ(*body, key + "@" + std::to_string(version));
        } else {
          cache.Store(key, version, key + "@" + std::to_string(version));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(cache.size_bytes(), 4096u);
}

}  // namespace
}  // namespace giaoban::api
