// The actions of a task's life after creation: progress, completion, extensions, cancellation and
// explanations. Each checks the actor's permission on the task as it is inside the transaction.
#include <functional>

#include "domain/attachment_policy.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"
#include "service/tasks/attachment_digest.h"
#include "service/tasks/attachment_upload.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"
#include "service/text_limits.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace {

// Loads the task, checks it is visible and that `allowed` holds, runs `change`, records the event
// (dated `occurred_on`, the business date of the fact) with before/after snapshots and returns
// the fresh view.
template <class Allowed, class Change>
Expected<TaskView> Act(const Context& ctx, const Actor& by, Id id, const char* action,
                       Date occurred_on, Allowed allowed, Change change) {
  return ctx.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    // Two servers completing the same task at once must not both succeed: on PostgreSQL the row
    // lock makes the second wait and then see the first one's result. SQLite's write transaction
    // already holds the database lock.
    if (c.dialect() == storage::Dialect::kPostgres)
      c.execute("SELECT id FROM tasks WHERE id = $1 FOR UPDATE", {Param(id)});
    auto before = LoadTaskRecord(c, id);
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
    Status changed = change(c, *before);
    if (!changed) return changed.error();
    c.execute("UPDATE tasks SET version = version + 1, updated_at = $1 WHERE id = $2",
              {Param(Context::NowMillis()), Param(id)});
    StoreSnapshotStatus(c, id);
    auto after = LoadTaskRecord(c, id);
    RecordEvent(c,
                {before->detail.summary.agency_id, "task", id, id, action, by.user_id,
                 TaskSnapshotJson(*before), TaskSnapshotJson(*after)},
                occurred_on);
    LoadTaskChildren(c, *after);
    const Date today = ctx.Today();
    ComputeStatus(*after, today, ctx.settings().due_soon_days);
    return TaskView{std::move(after->detail), PermissionsFor(by, after->access), today};
  });
}

}  // namespace

Expected<TaskView> TaskService::AddProgress(const Actor& by, Id id, const ProgressInput& input) {
  const std::string body = intl::ToNfc(input.body);
  const Date today = ctx_.Today();
  const Date reported_on = input.reported_on.value_or(today);
  Validator v;
  if (body.empty())
    v.Add("body", "required");
  else if (body.size() > kLongTextMaxBytes)
    v.Add("body", "too_long");
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
      [&](Connection& c, const TaskRecord& task) -> Status {
        if (reported_on < task.detail.summary.assigned_on)
          return Error::Validation({{"reported_on", "before_assigned_on"}});
        const std::int64_t now = Context::NowMillis();
        const Id update_id =
            c.execute(
                 "INSERT INTO task_updates (task_id, reported_on, body, percent, author_id, "
                 "recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                 {Param(id), Param(reported_on.Iso()), Param(body), Param(input.percent),
                  Param(by.user_id), Param(now)})
                .one()
                .integer(0);
        for (const auto& a : input.attachments) {
          c.execute(
              "INSERT INTO attachments (task_id, update_id, file_name, content_type, size_bytes, "
              "sha256, content, uploaded_by, uploaded_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              {Param(id), Param(update_id), Param(intl::ToNfc(a.file_name)), Param(a.content_type),
               Param(static_cast<std::int64_t>(a.content.size())), Param(Sha256Hex(a.content)),
               Param(storage::Blob{a.content}), Param(by.user_id), Param(now)});
        }
        // The task's progress is that of its latest report by date, which a back-dated report
        // does not change: the same rule that gives a task's progress as of any date.
        if (input.percent)
          c.execute(
              "UPDATE tasks SET progress = (SELECT u.percent FROM task_updates u WHERE u.task_id "
              "= $1 AND u.percent IS NOT NULL ORDER BY u.reported_on DESC, u.id DESC LIMIT 1) "
              "WHERE id = $1",
              {Param(id)});
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
  if (input.result_doc_number.size() > kShortLabelMaxBytes) v.Add("result_doc_number", "too_long");
  if (input.note.size() > kNoteMaxBytes) v.Add("note", "too_long");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "completed", completed_on, [](const TaskPermissions& p) { return p.complete; },
      [&](Connection& c, const TaskRecord& task) -> Status {
        if (completed_on < task.detail.summary.assigned_on)
          return Error::Validation({{"completed_on", "before_assigned_on"}});
        c.execute(
            "UPDATE tasks SET completed_on = $1, result_doc_number = $2, result_doc_date = $3, "
            "completion_note = $4, progress = 100 WHERE id = $5",
            {Param(completed_on.Iso()), Param(intl::ToNfc(input.result_doc_number)),
             DateParam(input.result_doc_date), Param(intl::ToNfc(input.note)), Param(id)});
        return Ok();
      });
}

