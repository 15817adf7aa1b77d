// The task service's rules at its API, on both databases: validation, permissions per role,
// versions, and every action of a task's life with its date rules.
#include "service/tasks/tasks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/task_permissions_letters.h"
#include "service/sources/sources.h"
#include "service/tasks/today_status.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using domain::PermissionLetters;
using test_support::AgencyFixture;
using test_support::Outcome;

class TaskServiceTest : public AgencyFixture {
 protected:
  // Led by the infrastructure division with the planning division, assigned to the specialist of
  // its team; assigned 01/03/2024, due 31/05/2024.
  TaskInput Input() {
    TaskInput in;
    in.source_id = source_;
    in.title = "Rà soát hiện trạng cầu yếu trên các tuyến đường tỉnh";
    in.lead_org_id = infrastructure_;
    in.cooperator_ids = std::vector<Id>{planning_};
    in.assignee_ids = std::vector<Id>{specialist_.person_id};
    in.assigned_on = Day("2024-03-01");
    in.deadline = std::optional<Date>(Day("2024-05-31"));
    return in;
  }

  Id NewTask(TaskInput in) {
    auto view = tasks().Create(leader_, in);
    EXPECT_EQ(Outcome(view), "ok");
    return view.ok() ? view->task.summary.id : 0;
  }
  Id NewTask() { return NewTask(Input()); }

  TaskService tasks() { return TaskService(*ctx_); }
};

TEST_P(TaskServiceTest, CreateNamesWhatIsMissingOrWrong) {
  EXPECT_EQ(Outcome(tasks().Create(leader_, TaskInput{})),
            "validation_failed source_id:required title:required lead_org_id:required");

  TaskInput early = Input();
  early.deadline = std::optional<Date>(Day("2024-02-28"));
  EXPECT_EQ(Outcome(tasks().Create(leader_, early)),
            "validation_failed deadline:before_assigned_on");

  TaskInput lead_cooperates = Input();
  lead_cooperates.cooperator_ids = std::vector<Id>{infrastructure_};
  EXPECT_EQ(Outcome(tasks().Create(leader_, lead_cooperates)),
            "validation_failed cooperator_ids:includes_lead");

  TaskInput untitled = Input();
  untitled.title = "";
  EXPECT_EQ(Outcome(tasks().Create(leader_, untitled)), "validation_failed title:required");

  const Actor province_official = User("ubnd", Role::kViewer, province_, "Trương Văn Sơn");
  TaskInput foreign_assignee = Input();
  foreign_assignee.assignee_ids = std::vector<Id>{province_official.person_id};
  EXPECT_EQ(Outcome(tasks().Create(leader_, foreign_assignee)),
            "validation_failed assignee_ids:not_found");

  auto created = tasks().Create(leader_, Input());
  ASSERT_EQ(Outcome(created), "ok");
  EXPECT_EQ(created->task.summary.version, 1);
  EXPECT_EQ(created->task.summary.source_kind, domain::SourceKind::kKeyProgram);
  EXPECT_EQ(created->task.summary.status, domain::Status::kOverdue);  // due 31/05, today 28/06
}

TEST_P(TaskServiceTest, WhoCreatesTasksForWhichLead) {
  struct Row {
    const Actor* by;
    Id lead;
    const char* outcome;
  };
  const Row rows[] = {
      {&leader_, office_, "ok"},
      {&consolidator_, infrastructure_, "ok"},
      {&head_, infrastructure_, "ok"},
      {&head_, team_, "ok"},
      {&head_, planning_, "forbidden"},
      {&specialist_, team_, "forbidden"},
      {&viewer_, office_, "forbidden"},
      {&admin_, office_, "forbidden"},
      // Someone of another agency finds neither the source nor the unit in their own.
      {&district_leader_, team_,
       "validation_failed source_id:not_found lead_org_id:not_found assignee_ids:not_found"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.by->username + " -> " + std::to_string(row.lead));
    TaskInput in = Input();
    in.lead_org_id = row.lead;
    in.cooperator_ids = std::vector<Id>{};
    EXPECT_EQ(Outcome(tasks().Create(*row.by, in)), row.outcome);
  }
}

