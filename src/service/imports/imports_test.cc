// Importing work programs end to end on both databases: files the tests write, previews, the
// user's choices, and confirmation that writes everything or nothing.
#include "service/imports/imports.h"

#include <gtest/gtest.h>

#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"
#include "sheets/written_workbook.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class ImportTest : public AgencyFixture {
 protected:
  ImportService imports() { return ImportService(*ctx_); }

  Expected<ImportPreview> Start(const std::string& content, const Actor* by = nullptr,
                                std::string file_name = "chuong-trinh.csv") {
    return imports().Start(by ? *by : consolidator_, {source_, file_name, content, 0}, {});
  }

  // The number of tasks of the agency's source.
  std::int64_t TaskCount() {
    return db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      return c
          .execute("SELECT COUNT(*) AS n FROM tasks WHERE source_id = $1",
                   {storage::Param(source_)})
          .one()
          .integer(0);
    });
  }

  TaskView Task(Id id) { return *TaskService(*ctx_).Get(leader_, id); }

  // Imports `program` with `unit` picked for the name `written`, and confirms it.
  void ConfirmWithPick(const std::string& program, const std::string& written, Id unit) {
    auto preview = Start(program);
    ASSERT_TRUE(preview.ok()) << Outcome(preview);
    ImportChoicesPatch pick;
    pick.unit_fixes[written] = unit;
    preview =
        imports().Choose(consolidator_, preview->import.id, preview->import.version, pick, {});
    ASSERT_TRUE(preview.ok()) << Outcome(preview);
    ASSERT_TRUE(imports().Confirm(consolidator_, preview->import.id, preview->import.version).ok());
  }
};

constexpr const char* kProgram =
    "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian hoàn thành;Sản phẩm;Ghi chú\n"
    "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;;;;\n"
    "1;Sửa chữa cầu Trà Khúc;Phòng QLKCHT;P. KHTC, VP;Quý III/2024;Báo cáo;Vốn sự nghiệp\n"
    "1.1;Khảo sát hiện trạng cầu;QLKCHT;;30/9/2024;;\n"
    "II;LĨNH VỰC TÀI CHÍNH;;;;;\n"
    "1;Lập dự toán năm 2025;Phòng Kế hoạch - Tài chính;;Tháng 12/2024;Dự toán;\n"
    "2;Rà soát thủ tục hành chính;Văn phòng Sở;;Thường xuyên;;\n";

TEST_P(ImportTest, PreviewsAProgramAndWritesItsTasksWhenConfirmed) {
  auto preview = Start(kProgram);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->import.status, "draft");
  EXPECT_EQ(preview->import.file_kind, "csv");
  EXPECT_TRUE(preview->problems.empty());
  EXPECT_EQ(preview->header_row, 0u);
  EXPECT_EQ(preview->counts.rows, 6);
  EXPECT_EQ(preview->counts.tasks, 4);
  EXPECT_EQ(preview->counts.headings, 2);
  EXPECT_EQ(preview->counts.with_errors, 0);
  ASSERT_EQ(preview->rows.items.size(), 6u);
  EXPECT_EQ(preview->rows.items[1].lead->id, infrastructure_);
  EXPECT_EQ(preview->unit_names.at(infrastructure_), "Phòng Quản lý kết cấu hạ tầng");
  EXPECT_EQ(TaskCount(), 0) << "a preview writes nothing";

  auto done = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);
  EXPECT_EQ(done->import.status, "confirmed");
  EXPECT_EQ(done->import.task_count, 4);
  ASSERT_EQ(done->task_ids.size(), 4u);
  EXPECT_EQ(TaskCount(), 4);

  const TaskView bridge = Task(done->task_ids[0]);
  EXPECT_EQ(bridge.task.summary.title, "Sửa chữa cầu Trà Khúc");
  EXPECT_EQ(bridge.task.summary.lead_org.id, infrastructure_);
  ASSERT_EQ(bridge.task.cooperators.size(), 2u);
  EXPECT_EQ(bridge.task.summary.deadline, Day("2024-09-30"));
  EXPECT_EQ(bridge.task.summary.deadline_label, "Quý III/2024");
  EXPECT_EQ(bridge.task.summary.assigned_on, today());
  EXPECT_EQ(bridge.task.product, "Báo cáo");
  EXPECT_EQ(bridge.task.parent_id, std::nullopt);
  // The page shows where the task stands in the program, and what its row said besides.
  ASSERT_TRUE(bridge.program_place);
  EXPECT_EQ(bridge.program_place->import_id, done->import.id);
  EXPECT_EQ(bridge.program_place->number, "1");
  EXPECT_EQ(bridge.program_place->headings,
            std::vector<std::string>{"I. LĨNH VỰC KẾT CẤU HẠ TẦNG"});
  EXPECT_EQ(bridge.program_place->note, "Vốn sự nghiệp");
  EXPECT_EQ(Task(done->task_ids[1]).task.parent_id, bridge.task.summary.id);
  const TaskView ongoing = Task(done->task_ids[3]);
  EXPECT_EQ(ongoing.task.summary.deadline, std::nullopt);
  EXPECT_EQ(ongoing.task.summary.deadline_label, "Thường xuyên");

  // Each task's history begins as a created task's does: its snapshot is the row as stored.
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    for (const Id id : done->task_ids) {
      const auto event = c.execute(
          "SELECT after_json, occurred_on FROM events WHERE entity = 'task' AND entity_id = $1 "
          "AND action = 'created'",
          {storage::Param(id)});
      ASSERT_EQ(event.rows.size(), 1u);
      EXPECT_EQ(event.one().text(0),
                TaskSnapshotJson(*LoadTaskForChange(c, id, TaskLoad::kRowOnly)));
      EXPECT_EQ(event.one().text(1).substr(0, 10), today().Iso());
    }
  });

  // The confirmed import keeps its file and cannot be confirmed or discarded again.
  auto again = imports().Confirm(consolidator_, done->import.id, done->import.version);
  EXPECT_EQ(Outcome(again), "import_confirmed");
  EXPECT_EQ(Outcome(imports().Discard(consolidator_, done->import.id, done->import.version)),
            "import_confirmed");
  auto file = imports().Download(leader_, done->import.id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content, kProgram);
}

