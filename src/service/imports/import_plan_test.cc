// A work program's rows read into the tasks they would become: outline, merged cells, units,
// deadlines, and the problems a user is shown before confirming.
#include "service/imports/import_plan.h"

#include <gtest/gtest.h>

namespace giaoban::service {
namespace {

using domain::Date;
using sheets::Cell;
using sheets::MergedRange;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// STT | Nội dung | Chủ trì | Phối hợp | Thời hạn | Sản phẩm | Ghi chú | Lãnh đạo | Trọng tâm
ProgramLayout Layout() {
  ProgramLayout layout;
  layout.header_row = 0;
  const ProgramColumn columns[] = {
      ProgramColumn::kNumber,      ProgramColumn::kContent,  ProgramColumn::kLead,
      ProgramColumn::kCooperating, ProgramColumn::kDeadline, ProgramColumn::kProduct,
      ProgramColumn::kNote,        ProgramColumn::kLeader,   ProgramColumn::kKey};
  for (std::size_t c = 0; c < std::size(columns); ++c) layout.columns[columns[c]] = c;
  return layout;
}

std::vector<Cell> Texts(std::vector<std::string> texts) {
  std::vector<Cell> cells;
  for (std::string& text : texts) {
    Cell& cell = cells.emplace_back();
    if (!text.empty()) {
      cell.kind = Cell::Kind::kText;
      cell.text = std::move(text);
    }
  }
  return cells;
}

struct Program {
  std::vector<std::vector<Cell>> rows;  // data rows, the header being row 0
  std::vector<MergedRange> merged;
};

PlanContext Agency(GroupsAs groups_as = GroupsAs::kLabels) {
  PlanContext context;
  context.units = {{1, "Sở Giao thông vận tải", "SGTVT"},
                   {2, "Phòng Kế hoạch - Tài chính", "KHTC"},
                   {3, "Phòng Quản lý kết cấu hạ tầng giao thông", "QLKCHT"},
                   {5, "Văn phòng Sở", "VP"}};
  context.people = {{11, "Nguyễn Văn An"}, {12, "Trần Thị Bình"}};
  context.agency_org_id = 1;
  context.assigned_on = D(2024, 1, 15);
  context.year = 2024;
  context.choices.groups_as = groups_as;
  return context;
}

std::vector<ProgramRow> ReadRows(const Program& program) {
  std::vector<ProgramRow> rows;
  const ProgramLayout layout = Layout();
  ProgramRowReader reader(layout, program.merged, false,
                          [&](const ProgramRow& row) { rows.push_back(row); });
  for (std::size_t r = 0; r < program.rows.size(); ++r) reader.Add(r + 1, program.rows[r]);
  return rows;
}

std::vector<PlannedRow> Plan(const Program& program, const PlanContext& context) {
  std::vector<PlannedRow> planned;
  ImportPlanner planner(context, [&](const PlannedRow& row) { planned.push_back(row); });
  for (const ProgramRow& row : ReadRows(program)) planner.Add(row);
  return planned;
}

bool Has(const std::vector<RowProblem>& problems, std::string_view field, std::string_view code) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const RowProblem& p) { return p.field == field && p.code == code; });
}

TEST(OutlineLevel, RanksTheNumberingsProgramsUse) {
  EXPECT_EQ(OutlineLevel("A"), 0);
  EXPECT_EQ(OutlineLevel("B."), 0);
  EXPECT_EQ(OutlineLevel("I"), 1);
  EXPECT_EQ(OutlineLevel("XIV."), 1);
  EXPECT_EQ(OutlineLevel("1"), 2);
  EXPECT_EQ(OutlineLevel("12."), 2);
  EXPECT_EQ(OutlineLevel("1.2"), 3);
  EXPECT_EQ(OutlineLevel("1.2.3"), 4);
  EXPECT_EQ(OutlineLevel("a)"), 20);
  EXPECT_EQ(OutlineLevel("ii)"), 20);
  EXPECT_EQ(OutlineLevel("C"), 0) << "part C, not the hundredth section";
  EXPECT_EQ(OutlineLevel("L."), 0);
  EXPECT_EQ(OutlineLevel("XL"), 1);
  EXPECT_EQ(OutlineLevel(" 3 "), 2);
  EXPECT_EQ(OutlineLevel(""), std::nullopt);
  EXPECT_EQ(OutlineLevel("-"), std::nullopt);
  EXPECT_EQ(OutlineLevel("+"), std::nullopt);
  EXPECT_EQ(OutlineLevel("1..2"), std::nullopt);
}

