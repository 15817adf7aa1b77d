#include "sheets/excel_date.h"

#include <gtest/gtest.h>

namespace giaoban::sheets {
namespace {

domain::Date Day(int y, int m, int d) { return *domain::Date::FromYmd(y, m, d); }

TEST(ExcelSerialDate, CountsFromTheFirstOfJanuary1900) {
  EXPECT_EQ(ExcelSerialDate(1), Day(1900, 1, 1));
  EXPECT_EQ(ExcelSerialDate(59), Day(1900, 2, 28));
  EXPECT_EQ(ExcelSerialDate(61), Day(1900, 3, 1));
  EXPECT_EQ(ExcelSerialDate(44927), Day(2023, 1, 1));
  EXPECT_EQ(ExcelSerialDate(45183), Day(2023, 9, 14));
  EXPECT_EQ(ExcelSerialDate(2958465), Day(9999, 12, 31));
}

TEST(ExcelSerialDate, DropsTheTimeOfDay) {
  EXPECT_EQ(ExcelSerialDate(45183.999), Day(2023, 9, 14));
  EXPECT_EQ(ExcelSerialDate(45183.5), Day(2023, 9, 14));
}

TEST(ExcelSerialDate, CountsFrom1904InWorkbooksThatSaySo) {
  EXPECT_EQ(ExcelSerialDate(0, true), Day(1904, 1, 1));
  EXPECT_EQ(ExcelSerialDate(43465, true), Day(2023, 1, 1));
}

TEST(ExcelSerialDate, NamesNoDayForWhatIsNone) {
  EXPECT_FALSE(ExcelSerialDate(0));
  EXPECT_FALSE(ExcelSerialDate(-3));
  EXPECT_FALSE(ExcelSerialDate(60));  // 29/02/1900, which never was
  EXPECT_FALSE(ExcelSerialDate(2958466));
  EXPECT_FALSE(ExcelSerialDate(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(ExcelSerialDate(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(ExcelSerialDate(-1, true));
}

}  // namespace
}  // namespace giaoban::sheets