TEST_P(ImportTest, MakesHeadingsParentTasksWhenTheUserChoosesSo) {
  auto preview = Start(kProgram);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ImportChoicesPatch patch;
  patch.groups_as = GroupsAs::kParents;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.tasks, 6);
  auto done = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);
  ASSERT_EQ(done->task_ids.size(), 6u);
  const TaskView heading = Task(done->task_ids[0]);
  EXPECT_EQ(heading.task.summary.title, "LĨNH VỰC KẾT CẤU HẠ TẦNG");
  EXPECT_EQ(heading.task.summary.lead_org.id, agency_);
  EXPECT_EQ(Task(done->task_ids[1]).task.parent_id, done->task_ids[0]);
  EXPECT_EQ(Task(done->task_ids[4]).task.parent_id, done->task_ids[3]);
}

TEST_P(ImportTest, WritesNothingWhileARowHasAnErrorAndTakesTheUsersUnitFix) {
  const std::string program =
      "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời gian hoàn thành\n"
      "1,Việc của phòng cũ,Phòng Pháp chế,Tháng 9/2024\n"
      "2,Việc của văn phòng,VP,Tháng 10/2024\n";
  auto preview = Start(program);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.with_errors, 1);
  ASSERT_EQ(preview->unmatched_units.size(), 1u);
  EXPECT_EQ(preview->unmatched_units[0].written, "Phòng Pháp chế");
  EXPECT_EQ(preview->unmatched_units[0].rows, 1);

  auto refused = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  EXPECT_EQ(Outcome(refused), "import_has_errors");
  EXPECT_EQ(refused.error().detail, "1");
  EXPECT_EQ(TaskCount(), 0);

  ImportChoicesPatch patch;
  patch.unit_fixes["PHÒNG PHÁP CHẾ"] = office_;
  auto wrong =
      imports().Choose(consolidator_, preview->import.id, preview->import.version - 1, patch, {});
  EXPECT_EQ(Outcome(wrong), "precondition_failed");
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch,
                             {1, 100, true});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.with_errors, 0);
  EXPECT_TRUE(preview->unmatched_units.empty());
  EXPECT_EQ(preview->rows.total, 0) << "no row has a problem left";
  auto done = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);
  EXPECT_EQ(Task(done->task_ids[0]).task.summary.lead_org.id, office_);
}

TEST_P(ImportTest, RefusesTheSameFileOnceItIsImported) {
  auto first = Start(kProgram);
  ASSERT_TRUE(first.ok());
  auto second = Start(kProgram);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->problems.empty()) << "neither is imported yet";
  ASSERT_TRUE(imports().Confirm(consolidator_, first->import.id, first->import.version).ok());
  second = imports().Preview(consolidator_, second->import.id, {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->duplicate_of, first->import.id);
  EXPECT_EQ(second->problems, std::vector<std::string>{"already_imported"});
  EXPECT_EQ(Outcome(imports().Confirm(consolidator_, second->import.id, second->import.version)),
            "already_imported");
  EXPECT_EQ(TaskCount(), 4);
  EXPECT_TRUE(imports().Discard(consolidator_, second->import.id, second->import.version).ok());
  EXPECT_EQ(Outcome(imports().Preview(consolidator_, second->import.id, {})), "not_found");
}

TEST_P(ImportTest, TakesOnlyTheRowsAddedToAProgramItImportedBefore) {
  auto first = Start(kProgram);
  ASSERT_TRUE(first.ok()) << Outcome(first);
  auto done = imports().Confirm(consolidator_, first->import.id, first->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);

  // The program as the source writes it back (units by their names, deadlines as days), with a
  // row added under its first task and one at its end.
  const std::string added =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n"
      "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;\n"
      "1;Sửa chữa cầu Trà Khúc;Phòng Quản lý kết cấu hạ tầng;30/09/2024\n"
      "1.1;Khảo sát hiện trạng cầu;Phòng Quản lý kết cấu hạ tầng;30/09/2024\n"
      "1.2;Lập hồ sơ sửa chữa cầu;Phòng Quản lý kết cấu hạ tầng;30/11/2024\n"
      "II;LĨNH VỰC TÀI CHÍNH;;\n"
      "1;lập dự toán  năm 2025;KHTC;31/12/2024\n"
      "2;Rà soát thủ tục hành chính;VP;\n"
      "3;Kiểm tra tài chính các đơn vị;KHTC;Quý IV/2024\n";
  auto again = Start(added);
  ASSERT_TRUE(again.ok()) << Outcome(again);
  EXPECT_TRUE(again->problems.empty());
  EXPECT_EQ(again->counts.existing, 4);
  EXPECT_EQ(again->counts.tasks, 2);
  EXPECT_EQ(again->counts.with_errors, 0);
  ASSERT_EQ(again->rows.items.size(), 8u);
  EXPECT_EQ(again->rows.items[1].existing_task, done->task_ids[0]);
  EXPECT_FALSE(again->rows.items[1].becomes_task);
  EXPECT_EQ(again->rows.items[1].warnings,
            (std::vector<RowProblem>{{"content", "already_in_source"}}));
  EXPECT_EQ(again->rows.items[5].existing_task, done->task_ids[2]) << "folded alike";

  auto more = imports().Confirm(consolidator_, again->import.id, again->import.version);
  ASSERT_TRUE(more.ok()) << Outcome(more);
  ASSERT_EQ(more->task_ids.size(), 2u);
  // Each confirmed import still shows the tasks it wrote as its own.
  auto shown = imports().Preview(consolidator_, done->import.id, {});
  ASSERT_TRUE(shown.ok()) << Outcome(shown);
  EXPECT_EQ(shown->counts.existing, 0);
  EXPECT_EQ(shown->counts.tasks, 4);
  EXPECT_EQ(TaskCount(), 6);
  EXPECT_EQ(Task(more->task_ids[0]).task.summary.title, "Lập hồ sơ sửa chữa cầu");
  EXPECT_EQ(Task(more->task_ids[0]).task.parent_id, done->task_ids[0]);
  EXPECT_EQ(Task(more->task_ids[1]).task.parent_id, std::nullopt);

  // Nothing new: the file is the program imported before.
  auto nothing = Start(added + "\n");
  ASSERT_TRUE(nothing.ok()) << Outcome(nothing);
  EXPECT_EQ(nothing->counts.tasks, 0);
  EXPECT_EQ(nothing->problems, std::vector<std::string>{"already_imported"});
  EXPECT_EQ(Outcome(imports().Confirm(consolidator_, nothing->import.id, nothing->import.version)),
            "already_imported");
}

