// The actions of a task's life after creation: progress, completion, extensions, cancellation and
// explanations. Each checks the actor's permission on the task as it is inside the transaction.
#include <algorithm>
#include <functional>

#include "domain/attachment_policy.h"
#include "domain/text_limits.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"
#include "service/tasks/attachment_digest.h"
#include "service/tasks/attachment_upload.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace {

// Another transaction changed the task between this one's read and its write: the whole unit of
// work runs again (Database::transact retries), and then sees that change.
[[noreturn]] void ThrowChangedMeanwhile(Id id) {
  throw storage::DatabaseError(storage::DatabaseError::Kind::kSerialization,
                               "task " + std::to_string(id) + " changed during the transaction");
}

// Loads the task once, checks it is visible and that `allowed` holds, lets `change` write its own
// rows and apply the same change to the task in memory, writes the task's row (only if its
// version is still the one read), records the event (dated `occurred_on`, the business date of
// the fact) with before/after snapshots and returns the changed task as its page shows it.
template <class Allowed, class Change>
Expected<TaskView> Act(const Context& ctx, const Actor& by, Id id, const char* action,
                       Date occurred_on, Allowed allowed, Change change) {
  return ctx.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    auto before = LoadTaskForChange(c, id, TaskLoad::kEverything, TaskRowLock::kHoldRow);
    if (!before || !CanReadTask(by, before->access)) return Error::NotFound();
    const TaskPermissions perms = PermissionsFor(by, before->access);
    if (!allowed(perms)) {
      // "Already completed" is only news to someone who could act on the task were it open;
      // anyone else is simply not allowed.
      TaskAccessFacts as_if_open = before->access;
      as_if_open.closed = false;
      if (!allowed(PermissionsFor(by, as_if_open))) return Error::Forbidden();
      if (before->detail.summary.cancelled_on) return Error::Conflict("task_cancelled");
      if (before->detail.summary.completed_on) return Error::Conflict("task_already_completed");
      return Error::Forbidden();
    }
    TaskRecord after = *before;
    const std::int64_t now = Context::NowMillis();
    Status changed = change(c, *before, after, now);
    if (!changed) return changed.error();
    TaskSummary& s = after.detail.summary;
    s.version = before->detail.summary.version + 1;
    after.access.closed = s.completed_on.has_value() || s.cancelled_on.has_value();
    // The version read is still the task's (the row lock on PostgreSQL, the database lock on
    // SQLite); should anything else have changed it, the whole transaction runs again.
    if (!WriteTaskState(c, after, before->detail.summary.version, now)) ThrowChangedMeanwhile(id);
    RecordEvent(c,
                {s.agency_id, "task", id, id, action, by.user_id, TaskSnapshotJson(*before),
                 TaskSnapshotJson(after)},
                occurred_on);
    const Date today = ctx.Today();
    const int due_soon_days = ctx.settings().due_soon_days;
    after.detail.subtasks = LoadSubtasks(c, by, after, today, due_soon_days);
    ComputeStatus(after, today, due_soon_days);
    return TaskView{std::move(after.detail), PermissionsFor(by, after.access), today, 0,
                    std::move(after.program_place)};
  });
}

// A task's progress is that of its latest report by date that gave one (updates are kept newest
// first): a back-dated report does not change it.
int LatestPercent(const std::vector<ProgressUpdate>& updates, int otherwise) {
  for (const ProgressUpdate& u : updates) {
    if (u.percent) return *u.percent;
  }
  return otherwise;
}

// Adds a new report (whose id is the highest) where its date puts it among reports newest first.
void InsertNewestFirst(std::vector<ProgressUpdate>& updates, ProgressUpdate update) {
  const auto at = std::find_if(updates.begin(), updates.end(), [&](const ProgressUpdate& u) {
    return u.reported_on <= update.reported_on;
  });
  updates.insert(at, std::move(update));
}

}  // namespace

