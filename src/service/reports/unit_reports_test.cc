// Units' reports at the service's API, on both databases: what they list as of the period's end,
// the way from draft to accepted, the board and reminders.
#include "service/reports/unit_reports.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "service/notices/notices.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using domain::UnitReportStep;
using test_support::AgencyFixture;
using test_support::Outcome;

std::vector<std::string> Titles(const std::vector<ReportTask>& list) {
  std::vector<std::string> out;
  for (const auto& t : list) out.push_back(t.hidden ? "(hidden)" : t.title);
  return out;
}

std::vector<std::string> Actions(const UnitReport& r) {
  std::vector<std::string> out;
  for (const auto& e : r.history) out.push_back(e.action);
  return out;
}

class UnitReportTest : public AgencyFixture {
 protected:
  UnitReportService reports() { return UnitReportService(*ctx_); }
  TaskService tasks() { return TaskService(*ctx_); }

  Id NewTask(const char* title, Id lead, const char* assigned, std::optional<const char*> due,
             std::vector<Id> cooperators = {}, bool restricted = false) {
    TaskInput in;
    in.source_id = source_;
    in.title = title;
    in.lead_org_id = lead;
    in.cooperator_ids = cooperators;
    in.assigned_on = Day(assigned);
    in.deadline = due ? std::optional<Date>(Day(*due)) : std::nullopt;
    in.restricted = restricted;
    if (restricted) in.assignee_ids = std::vector<Id>{specialist_.person_id};
    auto view = tasks().Create(leader_, in);
    EXPECT_EQ(Outcome(view), "ok") << title;
    return view.ok() ? view->task.summary.id : 0;
  }

  void Complete(Id id, const char* on) {
    EXPECT_EQ(Outcome(tasks().Complete(leader_, id, {Day(on), "", std::nullopt, ""})), "ok");
  }

  void Note(Id id, const char* on, const char* body, std::optional<int> percent = std::nullopt) {
    EXPECT_EQ(Outcome(tasks().AddProgress(leader_, id, {Day(on), body, percent, {}})), "ok");
  }

  // The tasks of the infrastructure division around May 2024 (today is 28/06/2024).
  void MayTasks() {
    Complete(NewTask("A hoàn thành trong kỳ", infrastructure_, "2024-03-01", "2024-05-31"),
             "2024-05-20");
    const Id b = NewTask("B đến hạn chưa xong", infrastructure_, "2024-03-01", "2024-05-15");
    Note(b, "2024-05-10", "Đang chờ ý kiến các sở");
    Note(b, "2024-06-10", "Ghi sau kỳ báo cáo");
    const Id c = NewTask("C quá hạn từ trước", infrastructure_, "2024-02-01", "2024-04-30");
    auto asked = tasks().RequestExplanation(leader_, c, "Vì sao chậm?", Day("2024-05-02"));
    ASSERT_EQ(Outcome(asked), "ok");
    EXPECT_EQ(Outcome(tasks().AnswerExplanation(head_, c, asked->task.explanations.back().id,
                                                "Thiếu kinh phí", Day("2024-05-03"))),
              "ok");
    NewTask("D đến hạn kỳ tới", infrastructure_, "2024-05-02", "2024-06-15");
    const Id e = NewTask("E thường xuyên", infrastructure_, "2024-04-01", std::nullopt);
    Note(e, "2024-05-20", "Đã thực hiện một nửa", 50);
    Complete(NewTask("F của tổ", team_, "2024-03-01", "2024-05-31"), "2024-05-31");
    NewTask("G phối hợp", planning_, "2024-03-01", "2024-05-31", {infrastructure_});
    NewTask("H hạn chế", infrastructure_, "2024-05-03", "2024-06-20", {}, true);
  }
};