TEST_P(ImportTest, LeavesOutTheColumnNumbersAndWhatFollowsTheProgram) {
  // "(1)" typed where numbers are read is stored as -1; the recipients and the signature close
  // the document the program was copied from.
  auto preview = Start(
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n"
      "-1;-2;-3;-4\n"
      "1;Lập kế hoạch bảo trì;KHTC;Quý III/2024\n"
      "Nơi nhận:;;;GIÁM ĐỐC\n"
      "- Như trên;;;\n"
      "- Lưu: VT, KHTC.;;;\n"
      ";;;Trần Quốc Bảo\n");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ImportChoicesPatch parents;
  parents.groups_as = GroupsAs::kParents;
  preview =
      imports().Choose(consolidator_, preview->import.id, preview->import.version, parents, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.rows, 1);
  EXPECT_EQ(preview->counts.tasks, 1);
  EXPECT_EQ(preview->counts.with_errors, 0);
}

TEST_P(ImportTest, ImportsEachSheetOfAWorkbookOnce) {
  // The province's program on one sheet and the department's own on the next, in one file.
  const std::string workbook = sheets::WrittenWorkbook([](lxw_workbook* book) {
    for (const char* task : {"Lập kế hoạch bảo trì", "Rà soát thủ tục hành chính"}) {
      lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
      worksheet_write_string(sheet, 0, 0, "STT", nullptr);
      worksheet_write_string(sheet, 0, 1, "Nội dung nhiệm vụ", nullptr);
      worksheet_write_string(sheet, 0, 2, "Đơn vị chủ trì", nullptr);
      worksheet_write_number(sheet, 1, 0, 1, nullptr);
      worksheet_write_string(sheet, 1, 1, task, nullptr);
      worksheet_write_string(sheet, 1, 2, "KHTC", nullptr);
    }
  });
  auto first = Start(workbook, nullptr, "chuong-trinh.xlsx");
  ASSERT_TRUE(first.ok()) << Outcome(first);
  ASSERT_TRUE(imports().Confirm(consolidator_, first->import.id, first->import.version).ok());

  auto second = Start(workbook, nullptr, "chuong-trinh.xlsx");
  ASSERT_TRUE(second.ok()) << Outcome(second);
  EXPECT_EQ(second->problems, std::vector<std::string>{"already_imported"});
  ImportChoicesPatch to_sheet;
  to_sheet.sheet = 1;
  second = imports().Choose(consolidator_, second->import.id, second->import.version, to_sheet, {});
  ASSERT_TRUE(second.ok()) << Outcome(second);
  EXPECT_TRUE(second->problems.empty()) << "the second sheet is another program";
  ASSERT_TRUE(imports().Confirm(consolidator_, second->import.id, second->import.version).ok());
  EXPECT_EQ(TaskCount(), 2);

  auto third = imports().Start(consolidator_, {source_, "chuong-trinh.xlsx", workbook, 1}, {});
  ASSERT_TRUE(third.ok()) << Outcome(third);
  EXPECT_EQ(third->duplicate_of, second->import.id);
  EXPECT_EQ(Outcome(imports().Confirm(consolidator_, third->import.id, third->import.version)),
            "already_imported");
}

TEST_P(ImportTest, RefusesTheSameRowsSavedAgainWithOtherBytes) {
  auto first = Start(kProgram);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(imports().Confirm(consolidator_, first->import.id, first->import.version).ok());

  // Excel saving the program again: a byte order mark, CRLF line ends, a lead's name in
  // capitals.
  std::string resaved = "\xEF\xBB\xBF";
  for (char c : std::string(kProgram)) {
    if (c == '\n')
      resaved += "\r\n";
    else
      resaved += c;
  }
  std::string::size_type at = resaved.find("Văn phòng Sở");
  ASSERT_NE(at, std::string::npos);
  resaved.replace(at, std::string("Văn phòng Sở").size(), "VĂN PHÒNG SỞ");
  auto again = Start(resaved, nullptr, "chuong-trinh (1).csv");
  ASSERT_TRUE(again.ok()) << Outcome(again);
  EXPECT_EQ(again->duplicate_of, first->import.id);
  EXPECT_EQ(again->problems, std::vector<std::string>{"already_imported"});
  EXPECT_EQ(Outcome(imports().Confirm(consolidator_, again->import.id, again->import.version)),
            "already_imported");
  EXPECT_EQ(TaskCount(), 4);

  // A program with one row more is another file, whose one new row becomes a task.
  auto more = Start(std::string(kProgram) + "3;Tổng kết năm;Văn phòng Sở;Tháng 12/2024;;\n");
  ASSERT_TRUE(more.ok()) << Outcome(more);
  EXPECT_TRUE(more->problems.empty());
  EXPECT_TRUE(imports().Confirm(consolidator_, more->import.id, more->import.version).ok());
  EXPECT_EQ(TaskCount(), 5);

  // Another source may take the same rows: a copy of the program.
  auto copy = SourceService(*ctx_).Create(
      leader_, {"key_program", "Bản sao chương trình năm 2024", "", std::nullopt, "", ""});
  ASSERT_TRUE(copy.ok()) << Outcome(copy);
  auto copied = imports().Start(consolidator_, {copy->id, "ban-sao.csv", resaved, 0}, {});
  ASSERT_TRUE(copied.ok()) << Outcome(copied);
  EXPECT_TRUE(copied->problems.empty());
  EXPECT_TRUE(imports().Confirm(consolidator_, copied->import.id, copied->import.version).ok());
}

