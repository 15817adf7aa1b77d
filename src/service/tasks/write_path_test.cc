// What one action on a task costs the database, on SQLite and (when GIAOBAN_TEST_PG_URL is set) on
// PostgreSQL: every single-task action runs at most kStatementBudget statements (BEGIN and COMMIT
// not counted), and the task it returns is the task as stored, with its history event.
#include <gtest/gtest.h>

#include <cstdlib>

#include "service/accounts/auth.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/sources/sources.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"
#include "service/test_fixture.h"
#include "storage/migrations.h"

namespace giaoban::service {
namespace {

constexpr std::int64_t kStatementBudget = 8;

class WritePath : public test_support::FourDivisionFixture {
 protected:
  // One connection, so that its statement count is everything a call did.
  WritePath() : FourDivisionFixture(1) {}

  void SetUp() override {
    FourDivisionFixture::SetUp();
    if (IsSkipped()) return;
    head_ = MakeUser("truongphong", Role::kUnitHead, units_[1], "Lê Văn Bình");
    specialist_ = MakeUser("chuyenvien", Role::kSpecialist, units_[1], "Phạm Thị Thu");
    other_ = MakeUser("chuyenvien2", Role::kSpecialist, units_[2], "Đỗ Minh Quân");
    source_ = SourceService(*ctx_)
                  .Create(director_, {"key_program", "Chương trình trọng điểm", "12/QĐ-UBND",
                                      std::nullopt, "", ""})
                  ->id;
    // With a snapshot every change also stores the task's status as of its date.
    RefreshSnapshot(*ctx_);
  }

  Actor MakeUser(const char* username, Role role, Id org, const char* name) {
    return test_support::CreateAccount(*ctx_, username, role, org, name, "Chuyên viên");
  }

  std::int64_t Statements() { return db_->acquire()->statement_count(); }

  // Runs `action`, checks what it cost, and that what it returned is what a fresh read shows and
  // what its history event recorded.
  template <class Action>
  TaskView Measure(const char* name, const Actor& by, Action action) {
    const std::int64_t before = Statements();
    Expected<TaskView> view = action();
    const std::int64_t cost = Statements() - before;
    EXPECT_TRUE(view.ok()) << name << ": " << (view.ok() ? "" : view.error().code);
    if (!view.ok()) return {};
    EXPECT_LE(cost, kStatementBudget) << name;
    std::cout << "[ statements ] " << name << ": " << cost << "\n";
    ExpectAsStored(name, by, *view);
    return *view;
  }

