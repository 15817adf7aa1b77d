// Issuing the consolidated report, on both databases: the register's numbers (consecutive, from
// 01 each year, none used twice, also when many issue at once), the frozen report and its files,
// replacements, and the consolidating division's text.
#include "service/reports/issued_reports.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "service/reports/consolidated_report.h"
#include "service/reports/png_testing.h"
#include "service/reports/report_settings.h"
#include "service/tasks/attachment_digest.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"
#include "storage/migrations.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

// Files whose bytes say what they were drawn from: the number, the date, the signer, the figures
// and the images' digests, so that a test sees whether a stored file still matches what was
// issued.
class EchoRenderer final : public IssuedReportRenderer {
 public:
  std::vector<RenderedFile> Render(const IssuedReport& r, const ReportSettings&,
                                   const DocumentImages& images) const override {
    std::string text = r.summary.number_text + " " + r.summary.issued_on.Iso() + " " +
                       r.summary.signer.full_name + " " + r.report.totals.DueCompletedRatio() +
                       " " + r.report.prose.highlights;
    if (!images.signature_png.empty()) text += " signature " + Sha256Hex(images.signature_png);
    if (!images.seal_png.empty()) text += " seal " + Sha256Hex(images.seal_png);
    return {{"pdf", "application/pdf", "%PDF " + text}, {"docx", "application/zip", "PK " + text}};
  }
};

class IssuedReportTest : public AgencyFixture {
 protected:
  void SetUp() override {
    AgencyFixture::SetUp();
    if (IsSkipped()) return;
    ASSERT_EQ(Outcome(ReportSettingsService(*ctx_).Update(admin_, 0, SettingsInput())), "ok");
  }

  // The agency's settings: the Director signs.
  ReportSettingsInput SettingsInput() {
    ReportSettingsInput in;
    in.period_convention = "calendar_month";
    in.due_working_days = 5;
    in.consolidating_org_id = planning_;
    in.agency_code = "SGTVT";
    in.place_name = "Quảng Ngãi";
    in.parent_line = "UBND TỈNH QUẢNG NGÃI";
    in.agency_line = "SỞ GIAO THÔNG VẬN TẢI";
    in.recipients = {"Lưu: VT, KHTC."};
    in.document_types = {{"Báo cáo", "BC"}};
    in.signers = {{leader_.person_id, "", "GIÁM ĐỐC"}};
    return in;
  }

  IssuedReportService issued(const Context& ctx) { return IssuedReportService(ctx, renderer_); }
  IssuedReportService issued() { return issued(*ctx_); }

  Expected<IssuedReport> Issue(const char* period, std::optional<Id> replaces = std::nullopt,
                               const Actor* by = nullptr) {
    return issued().Issue(by ? *by : consolidator_, {period, leader_.person_id, replaces});
  }

  Id NewTask(const char* title, const char* assigned, const char* due) {
    TaskInput in;
    in.source_id = source_;
    in.title = title;
    in.lead_org_id = infrastructure_;
    in.assigned_on = Day(assigned);
    in.deadline = Day(due);
    auto view = TaskService(*ctx_).Create(leader_, in);
    EXPECT_EQ(Outcome(view), "ok");
    return view.ok() ? view->task.summary.id : 0;
  }

  EchoRenderer renderer_;
};

TEST_P(IssuedReportTest, NumbersFollowTheRegisterFrom01) {
  auto may = Issue("2024-05");
  ASSERT_EQ(Outcome(may), "ok");
  EXPECT_EQ(may->summary.number, 1);
  EXPECT_EQ(may->summary.number_text, "01/BC-SGTVT");
  EXPECT_EQ(may->summary.issued_on, today());
  EXPECT_EQ(may->summary.signer.full_name, "Nguyễn Văn Đình");
  EXPECT_EQ(may->summary.issued_by.id, consolidator_.user_id);
  EXPECT_EQ(may->summary.formats, (std::vector<std::string>{"docx", "pdf"}));

  auto q1 = Issue("2024-Q1", std::nullopt, &leader_);
  ASSERT_EQ(Outcome(q1), "ok");
  EXPECT_EQ(q1->summary.number_text, "02/BC-SGTVT");

  // The first report issued in the next year starts the register again.
  Settings next_year;
  next_year.today = Day("2025-01-06");
  const Context ctx(*db_, next_year);
  auto december = issued(ctx).Issue(consolidator_, {"2024-12", leader_.person_id, std::nullopt});
  ASSERT_EQ(Outcome(december), "ok");
  EXPECT_EQ(december->summary.number_text, "01/BC-SGTVT");

  auto list = issued().List(viewer_, 2024);
  ASSERT_EQ(Outcome(list), "ok");
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->front().number, 2);  // newest first
  EXPECT_EQ(Outcome(issued().List(viewer_, std::nullopt)), "ok");
  EXPECT_EQ(issued().List(viewer_, std::nullopt)->size(), 3u);
}