TEST_P(ImportTest, ReadsDeadlinesWithoutAYearInTheYearTheProgramIsFor) {
  // The next year's program, issued in this one.
  SourceService sources(*ctx_);
  auto next_year = sources.Create(leader_, {"key_program", "Chương trình công tác năm 2025",
                                            "20/CTr-SGTVT", Day("2024-06-20"), "Sở GTVT", ""});
  ASSERT_TRUE(next_year.ok()) << Outcome(next_year);
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n"
      "1;Tổng kết năm;Văn phòng Sở;Tháng 12\n"
      "2;Sơ kết 6 tháng;Văn phòng Sở;15/6\n";
  auto preview = imports().Start(consolidator_, {next_year->id, "ct.csv", program, 0}, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->year, 2025);
  EXPECT_EQ(preview->year_from, YearFrom::kTitle);
  ASSERT_EQ(preview->rows.items.size(), 2u);
  EXPECT_EQ(preview->rows.items[0].deadline, Day("2025-12-31"));
  EXPECT_EQ(preview->rows.items[1].deadline, Day("2025-06-15"));
  EXPECT_EQ(preview->counts.with_errors, 0);

  // The user may say otherwise, and give the choice back.
  ImportChoicesPatch patch;
  patch.year = 2026;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->year, 2026);
  EXPECT_EQ(preview->year_from, YearFrom::kChoice);
  EXPECT_EQ(preview->rows.items[0].deadline, Day("2026-12-31"));
  patch.year = 1999;
  EXPECT_EQ(Outcome(imports().Choose(consolidator_, preview->import.id, preview->import.version,
                                     patch, {})),
            "validation_failed year:invalid");
  patch.year = std::optional<int>();
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->year_from, YearFrom::kTitle);
  EXPECT_EQ(preview->rows.items[0].deadline, Day("2025-12-31"));

  // A title without a year leaves the document's date to say it.
  auto dated = sources.Create(leader_, {"higher_program", "Kế hoạch cải cách hành chính",
                                        "7/KH-UBND", Day("2024-02-01"), "UBND tỉnh", ""});
  ASSERT_TRUE(dated.ok()) << Outcome(dated);
  auto other = imports().Start(consolidator_, {dated->id, "kh.csv", program, 0}, {});
  ASSERT_TRUE(other.ok()) << Outcome(other);
  EXPECT_EQ(other->year, 2024);
  EXPECT_EQ(other->year_from, YearFrom::kDocument);
}

TEST_P(ImportTest, GivesAFieldToTheColumnLastChosenForIt) {
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ghi chú;Kinh phí\n"
      "1;Lập kế hoạch bảo trì;KHTC;Vốn sự nghiệp;120\n";
  auto preview = Start(program);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[3].field, ProgramColumn::kNote);
  EXPECT_EQ(preview->columns[4].field, std::nullopt);

  ImportChoicesPatch patch;
  patch.columns[4] = ProgramColumn::kNote;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[3].field, std::nullopt);
  EXPECT_EQ(preview->columns[4].field, ProgramColumn::kNote);
  EXPECT_EQ(preview->rows.items[0].note, "120");

  // Chosen back, the note's column is the one its header names again.
  patch.columns.clear();
  patch.columns[3] = ProgramColumn::kNote;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[3].field, ProgramColumn::kNote);
  EXPECT_EQ(preview->columns[4].field, std::nullopt);
  EXPECT_EQ(preview->rows.items[0].note, "Vốn sự nghiệp");
}

TEST_P(ImportTest, KeepsEachSheetsColumnsWhenTheUserGoesBackToIt) {
  const std::string workbook = sheets::WrittenWorkbook([](lxw_workbook* book) {
    for (const char* name : {"Tỉnh giao", "Sở giao"}) {
      lxw_worksheet* sheet = workbook_add_worksheet(book, name);
      worksheet_write_string(sheet, 0, 0, "STT", nullptr);
      worksheet_write_string(sheet, 0, 1, "Nội dung nhiệm vụ", nullptr);
      worksheet_write_string(sheet, 0, 2, "Đầu mối", nullptr);
      worksheet_write_number(sheet, 1, 0, 1, nullptr);
      worksheet_write_string(sheet, 1, 1, "Lập kế hoạch bảo trì", nullptr);
      worksheet_write_string(sheet, 1, 2, "KHTC", nullptr);
    }
  });
  auto preview = Start(workbook, nullptr, "chuong-trinh.xlsx");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ImportChoicesPatch map_lead;
  map_lead.columns[2] = ProgramColumn::kLead;
  preview =
      imports().Choose(consolidator_, preview->import.id, preview->import.version, map_lead, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[2].field, ProgramColumn::kLead);

  ImportChoicesPatch to_sheet;
  to_sheet.sheet = 1;
  preview =
      imports().Choose(consolidator_, preview->import.id, preview->import.version, to_sheet, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[2].field, std::nullopt) << "another sheet, its own columns";
  to_sheet.sheet = 0;
  preview =
      imports().Choose(consolidator_, preview->import.id, preview->import.version, to_sheet, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[2].field, ProgramColumn::kLead);
  EXPECT_EQ(preview->counts.with_errors, 0);
}