  void ExpectAsStored(const char* name, const Actor& by, const TaskView& returned) {
    const TaskDetail& got = returned.task;
    const Id id = got.summary.id;
    auto fresh = TaskService(*ctx_).Get(by, id);
    ASSERT_TRUE(fresh.ok()) << name;
    const TaskDetail& want = fresh->task;
    SCOPED_TRACE(name);
    EXPECT_EQ(got.summary.version, want.summary.version);
    EXPECT_EQ(got.summary.status, want.summary.status);
    EXPECT_EQ(got.summary.deadline_in_force, want.summary.deadline_in_force);
    EXPECT_EQ(got.summary.extended, want.summary.extended);
    EXPECT_EQ(got.summary.progress, want.summary.progress);
    EXPECT_EQ(got.summary.completed_on, want.summary.completed_on);
    EXPECT_EQ(got.summary.cancelled_on, want.summary.cancelled_on);
    EXPECT_EQ(got.summary.title, want.summary.title);
    EXPECT_EQ(got.summary.lead_org.name, want.summary.lead_org.name);
    EXPECT_EQ(got.cancel_kind, want.cancel_kind);
    EXPECT_EQ(got.cancel_reason, want.cancel_reason);
    EXPECT_EQ(got.cancel_approver.has_value(), want.cancel_approver.has_value());
    if (got.cancel_approver && want.cancel_approver) {
      EXPECT_EQ(got.cancel_approver->name, want.cancel_approver->name);
    }
    EXPECT_EQ(got.result_doc_number, want.result_doc_number);
    EXPECT_EQ(got.completion_note, want.completion_note);
    EXPECT_EQ(Ids(got.cooperators), Ids(want.cooperators));
    EXPECT_EQ(Ids(got.assignees), Ids(want.assignees));
    ASSERT_EQ(got.updates.size(), want.updates.size());
    for (std::size_t i = 0; i < got.updates.size(); ++i) {
      EXPECT_EQ(got.updates[i].id, want.updates[i].id);
      EXPECT_EQ(got.updates[i].author.name, want.updates[i].author.name);
      ASSERT_EQ(got.updates[i].attachments.size(), want.updates[i].attachments.size());
      for (std::size_t a = 0; a < got.updates[i].attachments.size(); ++a) {
        EXPECT_EQ(got.updates[i].attachments[a].id, want.updates[i].attachments[a].id);
        EXPECT_EQ(got.updates[i].attachments[a].file_name,
                  want.updates[i].attachments[a].file_name);
        EXPECT_EQ(got.updates[i].attachments[a].sha256, want.updates[i].attachments[a].sha256);
      }
    }
    ASSERT_EQ(got.extensions.size(), want.extensions.size());
    for (std::size_t i = 0; i < got.extensions.size(); ++i) {
      EXPECT_EQ(got.extensions[i].id, want.extensions[i].id);
      EXPECT_EQ(got.extensions[i].state, want.extensions[i].state);
      EXPECT_EQ(got.extensions[i].previous_deadline, want.extensions[i].previous_deadline);
      EXPECT_EQ(got.extensions[i].effective_on, want.extensions[i].effective_on);
      EXPECT_EQ(got.extensions[i].requested_by.name, want.extensions[i].requested_by.name);
    }
    ASSERT_EQ(got.explanations.size(), want.explanations.size());
    for (std::size_t i = 0; i < got.explanations.size(); ++i) {
      EXPECT_EQ(got.explanations[i].id, want.explanations[i].id);
      EXPECT_EQ(got.explanations[i].answer, want.explanations[i].answer);
      EXPECT_EQ(got.explanations[i].answered_on, want.explanations[i].answered_on);
    }
    ASSERT_EQ(got.subtasks.size(), want.subtasks.size());
    for (std::size_t i = 0; i < got.subtasks.size(); ++i) {
      EXPECT_EQ(got.subtasks[i].id, want.subtasks[i].id);
      EXPECT_EQ(got.subtasks[i].status, want.subtasks[i].status);
    }
    EXPECT_EQ(got.source.id, want.source.id);
    EXPECT_EQ(got.source.task_count, want.source.task_count);
    EXPECT_EQ(returned.permissions.complete, fresh->permissions.complete);
    EXPECT_EQ(returned.permissions.report_progress, fresh->permissions.report_progress);

    // The history's latest event holds the task as it now is, and the stored status is today's.
    db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      const auto history = TaskHistory(c, id);
      ASSERT_FALSE(history.items.empty());
      const auto stored = LoadTaskRecord(c, id);
      EXPECT_EQ(history.items.back().after_json, TaskSnapshotJson(*stored));
      const auto today =
          c.execute("SELECT today_status FROM tasks WHERE id = $1", {storage::Param(id)});
      EXPECT_EQ(today.one().text(today.column("today_status")),
                domain::StatusCode(want.summary.status));
    });
  }

  static std::vector<Id> Ids(const std::vector<NamedRef>& refs) {
    std::vector<Id> ids;
    for (const auto& r : refs) ids.push_back(r.id);
    return ids;
  }

  TaskInput NewTask(const std::string& title) {
    TaskInput in;
    in.source_id = source_;
    in.title = title;
    in.lead_org_id = units_[1];
    in.cooperator_ids = std::vector<Id>{units_[2], units_[3]};
    in.leader_id = std::optional<Id>(director_.person_id);
    in.assignee_ids = std::vector<Id>{head_.person_id, specialist_.person_id};
    in.assigned_on = ctx_->Today().AddDays(-10);
    in.deadline = std::optional<Date>(ctx_->Today().AddDays(30));
    return in;
  }

  Id source_ = 0;
  Actor head_, specialist_, other_;
};

