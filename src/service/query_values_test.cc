#include "service/query_values.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

TEST(QueryValues, AnIdIsAWholeNumberAboveZero) {
  EXPECT_EQ(ParseId("12"), 12);
  EXPECT_EQ(ParseId("9007199254740993"), 9007199254740993);
  for (const char* text : {"", "0", "-3", "12abc", " 12", "1e3", "99999999999999999999"})
    EXPECT_EQ(ParseId(text), std::nullopt) << text;
}

TEST(QueryValues, AnIntMayBeNegative) {
  EXPECT_EQ(ParseInt("-3"), -3);
  EXPECT_EQ(ParseInt("0"), 0);
  for (const char* text : {"", "+", "3.5", "3 ", "4294967296"})
    EXPECT_EQ(ParseInt(text), std::nullopt) << text;
}

TEST(QueryValues, ACountGoesFromZeroToItsLimit) {
  EXPECT_EQ(ParseCount("0", 10), 0);
  EXPECT_EQ(ParseCount("10", 10), 10);
  for (const char* text : {"", "11", "-0", "-1", "+1", "1x", "99999999999"})
    EXPECT_EQ(ParseCount(text, 10), std::nullopt) << text;
}

}  // namespace
}  // namespace giaoban::service