Expected<TaskView> TaskService::AddProgress(const Actor& by, Id id, const ProgressInput& input) {
  const std::string body = intl::ToNfc(input.body);
  const Date today = ctx_.Today();
  const Date reported_on = input.reported_on.value_or(today);
  Validator v;
  v.RequireText("body", body, domain::kLongTextMaxBytes);
  if (input.percent && (*input.percent < 0 || *input.percent > 100))
    v.Add("percent", "out_of_range");
  if (reported_on > today) v.Add("reported_on", "in_future");
  if (domain::TooManyAttachments(input.attachments.size())) v.Add("attachments", "too_many");
  for (std::size_t i = 0; i < input.attachments.size(); ++i) {
    const auto& a = input.attachments[i];
    const std::string_view problem = domain::AttachmentProblem(
        {a.file_name, a.content_type, a.content}, ctx_.settings().max_attachment_bytes);
    if (!problem.empty()) v.Add("attachments[" + std::to_string(i) + "]", std::string(problem));
  }
  if (!v.ok()) return v.error();

  return Act(
      ctx_, by, id, "progress_reported", reported_on,
      [](const TaskPermissions& p) { return p.report_progress; },
      [&](Connection& c, const TaskRecord& task, TaskRecord& after, std::int64_t now) -> Status {
        if (reported_on < task.detail.summary.assigned_on)
          return Error::Validation({{"reported_on", "before_assigned_on"}});
        ProgressUpdate update;
        update.reported_on = reported_on;
        update.body = body;
        update.percent = input.percent;
        update.author = {by.user_id, by.full_name};
        update.recorded_at = now;
        const auto inserted = c.execute(
            "INSERT INTO task_updates (task_id, reported_on, body, percent, author_id, "
            "recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {Param(id), Param(reported_on.Iso()), Param(body), Param(input.percent),
             Param(by.user_id), Param(now)});
        update.id = inserted.one().integer(inserted.column("id"));
        if (!input.attachments.empty()) {
          // All of the report's files in one statement.
          std::string sql =
              "INSERT INTO attachments (task_id, update_id, file_name, content_type, size_bytes, "
              "sha256, content, uploaded_by, uploaded_at) VALUES ";
          std::vector<storage::Value> params = {Param(id), Param(update.id), Param(by.user_id),
                                                Param(now)};
          for (const auto& a : input.attachments) {
            AttachmentInfo info{0,
                                update.id,
                                intl::ToNfc(a.file_name),
                                a.content_type,
                                static_cast<std::int64_t>(a.content.size()),
                                Sha256Hex(a.content)};
            const std::size_t n = params.size();
            sql += std::string(n == 4 ? "" : ", ") + "($1, $2, $" + std::to_string(n + 1) + ", $" +
                   std::to_string(n + 2) + ", $" + std::to_string(n + 3) + ", $" +
                   std::to_string(n + 4) + ", $" + std::to_string(n + 5) + ", $3, $4)";
            params.push_back(Param(info.file_name));
            params.push_back(Param(info.content_type));
            params.push_back(Param(info.size_bytes));
            params.push_back(Param(info.sha256));
            params.push_back(Param(storage::Blob{a.content}));
            update.attachments.push_back(std::move(info));
          }
          const auto files = c.execute(sql + " RETURNING id", params);
          // Ids are handed out in the order of the rows inserted, whatever order they come back.
          std::vector<Id> ids;
          const storage::Column file_id = files.column("id");
          for (const auto& row : files.rows) ids.push_back(row.integer(file_id));
          std::sort(ids.begin(), ids.end());
          for (std::size_t i = 0; i < ids.size() && i < update.attachments.size(); ++i)
            update.attachments[i].id = ids[i];
        }
        TaskSummary& s = after.detail.summary;
        InsertNewestFirst(after.detail.updates, std::move(update));
        if (input.percent) s.progress = LatestPercent(after.detail.updates, s.progress);
        return Ok();
      });
}

Expected<TaskView> TaskService::Complete(const Actor& by, Id id, const CompletionInput& input) {
  const Date today = ctx_.Today();
  const Date completed_on = input.completed_on.value_or(today);
  Validator v;
  if (completed_on > today) v.Add("completed_on", "in_future");
  if (input.result_doc_date && *input.result_doc_date > today)
    v.Add("result_doc_date", "in_future");
  v.LimitText("result_doc_number", input.result_doc_number, domain::kShortLabelMaxBytes);
  v.LimitText("note", input.note, domain::kNoteMaxBytes);
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "completed", completed_on, [](const TaskPermissions& p) { return p.complete; },
      [&](Connection&, const TaskRecord& task, TaskRecord& after, std::int64_t) -> Status {
        if (completed_on < task.detail.summary.assigned_on)
          return Error::Validation({{"completed_on", "before_assigned_on"}});
        TaskDetail& d = after.detail;
        d.summary.completed_on = completed_on;
        d.summary.progress = 100;
        d.result_doc_number = intl::ToNfc(input.result_doc_number);
        d.result_doc_date = input.result_doc_date;
        d.completion_note = intl::ToNfc(input.note);
        return Ok();
      });
}

