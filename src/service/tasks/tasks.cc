#include "service/tasks/tasks.h"

#include <algorithm>
#include <set>

#include "domain/text_limits.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/reports/report_period_filter.h"
#include "service/row_values.h"
#include "service/sources/sources.h"
#include "service/tasks/task_as_of.h"
#include "service/tasks/task_insert.h"
#include "service/tasks/task_query.h"
#include "service/tasks/task_references.h"
#include "service/tasks/task_store.h"
#include "service/tasks/today_status.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace {

void ValidateText(const std::optional<std::string>& value, const char* field, std::size_t max,
                  bool required, Validator& v) {
  if (!value) return;
  if (required)
    v.RequireText(field, *value, max);
  else
    v.LimitText(field, *value, max);
}

TaskInput Normalized(TaskInput in) {
  auto nfc = [](std::optional<std::string>& s) {
    if (s) s = intl::ToNfc(*s);
  };
  nfc(in.title);
  nfc(in.content);
  nfc(in.product);
  nfc(in.deadline_label);
  auto dedupe = [](std::optional<std::vector<Id>>& ids) {
    if (!ids) return;
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  };
  dedupe(in.cooperator_ids);
  dedupe(in.assignee_ids);
  return in;
}

// Makes a task's links in `table` those to `wanted`, given those it has: removes and adds only
// the difference, one statement each.
void ReplaceLinks(Connection& c, const char* table, const char* column, Id task_id,
                  const std::vector<NamedRef>& current, const std::vector<Id>& wanted) {
  std::vector<Id> removed, added;
  for (const NamedRef& ref : current) {
    if (std::find(wanted.begin(), wanted.end(), ref.id) == wanted.end()) removed.push_back(ref.id);
  }
  for (Id id : wanted) {
    if (std::none_of(current.begin(), current.end(),
                     [&](const NamedRef& ref) { return ref.id == id; }))
      added.push_back(id);
  }
  if (!removed.empty()) {
    std::string sql =
        std::string("DELETE FROM ") + table + " WHERE task_id = $1 AND " + column + " IN (";
    std::vector<storage::Value> params = {Param(task_id)};
    for (Id id : removed) {
      params.push_back(Param(id));
      sql += std::string(params.size() == 2 ? "" : ", ") + "$" + std::to_string(params.size());
    }
    c.execute(sql + ")", params);
  }
  InsertTaskLinks(c, table, column, task_id, added);
}

// The page of a task just created or edited in this transaction, as of `today`.
TaskView FreshView(TaskRecord& rec, const Actor& actor, Date today, int due_soon_days) {
  ComputeStatus(rec, today, due_soon_days);
  return TaskView{std::move(rec.detail), PermissionsFor(actor, rec.access), today, 0,
                  std::move(rec.program_place)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading

Expected<TaskListPage> TaskService::List(const Actor& actor, const TaskFilter& asked) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<TaskListPage> {
    TaskFilter filter = asked;
    auto prepared = PrepareTaskQuery(c, actor, ctx_.Today(), filter);
    if (!prepared) return prepared.error();
    TaskQuery& q = *prepared;
    TaskListPage page;
    page.as_of = filter.as_of;
    page.page = filter.page;
    page.page_size = filter.page_size;
    const auto rows = c.execute(q.PageSql(), q.params());
    page.items = SummariesFromResult(rows, filter.as_of, ctx_.settings().due_soon_days);
    if (q.TotalInPage() && !rows.empty()) {
      page.total = rows.rows.front().integer(rows.column("total"));
    } else if (!q.TotalInPage() || filter.page > 1) {
      const auto count = c.execute(q.CountSql(), q.params());
      page.total = count.one().integer(count.column("total"));
    }
    return page;
  });
}

namespace {

// Four statements: the task with its source (and the program's row it was imported from), its
// requests, its reports, its subtasks.
Expected<TaskView> ViewOf(Connection& c, const Actor& actor, Id id, Date as_of, int due_soon_days) {
  auto rec = LoadTaskForReading(c, id);
  if (!rec || !CanReadTask(actor, rec->access)) return Error::NotFound();
  ComputeStatus(*rec, as_of, due_soon_days);
  rec->detail.subtasks = LoadSubtasks(c, actor, *rec, as_of, due_soon_days);
  const std::int64_t later = ShowAsOf(*rec, as_of);
  return TaskView{std::move(rec->detail), PermissionsFor(actor, rec->access), as_of, later,
                  std::move(rec->program_place)};
}

}  // namespace

Expected<TaskView> TaskService::Get(const Actor& actor, Id id, std::optional<Date> as_of) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) {
    return ViewOf(c, actor, id, as_of.value_or(ctx_.Today()), ctx_.settings().due_soon_days);
  });
}

