// A source's program written back to a workbook imports again to the same tasks: text, units,
// deadlines as written, leaders, key flags, subtasks, headings, numbers and notes.
#include "documents/program_xlsx.h"

#include <gtest/gtest.h>

#include "documents/official/sample_document_test_util.h"
#include "service/imports/imports.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"
#include "sheets/xlsx_reader.h"

namespace giaoban::documents {
namespace {

using service::test_support::AgencyFixture;
using service::test_support::Outcome;

class ProgramRoundTrip : public AgencyFixture {
 protected:
  // Imports `content` into `source` and confirms it; the tasks written.
  std::vector<service::Id> Import(service::Id source, const std::string& name,
                                  const std::string& content,
                                  service::GroupsAs groups_as = service::GroupsAs::kLabels) {
    service::ImportService imports(*ctx_);
    auto preview = imports.Start(consolidator_, {source, name, content, 0}, {});
    EXPECT_TRUE(preview.ok()) << Outcome(preview);
    if (!preview.ok()) return {};
    if (groups_as == service::GroupsAs::kParents) {
      service::ImportChoicesPatch patch;
      patch.groups_as = groups_as;
      preview =
          imports.Choose(consolidator_, preview->import.id, preview->import.version, patch, {});
      EXPECT_TRUE(preview.ok()) << Outcome(preview);
      if (!preview.ok()) return {};
    }
    EXPECT_EQ(preview->counts.with_errors, 0);
    auto done = imports.Confirm(consolidator_, preview->import.id, preview->import.version);
    EXPECT_TRUE(done.ok()) << Outcome(done);
    return done.ok() ? done->task_ids : std::vector<service::Id>{};
  }