TEST_P(TaskServiceTest, EachRoleSeesWhatItMayDo) {
  const Id id = NewTask();
  struct Row {
    const Actor* who;
    const char* outcome;
    const char* permissions;
  };
  const Row rows[] = {
      {&leader_, "ok", "EPC-DXQ-"},
      {&consolidator_, "ok", "EPCR----"},
      {&head_, "ok", "EPCR---A"},
      {&specialist_, "ok", "-P-R---A"},
      {&other_specialist_, "ok", "--------"},
      {&viewer_, "ok", "--------"},
      {&admin_, "ok", "--------"},
      {&district_leader_, "not_found", ""},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.who->username);
    auto view = tasks().Get(*row.who, id);
    ASSERT_EQ(Outcome(view), row.outcome);
    if (view.ok()) {
      EXPECT_EQ(PermissionLetters(view->permissions), row.permissions);
    }
  }
  // The service enforces what it advertises.
  EXPECT_EQ(Outcome(tasks().AddProgress(other_specialist_, id, {std::nullopt, "Đã làm", 10, {}})),
            "forbidden");
  EXPECT_EQ(Outcome(tasks().Complete(specialist_, id, {})), "forbidden");
  EXPECT_EQ(Outcome(tasks().Cancel(head_, id, {"cancelled", std::nullopt, "Trùng", std::nullopt})),
            "forbidden");
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, {std::nullopt, "Đã khảo sát", 30, {}})),
            "ok");
}

TEST_P(TaskServiceTest, ARestrictedTaskIsReadOnlyByThoseItConcerns) {
  TaskInput in = Input();
  in.restricted = true;
  const Id id = NewTask(in);
  EXPECT_EQ(Outcome(tasks().Get(leader_, id)), "ok");
  EXPECT_EQ(Outcome(tasks().Get(consolidator_, id)), "ok");
  EXPECT_EQ(Outcome(tasks().Get(head_, id)), "ok");
  EXPECT_EQ(Outcome(tasks().Get(specialist_, id)), "ok");
  EXPECT_EQ(Outcome(tasks().Get(other_specialist_, id)), "not_found");
  EXPECT_EQ(Outcome(tasks().Get(viewer_, id)), "not_found");
  auto filter = ParseTaskFilter({}, today());
  ASSERT_EQ(Outcome(filter), "ok");
  auto page = tasks().List(viewer_, *filter);
  ASSERT_EQ(Outcome(page), "ok");
  EXPECT_TRUE(page->items.empty());
}

TEST_P(TaskServiceTest, AnEditNamesTheVersionItWasMadeFrom) {
  const Id id = NewTask();
  TaskInput edit;
  edit.title = "Rà soát cầu yếu, đề xuất phân kỳ sửa chữa";
  auto edited = tasks().Update(head_, id, 1, edit);
  ASSERT_EQ(Outcome(edited), "ok");
  EXPECT_EQ(edited->task.summary.version, 2);
  EXPECT_EQ(edited->task.summary.title, *edit.title);
  // Someone else's edit from the same version comes too late.
  edit.title = "Một tiêu đề khác";
  EXPECT_EQ(Outcome(tasks().Update(leader_, id, 1, edit)), "precondition_failed");
  EXPECT_EQ(Outcome(tasks().Update(specialist_, id, 2, edit)), "forbidden");
  TaskInput move_deadline;
  move_deadline.deadline = std::optional<Date>(Day("2024-07-31"));
  EXPECT_EQ(Outcome(tasks().Update(leader_, id, 2, move_deadline)),
            "validation_failed deadline:use_extension");
  // A unit head may not hand the task to a unit outside their own.
  TaskInput move_lead;
  move_lead.lead_org_id = office_;
  EXPECT_EQ(Outcome(tasks().Update(head_, id, 2, move_lead)), "forbidden");
  EXPECT_EQ(Outcome(tasks().Update(leader_, id, 2, move_lead)), "ok");
}

