// Units as programs name them, matched to the agency's organisations.
#include "service/imports/unit_matcher.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

UnitMatcher Agency() {
  return UnitMatcher({{1, "Sở Giao thông vận tải", "SGTVT"},
                      {2, "Phòng Kế hoạch - Tài chính", "KHTC"},
                      {3, "Phòng Quản lý kết cấu hạ tầng giao thông", "QLKCHT"},
                      {4, "Phòng Quản lý vận tải, phương tiện và người lái", "QLVT"},
                      {5, "Văn phòng Sở", "VP"},
                      {6, "Thanh tra Sở", ""},
                      {7, "Trung tâm Đăng kiểm xe cơ giới", "TTDK"}});
}

std::optional<Id> IdOf(const UnitMatcher& m, std::string_view written) {
  return m.Match(written).id;
}

TEST(UnitMatcher, MatchesUnitsHoweverProgramsWriteThem) {
  const UnitMatcher m = Agency();
  EXPECT_EQ(IdOf(m, "Phòng Kế hoạch - Tài chính"), 2);
  EXPECT_EQ(IdOf(m, "PHÒNG KẾ HOẠCH TÀI CHÍNH"), 2);
  EXPECT_EQ(IdOf(m, "Phong ke hoach - tai chinh"), 2);
  EXPECT_EQ(IdOf(m, "Kế hoạch - Tài chính"), 2);
  EXPECT_EQ(IdOf(m, "KHTC"), 2);
  EXPECT_EQ(IdOf(m, "P. KHTC"), 2);
  EXPECT_EQ(IdOf(m, "Phòng KHTC"), 2);
  EXPECT_EQ(IdOf(m, "Sở GTVT"), 1);
  EXPECT_EQ(IdOf(m, "Sở Giao thông Vận tải"), 1);
  EXPECT_EQ(IdOf(m, "Phòng QLKCHT"), 3);
  EXPECT_EQ(IdOf(m, "P.QLVT"), 4);
  EXPECT_EQ(IdOf(m, "Văn phòng Sở"), 5);
  EXPECT_EQ(IdOf(m, "VP Sở"), 5);
  EXPECT_EQ(IdOf(m, "VP"), 5);
  EXPECT_EQ(IdOf(m, "Thanh tra Sở"), 6);
  EXPECT_EQ(IdOf(m, "TT Đăng kiểm xe cơ giới"), 7);
}

TEST(UnitMatcher, SuggestsWhereItCannotTellForSure) {
  const UnitMatcher m = Agency();
  const auto transport = m.Match("Phòng Quản lý vận tải");
  EXPECT_FALSE(transport.id);
  ASSERT_FALSE(transport.suggestions.empty());
  EXPECT_EQ(transport.suggestions.front(), 4);
  EXPECT_LE(transport.suggestions.size(), 3u);
  // The office's one word left is no name of its own.
  EXPECT_FALSE(m.Match("Sở").id);
  const auto none = m.Match("Công an tỉnh");
  EXPECT_FALSE(none.id);
  EXPECT_TRUE(none.suggestions.empty());
  EXPECT_FALSE(m.Match("").id);
}

TEST(UnitMatcher, SplitsACellOfSeveralUnits) {
  EXPECT_EQ(
      SplitUnitNames("Phòng KHTC, Văn phòng Sở; Thanh tra Sở\nP. QLVT + TTĐK."),
      (std::vector<std::string>{"Phòng KHTC", "Văn phòng Sở", "Thanh tra Sở", "P. QLVT", "TTĐK"}));
  // A dash belongs to a name, not between two.
  EXPECT_EQ(SplitUnitNames("Phòng Kế hoạch - Tài chính"),
            (std::vector<std::string>{"Phòng Kế hoạch - Tài chính"}));
  EXPECT_TRUE(SplitUnitNames(" , ;").empty());
}

TEST(UnitMatcher, KeepsTogetherTheNameOfAUnitThatHoldsAComma) {
  const UnitMatcher m = Agency();
  EXPECT_EQ(m.Split("Phòng Quản lý vận tải, phương tiện và người lái; VP"),
            (std::vector<std::string>{"Phòng Quản lý vận tải, phương tiện và người lái", "VP"}));
  EXPECT_EQ(m.Split("KHTC, VP, Thanh tra Sở"),
            (std::vector<std::string>{"KHTC", "VP", "Thanh tra Sở"}));
}

}  // namespace
}  // namespace giaoban::service