TEST_P(ImportTest, ListsTheLeadsNotRecognisedBeforeTheBodiesOutsideTheAgency) {
  auto preview = Start(
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp\n"
      "1;Rà soát quy hoạch;VP;Sở Tài chính\n"
      "2;Lập dự toán;KHTC;Sở Tài chính\n"
      "3;Thanh tra công trình;Phòng Pháp chế;UBND các huyện, thành phố\n");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ASSERT_EQ(preview->unmatched_units.size(), 3u);
  EXPECT_EQ(preview->unmatched_units[0].written, "Phòng Pháp chế");
  EXPECT_EQ(preview->unmatched_units[0].lead_rows, 1);
  EXPECT_EQ(preview->unmatched_units[1].written, "Sở Tài chính");
  EXPECT_EQ(preview->unmatched_units[1].rows, 2);
  EXPECT_EQ(preview->unmatched_units[1].lead_rows, 0);
  EXPECT_EQ(preview->unmatched_units[2].written, "UBND các huyện, thành phố");
  EXPECT_EQ(preview->counts.with_errors, 1);
}

// A program whose one lead no unit answers to.
constexpr const char* kInspectionProgram =
    "STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n"
    "1;Thanh tra công trình;Thanh tra Sở\n";

TEST_P(ImportTest, RemembersTheUnitsPickedForNamesOnceConfirmed) {
  const std::string program = kInspectionProgram;
  auto preview = Start(program);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ImportChoicesPatch patch;
  patch.unit_fixes["Thanh tra Sở"] = office_;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  auto next = Start(std::string(program) + "2;Thanh tra an toàn giao thông;THANH TRA SỞ\n");
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_EQ(next->counts.with_errors, 2) << "a pick counts once confirmed";

  ASSERT_TRUE(imports().Confirm(consolidator_, preview->import.id, preview->import.version).ok());
  next = imports().Preview(consolidator_, next->import.id, {});
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_EQ(next->counts.with_errors, 0);
  EXPECT_TRUE(next->unmatched_units.empty());
  EXPECT_EQ(next->rows.items[1].lead->id, office_);
}

TEST_P(ImportTest, ShowsARememberedPickWhichTheUserMayUndo) {
  const std::string program = kInspectionProgram;
  ConfirmWithPick(program, "Thanh tra Sở", office_);

  auto next = Start(std::string(program) + "2;Thanh tra an toàn;Thanh tra Sở\n");
  ASSERT_TRUE(next.ok()) << Outcome(next);
  ASSERT_EQ(next->remembered_fixes.size(), 1u);
  EXPECT_EQ(next->remembered_fixes.at("thanh tra so"),
            (std::pair<std::string, Id>("Thanh tra Sở", office_)));
  EXPECT_EQ(next->counts.with_errors, 0);

  // The user says the name is no unit of the agency: not even the one picked before.
  ImportChoicesPatch undo;
  undo.unit_fixes["Thanh tra Sở"] = std::nullopt;
  next = imports().Choose(consolidator_, next->import.id, next->import.version, undo, {});
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_TRUE(next->remembered_fixes.empty());
  EXPECT_EQ(next->counts.with_errors, 2);
  ASSERT_EQ(next->unmatched_units.size(), 1u);
}

TEST_P(ImportTest, AUnitNamedAsAPickedNameIsThatUnit) {
  const std::string program = kInspectionProgram;
  ConfirmWithPick(program, "Thanh tra Sở", office_);

  const Id inspectorate = Org(agency_, "division", "TTRS", "Thanh tra Sở");
  auto next = Start(std::string(program) + "2;Thanh tra an toàn;Thanh tra Sở\n");
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_EQ(next->rows.items[0].lead->id, inspectorate);
  EXPECT_TRUE(next->remembered_fixes.empty());
}

TEST_P(ImportTest, TakesTheSameRowsForTheSameProgramWhateverTheUserChose) {
  auto first = Start(kProgram);
  ASSERT_TRUE(first.ok()) << Outcome(first);
  ASSERT_TRUE(imports().Confirm(consolidator_, first->import.id, first->import.version).ok());
  auto again = Start(std::string(kProgram) + "\n");
  ASSERT_TRUE(again.ok()) << Outcome(again);
  ImportChoicesPatch parents;
  parents.groups_as = GroupsAs::kParents;
  again = imports().Choose(consolidator_, again->import.id, again->import.version, parents, {});
  ASSERT_TRUE(again.ok()) << Outcome(again);
  EXPECT_EQ(again->problems, std::vector<std::string>{"already_imported"});
}

TEST_P(ImportTest, LetsDraftsNobodyTouchedForAMonthGo) {
  auto untouched = Start(kProgram);
  ASSERT_TRUE(untouched.ok()) << Outcome(untouched);
  auto worked_on = Start(kProgram);
  ASSERT_TRUE(worked_on.ok()) << Outcome(worked_on);
  auto recent = Start(kProgram);
  ASSERT_TRUE(recent.ok()) << Outcome(recent);
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute(
        "UPDATE imports SET created_at = created_at - $1, changed_at = changed_at - $1 "
        "WHERE id IN ($2, $3)",
        {storage::Param(std::int64_t{31} * 24 * 60 * 60 * 1000),
         storage::Param(untouched->import.id), storage::Param(worked_on->import.id)});
  });
  ImportChoicesPatch parents;
  parents.groups_as = GroupsAs::kParents;
  ASSERT_TRUE(
      imports()
          .Choose(consolidator_, worked_on->import.id, worked_on->import.version, parents, {})
          .ok());

  ASSERT_TRUE(Start(kProgram).ok());
  EXPECT_EQ(Outcome(imports().Preview(consolidator_, untouched->import.id, {})), "not_found");
  EXPECT_TRUE(imports().Preview(consolidator_, worked_on->import.id, {}).ok());
  EXPECT_TRUE(imports().Preview(consolidator_, recent->import.id, {}).ok());
}