Expected<TaskHistoryPage> TaskService::History(const Actor& actor, Id id,
                                               std::optional<Date> as_of) {
  return ctx_.db().transact(TransactionMode::kRead,
                            [&](Connection& c) -> Expected<TaskHistoryPage> {
                              auto rec = LoadTaskRecord(c, id);
                              if (!rec || !CanReadTask(actor, rec->access))
                                return Error::NotFound();
                              return TaskHistory(c, id, as_of);
                            });
}

Expected<Attachment> TaskService::GetAttachment(const Actor& actor, Id task_id, Id attachment_id) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<Attachment> {
    auto rec = LoadTaskRecord(c, task_id);
    if (!rec || !CanReadTask(actor, rec->access)) return Error::NotFound();
    auto r = c.execute(
        "SELECT id, update_id, file_name, content_type, size_bytes, sha256, content "
        "FROM attachments WHERE id = $1 AND task_id = $2",
        {Param(attachment_id), Param(task_id)});
    if (r.empty()) return Error::NotFound();
    const auto& row = r.one();
    return Attachment{{row.integer(r.column("id")), row.opt_integer(r.column("update_id")),
                       row.text(r.column("file_name")), row.text(r.column("content_type")),
                       row.integer(r.column("size_bytes")), row.text(r.column("sha256"))},
                      row.blob(r.column("content")).bytes};
  });
}

// ---------------------------------------------------------------------------------------------
// Creating and editing

Expected<TaskView> TaskService::Create(const Actor& by, const TaskInput& input) {
  const TaskInput in = Normalized(input);
  Validator v;
  if (!in.source_id) v.Add("source_id", "required");
  if (!in.title) v.Add("title", "required");
  if (!in.lead_org_id) v.Add("lead_org_id", "required");
  ValidateText(in.title, "title", domain::kTitleMaxBytes, true, v);
  ValidateText(in.content, "content", domain::kLongTextMaxBytes, false, v);
  ValidateText(in.product, "product", domain::kProductMaxBytes, false, v);
  ValidateText(in.deadline_label, "deadline_label", domain::kShortLabelMaxBytes, false, v);
  const Date today = ctx_.Today();
  const Date assigned_on = in.assigned_on.value_or(today);
  const std::optional<Date> deadline = in.deadline.value_or(std::nullopt);
  if (deadline && *deadline < assigned_on) v.Add("deadline", "before_assigned_on");
  if (!v.ok()) return v.error();

  // Roles that can never create a task are told so before anything about the data is revealed.
  if (by.role != Role::kLeader && by.role != Role::kConsolidator && by.role != Role::kUnitHead)
    return Error::Forbidden();
  return ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    const TaskReferences refs = LoadReferences(c, by.agency_id, in, *in.source_id);
    Validator problems;
    CheckReferences(refs, by.agency_id, in, problems);
    if (!problems.ok()) return problems.error();
    if (!CanCreateTaskFor(by, refs.org_paths.at(*in.lead_org_id))) return Error::Forbidden();
    TaskRecord rec = InsertTask(c, by, in, refs, assigned_on, Context::NowMillis());
    return FreshView(rec, by, today, ctx_.settings().due_soon_days);
  });
}