TEST_P(TaskServiceTest, ProgressFollowsTheLatestReportByDate) {
  const Id id = NewTask();
  auto report = [&](const char* on, int percent) {
    return tasks().AddProgress(specialist_, id, {Day(on), "Báo cáo", percent, {}});
  };
  ASSERT_EQ(Outcome(report("2024-04-10", 40)), "ok");
  auto back_dated = report("2024-04-01", 20);
  ASSERT_EQ(Outcome(back_dated), "ok");
  EXPECT_EQ(back_dated->task.summary.progress, 40);
  EXPECT_EQ(back_dated->task.updates.size(), 2u);
  EXPECT_EQ(Outcome(report("2024-06-29", 50)), "validation_failed reported_on:in_future");
  EXPECT_EQ(Outcome(report("2024-02-29", 50)), "validation_failed reported_on:before_assigned_on");
  EXPECT_EQ(Outcome(report("2024-04-11", 101)), "validation_failed percent:out_of_range");
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, {std::nullopt, "", 10, {}})),
            "validation_failed body:required");
}

TEST_P(TaskServiceTest, AttachmentsAreCheckedAndKept) {
  const Id id = NewTask();
  const std::string pdf = "%PDF-1.7 nội dung";
  ProgressInput in{std::nullopt, "Kèm biên bản khảo sát", std::nullopt, {}};
  in.attachments.push_back({"Biên bản.pdf", "application/pdf", pdf});
  auto added = tasks().AddProgress(specialist_, id, in);
  ASSERT_EQ(Outcome(added), "ok");
  ASSERT_EQ(added->task.updates.size(), 1u);
  ASSERT_EQ(added->task.updates[0].attachments.size(), 1u);
  const AttachmentInfo info = added->task.updates[0].attachments[0];
  EXPECT_EQ(info.file_name, "Biên bản.pdf");
  EXPECT_EQ(info.size_bytes, static_cast<std::int64_t>(pdf.size()));
  auto stored = tasks().GetAttachment(viewer_, id, info.id);
  ASSERT_EQ(Outcome(stored), "ok");
  EXPECT_EQ(stored->content, pdf);

  in.attachments = {{"setup.pdf", "application/pdf", "MZ renamed program"}};
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, in)),
            "validation_failed attachments[0]:attachment_type_not_allowed");
  in.attachments.assign(11, {"a.txt", "text/plain", "ghi chú"});
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, in)),
            "validation_failed attachments:too_many");
}

TEST_P(TaskServiceTest, CompletionIsDatedAndClosesTheTask) {
  const Id id = NewTask();
  EXPECT_EQ(Outcome(tasks().Complete(head_, id, {Day("2024-06-29"), "", std::nullopt, ""})),
            "validation_failed completed_on:in_future");
  EXPECT_EQ(Outcome(tasks().Complete(head_, id, {Day("2024-02-01"), "", std::nullopt, ""})),
            "validation_failed completed_on:before_assigned_on");
  auto done =
      tasks().Complete(head_, id, {Day("2024-06-10"), "45/TTr-SGTVT", Day("2024-06-10"), ""});
  ASSERT_EQ(Outcome(done), "ok");
  EXPECT_EQ(done->task.summary.status, domain::Status::kCompletedLate);
  EXPECT_EQ(done->task.summary.progress, 100);
  EXPECT_EQ(done->task.result_doc_number, "45/TTr-SGTVT");
  EXPECT_EQ(PermissionLetters(done->permissions), "-------A");
  // Closed: those who could have acted are told why, others are simply not allowed.
  EXPECT_EQ(Outcome(tasks().Complete(leader_, id, {})), "task_already_completed");
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, {std::nullopt, "Thêm", 10, {}})),
            "task_already_completed");
  EXPECT_EQ(Outcome(tasks().Complete(other_specialist_, id, {})), "forbidden");
  EXPECT_EQ(Outcome(tasks().Update(leader_, id, 2, TaskInput{})), "forbidden");
}