TEST(ProgramRowReader, FillsCellsMergedDownTheRowsTheySpanButNotTheirNumbers) {
  Program program;
  program.rows = {Texts({"1", "Việc một", "Phòng KHTC", "", "Quý I/2024"}),
                  Texts({"2", "Việc hai"}), Texts({"3", "Việc ba", "VP", "", "Tháng 3/2024"}),
                  Texts({"", "Tiêu đề trải ngang"})};
  // The lead and deadline of rows 1-2 merged; a heading merged across the columns of row 4.
  program.merged = {{1, 2, 2, 2}, {1, 4, 2, 4}, {4, 1, 4, 6}};
  const auto rows = ReadRows(program);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].lead, "Phòng KHTC");
  EXPECT_EQ(rows[1].deadline, "Quý I/2024");
  EXPECT_EQ(rows[1].number, "2");
  EXPECT_EQ(rows[2].lead, "VP");
  EXPECT_TRUE(rows[3].group);
  EXPECT_TRUE(rows[3].lead.empty());
}

TEST(ProgramRowReader, SkipsTheRowOfColumnNumbersAndReadsAHeadingWrittenInTheNumbersCell) {
  Program program;
  program.rows = {Texts({"(1)", "(2)", "(3)", "(4)", "(5)"}), Texts({"I. LĨNH VỰC GIAO THÔNG"}),
                  Texts({"1", "Việc", "VP", "", "Quý I/2024"})};
  program.merged = {{2, 0, 2, 8}};
  const auto rows = ReadRows(program);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].group);
  EXPECT_EQ(rows[0].number, "I");
  EXPECT_EQ(rows[0].content, "LĨNH VỰC GIAO THÔNG");
  EXPECT_EQ(rows[0].level, 1);
  EXPECT_EQ(rows[1].content, "Việc");
}

TEST(ProgramRowReader, FillsEachOfManyMergesFromItsOwnFirstRow) {
  Program program;
  for (int i = 0; i < 2000; ++i)
    program.rows.push_back(
        Texts({std::to_string(i + 1), "Việc", i % 2 ? "" : "KHTC " + std::to_string(i)}));
  // Sheet rows 1-2, 3-4, ...: each pair shares its lead; a merge of another column is not followed.
  for (std::size_t r = 1; r < 2000; r += 2) program.merged.push_back({r, 2, r + 1, 2});
  program.merged.push_back({1, 7, 2000, 7});
  const auto rows = ReadRows(program);
  ASSERT_EQ(rows.size(), 2000u);
  EXPECT_EQ(rows[1].lead, "KHTC 0");
  EXPECT_EQ(rows[1999].lead, "KHTC 1998");
  EXPECT_EQ(rows[1999].leader, "");
}

TEST(ProgramRowReader, SkipsEmptyRowsAndNumbersAloneAndTrimsSpaces) {
  Program program;
  program.rows = {Texts({"", "", ""}), Texts({"7"}),
                  Texts({"1", "  Việc\xC2\xA0", " VP ", "", "15/3/2024"})};
  const auto rows = ReadRows(program);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].sheet_row, 3u);
  EXPECT_EQ(rows[0].content, "Việc");
  EXPECT_EQ(rows[0].lead, "VP");
}

TEST(ProgramRowReader, ReadsDateCellsAndRefusesNumbersThatAreNoDate) {
  Program program;
  std::vector<Cell> dated = Texts({"1", "Việc có ngày", "VP", ""});
  Cell& date = dated.emplace_back();
  date.kind = Cell::Kind::kNumber;
  date.number = 45382;  // 2024-03-31
  date.text = "45382";
  date.date = true;
  std::vector<Cell> number = dated;
  number.back().date = false;
  program.rows = {dated, number};
  const auto rows = ReadRows(program);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].deadline_date, D(2024, 3, 31));
  EXPECT_FALSE(rows[0].deadline_not_date);
  EXPECT_TRUE(rows[1].deadline_not_date);
}

Program Outline() {
  Program program;
  program.rows = {
      Texts({"I", "LĨNH VỰC KẾT CẤU HẠ TẦNG"}),
      Texts({"1", "Sửa chữa cầu Trà Khúc", "Phòng QLKCHT", "P. KHTC; VP", "Quý III/2024", "Báo cáo",
             "Vốn sự nghiệp", "Đ/c Nguyễn Văn An", "x"}),
      Texts({"1.1", "Khảo sát hiện trạng", "QLKCHT", "", "Tháng 4/2024"}),
      Texts({"II", "LĨNH VỰC TÀI CHÍNH"}),
      Texts({"1", "Lập dự toán năm 2025", "KHTC", "", "Thường xuyên"}),
  };
  return program;
}