Expected<TaskView> TaskService::Update(const Actor& by, Id id, std::int64_t expected_version,
                                       const TaskInput& input) {
  const TaskInput in = Normalized(input);
  Validator v;
  ValidateText(in.title, "title", domain::kTitleMaxBytes, true, v);
  ValidateText(in.content, "content", domain::kLongTextMaxBytes, false, v);
  ValidateText(in.product, "product", domain::kProductMaxBytes, false, v);
  ValidateText(in.deadline_label, "deadline_label", domain::kShortLabelMaxBytes, false, v);
  // Changing the deadline in place would rewrite what past reports said; extensions keep both.
  if (in.deadline) v.Add("deadline", "use_extension");
  if (in.parent_id && *in.parent_id && **in.parent_id == id) v.Add("parent_id", "invalid");
  if (!v.ok()) return v.error();

  return ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    auto before = LoadTaskForChange(c, id);
    if (!before || !CanReadTask(by, before->access)) return Error::NotFound();
    if (!PermissionsFor(by, before->access).edit) return Error::Forbidden();
    if (before->detail.summary.version != expected_version) return Error::PreconditionFailed();
    const TaskSummary& old = before->detail.summary;
    // Always from the source itself, never from the row read above: the source may have changed
    // since, and writing the old copy back would take the task out of its kind's figures.
    const TaskReferences refs =
        LoadReferences(c, old.agency_id, in, in.source_id.value_or(old.source_id));
    // Handing the task to a unit the actor may not assign to is refused before any validation.
    if (in.lead_org_id) {
      const auto lead_path = refs.org_paths.find(*in.lead_org_id);
      if (lead_path != refs.org_paths.end() && !CanCreateTaskFor(by, lead_path->second))
        return Error::Forbidden();
    }
    Validator problems;
    CheckReferences(refs, old.agency_id, in, problems);
    if (in.parent_id && *in.parent_id && CreatesCycle(refs, id)) problems.Add("parent_id", "cycle");
    {
      // The lead unit and the cooperating units stay distinct whichever of them changes.
      const Id lead = in.lead_org_id.value_or(old.lead_org.id);
      std::vector<Id> cooperators;
      if (in.cooperator_ids)
        cooperators = *in.cooperator_ids;
      else
        for (const auto& co : before->detail.cooperators) cooperators.push_back(co.id);
      if (std::find(cooperators.begin(), cooperators.end(), lead) != cooperators.end())
        problems.Add(in.cooperator_ids ? "cooperator_ids" : "lead_org_id", "includes_lead");
    }
    if (in.assigned_on && old.deadline && *in.assigned_on > *old.deadline)
      problems.Add("assigned_on", "after_deadline");
    if (!problems.ok()) return problems.error();

    const std::string title = in.title.value_or(old.title);
    const std::string content = in.content.value_or(before->detail.content);
    const std::string product = in.product.value_or(before->detail.product);
    const Date assigned_on = in.assigned_on.value_or(old.assigned_on);
    std::vector<storage::Value> params = {
        Param(in.source_id.value_or(old.source_id)),
        Param(domain::SourceKindCode(refs.source->kind)),
        Param(in.parent_id.value_or(before->detail.parent_id)),
        Param(title),
        Param(content),
        Param(in.is_key.value_or(old.is_key)),
        Param(in.restricted.value_or(old.restricted)),
        Param(in.lead_org_id.value_or(old.lead_org.id)),
        Param(in.leader_id.value_or(old.leader ? std::optional<Id>(old.leader->id) : std::nullopt)),
        Param(product),
        Param(assigned_on.Iso()),
        Param(in.deadline_label.value_or(old.deadline_label)),
        Param(Context::NowMillis()),
        Param(id),
        Param(expected_version),
        Param(TaskSearchFold(title, content, product, refs.source->doc_number)),
        Param(intl::CollationKey(title))};
    std::string sql =
        "UPDATE tasks SET source_id = $1, source_kind = $2, parent_id = $3, title = $4, "
        "content = $5, is_key = $6, restricted = $7, lead_org_id = $8, leader_id = $9, "
        "product = $10, assigned_on = $11, deadline_label = $12, version = version + 1, "
        "updated_at = $13, search_fold = $16, title_key = $17";
    if (before->snapshot_as_of) {
      // A new assignment date may move the task into or out of "not yet assigned".
      TaskSummary facts = old;
      facts.assigned_on = assigned_on;
      const SnapshotStatus today_status =
          SnapshotStatusOf(facts, before->approved_extensions, *before->snapshot_as_of);
      sql += ", today_status = $18, today_deadline = $19, today_extended = $20";
      params.push_back(Param(today_status.status));
      params.push_back(DateParam(today_status.deadline));
      params.push_back(Param(today_status.extended));
    }
    // The version check above ran in this transaction, but another process may have committed
    // between our read and this write: the WHERE clause is what guarantees no lost update.
    if (c.execute(sql + " WHERE id = $14 AND version = $15", params).affected_rows != 1)
      return Error::PreconditionFailed();
    if (in.cooperator_ids)
      ReplaceLinks(c, "task_cooperators", "organization_id", id, before->detail.cooperators,
                   *in.cooperator_ids);
    if (in.assignee_ids)
      ReplaceLinks(c, "task_assignees", "person_id", id, before->detail.assignees,
                   *in.assignee_ids);
    // The task's own row again, for the names and paths of what it now refers to; its reports and
    // requests are those read before, which an edit does not touch.
    auto after = LoadTaskForChange(c, id, TaskLoad::kRowOnly);
    after->detail.updates = std::move(before->detail.updates);
    after->detail.extensions = std::move(before->detail.extensions);
    after->detail.explanations = std::move(before->detail.explanations);
    after->approved_extensions = before->approved_extensions;
    RecordEvent(c,
                {old.agency_id, "task", id, id, "updated", by.user_id, TaskSnapshotJson(*before),
                 TaskSnapshotJson(*after)},
                ctx_.Today());
    const Date today = ctx_.Today();
    after->detail.subtasks = LoadSubtasks(c, by, *after, today, ctx_.settings().due_soon_days);
    return FreshView(*after, by, today, ctx_.settings().due_soon_days);
  });
}

}  // namespace giaoban::service
