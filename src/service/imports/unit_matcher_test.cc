// Units as programs name them, matched to the agency's organisations.
#include "service/imports/unit_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// The demo agency: the agency itself, its divisions and its units, one name holding an en dash.
UnitMatcher DemoAgency() {
  return UnitMatcher({{1, "Sở Giao thông vận tải", "SGTVT"},
                      {2, "Văn phòng Sở", "VP"},
                      {3, "Phòng Kế hoạch \u2013 Tài chính", "KHTC"},
                      {4, "Phòng Quản lý kết cấu hạ tầng giao thông", "QLKCHT"},
                      {5, "Phòng Quản lý vận tải, phương tiện và người lái", "QLVT"},
                      {6, "Phòng Quản lý chất lượng công trình giao thông", "QLCL"},
                      {7, "Thanh tra Sở", "TTS"},
                      {8, "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "BQLDA"},
                      {9, "Trung tâm Đăng kiểm xe cơ giới", "TTDK"},
                      {10, "Văn phòng Ban An toàn giao thông tỉnh", "VPATGT"}});
}

std::optional<Id> IdOf(const UnitMatcher& m, std::string_view written) {
  return m.Match(written).id;
}

std::vector<Id> FirstTwo(const UnitMatch& match) {
  std::vector<Id> ids(match.suggestions.begin(),
                      match.suggestions.begin() +
                          static_cast<long>(std::min<std::size_t>(2, match.suggestions.size())));
  std::sort(ids.begin(), ids.end());
  return ids;
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

TEST(UnitMatcher, ReadsRunsOfCapitalsAsInitialsOfTheName) {
  const UnitMatcher m = DemoAgency();
  EXPECT_EQ(IdOf(m, "BQLDA"), 8);
  EXPECT_EQ(IdOf(m, "Ban QLDA ĐTXD các công trình giao thông"), 8);
  EXPECT_EQ(IdOf(m, "Phòng KH-TC"), 3);
  EXPECT_EQ(IdOf(m, "TTĐK"), 9);
  EXPECT_EQ(IdOf(m, "VP Ban ATGT tỉnh"), 10);
  // The kind and its abbreviation are one word, inside a run of capitals too.
  EXPECT_EQ(IdOf(m, "P. QL chất lượng công trình giao thông"), 6);
  EXPECT_EQ(IdOf(UnitMatcher({{1, "Chi cục Quản lý đường bộ", ""}}), "CC Quản lý đường bộ"), 1);
}

TEST(UnitMatcher, MatchesANameWrittenWithItsTailLeftOff) {
  const UnitMatcher m = DemoAgency();
  EXPECT_EQ(IdOf(m, "Ban QLDA"), 8);
  EXPECT_EQ(IdOf(m, "Ban QLDA ĐTXD"), 8);
  EXPECT_EQ(IdOf(m, "Ban Quản lý dự án"), 8);
  EXPECT_EQ(IdOf(m, "VP Ban ATGT"), 10);
  EXPECT_EQ(IdOf(m, "Văn phòng Ban ATGT"), 10);
  EXPECT_EQ(IdOf(m, "Văn phòng Ban An toàn giao thông"), 10);
  EXPECT_EQ(IdOf(m, "TT Đăng kiểm"), 9);
  EXPECT_EQ(IdOf(m, "Trung tâm Đăng kiểm"), 9);
  EXPECT_EQ(IdOf(m, "TT ĐK"), 9);
  EXPECT_EQ(IdOf(m, "Đăng kiểm"), 9);
  // The office of the agency is not the traffic-safety board's office.
  EXPECT_EQ(IdOf(m, "Văn phòng Sở"), 2);
  EXPECT_EQ(IdOf(m, "VP"), 2);
  // A kind and one word are no name; nor is a name that leaves off a field it lists.
  EXPECT_FALSE(IdOf(m, "Văn phòng Ban"));
  EXPECT_FALSE(IdOf(m, "Trung tâm"));
  EXPECT_FALSE(IdOf(m, "Ban QL"));
  const auto planning = m.Match("Phòng Kế hoạch");
  EXPECT_FALSE(planning.id);
  ASSERT_FALSE(planning.suggestions.empty());
  EXPECT_EQ(planning.suggestions.front(), 3);
  EXPECT_FALSE(IdOf(m, "Phòng Quản lý vận tải"));
  // Another kind is another body: the national inspection department is not the centre.
  EXPECT_FALSE(IdOf(m, "Cục Đăng kiểm"));
}

TEST(UnitMatcher, MatchesNoUnitForABodyOutsideTheAgency) {
  const UnitMatcher m = DemoAgency();
  for (const std::string_view outside :
       {"Sở Tài chính", "SỞ TÀI CHÍNH", "Sở TC", "UBND các huyện, thành phố", "UBND các huyện",
        "Công an tỉnh", "Sở Công Thương", "Sở Xây dựng"})
    EXPECT_FALSE(IdOf(m, outside)) << outside;
}

TEST(UnitMatcher, SuggestsTheUnitsANameCouldBeWhenMoreThanOneFits) {
  UnitMatcher m({{8, "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "BQLDA"},
                 {11, "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng", "BQLDD"},
                 {9, "Trung tâm Đăng kiểm xe cơ giới", "TTDK"},
                 {12, "Trung tâm Đăng kiểm phương tiện thủy nội địa", ""},
                 {6, "Phòng Quản lý chất lượng công trình giao thông", "QLCL"},
                 {13, "Phòng Quản lý chất lượng", ""},
                 {10, "Văn phòng Ban An toàn giao thông tỉnh", "VPATGT"}});
  for (const std::string_view both : {"Ban QLDA", "Ban QLDA ĐTXD", "Ban Quản lý dự án"}) {
    const auto board = m.Match(both);
    EXPECT_FALSE(board.id) << both;
    EXPECT_EQ(FirstTwo(board), (std::vector<Id>{8, 11})) << both;
  }
  EXPECT_EQ(IdOf(m, "Ban QLDA ĐTXD các công trình giao thông"), 8);
  EXPECT_EQ(IdOf(m, "Ban QLDA ĐTXD các công trình dân dụng"), 11);
  for (const std::string_view both : {"TT Đăng kiểm", "Trung tâm Đăng kiểm", "TT ĐK"}) {
    const auto centre = m.Match(both);
    EXPECT_FALSE(centre.id) << both;
    EXPECT_EQ(FirstTwo(centre), (std::vector<Id>{9, 12})) << both;
  }
  EXPECT_EQ(IdOf(m, "TTĐK"), 9);  // its code
  // A name said whole is the unit it names, not one whose name it begins.
  EXPECT_EQ(IdOf(m, "Phòng Quản lý chất lượng"), 13);
  EXPECT_EQ(IdOf(m, "Phòng QL chất lượng"), 13);
  EXPECT_EQ(IdOf(m, "Phòng Quản lý chất lượng công trình"), 6);
}

TEST(UnitMatcher, SuggestsFirstTheUnitSharingTheMostDistinctiveWords) {
  const UnitMatcher m = DemoAgency();
  // The province's board is not the agency's, but the agency's is the likeliest.
  const auto board = m.Match("Ban QLDA tỉnh");
  EXPECT_FALSE(board.id);
  ASSERT_FALSE(board.suggestions.empty());
  EXPECT_EQ(board.suggestions.front(), 8);
  const auto office = m.Match("VP Ban ATGT huyện");
  EXPECT_FALSE(office.id);
  ASSERT_FALSE(office.suggestions.empty());
  EXPECT_EQ(office.suggestions.front(), 10);
  const auto centre = m.Match("TT Đăng kiểm số 2");
  EXPECT_FALSE(centre.id);
  ASSERT_FALSE(centre.suggestions.empty());
  EXPECT_EQ(centre.suggestions.front(), 9);
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
  EXPECT_EQ(DemoAgency().Split("Ban QLDA, TT Đăng kiểm; VP Ban ATGT, Sở Tài chính"),
            (std::vector<std::string>{"Ban QLDA", "TT Đăng kiểm", "VP Ban ATGT", "Sở Tài chính"}));
}

}  // namespace
}  // namespace giaoban::service