Expected<TaskView> TaskService::RequestExtension(const Actor& by, Id id,
                                                 const ExtensionRequestInput& input) {
  const std::string reason = intl::ToNfc(input.reason);
  const Date requested_on = input.requested_on.value_or(ctx_.Today());
  Validator v;
  if (!input.requested_deadline) v.Add("requested_deadline", "required");
  v.RequireText("reason", reason, domain::kNoteMaxBytes);
  if (requested_on > ctx_.Today()) v.Add("requested_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "extension_requested", requested_on,
      [](const TaskPermissions& p) { return p.request_extension; },
      [&](Connection& c, const TaskRecord& task, TaskRecord& after, std::int64_t now) -> Status {
        if (requested_on < task.detail.summary.assigned_on)
          return Error::Validation({{"requested_on", "before_assigned_on"}});
        // The deadline the request asks to move is the one in force on the day it was made.
        const auto current =
            domain::DeadlineInForce({task.detail.summary.assigned_on, task.detail.summary.deadline,
                                     task.approved_extensions, std::nullopt, std::nullopt},
                                    requested_on);
        if (*input.requested_deadline < task.detail.summary.assigned_on ||
            (current && *input.requested_deadline <= *current))
          return Error::Validation({{"requested_deadline", "not_later"}});
        const auto& extensions = task.detail.extensions;
        if (std::any_of(extensions.begin(), extensions.end(),
                        [](const Extension& e) { return e.state == "pending"; }))
          return Error::Conflict("conflict");
        const auto inserted = c.execute(
            "INSERT INTO task_extensions (task_id, previous_deadline, requested_deadline, reason, "
            "requested_by, requested_at, requested_on, state) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') RETURNING id",
            {Param(id), DateParam(current), Param(input.requested_deadline->Iso()), Param(reason),
             Param(by.user_id), Param(now), Param(requested_on.Iso())});
        Extension x;
        x.id = inserted.one().integer(inserted.column("id"));
        x.previous_deadline = current;
        x.requested_deadline = *input.requested_deadline;
        x.reason = reason;
        x.requested_by = {by.user_id, by.full_name};
        x.requested_on = requested_on;
        x.requested_at = now;
        x.state = "pending";
        after.detail.extensions.push_back(std::move(x));
        return Ok();
      });
}

Expected<TaskView> TaskService::DecideExtension(const Actor& by, Id id, Id extension_id,
                                                const ExtensionDecisionInput& input) {
  const bool approved = input.decision == "approved";
  const Date decided_on = input.decided_on.value_or(ctx_.Today());
  const Date effective_on = input.effective_on.value_or(decided_on);
  Validator v;
  if (input.decision != "approved" && input.decision != "refused") v.Add("decision", "invalid");
  // Like every business date, a decision and the extension it grants take effect no later than
  // today: the status snapshot relies on no fact changing a task by itself in the future.
  if (decided_on > ctx_.Today()) v.Add("decided_on", "in_future");
  if (input.effective_on) {  // otherwise it is the decision's date, checked above
    if (!approved)
      v.Add("effective_on", "not_applicable");  // a refusal moves no deadline
    else if (effective_on > ctx_.Today())
      v.Add("effective_on", "in_future");
    else if (effective_on < decided_on)
      // Taking effect before it was granted would rewrite what was true on the days between.
      v.Add("effective_on", "before_decided_on");
  }
  v.LimitText("note", input.note, domain::kNoteMaxBytes);
  if (!v.ok()) return v.error();
  const char* action = approved ? "extension_approved" : "extension_refused";
  return Act(
      ctx_, by, id, action, approved ? effective_on : decided_on,
      [](const TaskPermissions& p) { return p.decide_extension; },
      [&](Connection& c, const TaskRecord& task, TaskRecord& after, std::int64_t now) -> Status {
        auto& extensions = after.detail.extensions;
        const auto x = std::find_if(extensions.begin(), extensions.end(),
                                    [&](const Extension& e) { return e.id == extension_id; });
        if (x == extensions.end()) return Error::NotFound();
        if (x->state != "pending") return Error::Conflict("extension_not_pending");
        if (decided_on < x->requested_on)
          return Error::Validation({{"decided_on", "before_requested_on"}});
        if (approved && effective_on < task.detail.summary.assigned_on)
          return Error::Validation({{"effective_on", "before_assigned_on"}});
        const std::string note = intl::ToNfc(input.note);
        const std::optional<Date> effective =
            approved ? std::optional<Date>(effective_on) : std::nullopt;
        c.execute(
            "UPDATE task_extensions SET state = $1, decided_by = $2, decided_at = $3, "
            "decision_note = $4, effective_on = $5, decided_on = $6 WHERE id = $7",
            {Param(input.decision), Param(by.user_id), Param(now), Param(note),
             DateParam(effective), Param(decided_on.Iso()), Param(extension_id)});
        x->state = input.decision;
        x->decided_by = NamedRef{by.user_id, by.full_name};
        x->decided_at = now;
        x->decision_note = note;
        x->effective_on = effective;
        x->decided_on = decided_on;
        after.approved_extensions = ApprovedExtensions(extensions);
        return Ok();
      });
}