TEST_P(IssuedReportTest, AnIssuedReportNeverChangesWhileThePreviewFollowsTheTasks) {
  const Id task = NewTask("Sửa cầu Trà Khúc", "2024-03-01", "2024-05-20");
  auto issued_may = Issue("2024-05");
  ASSERT_EQ(Outcome(issued_may), "ok");
  EXPECT_EQ(issued_may->report.totals.DueCompletedRatio(), "00/01");
  ASSERT_EQ(issued_may->report.overdue.size(), 1u);
  auto pdf = issued().File(viewer_, issued_may->summary.id, "pdf");
  ASSERT_EQ(Outcome(pdf), "ok");
  EXPECT_EQ(pdf->bytes, "%PDF 01/BC-SGTVT 2024-06-28 Nguyễn Văn Đình 00/01 ");
  EXPECT_EQ(pdf->content_type, "application/pdf");
  EXPECT_EQ(pdf->file_name, "bao-cao-2024-05-so-01.pdf");

  ASSERT_EQ(Outcome(TaskService(*ctx_).Complete(leader_, task,
                                                {Day("2024-05-19"), "", std::nullopt, ""})),
            "ok");
  auto preview = ConsolidatedReportService(*ctx_).Preview(viewer_, "2024-05");
  ASSERT_EQ(Outcome(preview), "ok");
  EXPECT_EQ(preview->totals.DueCompletedRatio(), "01/01");

  auto again = issued().Get(viewer_, issued_may->summary.id);
  ASSERT_EQ(Outcome(again), "ok");
  EXPECT_EQ(again->report.totals, issued_may->report.totals);
  EXPECT_EQ(again->report.overdue.size(), 1u);
  EXPECT_EQ(again->report.overdue.front().title, "Sửa cầu Trà Khúc");
  EXPECT_EQ(issued().File(viewer_, issued_may->summary.id, "pdf")->bytes, pdf->bytes);
  EXPECT_EQ(issued().File(viewer_, issued_may->summary.id, "pdf")->sha256, pdf->sha256);
}

TEST_P(IssuedReportTest, TheDocumentsCarryTheImagesSetWhenTheReportIsIssued) {
  ReportSettingsService settings(*ctx_);
  const ImageSlot signature = ImageSlot::SignatureOf(leader_.person_id);
  const std::string stroke = png_testing::BlueStroke(), ring = png_testing::RedRing();
  ASSERT_EQ(Outcome(settings.SetImage(admin_, signature, stroke)), "ok");
  ASSERT_EQ(Outcome(settings.SetImage(admin_, ImageSlot::Seal(), ring)), "ok");
  auto first = Issue("2024-05");
  ASSERT_EQ(Outcome(first), "ok");
  const std::string carried = "%PDF 01/BC-SGTVT 2024-06-28 Nguyễn Văn Đình 00/00  signature " +
                              Sha256Hex(stroke) + " seal " + Sha256Hex(ring);
  EXPECT_EQ(issued().File(viewer_, first->summary.id, "pdf")->bytes, carried);
  // The report says which signature it carries, as it says who signed.
  ASSERT_TRUE(first->summary.signer.signature);
  EXPECT_EQ(first->summary.signer.signature->sha256, Sha256Hex(stroke));

  // Changed images reach the reports issued afterwards only.
  const std::string other_stroke = png_testing::BlueStroke(200, 80);
  ASSERT_EQ(Outcome(settings.SetImage(admin_, signature, other_stroke)), "ok");
  ASSERT_EQ(Outcome(settings.RemoveImage(admin_, ImageSlot::Seal())), "ok");
  EXPECT_EQ(issued().File(viewer_, first->summary.id, "pdf")->bytes, carried);
  EXPECT_EQ(issued().Get(viewer_, first->summary.id)->summary.signer.signature->sha256,
            Sha256Hex(stroke));
  auto second = Issue("2024-05", first->summary.id);
  ASSERT_EQ(Outcome(second), "ok");
  EXPECT_EQ(
      issued().File(viewer_, second->summary.id, "pdf")->bytes,
      "%PDF 02/BC-SGTVT 2024-06-28 Nguyễn Văn Đình 00/00  signature " + Sha256Hex(other_stroke));

  // Without images, none.
  ASSERT_EQ(Outcome(settings.RemoveImage(admin_, signature)), "ok");
  auto april = Issue("2024-04");
  ASSERT_EQ(Outcome(april), "ok");
  EXPECT_FALSE(april->summary.signer.signature);
  EXPECT_EQ(issued().File(viewer_, april->summary.id, "pdf")->bytes.find("signature"),
            std::string::npos);
}