TEST_P(TaskServiceTest, CancellationNeedsAReasonAndALeader) {
  const Id id = NewTask();
  EXPECT_EQ(Outcome(tasks().Cancel(leader_, id, {"deleted", std::nullopt, "Trùng", std::nullopt})),
            "validation_failed kind:invalid");
  EXPECT_EQ(Outcome(tasks().Cancel(leader_, id, {"cancelled", std::nullopt, "", std::nullopt})),
            "validation_failed reason:required");
  EXPECT_EQ(Outcome(tasks().Cancel(consolidator_, id,
                                   {"cancelled", std::nullopt, "Trùng", std::nullopt})),
            "forbidden");
  EXPECT_EQ(
      Outcome(tasks().Cancel(leader_, id, {"withdrawn", Day("2024-02-01"), "Trùng", std::nullopt})),
      "validation_failed cancelled_on:before_assigned_on");
  auto withdrawn = tasks().Cancel(
      leader_, id, {"withdrawn", Day("2024-04-01"), "Không còn phù hợp", std::nullopt});
  ASSERT_EQ(Outcome(withdrawn), "ok");
  EXPECT_EQ(withdrawn->task.summary.status, domain::Status::kCancelled);
  EXPECT_EQ(withdrawn->task.cancel_kind, "withdrawn");
  ASSERT_TRUE(withdrawn->task.cancel_approver);
  EXPECT_EQ(withdrawn->task.cancel_approver->id, leader_.person_id);
  EXPECT_EQ(Outcome(tasks().AddProgress(specialist_, id, {std::nullopt, "Thêm", 10, {}})),
            "task_cancelled");
}

TEST_P(TaskServiceTest, ExtensionsMoveTheDeadlineFromWhenTheyTakeEffect) {
  const Id id = NewTask();
  auto request = [&](const char* on, const char* deadline) {
    return tasks().RequestExtension(specialist_, id, {Day(on), Day(deadline), "Chờ vốn"});
  };
  EXPECT_EQ(Outcome(request("2024-05-20", "2024-05-31")),
            "validation_failed requested_deadline:not_later");
  EXPECT_EQ(Outcome(request("2024-02-20", "2024-06-30")),
            "validation_failed requested_on:before_assigned_on");
  EXPECT_EQ(Outcome(tasks().RequestExtension(other_specialist_, id,
                                             {Day("2024-05-20"), Day("2024-06-30"), "Chờ"})),
            "forbidden");
  auto requested = request("2024-05-20", "2024-06-30");
  ASSERT_EQ(Outcome(requested), "ok");
  ASSERT_EQ(requested->task.extensions.size(), 1u);
  const Extension& ext = requested->task.extensions[0];
  EXPECT_EQ(ext.previous_deadline, Day("2024-05-31"));
  EXPECT_EQ(Outcome(request("2024-05-21", "2024-07-31")), "conflict");  // one pending at a time

  auto decide = [&](const Actor& by, const char* decision, const char* on,
                    std::optional<Date> effective) {
    return tasks().DecideExtension(by, id, ext.id, {decision, "", Day(on), effective});
  };
  EXPECT_EQ(Outcome(decide(consolidator_, "approved", "2024-05-25", std::nullopt)), "forbidden");
  EXPECT_EQ(Outcome(decide(leader_, "approved", "2024-05-19", std::nullopt)),
            "validation_failed decided_on:before_requested_on");
  EXPECT_EQ(Outcome(decide(leader_, "approved", "2024-05-25", Day("2024-05-24"))),
            "validation_failed effective_on:before_decided_on");
  EXPECT_EQ(Outcome(decide(leader_, "approved", "2024-05-25", Day("2024-06-29"))),
            "validation_failed effective_on:in_future");
  EXPECT_EQ(Outcome(decide(leader_, "refused", "2024-05-25", Day("2024-05-26"))),
            "validation_failed effective_on:not_applicable");
  EXPECT_EQ(Outcome(decide(leader_, "maybe", "2024-05-25", std::nullopt)),
            "validation_failed decision:invalid");
  auto approved = decide(leader_, "approved", "2024-05-25", Day("2024-05-27"));
  ASSERT_EQ(Outcome(approved), "ok");
  EXPECT_EQ(approved->task.summary.deadline, Day("2024-05-31"));  // never changed in place
  EXPECT_EQ(approved->task.summary.deadline_in_force, Day("2024-06-30"));
  EXPECT_TRUE(approved->task.summary.extended);
  EXPECT_EQ(approved->task.summary.status, domain::Status::kInProgress);
  EXPECT_EQ(Outcome(decide(leader_, "refused", "2024-05-28", std::nullopt)),
            "extension_not_pending");

  // Before it took effect the original deadline was in force.
  auto before = tasks().Get(leader_, id, Day("2024-05-26"));
  ASSERT_EQ(Outcome(before), "ok");
  EXPECT_EQ(before->task.summary.deadline_in_force, Day("2024-05-31"));
  EXPECT_FALSE(before->task.summary.extended);
}