  service::Id NewSource(const char* title) {
    auto source = service::SourceService(*ctx_).Create(
        leader_, {"key_program", title, "", std::nullopt, "Sở GTVT", ""});
    EXPECT_TRUE(source.ok()) << Outcome(source);
    return source->id;
  }
};

// Everything a task takes from its row, subtasks by their place among the tasks.
std::string Described(const service::TaskView& v, const std::vector<service::Id>& ids) {
  const auto& t = v.task;
  std::string out = t.summary.title + " | " + t.content + " | " + t.summary.lead_org.name + " |";
  for (const auto& c : t.cooperators) out += " " + c.name + ";";
  out += " | " + (t.summary.deadline ? t.summary.deadline->Iso() : "-") + " " +
         t.summary.deadline_label + " | " + t.product + " | " +
         (t.summary.leader ? t.summary.leader->name : "-") + " | " +
         (t.summary.is_key ? "key" : "") + " | parent ";
  if (t.parent_id) {
    const auto at = std::find(ids.begin(), ids.end(), *t.parent_id);
    out += std::to_string(at - ids.begin());
  }
  return out;
}

TEST_P(ProgramRoundTrip, AProgramWrittenBackImportsToTheSameTasks) {
  std::string long_text;
  while (long_text.size() < 1200) long_text += "Triển khai đồng bộ các giải pháp bảo đảm an toàn. ";
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian hoàn thành;Sản phẩm;Ghi "
      "chú;Lãnh đạo phụ trách;Trọng tâm\n"
      "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;;;;;;\n"
      "1;Sửa chữa cầu Trà Khúc;Phòng QLKCHT;P. KHTC, VP;Quý III/2024;Báo cáo;Vốn sự nghiệp;"
      "Nguyễn Văn Đình;x\n"
      "1.1;Khảo sát hiện trạng;QLKCHT;;15/8/2024;;;;\n"
      "2;" +
      long_text +
      ";KHTC;;Tháng 12/2024;Tờ trình;;;\n"
      "II;LĨNH VỰC HÀNH CHÍNH;;;;;;;\n"
      "1;Cải cách thủ tục hành chính;Văn phòng Sở;Tổ đường bộ, Sở Tài chính;Thường xuyên;;Hằng "
      "quý báo cáo;;x\n"
      "2;Tổng kết năm;VP;;6 tháng cuối năm;Báo cáo;;Trần Thị Hoa;\n";
  const std::vector<service::Id> first = Import(source_, "ct.csv", program);
  ASSERT_EQ(first.size(), 5u);

  service::ImportService imports(*ctx_);
  auto written = imports.Program(consolidator_, source_);
  ASSERT_TRUE(written.ok()) << Outcome(written);
  const ExportedFile file = ProgramWorkbook(*written);
  EXPECT_EQ(file.file_name, "chuong-trinh-15-CTr-SGTVT.xlsx");
  ASSERT_TRUE(sheets::ReadWholeXlsx(file.bytes).ok());

  const service::Id copy = NewSource("Bản sao chương trình");
  const std::vector<service::Id> second = Import(copy, file.file_name, file.bytes);
  ASSERT_EQ(second.size(), first.size());
  service::TaskService tasks(*ctx_);
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(Described(*tasks.Get(leader_, second[i]), second),
              Described(*tasks.Get(leader_, first[i]), first));
  }
  // The rows' numbers, headings and notes come back too: the copy writes the same program.
  auto again = imports.Program(consolidator_, copy);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->entries.size(), written->entries.size());
  for (std::size_t i = 0; i < written->entries.size(); ++i) {
    const auto& a = written->entries[i];
    const auto& b = again->entries[i];
    EXPECT_EQ(b.number, a.number);
    EXPECT_EQ(b.headings, a.headings);
    EXPECT_EQ(b.note, a.note);
    EXPECT_EQ(b.text, a.text);
    EXPECT_EQ(b.deadline_text, a.deadline_text);
  }
  // It prints as programs are printed: landscape on A4, one page wide, the header on every page.
  auto parts = document_testing::Unzip(file.bytes);
  const std::string& sheet = parts["xl/worksheets/sheet1.xml"].bytes;
  EXPECT_NE(sheet.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(sheet.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(sheet.find("fitToHeight=\"0\""), std::string::npos);
  EXPECT_NE(parts["xl/workbook.xml"].bytes.find("_xlnm.Print_Titles"), std::string::npos);
  EXPECT_EQ(written->entries[0].headings,
            (std::vector<service::ProgramHeading>{{"I", "LĨNH VỰC KẾT CẤU HẠ TẦNG"}}));
  EXPECT_EQ(written->entries[0].note, "Vốn sự nghiệp");
  EXPECT_EQ(written->entries[2].text, long_text.substr(0, long_text.size() - 1));
}

TEST_P(ProgramRoundTrip, HeadingsMadeParentTasksComeBackAsTheSameTasks) {
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n"
      "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;\n"
      "1;Sửa chữa cầu Trà Khúc;QLKCHT;Quý III/2024\n"
      "2;Khảo sát đường tỉnh;QLKCHT;Tháng 10/2024\n"
      "II;LĨNH VỰC HÀNH CHÍNH;;\n"
      "1;Cải cách thủ tục;VP;Năm 2024\n";
  const auto first = Import(source_, "ct.csv", program, service::GroupsAs::kParents);
  ASSERT_EQ(first.size(), 5u);
  service::ImportService imports(*ctx_);
  auto written = imports.Program(consolidator_, source_);
  ASSERT_TRUE(written.ok());
  ASSERT_EQ(written->entries.size(), 5u) << "each heading once, as the task it became";
  const service::Id copy = NewSource("Bản sao");
  const auto second = Import(copy, "ban-sao.xlsx", ProgramWorkbook(*written).bytes);
  ASSERT_EQ(second.size(), first.size());
  service::TaskService tasks(*ctx_);
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(Described(*tasks.Get(leader_, second[i]), second),
              Described(*tasks.Get(leader_, first[i]), first));
}

TEST_P(ProgramRoundTrip, TasksMadeByHandGoUnderTheirParentsAndAheadOfTheHeadings) {
  const std::string program =
      "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Thời gian hoàn thành\n"
      "I;LĨNH VỰC KẾT CẤU HẠ TẦNG;;\n"
      "1;Sửa chữa cầu Trà Khúc;QLKCHT;Quý III/2024\n";
  const std::vector<service::Id> imported = Import(source_, "ct.csv", program);
  ASSERT_EQ(imported.size(), 1u);
  service::TaskService tasks(*ctx_);
  service::TaskInput sub;
  sub.source_id = source_;
  sub.parent_id = std::optional<service::Id>(imported[0]);
  sub.title = "Lập hồ sơ thiết kế";
  sub.lead_org_id = infrastructure_;
  sub.deadline = std::optional<domain::Date>(Day("2024-08-31"));
  ASSERT_TRUE(tasks.Create(leader_, sub).ok());
  service::TaskInput own;
  own.source_id = source_;
  own.title = "Việc giao thêm";
  own.lead_org_id = office_;
  ASSERT_TRUE(tasks.Create(leader_, own).ok());

  service::ImportService imports(*ctx_);
  auto written = imports.Program(consolidator_, source_);
  ASSERT_TRUE(written.ok());
  ASSERT_EQ(written->entries.size(), 3u);
  EXPECT_EQ(written->entries[0].text, "Việc giao thêm");
  EXPECT_TRUE(written->entries[0].headings.empty());
  EXPECT_EQ(written->entries[1].number, "1");
  EXPECT_EQ(written->entries[2].number, "1.1");
  EXPECT_EQ(written->entries[2].deadline_date, Day("2024-08-31"));

  const service::Id copy = NewSource("Bản sao");
  const auto ids = Import(copy, "ban-sao.xlsx", ProgramWorkbook(*written).bytes);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(tasks.Get(leader_, ids[2])->task.parent_id, ids[1]);
  EXPECT_EQ(tasks.Get(leader_, ids[0])->task.parent_id, std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ProgramRoundTrip, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::documents
