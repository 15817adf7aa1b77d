#include "api/response_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace giaoban::api {
namespace {

// The version of a reader who sees one agency, at `n`.
service::DataVersion V(std::int64_t n) { return {{{0, 1}, {7, n}}}; }

TEST(ResponseCacheTest, HitsOnlyTheVersionItWasComputedAt) {
  ResponseCache cache(1 << 20);
  EXPECT_FALSE(cache.Find("k", V(1)));
  cache.Store("k", V(1), "body at 1");
  EXPECT_EQ(cache.Find("k", V(1)), "body at 1");
  EXPECT_FALSE(cache.Find("k", V(2)));
  // Once a newer version was asked for, the old body is gone for good.
  EXPECT_FALSE(cache.Find("k", V(1)));
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(ResponseCacheTest, ALateOlderAnswerDoesNotReplaceANewerOne) {
  ResponseCache cache(1 << 20);
  cache.Store("k", V(5), "new");
  cache.Store("k", V(4), "old");
  EXPECT_EQ(cache.Find("k", V(5)), "new");
  cache.Store("k", V(6), "newer");
  EXPECT_EQ(cache.Find("k", V(6)), "newer");
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.size_bytes(), 1u + 5u);
}

TEST(ResponseCacheTest, AnyOfTheReadersAgenciesMovingIsAMiss) {
  ResponseCache cache(1 << 20);
  const service::DataVersion before{{{0, 3}, {2, 10}, {5, 4}}};
  cache.Store("k", before, "province view");
  EXPECT_EQ(cache.Find("k", before), "province view");
  EXPECT_FALSE(cache.Find("k", service::DataVersion{{{0, 3}, {2, 10}, {5, 5}}}));
  EXPECT_FALSE(cache.Find("k", before));  // the newer version was asked for: forgotten
  cache.Store("k", before, "province view");
  EXPECT_FALSE(cache.Find("k", service::DataVersion{{{0, 4}, {2, 10}, {5, 4}}}));
  // A new agency under the province is a different set: no answer of the old set holds.
  cache.Store("k", before, "province view");
  EXPECT_FALSE(cache.Find("k", service::DataVersion{{{0, 3}, {2, 10}, {5, 4}, {9, 1}}}));
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsedWithinTheBudget) {
  ResponseCache cache(100);
  cache.Store("a", V(1), std::string(20, 'a'));
  cache.Store("b", V(1), std::string(20, 'b'));
  cache.Store("c", V(1), std::string(20, 'c'));
  ASSERT_TRUE(cache.Find("a", V(1)));  // a is now the most recent
  cache.Store("d", V(1), std::string(20, 'd'));
  cache.Store("e", V(1), std::string(20, 'e'));
  EXPECT_LE(cache.size_bytes(), 100u);
  EXPECT_TRUE(cache.Find("a", V(1)));
  EXPECT_FALSE(cache.Find("b", V(1)));
  EXPECT_TRUE(cache.Find("e", V(1)));
}

TEST(ResponseCacheTest, LargeBodiesAndAZeroBudgetAreNotKept) {
  ResponseCache small(100);
  small.Store("big", V(1), std::string(30, 'x'));
  EXPECT_FALSE(small.Find("big", V(1)));
  ResponseCache off(0);
  EXPECT_FALSE(off.enabled());
  off.Store("k", V(1), "v");
  EXPECT_FALSE(off.Find("k", V(1)));
}

TEST(ResponseCacheTest, SafeUnderConcurrentUse) {
  ResponseCache cache(4096);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache] {
      for (int i = 0; i < 5000; ++i) {
        const std::string key = "k" + std::to_string(i % 37);
        const std::int64_t version = i / 100;
        if (auto body = cache.Find(key, V(version))) {
          EXPECT_EQ(*body, key + "@" + std::to_string(version));
        } else {
          cache.Store(key, V(version), key + "@" + std::to_string(version));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(cache.size_bytes(), 4096u);
}

}  // namespace
}  // namespace giaoban::api
