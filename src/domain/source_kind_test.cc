#include "domain/source_kind.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

namespace giaoban::domain {
namespace {

TEST(SourceKindTest, CodesAreTheStoredAndSentText) {
  const std::pair<SourceKind, const char*> expected[] = {
      {SourceKind::kHigherProgram, "higher_program"},
      {SourceKind::kKeyProgram, "key_program"},
      {SourceKind::kAdHoc, "ad_hoc"},
      {SourceKind::kMeetingConclusion, "meeting_conclusion"},
      {SourceKind::kDirective, "directive"},
  };
  ASSERT_EQ(AllSourceKinds().size(), std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const auto& [kind, code] = expected[i];
    EXPECT_EQ(AllSourceKinds()[i], kind);
    EXPECT_EQ(SourceKindCode(kind), code);
    EXPECT_EQ(ParseSourceKind(code), kind);
    EXPECT_EQ(SourceKindFromStored(code), kind);
  }
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