TEST(ImportPlanner, ReadsTasksUnderHeadingsThatBecomeLabels) {
  const auto rows = Plan(Outline(), Agency());
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_TRUE(rows[0].group);
  EXPECT_FALSE(rows[0].becomes_task);

  const PlannedRow& bridge = rows[1];
  EXPECT_TRUE(bridge.becomes_task);
  EXPECT_TRUE(bridge.errors.empty());
  EXPECT_EQ(bridge.parent_row, std::nullopt);
  ASSERT_EQ(bridge.groups.size(), 1u);
  EXPECT_EQ(bridge.groups[0], (ProgramHeading{"I", "LĨNH VỰC KẾT CẤU HẠ TẦNG"}));
  EXPECT_EQ(bridge.title, "Sửa chữa cầu Trà Khúc");
  EXPECT_EQ(bridge.lead->id, 3);
  ASSERT_EQ(bridge.cooperating.size(), 2u);
  EXPECT_EQ(bridge.cooperating[0].id, 2);
  EXPECT_EQ(bridge.cooperating[1].id, 5);
  EXPECT_EQ(bridge.deadline, D(2024, 9, 30));
  EXPECT_EQ(bridge.deadline_label, "Quý III/2024");
  EXPECT_EQ(bridge.product, "Báo cáo");
  EXPECT_EQ(bridge.note, "Vốn sự nghiệp");
  EXPECT_EQ(bridge.leader_id, 11);
  EXPECT_TRUE(bridge.is_key);

  EXPECT_EQ(rows[2].parent_row, bridge.sheet_row);  // 1.1 under 1
  EXPECT_EQ(rows[4].parent_row, std::nullopt);
  ASSERT_EQ(rows[4].groups.size(), 1u);
  EXPECT_EQ(rows[4].groups[0].text(), "II LĨNH VỰC TÀI CHÍNH");
  EXPECT_EQ(rows[4].deadline, std::nullopt);
  EXPECT_EQ(rows[4].deadline_label, "Thường xuyên");
  EXPECT_FALSE(Has(rows[4].warnings, "deadline", "no_deadline"));
}

TEST(ImportPlanner, MakesHeadingsParentTasksLedByTheAgencyWhenAsked) {
  const auto rows = Plan(Outline(), Agency(GroupsAs::kParents));
  ASSERT_EQ(rows.size(), 5u);
  // A heading made a task is its rows' parent, not also their label.
  EXPECT_TRUE(rows[1].groups.empty());
  EXPECT_TRUE(rows[0].becomes_task);
  EXPECT_EQ(rows[0].lead->id, 1);
  EXPECT_TRUE(rows[0].errors.empty());
  EXPECT_TRUE(Has(rows[0].warnings, "lead", "group_as_task"));
  EXPECT_EQ(rows[1].parent_row, rows[0].sheet_row);
  EXPECT_EQ(rows[2].parent_row, rows[1].sheet_row);
  EXPECT_EQ(rows[4].parent_row, rows[3].sheet_row);
}

TEST(ImportPlanner, TellsEachRowsProblemsAndAcceptsTheUsersUnitFixes) {
  Program program;
  program.rows = {
      Texts({"1", "Việc không rõ đơn vị", "Phòng Pháp chế", "Ban XYZ", "Quý V/2024"}),
      Texts({"2", "", "VP"}),
      Texts({"3", "Việc của hai đơn vị", "VP, KHTC", "", "15/12/2023", "", "", "Lê Văn C", "?"}),
      Texts({"4", "Việc chưa có hạn", "VP"}),
  };
  auto rows = Plan(program, Agency());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(Has(rows[0].errors, "lead", "unknown_unit"));
  EXPECT_TRUE(Has(rows[0].warnings, "cooperating", "unknown_unit"));
  EXPECT_EQ(rows[0].outside_units, "Ban XYZ") << "a body outside the agency is kept with the row";
  EXPECT_EQ(std::count_if(rows[0].warnings.begin(), rows[0].warnings.end(),
                          [](const RowProblem& p) { return p.field == "cooperating"; }),
            1);
  EXPECT_TRUE(Has(rows[0].errors, "deadline", "unrecognised_deadline"));
  EXPECT_TRUE(Has(rows[1].errors, "content", "required"));
  EXPECT_TRUE(Has(rows[2].warnings, "lead", "several_leads"));
  EXPECT_EQ(rows[2].lead->id, 5);
  ASSERT_EQ(rows[2].cooperating.size(), 1u);
  EXPECT_EQ(rows[2].cooperating[0].id, 2);
  EXPECT_TRUE(Has(rows[2].errors, "deadline", "before_assigned_on"));
  EXPECT_TRUE(Has(rows[2].warnings, "leader", "unknown_leader"));
  EXPECT_TRUE(Has(rows[2].warnings, "key", "unrecognised_key"));
  EXPECT_TRUE(Has(rows[3].warnings, "deadline", "no_deadline"));

  PlanContext fixed = Agency();
  fixed.choices.unit_fixes = {{"phong phap che", 5}, {"ban xyz", 2}};
  rows = Plan(program, fixed);
  EXPECT_EQ(rows[0].lead->id, 5);
  EXPECT_FALSE(Has(rows[0].errors, "lead", "unknown_unit"));
  EXPECT_FALSE(Has(rows[0].warnings, "cooperating", "unknown_unit"));
  EXPECT_EQ(rows[0].outside_units, "");
}