// What the register's list shows of each report, a line each.
std::vector<std::string> Register(const std::vector<IssuedReportSummary>& list) {
  std::vector<std::string> out;
  for (const IssuedReportSummary& s : list) {
    const ReportSigner& g = s.signer;
    std::string line = std::to_string(s.id) + " " + s.period + " " + s.number_text + " " +
                       s.issued_on.Iso() + " | " + std::to_string(g.person_id) + " " + g.full_name +
                       " / " + g.authority + " / " + g.title + " / ";
    line += g.signature ? g.signature->sha256 + " " + std::to_string(g.signature->width) + "x" +
                              std::to_string(g.signature->height)
                        : "no signature";
    line += " | " + std::to_string(s.issued_by.id) + " " + s.issued_by.name + " | ";
    line += (s.replaces ? s.replaces->number_text : "-") + " " +
            (s.replaced_by ? s.replaced_by->number_text : "-") + " |";
    for (const std::string& f : s.formats) line += " " + f;
    out.push_back(std::move(line));
  }
  return out;
}

// Three reports: May's signed by the Director with his signature image, replaced by another;
// April's signed by the deputy, "KT. GIÁM ĐỐC", without one.
class IssuedRegisterTest : public IssuedReportTest {
 protected:
  void SetUp() override {
    IssuedReportTest::SetUp();
    if (IsSkipped()) return;
    ReportSettingsService settings(*ctx_);
    ReportSettingsInput in = SettingsInput();
    in.signers.push_back({head_.person_id, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
    ASSERT_EQ(Outcome(settings.Update(admin_, 1, in)), "ok");
    stroke_ = png_testing::BlueStroke(150, 70);
    ASSERT_EQ(
        Outcome(settings.SetImage(admin_, ImageSlot::SignatureOf(leader_.person_id), stroke_)),
        "ok");
    auto may = Issue("2024-05");
    ASSERT_EQ(Outcome(may), "ok");
    ASSERT_EQ(Outcome(Issue("2024-05", may->summary.id)), "ok");
    ASSERT_EQ(Outcome(issued().Issue(consolidator_, {"2024-04", head_.person_id, std::nullopt})),
              "ok");
    may_ = may->summary.id;
  }

  std::vector<std::string> Listed() {
    auto list = issued().List(viewer_, std::nullopt);
    EXPECT_EQ(Outcome(list), "ok");
    return list.ok() ? Register(*list) : std::vector<std::string>{};
  }

  std::string stroke_;
  Id may_ = 0;
};

TEST_P(IssuedRegisterTest, TheListShowsEachSignerAsPrintedWithoutReadingTheReports) {
  const std::vector<std::string> listed = Listed();
  ASSERT_EQ(listed.size(), 3u);
  const std::string director = std::to_string(leader_.person_id) +
                               " Nguyễn Văn Đình /  / GIÁM ĐỐC / " + Sha256Hex(stroke_) + " 150x70";
  const std::string deputy =
      std::to_string(head_.person_id) + " Lê Văn Hùng / KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / no signature";
  EXPECT_NE(listed[0].find("03/BC-SGTVT"), std::string::npos) << listed[0];
  EXPECT_NE(listed[0].find(deputy), std::string::npos) << listed[0];
  EXPECT_NE(listed[1].find("02/BC-SGTVT"), std::string::npos) << listed[1];
  EXPECT_NE(listed[1].find(director), std::string::npos) << listed[1];
  EXPECT_NE(listed[2].find(director), std::string::npos) << listed[2];
  // Each report shown alone says the same of itself.
  const auto list = issued().List(viewer_, std::nullopt);
  ASSERT_EQ(Outcome(list), "ok");
  for (const IssuedReportSummary& item : *list) {
    auto one = issued().Get(viewer_, item.id);
    ASSERT_EQ(Outcome(one), "ok");
    EXPECT_EQ(Register({one->summary}), Register({item}));
  }

  // A later change of the person's name or of the settings reaches no issued report.
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE people SET full_name = 'Nguyễn Văn Mới' WHERE id = $1",
              {storage::Param(leader_.person_id)});
  });
  EXPECT_EQ(Outcome(ReportSettingsService(*ctx_).Update(admin_, 2, SettingsInput())), "ok");
  EXPECT_EQ(Listed(), listed);

  // The reports' models, which hold everything else, are not read for the list: with them made
  // unreadable, the list is the same, while a report shown alone cannot be.
  db_->transact(storage::TransactionMode::kWrite, [](storage::Connection& c) {
    c.execute("UPDATE issued_reports SET model = 'not a stored report'");
  });
  EXPECT_EQ(Listed(), listed);
  EXPECT_THROW(issued().Get(viewer_, may_), std::runtime_error);
}