TEST_P(WritePath, EverySingleTaskActionStaysWithinItsStatementBudget) {
  TaskService tasks(*ctx_);
  const TaskView created = Measure("create", director_, [&] {
    return tasks.Create(director_, NewTask("Nâng cấp quốc lộ 24B"));
  });
  const Id id = created.task.summary.id;
  // A subtask, so that the page of the task has one to show.
  TaskInput child = NewTask("Giải phóng mặt bằng");
  child.parent_id = std::optional<Id>(id);
  ASSERT_TRUE(tasks.Create(director_, child).ok());

  TaskInput edit;
  edit.title = "Nâng cấp quốc lộ 24B, đoạn qua Sơn Tịnh";
  edit.product = "Báo cáo";
  Measure("edit", director_,
          [&] { return tasks.Update(director_, id, created.task.summary.version, edit); });

  Measure("progress", specialist_, [&] {
    return tasks.AddProgress(specialist_, id,
                             {std::nullopt,
                              "Đã khảo sát hiện trạng",
                              40,
                              {{"bien-ban.txt", "text/plain", "Biên bản khảo sát"},
                               {"ghi-chu.txt", "text/plain", "Ghi chú"}}});
  });
  Measure("back-dated progress", specialist_, [&] {
    return tasks.AddProgress(specialist_, id,
                             {ctx_->Today().AddDays(-1), "Báo cáo bổ sung", 20, {}});
  });
  const TaskView requested = Measure("request extension", head_, [&] {
    return tasks.RequestExtension(head_, id, {std::nullopt, ctx_->Today().AddDays(60), "Chờ vốn"});
  });
  Measure("decide extension", director_, [&] {
    return tasks.DecideExtension(director_, id, requested.task.extensions.back().id,
                                 {"approved", "Đồng ý", std::nullopt, std::nullopt});
  });
  const TaskView asked = Measure("request explanation", director_, [&] {
    return tasks.RequestExplanation(director_, id, "Vì sao chậm?", std::nullopt);
  });
  Measure("answer explanation", head_, [&] {
    return tasks.AnswerExplanation(head_, id, asked.task.explanations.back().id, "Do thời tiết",
                                   std::nullopt);
  });
  Measure("complete", director_, [&] {
    return tasks.Complete(director_, id, {std::nullopt, "45/BC", std::nullopt, "Xong"});
  });

  const Id other = tasks.Create(director_, NewTask("Sửa cầu Trà Khúc"))->task.summary.id;
  Measure("cancel", director_, [&] {
    return tasks.Cancel(director_, other,
                        {"withdrawn", std::nullopt, "Không còn phù hợp", std::nullopt});
  });

  // Reading the page of a task with reports, files, requests and a subtask: the task with its
  // source, its requests, its reports with their files, its subtasks.
  const std::int64_t before = Statements();
  const auto page = tasks.Get(head_, id);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Statements() - before, 4);
  EXPECT_EQ(page->task.updates.size(), 2u);
  EXPECT_EQ(page->task.extensions.size(), 1u);
  EXPECT_EQ(page->task.explanations.size(), 1u);
  EXPECT_EQ(page->task.subtasks.size(), 1u);
  EXPECT_EQ(page->task.source.task_count, 3);
  // Without subtasks, there are none to ask for.
  const std::int64_t before_other = Statements();
  ASSERT_TRUE(tasks.Get(director_, other).ok());
  EXPECT_EQ(Statements() - before_other, 3);
}

TEST_P(WritePath, ActionsKeepTheirRefusals) {
  TaskService tasks(*ctx_);
  const Id id = tasks.Create(director_, NewTask("Nâng cấp quốc lộ 24B"))->task.summary.id;
  ASSERT_TRUE(tasks.Complete(director_, id, {std::nullopt, "", std::nullopt, ""}).ok());
  // A second completion reads the completed task and is refused, however it is timed.
  auto again = tasks.Complete(head_, id, {std::nullopt, "", std::nullopt, ""});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "task_already_completed");
  // Someone the task does not concern may not report on it.
  const Id open = tasks.Create(director_, NewTask("Sửa cầu Trà Khúc"))->task.summary.id;
  auto stranger = tasks.AddProgress(other_, open, {std::nullopt, "Báo cáo", 10, {}});
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, "forbidden");
}

INSTANTIATE_TEST_SUITE_P(Databases, WritePath, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace giaoban::service