TEST_P(TaskServiceTest, TheLeadUnitAnswersALeadersRequestForExplanation) {
  const Id id = NewTask();
  EXPECT_EQ(
      Outcome(tasks().RequestExplanation(consolidator_, id, "Vì sao chậm?", Day("2024-06-03"))),
      "forbidden");
  EXPECT_EQ(Outcome(tasks().RequestExplanation(leader_, id, "", Day("2024-06-03"))),
            "validation_failed question:required");
  auto asked = tasks().RequestExplanation(leader_, id, "Vì sao chậm?", Day("2024-06-03"));
  ASSERT_EQ(Outcome(asked), "ok");
  ASSERT_EQ(asked->task.explanations.size(), 1u);
  const Id question = asked->task.explanations[0].id;
  EXPECT_EQ(Outcome(tasks().AnswerExplanation(other_specialist_, id, question, "Do mưa",
                                              Day("2024-06-05"))),
            "forbidden");
  EXPECT_EQ(
      Outcome(tasks().AnswerExplanation(specialist_, id, question, "Do mưa", Day("2024-06-02"))),
      "validation_failed answered_on:before_requested_on");
  auto answered =
      tasks().AnswerExplanation(specialist_, id, question, "Do mưa kéo dài", Day("2024-06-05"));
  ASSERT_EQ(Outcome(answered), "ok");
  EXPECT_EQ(answered->task.explanations[0].answer, "Do mưa kéo dài");
  EXPECT_EQ(answered->task.explanations[0].answered_on, Day("2024-06-05"));
  EXPECT_EQ(Outcome(tasks().AnswerExplanation(head_, id, question, "Lần nữa", Day("2024-06-06"))),
            "conflict");
  // A closed task can still be asked about.
  ASSERT_EQ(Outcome(tasks().Complete(head_, id, {Day("2024-06-10"), "", std::nullopt, ""})), "ok");
  EXPECT_EQ(Outcome(tasks().RequestExplanation(leader_, id, "Vì sao trễ hạn?", Day("2024-06-12"))),
            "ok");
}

TEST_P(TaskServiceTest, APastDateShowsTheTaskAsItStoodThen) {
  const Id id = NewTask();
  ASSERT_EQ(Outcome(tasks().AddProgress(specialist_, id, {Day("2024-04-10"), "Một nửa", 50, {}})),
            "ok");
  ASSERT_EQ(Outcome(tasks().Complete(head_, id, {Day("2024-05-20"), "", std::nullopt, ""})), "ok");
  struct Row {
    const char* as_of;
    domain::Status status;
    int progress;
    std::size_t updates;
  };
  const Row rows[] = {
      {"2024-02-15", domain::Status::kNotYetAssigned, 0, 0},
      {"2024-04-01", domain::Status::kInProgress, 0, 0},
      {"2024-04-10", domain::Status::kInProgress, 50, 1},
      {"2024-05-19", domain::Status::kInProgress, 50, 1},
      {"2024-05-20", domain::Status::kCompletedOnTime, 100, 1},
      {"2024-06-28", domain::Status::kCompletedOnTime, 100, 1},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.as_of);
    auto view = tasks().Get(leader_, id, Day(row.as_of));
    ASSERT_EQ(Outcome(view), "ok");
    EXPECT_EQ(view->as_of, Day(row.as_of));
    EXPECT_EQ(view->task.summary.status, row.status);
    EXPECT_EQ(view->task.summary.progress, row.progress);
    EXPECT_EQ(view->task.updates.size(), row.updates);
    EXPECT_EQ(view->task.summary.completed_on.has_value(),
              row.status == domain::Status::kCompletedOnTime);
  }
  auto early = tasks().Get(leader_, id, Day("2024-04-01"));
  ASSERT_EQ(Outcome(early), "ok");
  EXPECT_EQ(early->later_facts, 2);  // the report and the completion
}