Expected<TaskView> TaskService::RequestExtension(const Actor& by, Id id,
                                                 const ExtensionRequestInput& input) {
  const std::string reason = intl::ToNfc(input.reason);
  const Date requested_on = input.requested_on.value_or(ctx_.Today());
  Validator v;
  if (!input.requested_deadline) v.Add("requested_deadline", "required");
  if (reason.empty())
    v.Add("reason", "required");
  else if (reason.size() > kNoteMaxBytes)
    v.Add("reason", "too_long");
  if (requested_on > ctx_.Today()) v.Add("requested_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "extension_requested", requested_on,
      [](const TaskPermissions& p) { return p.request_extension; },
      [&](Connection& c, const TaskRecord& task) -> Status {
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
        auto pending = c.execute(
            "SELECT 1 FROM task_extensions WHERE task_id = $1 AND state = 'pending'", {Param(id)});
        if (!pending.empty()) return Error::Conflict("conflict");
        c.execute(
            "INSERT INTO task_extensions (task_id, previous_deadline, requested_deadline, reason, "
            "requested_by, requested_at, requested_on, state) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending')",
            {Param(id), DateParam(current), Param(input.requested_deadline->Iso()), Param(reason),
             Param(by.user_id), Param(Context::NowMillis()), Param(requested_on.Iso())});
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
  if (input.note.size() > kNoteMaxBytes) v.Add("note", "too_long");
  if (!v.ok()) return v.error();
  const char* action = approved ? "extension_approved" : "extension_refused";
  return Act(
      ctx_, by, id, action, approved ? effective_on : decided_on,
      [](const TaskPermissions& p) { return p.decide_extension; },
      [&](Connection& c, const TaskRecord& task) -> Status {
        auto r = c.execute(
            "SELECT state, requested_on FROM task_extensions WHERE id = $1 AND task_id = $2",
            {Param(extension_id), Param(id)});
        if (r.empty()) return Error::NotFound();
        if (r.one().text(0) != "pending") return Error::Conflict("extension_not_pending");
        if (decided_on < *Date::Parse(r.one().text(1)))
          return Error::Validation({{"decided_on", "before_requested_on"}});
        if (approved && effective_on < task.detail.summary.assigned_on)
          return Error::Validation({{"effective_on", "before_assigned_on"}});
        c.execute(
            "UPDATE task_extensions SET state = $1, decided_by = $2, decided_at = $3, "
            "decision_note = $4, effective_on = $5, decided_on = $6 WHERE id = $7",
            {Param(input.decision), Param(by.user_id), Param(Context::NowMillis()),
             Param(intl::ToNfc(input.note)),
             approved ? Param(effective_on.Iso()) : storage::Value(nullptr),
             Param(decided_on.Iso()), Param(extension_id)});
        if (approved) {
          // extended_on is the earliest effective date of any approval: before it no status
          // query needs to look at extensions at all.
          c.execute(
              "UPDATE tasks SET extended_on = CASE WHEN extended_on IS NULL OR extended_on > $1 "
              "THEN $1 ELSE extended_on END WHERE id = $2",
              {Param(effective_on.Iso()), Param(id)});
        }
        return Ok();
      });
}

Expected<TaskView> TaskService::Cancel(const Actor& by, Id id, const CancellationInput& input) {
  const Date cancelled_on = input.cancelled_on.value_or(ctx_.Today());
  const std::string reason = intl::ToNfc(input.reason);
  Validator v;
  if (input.kind != "cancelled" && input.kind != "withdrawn") v.Add("kind", "invalid");
  if (reason.empty())
    v.Add("reason", "required");
  else if (reason.size() > kNoteMaxBytes)
    v.Add("reason", "too_long");
  if (cancelled_on > ctx_.Today()) v.Add("cancelled_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, input.kind == "withdrawn" ? "withdrawn" : "cancelled", cancelled_on,
      [](const TaskPermissions& p) { return p.cancel; },
      [&](Connection& c, const TaskRecord& task) -> Status {
        if (cancelled_on < task.detail.summary.assigned_on)
          return Error::Validation({{"cancelled_on", "before_assigned_on"}});
        const Id approver = input.approver_id.value_or(by.person_id);
        auto person = c.execute(
            "SELECT o.path FROM people p JOIN organizations o ON o.id = p.organization_id "
            "WHERE p.id = $1",
            {Param(approver)});
        if (person.empty() || person.one().text(0).rfind(task.access.agency_path, 0) != 0)
          return Error::Validation({{"approver_id", "not_found"}});
        c.execute(
            "UPDATE tasks SET cancelled_on = $1, cancel_kind = $2, cancel_reason = $3, "
            "cancel_approver_id = $4 WHERE id = $5",
            {Param(cancelled_on.Iso()), Param(input.kind), Param(reason), Param(approver),
             Param(id)});
        return Ok();
      });
}

Expected<TaskView> TaskService::RequestExplanation(const Actor& by, Id id,
                                                   const std::string& question_in,
                                                   std::optional<Date> on) {
  const std::string question = intl::ToNfc(question_in);
  const Date requested_on = on.value_or(ctx_.Today());
  Validator v;
  if (question.empty() || question.size() > kNoteMaxBytes)
    v.Add("question", question.empty() ? "required" : "too_long");
  if (requested_on > ctx_.Today()) v.Add("requested_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "explanation_requested", requested_on,
      [](const TaskPermissions& p) { return p.request_explanation; },
      [&](Connection& c, const TaskRecord& task) -> Status {
        if (requested_on < task.detail.summary.assigned_on)
          return Error::Validation({{"requested_on", "before_assigned_on"}});
        c.execute(
            "INSERT INTO explanation_requests (task_id, question, requested_by, requested_at, "
            "requested_on) VALUES ($1, $2, $3, $4, $5)",
            {Param(id), Param(question), Param(by.user_id), Param(Context::NowMillis()),
             Param(requested_on.Iso())});
        return Ok();
      });
}

Expected<TaskView> TaskService::AnswerExplanation(const Actor& by, Id id, Id explanation_id,
                                                  const std::string& answer_in,
                                                  std::optional<Date> on) {
  const std::string answer = intl::ToNfc(answer_in);
  const Date answered_on = on.value_or(ctx_.Today());
  Validator v;
  if (answer.empty() || answer.size() > kLongTextMaxBytes)
    v.Add("answer", answer.empty() ? "required" : "too_long");
  if (answered_on > ctx_.Today()) v.Add("answered_on", "in_future");
  if (!v.ok()) return v.error();
  return Act(
      ctx_, by, id, "explanation_answered", answered_on,
      [](const TaskPermissions& p) { return p.answer_explanation; },
      [&](Connection& c, const TaskRecord&) -> Status {
        // An answer given before the question was asked would be shown before its question.
        auto asked = c.execute(
            "SELECT requested_on FROM explanation_requests WHERE id = $1 AND task_id = $2",
            {Param(explanation_id), Param(id)});
        if (!asked.empty() && answered_on < *Date::Parse(asked.one().text(0)))
          return Error::Validation({{"answered_on", "before_requested_on"}});
        auto r = c.execute(
            "UPDATE explanation_requests SET answer = $1, answered_by = $2, answered_at = $3, "
            "answered_on = $4 WHERE id = $5 AND task_id = $6 AND answer IS NULL RETURNING id",
            {Param(answer), Param(by.user_id), Param(Context::NowMillis()),
             Param(answered_on.Iso()), Param(explanation_id), Param(id)});
        if (r.empty()) {
          auto exists =
              c.execute("SELECT 1 FROM explanation_requests WHERE id = $1 AND task_id = $2",
                        {Param(explanation_id), Param(id)});
          return exists.empty() ? Error::NotFound() : Error::Conflict("conflict");
        }
        return Ok();
      });
}

}  // namespace giaoban::service
