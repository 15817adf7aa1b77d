#include "documents/task_list_xlsx.h"

#include <gtest/gtest.h>

namespace giaoban::documents {
namespace {

service::TaskSummary Task(std::string title, domain::Status status) {
  service::TaskSummary t;
  t.id = 1;
  t.title = std::move(title);
  t.source_kind = domain::SourceKind::kAdHoc;
  t.lead_org = {3, "Phòng Kế hoạch – Tài chính"};
  t.assigned_on = *domain::Date::FromYmd(2024, 1, 10);
  t.status = status;
  return t;
}

bool IsZip(const std::string& bytes) {
  return bytes.size() > 4 && bytes.compare(0, 4, "PK\3\4") == 0;
}

// The workbook's content is checked through the API (tests/api/test_export.py), where the sheet
// XML is read back; here, the edge cases a renderer must survive.
TEST(TaskListXlsxTest, WritesAWorkbookForEmptyFullAndCutShortLists) {
  TaskListSheet empty{*domain::Date::FromYmd(2024, 6, 30), 0, {}};
  EXPECT_TRUE(IsZip(RenderTaskListXlsx(empty, messages::Language::kVietnamese)));

  TaskListSheet sheet{*domain::Date::FromYmd(2024, 6, 30), 5, {}};
  auto overdue = Task("Sửa cầu Trà Khúc \"gấp\" <ngay> & luôn", domain::Status::kOverdue);
  overdue.deadline = *domain::Date::FromYmd(2024, 3, 31);
  overdue.deadline_in_force = overdue.deadline;
  overdue.leader = service::NamedRef{9, "Nguyễn Văn Đình"};
  auto ongoing = Task("Thường xuyên", domain::Status::kInProgress);
  auto labelled = Task("Quý III", domain::Status::kCompletedLate);
  labelled.deadline_label = "Quý III/2024";
  labelled.completed_on = *domain::Date::FromYmd(2024, 10, 2);
  labelled.extended = true;
  sheet.rows = {overdue, ongoing, labelled};
  const std::string vi = RenderTaskListXlsx(sheet, messages::Language::kVietnamese);
  const std::string en = RenderTaskListXlsx(sheet, messages::Language::kEnglish);
  EXPECT_TRUE(IsZip(vi));
  EXPECT_TRUE(IsZip(en));
  EXPECT_NE(vi, en);
}

}  // namespace
}  // namespace giaoban::documents