TEST_P(TaskServiceTest, APastDateShowsTheSubtasksAsTheyStoodThen) {
  const Id parent = NewTask();
  TaskInput child = Input();
  child.title = "Khảo sát cầu Trà Khúc";
  child.parent_id = std::optional<Id>(parent);
  child.assigned_on = Day("2024-04-15");
  const Id sub = NewTask(child);
  ASSERT_EQ(Outcome(tasks().AddProgress(specialist_, sub, {Day("2024-05-01"), "Một nửa", 50, {}})),
            "ok");
  ASSERT_EQ(Outcome(tasks().Complete(head_, sub, {Day("2024-05-20"), "", std::nullopt, ""})), "ok");
  RefreshSnapshot(*ctx_);
  struct Row {
    const char* as_of;
    std::size_t subtasks;
    domain::Status status;
    int progress;
  };
  const Row rows[] = {
      {"2024-04-10", 0, domain::Status::kInProgress, 0},
      {"2024-04-20", 1, domain::Status::kInProgress, 0},
      {"2024-05-10", 1, domain::Status::kInProgress, 50},
      {"2024-06-28", 1, domain::Status::kCompletedOnTime, 100},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.as_of);
    auto view = tasks().Get(leader_, parent, Day(row.as_of));
    ASSERT_EQ(Outcome(view), "ok");
    ASSERT_EQ(view->task.subtasks.size(), row.subtasks);
    if (!row.subtasks) continue;
    const TaskSummary& s = view->task.subtasks.front();
    EXPECT_EQ(s.id, sub);
    EXPECT_EQ(s.status, row.status);
    EXPECT_EQ(s.progress, row.progress);
    EXPECT_EQ(s.completed_on.has_value(), row.status == domain::Status::kCompletedOnTime);
  }
  // Someone a restricted subtask does not concern does not see it on the parent's page.
  TaskInput secret = Input();
  secret.title = "Rà soát hồ sơ mật";
  secret.parent_id = std::optional<Id>(parent);
  secret.restricted = true;
  secret.lead_org_id = planning_;
  secret.cooperator_ids = std::vector<Id>{};
  secret.assignee_ids = std::vector<Id>{};
  NewTask(secret);
  EXPECT_EQ(tasks().Get(leader_, parent)->task.subtasks.size(), 2u);
  EXPECT_EQ(tasks().Get(specialist_, parent)->task.subtasks.size(), 1u);
}