TEST_P(ImportTest, NamesAPickedUnitAsTheSheetWritesIt) {
  auto preview = Start(
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n"
      "1;Thanh tra công trình;Thanh tra Sở\n");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ImportChoicesPatch patch;
  patch.unit_fixes["Thanh tra Sở"] = office_;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->choices.unit_fix_names.at("thanh tra so"), "Thanh tra Sở");
  EXPECT_EQ(preview->counts.with_errors, 0);
}

TEST_P(ImportTest, RemembersHowTheAgencyHeadsAColumnOnceMapped) {
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị đầu mối;Thời gian hoàn thành\n"
      "1;Lập kế hoạch bảo trì;KHTC;Tháng 8/2024\n";
  auto preview = Start(program);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ASSERT_EQ(preview->columns.size(), 4u);
  EXPECT_EQ(preview->columns[2].header, "Đơn vị đầu mối");
  EXPECT_EQ(preview->columns[2].field, std::nullopt);
  EXPECT_EQ(preview->counts.with_errors, 1) << "no lead without the column";

  ImportChoicesPatch patch;
  patch.columns[2] = ProgramColumn::kLead;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->columns[2].field, ProgramColumn::kLead);
  EXPECT_FALSE(preview->columns[2].recognised);
  EXPECT_EQ(preview->counts.with_errors, 0);
  ASSERT_TRUE(imports().Confirm(consolidator_, preview->import.id, preview->import.version).ok());

  auto next = Start(std::string(program) + "2;Báo cáo quý;VP;Quý III/2024\n");
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_EQ(next->columns[2].field, ProgramColumn::kLead);
  EXPECT_EQ(next->counts.with_errors, 0);
}

TEST_P(ImportTest, RemembersAColumnMappedUnderTheYearsTitleForNextYearsProgram) {
  // The title merged across the table is no part of the header: the column is known by its own
  // header next year, whatever that year's title, and in a CSV file with the title in its first
  // cell and an empty row under it.
  const std::string workbook = sheets::WrittenWorkbook([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    worksheet_merge_range(sheet, 0, 0, 0, 3, "CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2024", nullptr);
    const char* headers[] = {"STT", "Nội dung nhiệm vụ", "Đơn vị đầu mối", "Thời gian hoàn thành"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 1, c, headers[c], nullptr);
    worksheet_write_number(sheet, 2, 0, 1, nullptr);
    worksheet_write_string(sheet, 2, 1, "Lập kế hoạch bảo trì", nullptr);
    worksheet_write_string(sheet, 2, 2, "KHTC", nullptr);
    worksheet_write_string(sheet, 2, 3, "Tháng 8/2024", nullptr);
  });
  auto preview = Start(workbook, nullptr, "chuyen-doi-so-2024.xlsx");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->header_row, 1u);
  EXPECT_EQ(preview->header_rows, 1u);
  ASSERT_EQ(preview->columns.size(), 4u);
  EXPECT_EQ(preview->columns[0].header, "STT");
  EXPECT_EQ(preview->columns[2].header, "Đơn vị đầu mối");
  EXPECT_EQ(preview->columns[2].field, std::nullopt);
  ImportChoicesPatch patch;
  patch.columns[2] = ProgramColumn::kLead;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.with_errors, 0);
  ASSERT_TRUE(imports().Confirm(consolidator_, preview->import.id, preview->import.version).ok());

  auto next = Start(
      "CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2025;;;\n"
      ";;;\n"
      "STT;Nội dung nhiệm vụ;Đơn vị đầu mối;Thời gian hoàn thành\n"
      "1;Báo cáo quý;VP;Quý III/2024\n");
  ASSERT_TRUE(next.ok()) << Outcome(next);
  EXPECT_EQ(next->header_row, 2u);
  EXPECT_EQ(next->header_rows, 1u);
  ASSERT_EQ(next->columns.size(), 4u);
  EXPECT_EQ(next->columns[2].header, "Đơn vị đầu mối");
  EXPECT_EQ(next->columns[2].field, ProgramColumn::kLead);
  EXPECT_EQ(next->counts.with_errors, 0);
}

