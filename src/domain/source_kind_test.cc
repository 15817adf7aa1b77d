#include "domain/source_kind.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

namespace giaoban::domain {
namespace {

// The codes are stored in every source row: pinned here, in the order forms list them.
TEST(SourceKindTest, CodesAreTheStoredAndSentText) {
  std::string codes;
  for (SourceKind kind : AllSourceKinds()) {
    const std::string_view code = SourceKindCode(kind);
    codes.append(codes.empty() ? "" : " ").append(code);
    EXPECT_EQ(ParseSourceKind(code), kind);
    EXPECT_EQ(SourceKindFromStored(code), kind);
  }
  EXPECT_EQ(codes, "higher_program key_program ad_hoc meeting_conclusion directive");
}

TEST(SourceKindTest, EveryKindIsListedOnce) {
  std::set<std::string_view> codes;
  for (SourceKind kind : AllSourceKinds()) codes.insert(SourceKindCode(kind));
  EXPECT_EQ(codes.size(), AllSourceKinds().size());
}

TEST(SourceKindTest, OtherTextIsNotAKind) {
  for (const char* code : {"", "Ad_hoc", "ad-hoc", "ad_hoc ", "program", "higher_program,ad_hoc"})
    EXPECT_FALSE(ParseSourceKind(code)) << code;
  EXPECT_THROW(SourceKindFromStored("program"), std::invalid_argument);
}

}  // namespace
}  // namespace giaoban::domain