TEST_P(TaskServiceTest, PagesByDeadlineKeepOneOrderAcrossStatusesAndAgencies) {
  // Shared deadlines, tasks without one, every status, in the agency and in the district office
  // below it: the rows that a deadline list reads per agency and status must merge into one order.
  const char* deadlines[] = {"2024-05-31", nullptr, "2024-07-15", "2024-05-31",
                             "2024-09-01", nullptr, "2024-07-15", "2024-06-01"};
  // Every fourth task is the district office's own, from its own programme.
  auto district_source = SourceService(*ctx_).Create(
      district_leader_, {"ad_hoc", "Văn bản của huyện", "3/UBND", std::nullopt, "UBND huyện", ""});
  ASSERT_EQ(Outcome(district_source), "ok");
  for (int i = 0; i < 26; ++i) {
    TaskInput in = Input();
    in.title = "Nhiệm vụ " + std::to_string(i);
    in.assigned_on = Day(i % 3 ? "2024-04-01" : "2024-03-01");
    in.deadline = deadlines[i % 8] ? std::optional<Date>(Day(deadlines[i % 8])) : std::nullopt;
    const Actor& by = i % 4 == 3 ? district_leader_ : leader_;
    if (i % 4 == 3) {
      in.source_id = district_source->id;
      in.lead_org_id = district_;
      in.cooperator_ids = std::vector<Id>{};
      in.assignee_ids = std::vector<Id>{};
    }
    auto created = tasks().Create(by, in);
    ASSERT_EQ(Outcome(created), "ok");
    const Id id = created->task.summary.id;
    if (i % 5 == 1) {
      ASSERT_EQ(Outcome(tasks().Complete(by, id, {Day("2024-06-10"), "", std::nullopt, ""})), "ok");
    } else if (i % 7 == 2) {
      ASSERT_EQ(
          Outcome(tasks().Cancel(by, id, {"withdrawn", Day("2024-05-02"), "Trùng", std::nullopt})),
          "ok");
    }
  }
  RefreshSnapshot(*ctx_);

  auto list = [&](TaskFilter f) {
    f.as_of = today();
    std::vector<TaskSummary> rows;
    std::int64_t total = -1;
    for (f.page = 1;; ++f.page) {
      auto page = tasks().List(leader_, f);
      EXPECT_EQ(Outcome(page), "ok");
      if (!page.ok()) break;
      if (total >= 0) {
        EXPECT_EQ(page->total, total) << "page " << f.page;
      }
      total = page->total;
      rows.insert(rows.end(), page->items.begin(), page->items.end());
      if (page->items.empty()) break;
    }
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()), total);
    return rows;
  };
  TaskFilter everything;
  everything.page_size = kMaxPageSize;
  everything.sort = {{SortKey::Field::kId, false}};
  const std::vector<TaskSummary> all = list(everything);
  ASSERT_EQ(all.size(), 26u);
  ASSERT_EQ(std::count_if(all.begin(), all.end(),
                          [&](const TaskSummary& t) { return t.agency_id == district_; }),
            6);
  ASSERT_EQ(ctx_->db().transact(storage::TransactionMode::kRead, SnapshotDate), today());

  // What each order means, written out: no deadline last in either direction, then the next key,
  // then the id.
  auto key = [](const TaskSummary& t) {
    return std::make_tuple(!t.deadline_in_force,
                           t.deadline_in_force ? t.deadline_in_force->Iso() : "",
                           t.assigned_on.Iso(), t.id);
  };
  struct Case {
    const char* name;
    std::vector<SortKey> sort;
    std::vector<domain::Status> statuses;
  };
  using domain::Status;
  const Case cases[] = {
      {"default", {}, {}},
      {"deadline", {{SortKey::Field::kDeadline, false}}, {}},
      {"-deadline", {{SortKey::Field::kDeadline, true}}, {}},
      {"deadline,-assigned_on",
       {{SortKey::Field::kDeadline, false}, {SortKey::Field::kAssignedOn, true}},
       {Status::kInProgress, Status::kOverdue}},
      {"-deadline,id",
       {{SortKey::Field::kDeadline, true}, {SortKey::Field::kId, false}},
       {Status::kOverdue, Status::kCompletedLate, Status::kCancelled}},
      {"a status named twice", {}, {Status::kOverdue, Status::kInProgress, Status::kOverdue}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<TaskSummary> expected;
    for (const auto& t : all)
      if (c.statuses.empty() ||
          std::find(c.statuses.begin(), c.statuses.end(), t.status) != c.statuses.end())
        expected.push_back(t);
    const bool descending = !c.sort.empty() && c.sort[0].descending;
    const bool then_assigned_desc =
        c.sort.size() > 1 && c.sort[1].field == SortKey::Field::kAssignedOn;
    std::sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
      const auto ka = key(a), kb = key(b);
      if (std::get<0>(ka) != std::get<0>(kb)) return !std::get<0>(ka);
      if (std::get<1>(ka) != std::get<1>(kb))
        return descending ? std::get<1>(ka) > std::get<1>(kb) : std::get<1>(ka) < std::get<1>(kb);
      if (then_assigned_desc && std::get<2>(ka) != std::get<2>(kb))
        return std::get<2>(ka) > std::get<2>(kb);
      return std::get<3>(ka) < std::get<3>(kb);
    });
    TaskFilter f;
    f.sort = c.sort;
    f.statuses = c.statuses;
    f.page_size = 4;
    std::vector<Id> want, got;
    for (const auto& t : expected) want.push_back(t.id);
    for (const auto& t : list(f)) got.push_back(t.id);
    EXPECT_EQ(got, want);
  }
}