// Reports issued before the signer had columns of their own are given theirs, from their models,
// by the migration that adds them.
TEST_P(IssuedRegisterTest, TheMigrationGivesReportsIssuedBeforeItTheirSigner) {
  const std::vector<std::string> listed = Listed();
  ASSERT_EQ(listed.size(), 3u);
  const char* migration = "0022_issued_report_signers";
  // The database as it stood before the migration, with these reports in it.
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    for (const char* column : {"signer_name", "signer_authority", "signer_title",
                               "signature_sha256", "signature_width", "signature_height"}) {
      c.execute("ALTER TABLE issued_reports DROP COLUMN " + std::string(column));
    }
    c.execute("DELETE FROM schema_migrations WHERE name = $1", {storage::Param(migration)});
  });
  EXPECT_EQ(storage::Migrate(*db_).applied, std::vector<std::string>{migration});
  EXPECT_EQ(Listed(), listed);
}

INSTANTIATE_TEST_SUITE_P(Dialects, IssuedRegisterTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(IssuedReportTest, AWrongReportIsReplacedAndBothStayReadable) {
  auto first = Issue("2024-05");
  ASSERT_EQ(Outcome(first), "ok");
  EXPECT_EQ(Outcome(Issue("2024-05")), "report_already_issued");

  auto second = Issue("2024-05", first->summary.id);
  ASSERT_EQ(Outcome(second), "ok");
  EXPECT_EQ(second->summary.number_text, "02/BC-SGTVT");
  ASSERT_TRUE(second->summary.replaces);
  EXPECT_EQ(second->summary.replaces->number_text, "01/BC-SGTVT");

  auto old = issued().Get(viewer_, first->summary.id);
  ASSERT_EQ(Outcome(old), "ok");
  ASSERT_TRUE(old->summary.replaced_by);
  EXPECT_EQ(old->summary.replaced_by->id, second->summary.id);
  // Only the report in force can be replaced, and only by a report of its period.
  EXPECT_EQ(Outcome(Issue("2024-05", first->summary.id)), "report_already_replaced");
  EXPECT_EQ(Outcome(Issue("2024-04", second->summary.id)),
            "validation_failed replaces_id:not_found");
  // A refused issue gave its number back.
  auto april = Issue("2024-04");
  ASSERT_EQ(Outcome(april), "ok");
  EXPECT_EQ(april->summary.number, 3);
}

TEST_P(IssuedReportTest, OnlyTheConsolidatorOrALeaderIssuesWithAKnownSigner) {
  EXPECT_EQ(Outcome(Issue("2024-05", std::nullopt, &head_)), "forbidden");
  EXPECT_EQ(Outcome(Issue("2024-05", std::nullopt, &admin_)), "forbidden");
  EXPECT_EQ(Outcome(issued().Issue(consolidator_, {"2024-05", head_.person_id, std::nullopt})),
            "validation_failed signer_person_id:not_found");
  EXPECT_EQ(Outcome(Issue("2024-13")), "validation_failed period:invalid");
  EXPECT_EQ(Outcome(Issue("2024-08")), "validation_failed period:not_started");

  auto may = Issue("2024-05");
  ASSERT_EQ(Outcome(may), "ok");
  EXPECT_EQ(Outcome(issued().Get(district_leader_, may->summary.id)), "not_found");
  EXPECT_EQ(Outcome(issued().File(district_leader_, may->summary.id, "pdf")), "not_found");
  EXPECT_EQ(Outcome(issued().File(viewer_, may->summary.id, "xls")), "not_found");
  EXPECT_TRUE(issued().List(district_leader_, std::nullopt)->empty());
}

TEST_P(IssuedReportTest, ManyIssuingAtOnceGetConsecutiveNumbers) {
  // Twenty periods issued from four threads at once, each its own transaction.
  std::vector<std::string> periods;
  for (int m = 1; m <= 12; ++m)
    periods.push_back("2023-" + std::string(m < 10 ? "0" : "") + std::to_string(m));
  for (int m = 1; m <= 5; ++m) periods.push_back("2024-0" + std::to_string(m));
  for (const char* p : {"2023-Q1", "2023-Q2", "2023-Q3"}) periods.push_back(p);
  ASSERT_EQ(periods.size(), 20u);
  std::vector<int> numbers(periods.size(), 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < periods.size(); i += 4) {
        auto r = issued().Issue(consolidator_, {periods[i], leader_.person_id, std::nullopt});
        numbers[i] = r.ok() ? r->summary.number : -1;
      }
    });
  }
  for (auto& t : threads) t.join();
  std::sort(numbers.begin(), numbers.end());
  for (int i = 0; i < 20; ++i) EXPECT_EQ(numbers[static_cast<std::size_t>(i)], i + 1);
}