TEST_P(UnitReportTest, ItListsTheUnitsTasksAsTheyStoodAtThePeriodsEnd) {
  MayTasks();
  auto r = reports().Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(r), "ok");
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(r->state, "draft");
  EXPECT_EQ(r->period_start, Day("2024-05-01"));
  EXPECT_EQ(r->period_end, Day("2024-05-31"));
  EXPECT_EQ(r->due_on, Day("2024-06-05"));  // three working days after Friday 31/05

  EXPECT_EQ(Titles(r->lead.completed),
            (std::vector<std::string>{"A hoàn thành trong kỳ", "F của tổ"}));
  EXPECT_EQ(r->lead.completed[0].progress, 100);  // as recorded with its completion
  ASSERT_EQ(Titles(r->lead.not_completed), (std::vector<std::string>{"B đến hạn chưa xong"}));
  EXPECT_EQ(r->lead.not_completed[0].progress, 0);                     // its notes gave none
  EXPECT_EQ(r->lead.not_completed[0].note, "Đang chờ ý kiến các sở");  // not the June note
  EXPECT_EQ(r->lead.not_completed[0].note_on, Day("2024-05-10"));
  ASSERT_EQ(Titles(r->lead.overdue), (std::vector<std::string>{"C quá hạn từ trước"}));
  EXPECT_EQ(r->lead.overdue[0].note, "Thiếu kinh phí");
  EXPECT_EQ(r->lead.overdue[0].note_kind, "explanation");
  EXPECT_EQ(Titles(r->lead.due_next_period),
            (std::vector<std::string>{"D đến hạn kỳ tới", "H hạn chế"}));
  ASSERT_EQ(Titles(r->lead.ongoing), (std::vector<std::string>{"E thường xuyên"}));
  EXPECT_EQ(r->lead.ongoing[0].progress, 50);
  EXPECT_EQ(Titles(r->cooperating.not_completed), (std::vector<std::string>{"G phối hợp"}));

  EXPECT_EQ(r->figures.due, 4);
  EXPECT_EQ(r->figures.DueCompletedRatio(), "02/04");
  EXPECT_EQ(r->figures.overdue, 2);
  EXPECT_EQ(r->figures.ongoing, 1);

  // Someone the restricted task does not concern sees it counted, not what it is.
  auto seen = reports().Get(other_specialist_, r->id);
  ASSERT_EQ(Outcome(seen), "ok");
  EXPECT_EQ(Titles(seen->lead.due_next_period),
            (std::vector<std::string>{"D đến hạn kỳ tới", "(hidden)"}));
  EXPECT_TRUE(seen->lead.due_next_period[1].title.empty());
  EXPECT_FALSE(seen->actions.edit);
}

TEST_P(UnitReportTest, ACompletedTaskIsListedWithWhatItsCompletionSaid) {
  const Id done = NewTask("K hoàn thành có ghi chú", infrastructure_, "2024-03-01", "2024-05-31");
  Note(done, "2024-05-10", "Đang thi công");
  ASSERT_EQ(Outcome(tasks().Complete(leader_, done,
                                     {Day("2024-05-20"), "", std::nullopt, "Đã nghiệm thu"})),
            "ok");
  const Id quiet =
      NewTask("L hoàn thành không ghi chú", infrastructure_, "2024-03-01", "2024-05-31");
  Note(quiet, "2024-05-12", "Đang hoàn thiện hồ sơ");
  Complete(quiet, "2024-05-25");

  auto r = reports().Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(r), "ok");
  ASSERT_EQ(Titles(r->lead.completed),
            (std::vector<std::string>{"K hoàn thành có ghi chú", "L hoàn thành không ghi chú"}));
  EXPECT_EQ(r->lead.completed[0].note, "Đã nghiệm thu");
  EXPECT_EQ(r->lead.completed[0].note_kind, "completion");
  EXPECT_EQ(r->lead.completed[0].note_on, Day("2024-05-20"));
  EXPECT_EQ(r->lead.completed[1].note, "Đang hoàn thiện hồ sơ");
  EXPECT_EQ(r->lead.completed[1].note_kind, "progress");
}

TEST_P(UnitReportTest, OnlyTheUnitOpensItsReportOthersSeeWhatItWouldHold) {
  MayTasks();
  auto preview = reports().Open(consolidator_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(preview), "ok");
  EXPECT_EQ(preview->id, 0);
  EXPECT_EQ(preview->state, "not_started");
  EXPECT_EQ(preview->lead.completed.size(), 2u);
  EXPECT_TRUE(preview->actions.remind);
  EXPECT_FALSE(preview->actions.edit);

  EXPECT_EQ(Outcome(reports().Open(district_leader_, infrastructure_, "2024-05")),
            "validation_failed organization_id:not_found");
  EXPECT_EQ(Outcome(reports().Open(head_, team_, "2024-05")),
            "validation_failed organization_id:not_found");  // a team reports through its unit
  EXPECT_EQ(Outcome(reports().Open(head_, infrastructure_, "2024-7")),
            "validation_failed period:invalid");
  EXPECT_EQ(Outcome(reports().Open(head_, infrastructure_, "2024-07")),
            "validation_failed period:not_started");

  auto opened = reports().Open(head_, infrastructure_, "2024-05");
  auto again = reports().Open(leader_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(again), "ok");
  EXPECT_EQ(again->id, opened->id);
  EXPECT_EQ(Outcome(reports().Get(district_leader_, opened->id)), "not_found");
}