TEST(ImportPlanner, ReadsANameGoingOnAfterACommaAsOneBodyOutsideTheAgency) {
  Program program;
  program.rows = {
      Texts({"1", "Rà soát quy hoạch", "VP", "UBND các huyện, thành phố; KHTC, Sở Tài chính"}),
  };
  auto rows = Plan(program, Agency());
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].cooperating.size(), 3u);
  EXPECT_EQ(rows[0].cooperating[0].written, "UBND các huyện, thành phố");
  EXPECT_EQ(rows[0].cooperating[0].id, std::nullopt);
  EXPECT_EQ(rows[0].cooperating[1].id, 2);
  EXPECT_EQ(rows[0].cooperating[2].written, "Sở Tài chính");
  EXPECT_EQ(rows[0].outside_units, "UBND các huyện, thành phố, Sở Tài chính");
}

TEST(ImportPlanner, JoinsNoPieceThatIsAUnitOfItsOwnToTheBodyBefore) {
  Program program;
  program.rows = {
      Texts({"1", "Rà soát quy hoạch", "KHTC", "Sở Tài chính, văn phòng Sở"}),
  };
  auto rows = Plan(program, Agency());
  ASSERT_EQ(rows[0].cooperating.size(), 2u);
  EXPECT_EQ(rows[0].cooperating[1].id, 5);
  EXPECT_EQ(rows[0].outside_units, "Sở Tài chính");

  // A unit picked for the name the pieces make is no body outside the agency.
  program.rows = {Texts({"1", "Rà soát quy hoạch", "VP", "UBND các huyện, thành phố"})};
  PlanContext fixed = Agency();
  fixed.choices.unit_fixes = {{"ubnd cac huyen thanh pho", 2}};
  rows = Plan(program, fixed);
  ASSERT_EQ(rows[0].cooperating.size(), 1u);
  EXPECT_EQ(rows[0].cooperating[0].id, 2);
  EXPECT_EQ(rows[0].outside_units, "");
  EXPECT_FALSE(Has(rows[0].warnings, "cooperating", "unknown_unit"));
}

TEST(ImportPlanner, KeepsALongTextWholeBesideAShortenedTitle) {
  std::string text;
  while (text.size() < 1500) text += "Triển khai thực hiện các nội dung ";
  Program program;
  program.rows = {Texts({"1", text, "VP", "", "Năm 2024"})};
  const auto rows = Plan(program, Agency());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].errors.empty());
  EXPECT_EQ(rows[0].content, text.substr(0, text.size() - 1));
  EXPECT_LE(rows[0].title.size(), 300u + 3);
  EXPECT_TRUE(rows[0].title.ends_with("nội dung…") || rows[0].title.ends_with("…"));
  EXPECT_TRUE(Has(rows[0].warnings, "content", "title_shortened"));
}

TEST(ReadKeyFlag, ReadsWhatSheetsWriteForYesAndNo) {
  for (const char* yes : {"x", "X", "Có", "1", "Trọng tâm", "✓"})
    EXPECT_EQ(ReadKeyFlag(yes), true) << yes;
  for (const char* no : {"", "không", "0"}) EXPECT_EQ(ReadKeyFlag(no), false) << no;
  EXPECT_EQ(ReadKeyFlag("có lẽ"), std::nullopt);
}

}  // namespace
}  // namespace giaoban::service
