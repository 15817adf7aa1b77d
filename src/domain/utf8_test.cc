#include "domain/utf8.h"

#include <gtest/gtest.h>

#include "domain/words.h"

namespace giaoban::domain {
namespace {

TEST(Utf8Characters, CountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Characters(""), 0u);
  EXPECT_EQ(Utf8Characters("Hue"), 3u);
  EXPECT_EQ(Utf8Characters("Quảng"), 5u);
  EXPECT_EQ(Utf8Characters("Đắk Lắk"), 7u);
}

TEST(SplitWords, SplitsAtSpacesAndSkipsEmptyRuns) {
  EXPECT_EQ(SplitWords("quy iii 2024"), (std::vector<std::string_view>{"quy", "iii", "2024"}));
  EXPECT_EQ(SplitWords(" a  b "), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(SplitWords("").empty());
}

}  // namespace
}  // namespace giaoban::domain
