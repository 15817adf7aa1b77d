#include "domain/deadline_text.h"

#include <gtest/gtest.h>

namespace giaoban::domain {
namespace {

Date Day(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

struct Case {
  const char* folded;  // as intl::Fold gives the text written in the program
  std::optional<int> year;
  std::optional<Date> deadline;
  const char* label;
};

class DeadlineTextTest : public ::testing::TestWithParam<Case> {};

TEST_P(DeadlineTextTest, ReadsTheDeadline) {
  const Case& c = GetParam();
  const auto read = ParseDeadlineText(c.folded, c.year);
  ASSERT_TRUE(read) << c.folded;
  EXPECT_EQ(read->deadline, c.deadline) << c.folded;
  EXPECT_EQ(read->label, c.label) << c.folded;
}

INSTANTIATE_TEST_SUITE_P(
    Written, DeadlineTextTest,
    ::testing::Values(
        // A day, the way programs write it, with or without "by".
        Case{"15 9 2024", std::nullopt, Day(2024, 9, 15), ""},
        Case{"15 09 2024", std::nullopt, Day(2024, 9, 15), ""},
        Case{"truoc ngay 15 9 2024", std::nullopt, Day(2024, 9, 15), ""},
        Case{"cham nhat ngay 31 12 24", 2024, Day(2024, 12, 31), ""},
        Case{"31 12 25", 2024, Day(2025, 12, 31), ""},
        Case{"2024 09 15", std::nullopt, Day(2024, 9, 15), ""},
        Case{"30 6", 2024, Day(2024, 6, 30), ""},
        Case{"29 2 2024", std::nullopt, Day(2024, 2, 29), ""},
        // A day as documents date themselves, the year left out as in "30/6".
        Case{"ngay 30 thang 6 nam 2027", std::nullopt, Day(2027, 6, 30), ""},
        Case{"ngay 05 thang 01 nam 2027", std::nullopt, Day(2027, 1, 5), ""},
        Case{"30 thang 6 nam 2027", std::nullopt, Day(2027, 6, 30), ""},
        Case{"truoc ngay 30 thang 6 2027", std::nullopt, Day(2027, 6, 30), ""},
        Case{"ngay 30 thang 6", 2027, Day(2027, 6, 30), ""},
        // A month: its last day.
        Case{"thang 9 2024", std::nullopt, Day(2024, 9, 30), "Tháng 9/2024"},
        Case{"thang 02 nam 2024", std::nullopt, Day(2024, 2, 29), "Tháng 2/2024"},
        Case{"trong thang 12", 2023, Day(2023, 12, 31), "Tháng 12/2023"},
        Case{"cuoi thang 9 2024", std::nullopt, Day(2024, 9, 30), "Tháng 9/2024"},
        Case{"9 2024", std::nullopt, Day(2024, 9, 30), "Tháng 9/2024"},
        // A quarter, in Roman or Arabic numerals.
        Case{"quy iii 2024", std::nullopt, Day(2024, 9, 30), "Quý III/2024"},
        Case{"quy 3 nam 2024", std::nullopt, Day(2024, 9, 30), "Quý III/2024"},
        Case{"hoan thanh truoc quy iv", 2024, Day(2024, 12, 31), "Quý IV/2024"},
        Case{"quy i 2025", std::nullopt, Day(2025, 3, 31), "Quý I/2025"},
        // A quarter or a month as tables shorten them ("Q3/2027", "Q.3", "QIII", "T6", "T.6").
        Case{"q3 2027", std::nullopt, Day(2027, 9, 30), "Quý III/2027"},
        Case{"q 3 2027", std::nullopt, Day(2027, 9, 30), "Quý III/2027"},
        Case{"qiii 2027", std::nullopt, Day(2027, 9, 30), "Quý III/2027"},
        Case{"q3", 2027, Day(2027, 9, 30), "Quý III/2027"},
        Case{"truoc qiv nam 2027", std::nullopt, Day(2027, 12, 31), "Quý IV/2027"},
        Case{"t6 2027", std::nullopt, Day(2027, 6, 30), "Tháng 6/2027"},
        Case{"t 6 2027", std::nullopt, Day(2027, 6, 30), "Tháng 6/2027"},
        Case{"t06 2027", std::nullopt, Day(2027, 6, 30), "Tháng 6/2027"},
        Case{"t6", 2027, Day(2027, 6, 30), "Tháng 6/2027"},
        Case{"trong t12", 2027, Day(2027, 12, 31), "Tháng 12/2027"},
        // Spans and lists of months or quarters: the last one's end, the span as the label.
        Case{"quy iii iv", 2027, Day(2027, 12, 31), "Quý III-IV/2027"},
        Case{"quy iii iv 2027", std::nullopt, Day(2027, 12, 31), "Quý III-IV/2027"},
        Case{"quy iii den quy iv nam 2027", std::nullopt, Day(2027, 12, 31), "Quý III-IV/2027"},
        Case{"quy i ii", 2027, Day(2027, 6, 30), "Quý I-II/2027"},
        Case{"quy i va ii", 2027, Day(2027, 6, 30), "Quý I-II/2027"},
        Case{"quy i va quy iii nam 2027", std::nullopt, Day(2027, 9, 30), "Quý I-III/2027"},
        Case{"q3 4 2027", std::nullopt, Day(2027, 12, 31), "Quý III-IV/2027"},
        Case{"q3 q4", 2027, Day(2027, 12, 31), "Quý III-IV/2027"},
        Case{"thang 6 7", 2027, Day(2027, 7, 31), "Tháng 6-7/2027"},
        Case{"thang 6 7 2027", std::nullopt, Day(2027, 7, 31), "Tháng 6-7/2027"},
        Case{"thang 6 den thang 7", 2027, Day(2027, 7, 31), "Tháng 6-7/2027"},
        Case{"truoc thang 6 den thang 7 nam 2027", std::nullopt, Day(2027, 7, 31),
             "Tháng 6-7/2027"},
        Case{"thang 9 10", 2024, Day(2024, 10, 31), "Tháng 9-10/2024"},
        Case{"thang 11 12 nam 2027", std::nullopt, Day(2027, 12, 31), "Tháng 11-12/2027"},
        Case{"t6 t7 2027", std::nullopt, Day(2027, 7, 31), "Tháng 6-7/2027"},
        // The start of a quarter is its first month; its end, the quarter. Mid-year is 30 June.
        Case{"dau quy iii", 2027, Day(2027, 7, 31), "Đầu quý III/2027"},
        Case{"dau quy 1 nam 2027", std::nullopt, Day(2027, 1, 31), "Đầu quý I/2027"},
        Case{"truoc dau quy iv 2027", std::nullopt, Day(2027, 10, 31), "Đầu quý IV/2027"},
        Case{"dau q2", 2027, Day(2027, 4, 30), "Đầu quý II/2027"},
        Case{"cuoi quy iii", 2027, Day(2027, 9, 30), "Quý III/2027"},
        Case{"cuoi quy iii nam 2027", std::nullopt, Day(2027, 9, 30), "Quý III/2027"},
        Case{"giua nam", 2027, Day(2027, 6, 30), "Giữa năm 2027"},
        Case{"giua nam 2027", std::nullopt, Day(2027, 6, 30), "Giữa năm 2027"},
        // The first months of a year, or its last ones.
        Case{"6 thang dau nam 2024", std::nullopt, Day(2024, 6, 30), "6 tháng đầu năm 2024"},
        Case{"9 thang dau nam", 2024, Day(2024, 9, 30), "9 tháng đầu năm 2024"},
        Case{"6 thang cuoi nam 2024", std::nullopt, Day(2024, 12, 31), "6 tháng cuối năm 2024"},
        // A year.
        Case{"nam 2024", std::nullopt, Day(2024, 12, 31), "Năm 2024"},
        Case{"2024", std::nullopt, Day(2024, 12, 31), "Năm 2024"},
        Case{"ca nam", 2024, Day(2024, 12, 31), "Năm 2024"},
        Case{"cuoi nam 2024", std::nullopt, Day(2024, 12, 31), "Năm 2024"},
        Case{"den het nam 2024", std::nullopt, Day(2024, 12, 31), "Năm 2024"},
        // Work that goes on has no deadline.
        Case{"thuong xuyen", std::nullopt, std::nullopt, "Thường xuyên"},
        Case{"thuong xuyen trong nam", 2024, std::nullopt, "Thường xuyên"},
        Case{"hang thang", std::nullopt, std::nullopt, "Hằng tháng"},
        Case{"hang ngay", std::nullopt, std::nullopt, "Hằng ngày"},
        Case{"dinh ky hang quy", std::nullopt, std::nullopt, "Định kỳ hằng quý"},
        Case{"lien tuc", std::nullopt, std::nullopt, "Liên tục"}));

TEST(DeadlineText, ReadsNothingThatIsNoDeadline) {
  for (const char* folded :
       {"", "truoc", "ngay", "31 2 2024", "29 2 2023", "15 13 2024", "thang 13 2024", "quy v 2024",
        "quy 0 2024", "nam 24x", "12 thang dau nam 2024", "khi co yeu cau", "15 9 2024 sang",
        "1 2 3 4", "123", "thang 9 2024 2025",
        // Two-digit numbers that are no year of the program's.
        "ngay 10 11 12", "quy iii 24", "thang 9 24", "thang 6 7 27",
        // Days written out that are no days, or whose year is not one.
        "ngay 31 thang 2 nam 2024", "ngay 30 thang 13 nam 2024", "ngay 0 thang 6 nam 2024",
        "ngay 30 thang 6 nam 24", "30 thang 6 nam 2024 2025", "6 thang 2024",
        // Shortened quarters and months that are none, and letters that shorten nothing here.
        "q5 2024", "q0", "qv 2024", "q", "t13 2024", "t0", "t", "t 2024", "tiii 2024", "t6 24",
        "qd 2024",
        // Spans that go backwards or nowhere, or name more than two, or across years.
        "quy iv ii", "quy iv ii 2024", "thang 7 6", "thang 7 den thang 6 nam 2024", "quy iii iii",
        "thang 6 6", "quy iii den", "thang 6 den nam 2024", "quy i ii iii", "thang 6 7 8 2024",
        "quy iv 2024 quy i 2025", "thang 12 2024 den thang 1 2025",
        // Starts and middles that name no one day, and texts that name no time.
        "dau quy", "dau quy v", "dau quy iii iv", "dau quy iii 24", "dau nam", "dau nam 2024",
        "dau thang 9", "giua quy iii", "giua thang 6", "giua nam 24", "giua", "dau",
        "theo chi dao cua ubnd tinh", "tuan 1 thang 3", "tuan 1 thang 3 nam 2024"}) {
    EXPECT_FALSE(ParseDeadlineText(folded, 2024)) << '"' << folded << '"';
  }
}

TEST(DeadlineText, LeavesATextWithoutItsYearUnreadWithoutTheProgramsYear) {
  for (const char* folded :
       {"thang 9", "quy iii", "30 6", "6 thang dau nam", "ca nam", "31 12 24", "ngay 30 thang 6",
        "q3", "t6", "quy iii iv", "thang 6 7", "dau quy iii", "giua nam"})
    EXPECT_FALSE(ParseDeadlineText(folded)) << folded;
}

TEST(ProgramYear, IsTheOneYearTheTitleWritesAfterNam) {
  EXPECT_EQ(
      ProgramYearNamedIn("chuong trinh cong tac trong tam nam 2027 cua so giao thong van tai"),
      2027);
  EXPECT_EQ(ProgramYearNamedIn("ke hoach nam 2027 thuc hien chuong trinh nam 2027"), 2027);
  EXPECT_EQ(ProgramYearNamedIn("quyet dinh so 12 qd ubnd ngay 5 1 2027"), std::nullopt);
}

TEST(ProgramYear, LeavesOutSpansAndDates) {
  EXPECT_EQ(ProgramYearNamedIn("chuong trinh cong tac nam 2027 thuc hien ke hoach giai doan 2026 "
                               "2030"),
            2027);
  EXPECT_EQ(ProgramYearNamedIn("chuong trinh nam 2027 ban hanh ngay 25 thang 12 nam 2026"), 2027);
  EXPECT_EQ(ProgramYearNamedIn("chuong trinh nam 2027 ngay 05 thang 01 nam 2027"), 2027);
  EXPECT_EQ(ProgramYearNamedIn("ban hanh ngay 05 thang 01 nam 2027"), std::nullopt);
  EXPECT_EQ(ProgramYearNamedIn("ke hoach 5 nam 2026 2030 va nhiem vu nam 2027"), 2027);
}

TEST(ProgramYear, IsNoneForASpanOrSeveralYears) {
  EXPECT_EQ(ProgramYearNamedIn("ke hoach giai doan 2026 2030"), std::nullopt);
  EXPECT_EQ(ProgramYearNamedIn("chuong trinh nam 2026 2027"), std::nullopt);
  EXPECT_EQ(ProgramYearNamedIn("tong ket nam 2026 va chuong trinh nam 2027"), std::nullopt);
  EXPECT_EQ(ProgramYearNamedIn("chuong trinh 5 nam"), std::nullopt);
  EXPECT_EQ(ProgramYearNamedIn(""), std::nullopt);
}

}  // namespace
}  // namespace giaoban::domain