TEST_P(ImportTest, ReadsAWorkbookWithATwoRowHeaderMergedCellsAndDates) {
  const std::string workbook = sheets::WrittenWorkbook([](lxw_workbook* book) {
    lxw_worksheet* cover = workbook_add_worksheet(book, "Bìa");
    worksheet_write_string(cover, 0, 0, "Chương trình công tác năm 2024", nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Chương trình");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_merge_range(sheet, 0, 0, 0, 4, "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024", nullptr);
    worksheet_merge_range(sheet, 2, 0, 3, 0, "STT", nullptr);
    worksheet_merge_range(sheet, 2, 1, 3, 1, "Nội dung", nullptr);
    worksheet_merge_range(sheet, 2, 2, 2, 3, "Đơn vị thực hiện", nullptr);
    worksheet_write_string(sheet, 3, 2, "Chủ trì", nullptr);
    worksheet_write_string(sheet, 3, 3, "Phối hợp", nullptr);
    worksheet_merge_range(sheet, 2, 4, 3, 4, "Thời hạn", nullptr);
    worksheet_write_string(sheet, 4, 0, "A", nullptr);
    worksheet_merge_range(sheet, 4, 1, 4, 4, "NHIỆM VỤ TRỌNG TÂM", nullptr);
    worksheet_write_number(sheet, 5, 0, 1, nullptr);
    worksheet_write_string(sheet, 5, 1, "Bảo trì quốc lộ 24", nullptr);
    worksheet_write_number(sheet, 6, 0, 2, nullptr);
    worksheet_write_string(sheet, 6, 1, "Bảo trì tỉnh lộ 622", nullptr);
    // One lead and one deadline for both tasks, merged down their rows.
    worksheet_merge_range(sheet, 5, 2, 6, 2, "Phòng QLKCHT", nullptr);
    lxw_datetime day = {2024, 11, 15, 0, 0, 0};
    worksheet_merge_range(sheet, 5, 4, 6, 4, "", date);
    worksheet_write_datetime(sheet, 5, 4, &day, date);
  });
  auto preview = Start(workbook, nullptr, "chuong-trinh.xlsx");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->sheets, (std::vector<std::string>{"Bìa", "Chương trình"}));
  EXPECT_EQ(preview->problems, std::vector<std::string>{"no_header"}) << "the cover has none";

  ImportChoicesPatch patch;
  patch.sheet = 1;
  preview = imports().Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_TRUE(preview->problems.empty());
  EXPECT_EQ(preview->header_row, 2u);
  EXPECT_EQ(preview->header_rows, 2u);
  EXPECT_EQ(preview->counts.tasks, 2);
  EXPECT_EQ(preview->counts.with_errors, 0);
  auto done = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);
  for (const Id id : done->task_ids) {
    const TaskView task = Task(id);
    EXPECT_EQ(task.task.summary.lead_org.id, infrastructure_);
    EXPECT_EQ(task.task.summary.deadline, Day("2024-11-15"));
  }
}

TEST_P(ImportTest, ReadsADateCellShowingAMonthAsThatMonth) {
  const std::string workbook = sheets::WrittenWorkbook([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    lxw_format* month = workbook_add_format(book);
    format_set_num_format(month, "mm/yyyy");
    lxw_format* year = workbook_add_format(book);
    format_set_num_format(year, "yyyy");
    worksheet_write_string(sheet, 0, 0, "Nội dung nhiệm vụ", nullptr);
    worksheet_write_string(sheet, 0, 1, "Đơn vị chủ trì", nullptr);
    worksheet_write_string(sheet, 0, 2, "Thời gian hoàn thành", nullptr);
    lxw_datetime first = {2024, 9, 1, 0, 0, 0};
    worksheet_write_string(sheet, 1, 0, "Báo cáo quý III", nullptr);
    worksheet_write_string(sheet, 1, 1, "VP", nullptr);
    worksheet_write_datetime(sheet, 1, 2, &first, month);
    worksheet_write_string(sheet, 2, 0, "Tổng kết năm", nullptr);
    worksheet_write_string(sheet, 2, 1, "VP", nullptr);
    worksheet_write_datetime(sheet, 2, 2, &first, year);
  });
  auto preview = Start(workbook, nullptr, "thang.xlsx");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  ASSERT_EQ(preview->rows.items.size(), 2u);
  EXPECT_EQ(preview->rows.items[0].deadline, Day("2024-09-30"));
  EXPECT_EQ(preview->rows.items[0].deadline_label, "Tháng 9/2024");
  EXPECT_EQ(preview->rows.items[1].deadline, Day("2024-12-31"));
  EXPECT_EQ(preview->rows.items[1].deadline_label, "Năm 2024");
}

TEST_P(ImportTest, ReadsAWorkbookWrittenByHandWithRichTextCustomDatesAndMerges) {
  // Rich text in the header, a date format of the workbook's own, a two-row header merged over
  // its units, a heading merged across the table and a lead merged down two tasks.
  const std::string strings =
      "<si><r><rPr><b/></rPr><t>Nội dung </t></r><r><t>nhiệm vụ</t></r></si>"
      "<si><t>Đơn vị thực hiện</t></si><si><t>Chủ trì</t></si><si><t>Phối hợp</t></si>"
      "<si><t>Hạn hoàn thành</t></si><si><t>I. NHIỆM VỤ THƯỜNG XUYÊN</t></si>"
      "<si><t>Kiểm tra cầu yếu</t></si><si><t>Phòng QLKCHT</t></si><si><t>Duy tu đường "
      "huyện</t></si>"
      "<si><r><t>Văn phòng </t></r><r><rPr><i/></rPr><t>Sở</t></r></si>";
  const std::string styles =
      R"(<numFmts count="1"><numFmt numFmtId="170" formatCode="dd&quot;/&quot;mm&quot;/&quot;yyyy"/></numFmts>)"
      R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170" applyNumberFormat="1"/></cellXfs>)";
  const std::string sheet =
      R"(<x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>STT</x:t></x:is></x:c>)"
      R"(<x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c>)"
      R"(<x:c r="E1" t="s"><x:v>4</x:v></x:c></x:row>)"
      R"(<x:row r="2"><x:c r="C2" t="s"><x:v>2</x:v></x:c><x:c r="D2" t="s"><x:v>3</x:v></x:c></x:row>)"
      R"(<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>I</x:t></x:is></x:c>)"
      R"(<x:c r="B3" t="s"><x:v>5</x:v></x:c></x:row>)"
      R"(<x:row r="4"><x:c r="A4"><x:v>1</x:v></x:c><x:c r="B4" t="s"><x:v>6</x:v></x:c>)"
      R"(<x:c r="C4" t="s"><x:v>7</x:v></x:c><x:c r="D4" t="s"><x:v>9</x:v></x:c>)"
      R"(<x:c r="E4" s="1"><x:v>45565</x:v></x:c></x:row>)"
      R"(<x:row r="5"><x:c r="A5"><x:v>2</x:v></x:c><x:c r="B5" t="s"><x:v>8</x:v></x:c>)"
      R"(<x:c r="E5" s="1"><x:v>45596</x:v></x:c></x:row>)"
      R"(</x:sheetData><x:mergeCells count="5"><x:mergeCell ref="A1:A2"/><x:mergeCell ref="B1:B2"/>)"
      R"(<x:mergeCell ref="C1:D1"/><x:mergeCell ref="E1:E2"/><x:mergeCell ref="B3:E3"/>)"
      R"(<x:mergeCell ref="C4:C5"/></x:mergeCells>)";
  auto preview = Start(sheets::HandWrittenWorkbook(sheet, strings, styles), nullptr, "tay.xlsx");
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->header_rows, 2u);
  EXPECT_EQ(preview->counts.tasks, 2);
  EXPECT_EQ(preview->counts.headings, 1);
  EXPECT_EQ(preview->counts.with_errors, 0);
  auto done = imports().Confirm(consolidator_, preview->import.id, preview->import.version);
  ASSERT_TRUE(done.ok()) << Outcome(done);
  const TaskView first = Task(done->task_ids[0]);
  EXPECT_EQ(first.task.summary.title, "Kiểm tra cầu yếu");
  EXPECT_EQ(first.task.summary.lead_org.id, infrastructure_);
  ASSERT_EQ(first.task.cooperators.size(), 1u);
  EXPECT_EQ(first.task.cooperators[0].id, office_);
  EXPECT_EQ(first.task.summary.deadline, Day("2024-09-30"));
  const TaskView second = Task(done->task_ids[1]);
  EXPECT_EQ(second.task.summary.lead_org.id, infrastructure_) << "the lead merged down its rows";
  EXPECT_EQ(second.task.summary.deadline, Day("2024-10-31"));
}

