#include "domain/codes.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

enum class Colour { kRed, kGreen, kUnnamed };

constexpr CodeTable kColours{std::to_array<std::pair<Colour, std::string_view>>({
    {Colour::kGreen, "green"},
    {Colour::kRed, "red"},
})};

TEST(CodeTableTest, LooksUpBothWays) {
  EXPECT_EQ(kColours.CodeOf(Colour::kRed), "red");
  EXPECT_EQ(kColours.Parse("green"), Colour::kGreen);
  static_assert(kColours.Parse("red") == Colour::kRed);
}

TEST(CodeTableTest, SaysWhatItDoesNotKnow) {
  EXPECT_EQ(kColours.CodeOf(Colour::kUnnamed), std::nullopt);
  EXPECT_EQ(kColours.Parse("blue"), std::nullopt);
  // Codes are exact: no folding of case or spaces, since they are stored and compared as they are.
  EXPECT_EQ(kColours.Parse("Red"), std::nullopt);
  EXPECT_EQ(kColours.Parse("red "), std::nullopt);
}

TEST(CodeTableTest, ListsInTheTablesOrder) {
  EXPECT_EQ(kColours.Codes(), (std::vector<std::string_view>{"green", "red"}));
  EXPECT_EQ(kColours.Values(), (std::array{Colour::kGreen, Colour::kRed}));
}

}  // namespace
}  // namespace giaoban::domain