TEST_P(UnitReportTest, ItGoesFromDraftToAcceptedEachStepInTheHistory) {
  auto r = reports().Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(r), "ok");
  UnitReportProse prose{"Hoàn thành sửa chữa cầu", "", "Thiếu kinh phí", "Bổ sung vốn", ""};
  EXPECT_EQ(Outcome(reports().SaveProse(consolidator_, r->id, r->version, prose)), "forbidden");
  EXPECT_EQ(Outcome(reports().SaveProse(head_, r->id, r->version + 1, prose)),
            "precondition_failed");
  auto saved = reports().SaveProse(head_, r->id, r->version, prose);
  ASSERT_EQ(Outcome(saved), "ok");
  EXPECT_EQ(saved->prose, prose);
  EXPECT_EQ(Outcome(reports().TakeStep(head_, r->id, saved->version, UnitReportStep::kAccept, "")),
            "forbidden");
  EXPECT_EQ(Outcome(reports().TakeStep(consolidator_, r->id, saved->version,
                                       UnitReportStep::kAccept, "")),
            "unit_report_step");

  auto submitted = reports().TakeStep(head_, r->id, saved->version, UnitReportStep::kSubmit, "");
  ASSERT_EQ(Outcome(submitted), "ok");
  EXPECT_EQ(submitted->state, "submitted");
  EXPECT_EQ(submitted->submitted_on, today());
  EXPECT_EQ(submitted->submitted_by->name, "Lê Văn Hùng");
  EXPECT_FALSE(submitted->actions.edit);
  EXPECT_EQ(Outcome(reports().SaveProse(head_, r->id, submitted->version, prose)),
            "unit_report_locked");

  EXPECT_EQ(Outcome(reports().TakeStep(consolidator_, r->id, submitted->version,
                                       UnitReportStep::kReturn, "")),
            "validation_failed comment:required");
  auto returned = reports().TakeStep(consolidator_, r->id, submitted->version,
                                     UnitReportStep::kReturn, "Bổ sung số liệu quý II");
  ASSERT_EQ(Outcome(returned), "ok");
  EXPECT_EQ(returned->state, "returned");
  EXPECT_EQ(returned->return_comment, "Bổ sung số liệu quý II");

  prose.shortcomings = "Chậm giải ngân";
  auto edited = reports().SaveProse(head_, r->id, returned->version, prose);
  ASSERT_EQ(Outcome(edited), "ok");
  auto resubmitted = reports().TakeStep(head_, r->id, edited->version, UnitReportStep::kSubmit, "");
  ASSERT_EQ(Outcome(resubmitted), "ok");
  EXPECT_TRUE(resubmitted->return_comment.empty());
  auto accepted =
      reports().TakeStep(leader_, r->id, resubmitted->version, UnitReportStep::kAccept, "");
  ASSERT_EQ(Outcome(accepted), "ok");
  EXPECT_EQ(accepted->state, "accepted");
  EXPECT_EQ(accepted->decided_by->name, "Nguyễn Văn Đình");
  EXPECT_EQ(Actions(*accepted),
            (std::vector<std::string>{"created", "updated", "submitted", "returned", "updated",
                                      "submitted", "accepted"}));
  EXPECT_EQ(
      Outcome(reports().TakeStep(head_, r->id, accepted->version, UnitReportStep::kSubmit, "")),
      "unit_report_step");
}

TEST_P(UnitReportTest, TheBoardShowsWhoHasSubmittedAndWhoIsLate) {
  auto r = reports().Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(r), "ok");
  ASSERT_EQ(Outcome(reports().TakeStep(head_, r->id, r->version, UnitReportStep::kSubmit, "")),
            "ok");
  auto board = reports().Board(specialist_, "2024-05");
  ASSERT_EQ(Outcome(board), "ok");
  EXPECT_EQ(board->due_on, Day("2024-06-05"));
  EXPECT_FALSE(board->can_remind);
  // The divisions directly under the agency, by name; the district's agency and the team are not.
  std::vector<std::string> names;
  for (const auto& u : board->units) names.push_back(u.organization.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Phòng Kế hoạch - Tài chính",
                                             "Phòng Quản lý kết cấu hạ tầng", "Văn phòng Sở"}));
  const auto& submitted = board->units[1];
  EXPECT_EQ(submitted.state, "submitted");
  EXPECT_EQ(submitted.report_id, r->id);
  EXPECT_EQ(submitted.first_submitted_on, today());
  // From Wednesday 05/06 to Friday 28/06/2024: 17 working days (Monday 10/06 is not a holiday).
  EXPECT_EQ(submitted.working_days_late, 17);
  EXPECT_EQ(board->units[0].state, "not_started");
  EXPECT_EQ(board->units[0].working_days_late, 17);

  auto early = reports().Board(consolidator_, "2024-06");
  ASSERT_EQ(Outcome(early), "ok");
  EXPECT_TRUE(early->can_remind);
  EXPECT_EQ(early->units[0].working_days_late, 0);  // not due yet
  EXPECT_EQ(Outcome(reports().Board(consolidator_, "2024-Q2")), "validation_failed period:invalid");
}

