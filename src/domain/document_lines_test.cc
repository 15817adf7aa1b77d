#include "domain/document_lines.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

Date Day(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(DocumentLinesTest, NumbersBelowTenTakeALeadingZero) {
  EXPECT_EQ(DocumentNumber(1, "BC", "SGTVT"), "01/BC-SGTVT");
  EXPECT_EQ(DocumentNumber(9, "TB", "SGTVT"), "09/TB-SGTVT");
  EXPECT_EQ(DocumentNumber(15, "BC", "SGTVT"), "15/BC-SGTVT");
  EXPECT_EQ(DocumentNumber(1234, "GM", "SXD"), "1234/GM-SXD");
  EXPECT_EQ(DocumentNumberLine(15, "BC", "SGTVT"), "Số: 15/BC-SGTVT");
}

TEST(DocumentLinesTest, ADocumentNotIssuedLeavesItsNumberBlank) {
  EXPECT_EQ(DocumentNumberLine(0, "BC", "SGTVT"), "Số:     /BC-SGTVT");
}

TEST(DocumentLinesTest, WithoutAnAgencyCodeTheTypeCodeEndsTheNumber) {
  EXPECT_EQ(DocumentNumber(3, "BC", ""), "03/BC");
}

TEST(DocumentLinesTest, DaysBelowTenAndTheFirstTwoMonthsArePadded) {
  EXPECT_EQ(PlaceDateLine("Quảng Ngãi", Day(2024, 1, 5)), "Quảng Ngãi, ngày 05 tháng 01 năm 2024");
  EXPECT_EQ(PlaceDateLine("Quảng Ngãi", Day(2024, 2, 29)), "Quảng Ngãi, ngày 29 tháng 02 năm 2024");
  EXPECT_EQ(PlaceDateLine("Đà Nẵng", Day(2023, 3, 1)), "Đà Nẵng, ngày 01 tháng 3 năm 2023");
  EXPECT_EQ(PlaceDateLine("Hà Nội", Day(2023, 12, 31)), "Hà Nội, ngày 31 tháng 12 năm 2023");
}

TEST(DocumentLinesTest, WithoutAPlaceTheLineIsTheDateAlone) {
  EXPECT_EQ(PlaceDateLine("", Day(2023, 10, 9)), "ngày 09 tháng 10 năm 2023");
}

TEST(DocumentLinesTest, RomanNumeralsNumberTheSections) {
  EXPECT_EQ(RomanNumeral(1), "I");
  EXPECT_EQ(RomanNumeral(4), "IV");
  EXPECT_EQ(RomanNumeral(9), "IX");
  EXPECT_EQ(RomanNumeral(14), "XIV");
  EXPECT_EQ(RomanNumeral(39), "XXXIX");
  EXPECT_EQ(RomanNumeral(1994), "MCMXCIV");
  EXPECT_THROW(RomanNumeral(0), std::out_of_range);
}

}  // namespace
}  // namespace giaoban::domain