TEST_P(TaskServiceTest, AnAssigneesPagesInIdOrderHoldTheTasksOfAnyOtherOrder) {
  // Tasks of the specialist, of the consolidator and of both, led by two divisions, some of them
  // restricted, assigned on two dates: an id-ordered page of one assignee is read from the
  // assignee's assignments on PostgreSQL, and must hold what the title order finds from the tasks.
  std::map<Id, std::vector<Id>> of_person;  // in id order
  for (int i = 0; i < 23; ++i) {
    TaskInput in = Input();
    in.title = "Việc " + std::string(1, static_cast<char>('z' - i));  // against the id order
    in.lead_org_id = i % 3 ? infrastructure_ : planning_;
    if (!(i % 3)) in.cooperator_ids = std::vector<Id>{};
    in.restricted = i % 5 == 0;
    in.assigned_on = Day(i % 2 ? "2024-03-01" : "2024-05-01");
    const std::vector<std::vector<Id>> assignees = {
        {specialist_.person_id},
        {consolidator_.person_id},
        {specialist_.person_id, consolidator_.person_id},
        {}};
    in.assignee_ids = assignees[i % 4];
    const Id id = NewTask(in);
    for (Id person : assignees[i % 4]) of_person[person].push_back(id);
    if (i % 6 == 1) {
      ASSERT_EQ(Outcome(tasks().Complete(leader_, id, {Day("2024-06-10"), "", std::nullopt, ""})),
                "ok");
    }
  }
  RefreshSnapshot(*ctx_);

  auto ids = [&](const Actor& reader, TaskFilter f) {
    std::vector<Id> out;
    for (f.page = 1;; ++f.page) {
      auto page = tasks().List(reader, f);
      EXPECT_EQ(Outcome(page), "ok");
      if (!page.ok() || page->items.empty()) break;
      for (const auto& t : page->items) out.push_back(t.id);
    }
    return out;
  };
  // Today reads the status snapshot; a date between the two assignment dates, the computed path.
  for (const char* as_of : {kToday, "2024-04-15"}) {
    for (Id person : {specialist_.person_id, consolidator_.person_id}) {
      for (int variant = 0; variant < 3; ++variant) {
        TaskFilter f;
        f.as_of = Day(as_of);
        f.assignee = person;
        if (variant == 1) f.lead_org = infrastructure_;
        if (variant == 2) f.statuses = {domain::Status::kInProgress, domain::Status::kOverdue};
        for (const Actor* reader : {&leader_, &specialist_}) {
          SCOPED_TRACE(std::string(as_of) + ", person " + std::to_string(person) + ", variant " +
                       std::to_string(variant) +
                       (reader == &leader_ ? ", director" : ", specialist"));
          f.page_size = kMaxPageSize;
          f.sort = {{SortKey::Field::kTitle, false}};
          std::vector<Id> want = ids(*reader, f);
          std::sort(want.begin(), want.end());
          f.page_size = 4;
          f.sort = {{SortKey::Field::kId, false}};
          EXPECT_EQ(ids(*reader, f), want);
          f.sort = {{SortKey::Field::kId, true}};
          EXPECT_EQ(ids(*reader, f), std::vector<Id>(want.rbegin(), want.rend()));
          if (reader == &leader_ && variant == 0 && as_of == std::string(kToday)) {
            EXPECT_EQ(want, of_person[person]);  // the director sees every one of them
          }
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, TaskServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