TEST_P(ImportTest, RefusesFilesItCannotReadWithTheReasonAndKeepsNone) {
  EXPECT_EQ(Outcome(Start("PK\x03\x04 not really a zip")), "file_broken_zip");
  EXPECT_EQ(
      Outcome(Start(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))),
      "file_legacy_xls");
  EXPECT_EQ(Outcome(Start(std::string("\x89PNG\r\n\x1a\n\0\0", 10))), "file_not_spreadsheet");
  EXPECT_EQ(Outcome(Start("STT;Nội dung\n1;\"never closed\n")), "file_unclosed_quote");
  // Excel's "Unicode text": UTF-16 with its byte order mark.
  EXPECT_EQ(Outcome(Start(std::string("\xFF\xFES\0T\0T\0", 8))), "file_not_utf8");
  auto bounded = ImportService(*ctx_, [] {
    sheets::Limits limits;
    limits.rows = 10;
    return limits;
  }());
  std::string long_program = "STT;Nội dung nhiệm vụ;Đơn vị chủ trì\n";
  for (int i = 1; i <= 20; ++i) long_program += std::to_string(i) + ";Việc;VP\n";
  auto refused = bounded.Start(consolidator_, {source_, "dai.csv", long_program, 0}, {});
  EXPECT_EQ(Outcome(refused), "file_too_many_rows");
  EXPECT_FALSE(refused.error().detail.empty());
  auto list = imports().List(consolidator_, source_);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

TEST_P(ImportTest, AnEmptySheetOrOneWithoutTasksWritesNothing) {
  auto empty = Start("\n\n");
  ASSERT_TRUE(empty.ok()) << Outcome(empty);
  EXPECT_EQ(empty->problems, std::vector<std::string>{"no_header"});
  EXPECT_EQ(Outcome(imports().Confirm(consolidator_, empty->import.id, empty->import.version)),
            "validation_failed file:no_header");
  auto headings = Start("STT;Nội dung nhiệm vụ;Đơn vị chủ trì\nI;LĨNH VỰC GIAO THÔNG;\n");
  ASSERT_TRUE(headings.ok()) << Outcome(headings);
  EXPECT_EQ(headings->problems, std::vector<std::string>{"no_rows"});
  EXPECT_EQ(
      Outcome(imports().Confirm(consolidator_, headings->import.id, headings->import.version)),
      "validation_failed file:no_rows");
  EXPECT_EQ(TaskCount(), 0);
}

TEST_P(ImportTest, IsThePlanningDivisionsAndLeadersWorkWithinTheirAgency) {
  EXPECT_EQ(Outcome(Start(kProgram, &specialist_)), "forbidden");
  EXPECT_EQ(Outcome(Start(kProgram, &head_)), "forbidden");
  auto preview = Start(kProgram, &leader_);
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(Outcome(imports().Preview(district_leader_, preview->import.id, {})), "not_found");
  EXPECT_EQ(Outcome(imports().Confirm(district_leader_, preview->import.id, 1)), "not_found");
  EXPECT_EQ(Outcome(imports().Preview(viewer_, preview->import.id, {})), "not_found");
  auto other_source = imports().Start(district_leader_, {source_, "x.csv", kProgram, 0}, {});
  EXPECT_EQ(Outcome(other_source), "not_found");
}

TEST_P(ImportTest, PagesThePreviewAndCountsEveryRow) {
  std::string program = "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n";
  for (int i = 1; i <= 250; ++i)
    program += std::to_string(i) + ";Việc số " + std::to_string(i) + ";VP;Tháng 12/2024\n";
  auto preview = imports().Start(consolidator_, {source_, "p.csv", program, 0}, {3, 100, false});
  ASSERT_TRUE(preview.ok()) << Outcome(preview);
  EXPECT_EQ(preview->counts.tasks, 250);
  EXPECT_EQ(preview->rows.total, 250);
  ASSERT_EQ(preview->rows.items.size(), 50u);
  EXPECT_EQ(preview->rows.items[0].title, "Việc số 201");
}

INSTANTIATE_TEST_SUITE_P(Dialects, ImportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