Expected<TaskView> TaskService::Cancel(const Actor& by, Id id, const CancellationInput& input) {
  const Date cancelled_on = input.cancelled_on.value_or(ctx_.Today());
  const std::string reason = intl::ToNfc(input.reason);
  Validator v;
  if (input.kind != "cancelled" && input.kind != "withdrawn") v.Add("kind", "invalid");
  v.RequireText("reason", reason, domain::kNoteMaxBytes);
  if (cancelled_on > ctx_.Today()) v.Add("cancelled_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, input.kind == "withdrawn" ? "withdrawn" : "cancelled", cancelled_on,
      [](const TaskPermissions& p) { return p.cancel; },
      [&](Connection& c, const TaskRecord& task, TaskRecord& after, std::int64_t) -> Status {
        if (cancelled_on < task.detail.summary.assigned_on)
          return Error::Validation({{"cancelled_on", "before_assigned_on"}});
        const Id approver = input.approver_id.value_or(by.person_id);
        auto person = c.execute(
            "SELECT p.full_name, o.path FROM people p "
            "JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1",
            {Param(approver)});
        if (person.empty() ||
            person.one().text(person.column("path")).rfind(task.access.agency_path, 0) != 0)
          return Error::Validation({{"approver_id", "not_found"}});
        TaskDetail& d = after.detail;
        d.summary.cancelled_on = cancelled_on;
        d.cancel_kind = input.kind;
        d.cancel_reason = reason;
        d.cancel_approver = NamedRef{approver, person.one().text(person.column("full_name"))};
        return Ok();
      });
}

Expected<TaskView> TaskService::RequestExplanation(const Actor& by, Id id,
                                                   const std::string& question_in,
                                                   std::optional<Date> on) {
  const std::string question = intl::ToNfc(question_in);
  const Date requested_on = on.value_or(ctx_.Today());
  Validator v;
  v.RequireText("question", question, domain::kNoteMaxBytes);
  if (requested_on > ctx_.Today()) v.Add("requested_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "explanation_requested", requested_on,
      [](const TaskPermissions& p) { return p.request_explanation; },
      [&](Connection& c, const TaskRecord& task, TaskRecord& after, std::int64_t now) -> Status {
        if (requested_on < task.detail.summary.assigned_on)
          return Error::Validation({{"requested_on", "before_assigned_on"}});
        const auto inserted = c.execute(
            "INSERT INTO explanation_requests (task_id, question, requested_by, requested_at, "
            "requested_on) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            {Param(id), Param(question), Param(by.user_id), Param(now), Param(requested_on.Iso())});
        Explanation x;
        x.id = inserted.one().integer(inserted.column("id"));
        x.question = question;
        x.requested_by = {by.user_id, by.full_name};
        x.requested_on = requested_on;
        x.requested_at = now;
        after.detail.explanations.push_back(std::move(x));
        return Ok();
      });
}

Expected<TaskView> TaskService::AnswerExplanation(const Actor& by, Id id, Id explanation_id,
                                                  const std::string& answer_in,
                                                  std::optional<Date> on) {
  const std::string answer = intl::ToNfc(answer_in);
  const Date answered_on = on.value_or(ctx_.Today());
  Validator v;
  v.RequireText("answer", answer, domain::kLongTextMaxBytes);
  if (answered_on > ctx_.Today()) v.Add("answered_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "explanation_answered", answered_on,
      [](const TaskPermissions& p) { return p.answer_explanation; },
      [&](Connection& c, const TaskRecord&, TaskRecord& after, std::int64_t now) -> Status {
        auto& explanations = after.detail.explanations;
        const auto x = std::find_if(explanations.begin(), explanations.end(),
                                    [&](const Explanation& e) { return e.id == explanation_id; });
        if (x == explanations.end()) return Error::NotFound();
        // An answer given before the question was asked would be shown before its question.
        if (answered_on < x->requested_on)
          return Error::Validation({{"answered_on", "before_requested_on"}});
        if (x->answer) return Error::Conflict("conflict");
        const auto r = c.execute(
            "UPDATE explanation_requests SET answer = $1, answered_by = $2, answered_at = $3, "
            "answered_on = $4 WHERE id = $5 AND task_id = $6 AND answer IS NULL",
            {Param(answer), Param(by.user_id), Param(now), Param(answered_on.Iso()),
             Param(explanation_id), Param(id)});
        // Answered by someone else since it was read: run again to see that answer.
        if (r.affected_rows != 1) ThrowChangedMeanwhile(id);
        x->answer = answer;
        x->answered_by = NamedRef{by.user_id, by.full_name};
        x->answered_on = answered_on;
        x->answered_at = now;
        return Ok();
      });
}

}  // namespace giaoban::service
