#include "sheets/csv_reader.h"

#include <gtest/gtest.h>

namespace giaoban::sheets {
namespace {

std::vector<std::string> Texts(const Sheet& sheet, std::size_t row) {
  std::vector<std::string> out;
  if (row < sheet.rows.size())
    for (const Cell& c : sheet.rows[row]) out.push_back(c.text);
  return out;
}

using Row = std::vector<std::string>;

TEST(ReadCsv, ReadsCommaSeparatedUtf8WithItsByteOrderMark) {
  const auto sheet = ReadWholeCsv(
      "\xEF\xBB\xBFSTT,Nội dung nhiệm vụ,Đơn vị chủ trì\r\n"
      "1,Sửa chữa cầu Trà Khúc,Phòng QLKCHT\r\n");
  ASSERT_TRUE(sheet) << static_cast<int>(sheet.failure().error);
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(Texts(*sheet, 0), (Row{"STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì"}));
  EXPECT_EQ(Texts(*sheet, 1), (Row{"1", "Sửa chữa cầu Trà Khúc", "Phòng QLKCHT"}));
  EXPECT_EQ(sheet->at(1, 0).kind, Cell::Kind::kText);
  EXPECT_EQ(sheet->layout.rows, 2u);
}

TEST(ReadCsv, TakesTheSeparatorTheFirstLineUses) {
  // Excel in Vietnamese saves with semicolons, the comma being the decimal mark.
  const auto semicolons = ReadWholeCsv("STT;Nội dung;Ghi chú\n1;Lập kế hoạch, dự toán;0,5\n");
  ASSERT_TRUE(semicolons);
  EXPECT_EQ(Texts(*semicolons, 1), (Row{"1", "Lập kế hoạch, dự toán", "0,5"}));
  const auto tabs = ReadWholeCsv("STT\tNội dung\n2\tBáo cáo\n");
  ASSERT_TRUE(tabs);
  EXPECT_EQ(Texts(*tabs, 1), (Row{"2", "Báo cáo"}));
}

TEST(ReadCsv, ReadsQuotedFieldsWithSeparatorsBreaksAndQuotes) {
  const auto sheet =
      ReadWholeCsv("a,b,c\n\"Tờ trình \"\"số 12\"\", trình UBND\",\"dòng một\ndòng hai\",x\n");
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(Texts(*sheet, 1), (Row{"Tờ trình \"số 12\", trình UBND", "dòng một\ndòng hai", "x"}));
}

TEST(ReadCsv, KeepsEmptyCellsBetweenAndLeavesTheTrailingOnesOut) {
  const auto sheet = ReadWholeCsv("a,,c,,\n,,\n\nd\n");
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(Texts(*sheet, 0), (Row{"a", "", "c"}));
  EXPECT_TRUE(sheet->at(0, 1).empty());
  EXPECT_TRUE(sheet->rows[1].empty());  // nothing in it: not passed on
  EXPECT_TRUE(sheet->rows[2].empty());
  EXPECT_EQ(Texts(*sheet, 3), (Row{"d"}));
}

TEST(ReadCsv, ReadsALastLineWithoutItsLineBreak) {
  const auto sheet = ReadWholeCsv("a,b\r\nc,\"d\"");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(Texts(*sheet, 1), (Row{"c", "d"}));
}

TEST(ReadCsv, RefusesWhatIsNotUtf8Text) {
  const auto latin1 = ReadWholeCsv("Ph\xf2ng,K\xe9 ho\xe1\x63h\n");
  ASSERT_FALSE(latin1);
  EXPECT_EQ(latin1.failure().error, ReadError::kNotUtf8);
  const auto binary = ReadWholeCsv(std::string("PK\x03\x04\0\0abc", 9));
  ASSERT_FALSE(binary);
  EXPECT_EQ(binary.failure().error, ReadError::kNotSpreadsheet);
}

TEST(ReadCsv, RefusesFilesBeyondItsLimits) {
  Limits limits;
  limits.rows = 2;
  const auto rows = ReadWholeCsv("a\nb\nc\n", limits);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.failure().error, ReadError::kTooManyRows);
  EXPECT_EQ(rows.failure().where, "row 3");

  limits = {};
  limits.cell_characters = 5;
  EXPECT_EQ(ReadWholeCsv("Hà Nội\n", limits).failure().error, ReadError::kCellTooLong);
  EXPECT_TRUE(ReadWholeCsv("Quảng,Ngãi\n", limits).ok());  // five characters, more bytes

  limits = {};
  limits.columns = 2;
  const auto columns = ReadWholeCsv("a,b,c\n", limits);
  ASSERT_FALSE(columns);
  EXPECT_EQ(columns.failure().error, ReadError::kTooManyColumns);

  limits = {};
  limits.file_bytes = 4;
  const auto large = ReadWholeCsv("a,b,c\n", limits);
  ASSERT_FALSE(large);
  EXPECT_EQ(large.failure().error, ReadError::kTooLarge);
}

TEST(ReadCsv, TakesTheSeparatorOfTheTableUnderATitleLine) {
  const auto sheet =
      ReadWholeCsv("Kế hoạch A, B, C;\nSTT;Nội dung\n1;Báo cáo, tổng hợp\n2;Kế hoạch\n");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(Texts(*sheet, 2), (Row{"1", "Báo cáo, tổng hợp"}));
}

TEST(ReadCsv, RefusesAQuoteNeverClosedRatherThanSwallowTheRest) {
  const auto sheet = ReadWholeCsv("a,b\n1,\"Báo cáo\n2,Kế hoạch\n3,Tờ trình\n");
  ASSERT_FALSE(sheet);
  EXPECT_EQ(sheet.failure().error, ReadError::kUnclosedQuote);
  EXPECT_EQ(sheet.failure().where, "row 2");
}

TEST(ReadCsv, BoundsWhatASheetHoldsInMemory) {
  Limits limits;
  limits.cells = 3;
  EXPECT_EQ(ReadWholeCsv("a,b\nc,d\n", limits).failure().error, ReadError::kTooLarge);
  limits = {};
  limits.text_bytes = 6;
  EXPECT_EQ(ReadWholeCsv("abc,def\ng\n", limits).failure().error, ReadError::kTooLarge);
  // Trailing separators beyond the columns are no cells.
  limits = {};
  limits.columns = 2;
  EXPECT_TRUE(ReadWholeCsv("a,b,,,\n", limits).ok());
}

}  // namespace
}  // namespace giaoban::sheets
