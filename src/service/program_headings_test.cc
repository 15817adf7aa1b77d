#include "service/program_headings.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

TEST(ProgramHeadings, ReadBackAsStored) {
  const std::vector<ProgramHeading> headings = {
      {"A", "NHIỆM VỤ TRỌNG TÂM"}, {"", "Lĩnh vực giao thông"}, {"I", "KẾT CẤU\nHẠ\tTẦNG"}};
  const std::string stored = StoredHeadings(headings);
  EXPECT_EQ(stored, "A\tNHIỆM VỤ TRỌNG TÂM\n\tLĩnh vực giao thông\nI\tKẾT CẤU HẠ TẦNG");
  const std::vector<ProgramHeading> read = HeadingsFromStored(stored);
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0], headings[0]);
  EXPECT_EQ(read[1], headings[1]);
  EXPECT_EQ(read[2], (ProgramHeading{"I", "KẾT CẤU HẠ TẦNG"}));
  EXPECT_TRUE(HeadingsFromStored("").empty());
}

TEST(ProgramHeadings, ReadAsALineWithTheirNumberFirst) {
  EXPECT_EQ(HeadingLine({"I", "KẾT CẤU HẠ TẦNG"}), "I. KẾT CẤU HẠ TẦNG");
  EXPECT_EQ(HeadingLine({"a)", "Đường bộ"}), "a) Đường bộ");
  EXPECT_EQ(HeadingLine({"2.", "Đường thủy"}), "2. Đường thủy");
  EXPECT_EQ(HeadingLine({"", "Lĩnh vực khác"}), "Lĩnh vực khác");
}

}  // namespace
}  // namespace giaoban::service
