// Finding a work program's table by its headers, as departments write them.
#include "service/imports/program_layout.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

using sheets::Cell;
using sheets::MergedRange;
using sheets::Sheet;

Sheet Rows(std::vector<std::vector<std::string>> texts, std::vector<MergedRange> merged = {}) {
  Sheet sheet;
  for (const auto& row : texts) {
    auto& cells = sheet.rows.emplace_back();
    for (const auto& text : row) {
      Cell& cell = cells.emplace_back();
      if (!text.empty()) {
        cell.kind = Cell::Kind::kText;
        cell.text = text;
      }
    }
  }
  sheet.layout.merged = std::move(merged);
  return sheet;
}

TEST(FindProgramLayout, FindsTheHeaderUnderTheTitleWhateverItsSpellingAndCase) {
  const auto layout = FindProgramLayout(Rows(
      {{"UBND TỈNH QUẢNG NGÃI"},
       {"CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024 CỦA SỞ GIAO THÔNG VẬN TẢI"},
       {},
       {"STT", "NỘI DUNG NHIỆM VỤ", "Cơ quan, đơn vị chủ trì", "Đơn vị  phối hợp",
        "Thời gian hoàn thành", "Sản phẩm", "Ghi chú"},
       {"I", "LĨNH VỰC KẾT CẤU HẠ TẦNG"},
       {"1", "Sửa chữa cầu Trà Khúc", "Phòng QLKCHT", "Phòng KHTC", "Quý III/2024", "Báo cáo"}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 3u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(layout->first_data_row(), 4u);
  const std::map<ProgramColumn, std::size_t> expected = {
      {ProgramColumn::kNumber, 0},      {ProgramColumn::kContent, 1},  {ProgramColumn::kLead, 2},
      {ProgramColumn::kCooperating, 3}, {ProgramColumn::kDeadline, 4}, {ProgramColumn::kProduct, 5},
      {ProgramColumn::kNote, 6}};
  EXPECT_EQ(layout->columns, expected);
  EXPECT_TRUE(layout->unrecognised.empty());
}

TEST(FindProgramLayout, ReadsAHeaderWrittenInTwoRows) {
  // "Đơn vị thực hiện" merged over "Chủ trì" and "Phối hợp"; "Thời gian" over "Bắt đầu" and
  // "Hoàn thành"; STT and the content merged down both rows.
  const auto layout = FindProgramLayout(
      Rows({{"TT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian", "", "Lãnh đạo phụ trách"},
            {"", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành", ""},
            {"1", "Lập quy hoạch", "Phòng QLVT", "", "01/2024", "06/2024", "Ông A"}},
           {{0, 0, 1, 0}, {0, 1, 1, 1}, {0, 2, 0, 3}, {0, 4, 0, 5}, {0, 6, 1, 6}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 0u);
  EXPECT_EQ(layout->header_rows, 2u);
  EXPECT_EQ(layout->first_data_row(), 2u);
  const std::map<ProgramColumn, std::size_t> expected = {
      {ProgramColumn::kNumber, 0},      {ProgramColumn::kContent, 1},  {ProgramColumn::kLead, 2},
      {ProgramColumn::kCooperating, 3}, {ProgramColumn::kDeadline, 5}, {ProgramColumn::kLeader, 6}};
  EXPECT_EQ(layout->columns, expected);
  EXPECT_EQ(layout->unrecognised, (std::map<std::size_t, std::string>{{4, "Thời gian – Bắt đầu"}}));
}

// A header of one row as a new program writes it, and the fields its columns name.
const std::vector<std::string> kOneRowHeader = {
    "STT",     "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
    "Kinh phí"};
const std::map<ProgramColumn, std::size_t> kOneRowFields = {{ProgramColumn::kNumber, 0},
                                                            {ProgramColumn::kContent, 1},
                                                            {ProgramColumn::kLead, 2},
                                                            {ProgramColumn::kCooperating, 3},
                                                            {ProgramColumn::kDeadline, 4}};

// Each column's header as `layout` gives it.
std::vector<std::string> Headers(const ProgramLayout& layout) {
  std::vector<std::string> headers;
  for (const auto& [column, header] : layout.headers) {
    EXPECT_EQ(column, headers.size()) << "no column without a header in between";
    headers.push_back(header);
  }
  return headers;
}

TEST(FindProgramLayout, ReadsAOneRowHeaderUnderATitleMergedAcrossTheTable) {
  // The title names no field; its year would otherwise be part of every column's header, and the
  // columns the agency mapped would not be known again in next year's program.
  const auto layout = FindProgramLayout(Rows({{"CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2027"},
                                              kOneRowHeader,
                                              {"1", "Số hoá hồ sơ", "VP", "", "Quý II/2027", ""}},
                                             {{0, 0, 0, 5}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 1u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(layout->first_data_row(), 2u);
  EXPECT_EQ(Headers(*layout), kOneRowHeader);
  EXPECT_EQ(layout->columns, kOneRowFields);
  EXPECT_EQ(layout->unrecognised, (std::map<std::size_t, std::string>{{5, "Kinh phí"}}));
}

TEST(FindProgramLayout, ReadsAOneRowHeaderUnderATitleInItsFirstCell) {
  const auto layout = FindProgramLayout(
      Rows({{"CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2027"}, kOneRowHeader, {"1", "Số hoá hồ sơ", "VP"}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 1u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(Headers(*layout), kOneRowHeader);
  EXPECT_EQ(layout->columns, kOneRowFields);
}

TEST(FindProgramLayout, ReadsAOneRowHeaderUnderATitleMergedAcrossTheTableAndAnEmptyRow) {
  const auto layout = FindProgramLayout(Rows(
      {{"CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2027"}, {}, kOneRowHeader, {"1", "Số hoá hồ sơ", "VP"}},
      {{0, 0, 0, 5}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 2u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(Headers(*layout), kOneRowHeader);
}

TEST(FindProgramLayout, TakesNoFieldFromATitleMergedAcrossTheTable) {
  // With the title over it, "Kinh phí" would read as "… nhiệm vụ trọng tâm … kinh phí": one more
  // field than the header names alone.
  const auto layout = FindProgramLayout(
      Rows({{"CHƯƠNG TRÌNH NHIỆM VỤ TRỌNG TÂM NĂM 2027"}, kOneRowHeader}, {{0, 0, 0, 5}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 1u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(layout->columns, kOneRowFields);
  EXPECT_EQ(layout->unrecognised, (std::map<std::size_t, std::string>{{5, "Kinh phí"}}));
}

TEST(FindProgramLayout, ReadsAOneRowHeaderUnderALineMergedOverSomeOfItsColumns) {
  // The unit of the amounts, merged over the last two columns, groups no sub-headers: the header
  // names as many fields without it.
  const auto layout = FindProgramLayout(
      Rows({{"", "", "", "", "Đơn vị tính: triệu đồng", ""}, kOneRowHeader}, {{0, 4, 0, 5}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 1u);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(Headers(*layout), kOneRowHeader);
  EXPECT_EQ(layout->columns, kOneRowFields);
}

TEST(FindProgramLayout, ReadsATwoRowHeaderUnderATitleMergedAcrossTheTable) {
  const auto layout =
      FindProgramLayout(Rows({{"CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2027"},
                              {"STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian"},
                              {"", "", "Chủ trì", "Phối hợp", "Hoàn thành"},
                              {"1", "Số hoá hồ sơ", "VP", "", "Quý II/2027"}},
                             {{0, 0, 0, 4}, {1, 0, 2, 0}, {1, 1, 2, 1}, {1, 2, 1, 3}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_row, 1u);
  EXPECT_EQ(layout->header_rows, 2u);
  EXPECT_EQ(layout->first_data_row(), 3u);
  EXPECT_EQ(Headers(*layout),
            (std::vector<std::string>{"STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện – Chủ trì",
                                      "Đơn vị thực hiện – Phối hợp", "Thời gian – Hoàn thành"}));
  const std::map<ProgramColumn, std::size_t> expected = {{ProgramColumn::kNumber, 0},
                                                         {ProgramColumn::kContent, 1},
                                                         {ProgramColumn::kLead, 2},
                                                         {ProgramColumn::kCooperating, 3},
                                                         {ProgramColumn::kDeadline, 4}};
  EXPECT_EQ(layout->columns, expected);
  EXPECT_TRUE(layout->unrecognised.empty());
}

TEST(FindProgramLayout, TakesNoDataRowForASecondHeaderRow) {
  // Without merged cells the row under the header is data, even where its text would complete
  // a header ("Đơn vị" over "Phòng KHTC chủ trì").
  const auto layout =
      FindProgramLayout(Rows({{"STT", "Nội dung", "Đơn vị", "Thời hạn"},
                              {"1", "Báo cáo quý", "Phòng KHTC chủ trì", "Quý I"}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->header_rows, 1u);
  EXPECT_EQ(layout->first_data_row(), 1u);
  EXPECT_FALSE(layout->columns.contains(ProgramColumn::kLead));
  EXPECT_EQ(layout->unrecognised, (std::map<std::size_t, std::string>{{2, "Đơn vị"}}));
}

TEST(FindProgramLayout, KeepsTheFirstOfTwoColumnsNamingOneField) {
  const auto layout = FindProgramLayout(
      Rows({{"STT", "Nội dung công việc", "Ghi chú", "Ghi chú nhiệm vụ", "Nhiệm vụ trọng tâm"}}));
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->columns.at(ProgramColumn::kContent), 1u);
  EXPECT_EQ(layout->columns.at(ProgramColumn::kNote), 2u);
  EXPECT_EQ(layout->columns.at(ProgramColumn::kKey), 4u);
  EXPECT_EQ(layout->unrecognised, (std::map<std::size_t, std::string>{{3, "Ghi chú nhiệm vụ"}}));
}

TEST(FindProgramLayout, FindsNoneWhereNoRowNamesTheContent) {
  EXPECT_FALSE(FindProgramLayout(Rows({{"Họ và tên", "Chức vụ"}, {"Nguyễn Văn A", "Giám đốc"}})));
  EXPECT_FALSE(FindProgramLayout(Sheet{}));
}

}  // namespace
}  // namespace giaoban::service