TEST_P(UnitReportTest, ARemindedUnitHeadGetsANotice) {
  EXPECT_EQ(Outcome(reports().Remind(head_, infrastructure_, "2024-05")), "forbidden");
  auto told = reports().Remind(consolidator_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(told), "ok");
  EXPECT_EQ(*told, 1);
  NoticeService notices(*ctx_);
  auto mine = notices.List(head_);
  ASSERT_EQ(Outcome(mine), "ok");
  EXPECT_EQ(mine->unread, 1);
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].kind, "unit_report_reminder");
  EXPECT_NE(mine->items[0].params_json.find("\"period\":\"2024-05\""), std::string::npos);
  EXPECT_EQ(mine->items[0].from->name, "Trần Thị Hoa");
  EXPECT_EQ(notices.List(specialist_)->items.size(), 0u);
  EXPECT_EQ(Outcome(notices.MarkRead(specialist_, mine->items[0].id)), "not_found");
  auto read = notices.MarkRead(head_, mine->items[0].id);
  ASSERT_EQ(Outcome(read), "ok");
  EXPECT_TRUE(read->read_at);
  EXPECT_EQ(notices.List(head_)->unread, 0);

  // A unit without a head hears through everyone of it with an account.
  EXPECT_EQ(*reports().Remind(leader_, office_, "2024-05"), 3);

  auto r = reports().Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(reports().TakeStep(head_, r->id, r->version, UnitReportStep::kSubmit, "")),
            "ok");
  EXPECT_EQ(Outcome(reports().Remind(consolidator_, infrastructure_, "2024-05")),
            "unit_report_step");

  // Nothing is awaited for a month that has not begun (today is 28/06/2024).
  EXPECT_EQ(Outcome(reports().Remind(consolidator_, infrastructure_, "2024-07")),
            "validation_failed period:not_started");
  EXPECT_FALSE(reports().Board(consolidator_, "2024-07")->can_remind);
  EXPECT_TRUE(reports().Board(consolidator_, "2024-06")->can_remind);
}

TEST_P(UnitReportTest, AReturnedReportTellsTheUnitHeadWhy) {
  auto r = reports().Open(head_, infrastructure_, "2024-05");
  auto sent = reports().TakeStep(head_, r->id, r->version, UnitReportStep::kSubmit, "");
  ASSERT_EQ(Outcome(sent), "ok");
  ASSERT_EQ(Outcome(reports().TakeStep(consolidator_, r->id, sent->version, UnitReportStep::kReturn,
                                       "Bổ sung số liệu tháng 5")),
            "ok");
  NoticeService notices(*ctx_);
  auto mine = notices.List(head_);
  ASSERT_EQ(Outcome(mine), "ok");
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].kind, "unit_report_returned");
  const auto params = boost::json::parse(mine->items[0].params_json).as_object();
  EXPECT_EQ(params.at("report_id").as_int64(), r->id);
  EXPECT_EQ(params.at("period").as_string(), "2024-05");
  EXPECT_EQ(params.at("comment").as_string(), "Bổ sung số liệu tháng 5");
  EXPECT_EQ(mine->items[0].from->name, "Trần Thị Hoa");
  EXPECT_EQ(notices.List(specialist_)->items.size(), 0u);
}

// Today is 28/06/2024: June's report, written before the month ends, counts to today.
TEST_P(UnitReportTest, AReportWrittenBeforeThePeriodEndsCountsToToday) {
  MayTasks();
  NewTask("I hạn cuối tháng", infrastructure_, "2024-06-03", "2024-06-30");
  auto r = reports().Open(head_, infrastructure_, "2024-06");
  ASSERT_EQ(Outcome(r), "ok");
  EXPECT_EQ(r->period_end, Day("2024-06-30"));
  EXPECT_EQ(r->as_of, Day("2024-06-28"));
  EXPECT_TRUE(r->period_running);
  EXPECT_EQ(Titles(r->lead.not_completed),
            (std::vector<std::string>{"D đến hạn kỳ tới", "H hạn chế"}));
  EXPECT_EQ(Titles(r->lead.due_next_period), (std::vector<std::string>{"I hạn cuối tháng"}));
  EXPECT_EQ(r->figures.overdue, 4);  // B, C, D and H; not I, due in two days
}

INSTANTIATE_TEST_SUITE_P(Dialects, UnitReportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