TEST_P(IssuedReportTest, TheDivisionsTextIsSavedAndIssued) {
  ConsolidatedReportService reports(*ctx_);
  auto before = reports.Preview(consolidator_, "2024-05");
  ASSERT_EQ(Outcome(before), "ok");
  EXPECT_EQ(before->draft_version, 0);

  UnitReportProse prose;
  prose.highlights = "Hoàn thành sửa chữa 12 cầu yếu.";
  EXPECT_EQ(Outcome(reports.SaveDraft(head_, "2024-05", 0, prose)), "forbidden");
  auto saved = reports.SaveDraft(consolidator_, "2024-05", 0, prose);
  ASSERT_EQ(Outcome(saved), "ok");
  EXPECT_EQ(saved->draft_version, 1);
  EXPECT_EQ(saved->prose.highlights, prose.highlights);
  EXPECT_EQ(Outcome(reports.SaveDraft(consolidator_, "2024-05", 0, prose)), "precondition_failed");
  prose.difficulties = std::string(60'000, 'x');
  EXPECT_EQ(Outcome(reports.SaveDraft(consolidator_, "2024-05", 1, prose)),
            "validation_failed difficulties:too_long");
  prose.difficulties = "Thiếu vốn.";
  ASSERT_EQ(Outcome(reports.SaveDraft(leader_, "2024-05", 1, prose)), "ok");
  EXPECT_EQ(reports.Preview(viewer_, "2024-05")->prose.difficulties, "Thiếu vốn.");
  EXPECT_EQ(reports.Preview(viewer_, "2024-04")->draft_version, 0);

  auto may = Issue("2024-05");
  ASSERT_EQ(Outcome(may), "ok");
  EXPECT_EQ(may->report.prose.highlights, "Hoàn thành sửa chữa 12 cầu yếu.");
  EXPECT_EQ(issued().File(viewer_, may->summary.id, "docx")->bytes,
            "PK 01/BC-SGTVT 2024-06-28 Nguyễn Văn Đình 00/00 Hoàn thành sửa chữa 12 cầu yếu.");
}

TEST_P(IssuedReportTest, TheComparisonSaysWhatChangedSinceThePreviousReport) {
  const Id late = NewTask("Sửa cầu Trà Khúc", "2024-03-01", "2024-05-20");
  auto may = Issue("2024-05");
  ASSERT_EQ(Outcome(may), "ok");
  auto first = issued().Compare(viewer_, may->summary.id);
  ASSERT_EQ(Outcome(first), "ok");
  EXPECT_FALSE(first->previous);  // the first monthly report: everything is new
  ASSERT_EQ(first->newly_overdue.size(), 1u);

  // In June the overdue task is completed, one task is assigned and falls overdue.
  ASSERT_EQ(Outcome(TaskService(*ctx_).Complete(leader_, late,
                                                {Day("2024-06-03"), "", std::nullopt, ""})),
            "ok");
  NewTask("Lập quy hoạch bến xe", "2024-06-03", "2024-06-20");
  auto june = Issue("2024-06");
  ASSERT_EQ(Outcome(june), "ok");
  auto changes = issued().Compare(viewer_, june->summary.id);
  ASSERT_EQ(Outcome(changes), "ok");
  ASSERT_TRUE(changes->previous);
  EXPECT_EQ(changes->previous->id, may->summary.id);
  EXPECT_EQ(changes->previous_period, "2024-05");
  ASSERT_FALSE(changes->figures.empty());
  EXPECT_EQ(changes->figures.front().key, "total");
  EXPECT_EQ(changes->figures.front().before.overdue, 1);
  EXPECT_EQ(changes->figures.front().after.overdue, 1);
  EXPECT_EQ(changes->figures.front().after.due_completed, 1);
  auto titles = [](const std::vector<ReportTask>& tasks) {
    std::vector<std::string> out;
    for (const auto& t : tasks) out.push_back(t.title);
    return out;
  };
  EXPECT_EQ(titles(changes->newly_overdue), std::vector<std::string>{"Lập quy hoạch bến xe"});
  EXPECT_EQ(titles(changes->no_longer_overdue), std::vector<std::string>{"Sửa cầu Trà Khúc"});
  EXPECT_EQ(titles(changes->newly_completed), std::vector<std::string>{"Sửa cầu Trà Khúc"});
  EXPECT_EQ(titles(changes->new_tasks), std::vector<std::string>{"Lập quy hoạch bến xe"});

  // A replacement is compared with the report it replaces.
  auto again = Issue("2024-06", june->summary.id);
  ASSERT_EQ(Outcome(again), "ok");
  auto replaced = issued().Compare(viewer_, again->summary.id);
  ASSERT_EQ(Outcome(replaced), "ok");
  EXPECT_EQ(replaced->previous->id, june->summary.id);
  EXPECT_TRUE(replaced->newly_overdue.empty());
  EXPECT_TRUE(replaced->new_tasks.empty());
  EXPECT_EQ(Outcome(issued().Compare(district_leader_, june->summary.id)), "not_found");
}

TEST_P(IssuedReportTest, TheComparisonNamesTheDaysNeitherReportCounted) {
  // June's report is issued on 28/06, before June ends; July's is issued in August. What happens
  // on 29 and 30 June is in neither: a task completed on 29/06 is not newly completed in July's.
  const Id task = NewTask("Sửa cầu Trà Khúc", "2024-03-01", "2024-07-20");
  auto june = Issue("2024-06");
  ASSERT_EQ(Outcome(june), "ok");
  EXPECT_TRUE(june->report.period_running);
  Settings august;
  august.today = Day("2024-08-05");
  const Context later(*db_, august);
  ASSERT_EQ(Outcome(TaskService(later).Complete(leader_, task,
                                                {Day("2024-06-29"), "", std::nullopt, ""})),
            "ok");
  auto july = issued(later).Issue(consolidator_, {"2024-07", leader_.person_id, std::nullopt});
  ASSERT_EQ(Outcome(july), "ok");
  auto changes = issued(later).Compare(viewer_, july->summary.id);
  ASSERT_EQ(Outcome(changes), "ok");
  ASSERT_TRUE(changes->previous);
  EXPECT_EQ(changes->previous->id, june->summary.id);
  EXPECT_TRUE(changes->newly_completed.empty());
  EXPECT_EQ(changes->uncovered_from, Day("2024-06-29"));
  EXPECT_EQ(changes->uncovered_to, Day("2024-06-30"));

  // A report made after its period ended leaves no such days.
  Settings september;
  september.today = Day("2024-09-03");
  const Context after(*db_, september);
  auto august_report =
      issued(after).Issue(consolidator_, {"2024-08", leader_.person_id, std::nullopt});
  ASSERT_EQ(Outcome(august_report), "ok");
  auto next = issued(after).Compare(viewer_, august_report->summary.id);
  ASSERT_EQ(Outcome(next), "ok");
  EXPECT_EQ(next->previous->id, july->summary.id);
  EXPECT_FALSE(next->uncovered_from);
  EXPECT_FALSE(next->uncovered_to);
}

INSTANTIATE_TEST_SUITE_P(Dialects, IssuedReportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
