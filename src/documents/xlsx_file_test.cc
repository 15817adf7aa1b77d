// The row heights the server's workbooks set for wrapped text.
#include "documents/xlsx_file.h"

#include <gtest/gtest.h>

#include <string>

namespace giaoban::documents {
namespace {

TEST(WrappedRowHeightTest, GivesALineToEveryColumnWidthOfCharacters) {
  EXPECT_EQ(WrappedRowHeight({}), 18);
  EXPECT_EQ(WrappedRowHeight({{"Quý III/2027", 20}}), 18);
  // Characters, not bytes: sixty Vietnamese letters fill a column sixty wide once.
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "ế";
  EXPECT_EQ(WrappedRowHeight({{sixty, 60}}), 18);
  EXPECT_EQ(WrappedRowHeight({{sixty + "a", 60}}), 33);
  // The tallest cell decides, and a line break begins a line.
  EXPECT_EQ(WrappedRowHeight({{"Phòng Quản lý kết cấu hạ tầng giao thông", 26}, {"a\nb\n\nc", 60}}),
            63);
}

TEST(WrappedRowHeightTest, StopsAtTheTallestRowASheetMayHave) {
  EXPECT_EQ(WrappedRowHeight({{std::string(100'000, 'x'), 10}}), 409);
  EXPECT_EQ(WrappedRowHeight({{"a", 0}}), 18) << "a column too narrow still takes a line";
}

}  // namespace
}  // namespace giaoban::documents
