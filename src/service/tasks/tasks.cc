#include "service/tasks/tasks.h"

#include <algorithm>
#include <set>

#include "intl/text.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/row_values.h"
#include "service/sources/sources.h"
#include "service/tasks/task_query.h"
#include "service/tasks/task_store.h"
#include "service/tasks/today_status.h"
#include "service/text_limits.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace {

TaskSummary SummaryFromRow(const storage::Row& r, Date as_of, int due_soon_days) {
  TaskSummary s;
  ReadTaskHead(r, s);
  s.deadline_in_force = OptionalDate(r, 14);
  s.deadline_label = r.text(15);
  s.completed_on = OptionalDate(r, 16);
  s.cancelled_on = OptionalDate(r, 17);
  s.progress = static_cast<int>(r.integer(18));
  s.extended = r.boolean(19);
  s.status = domain::ParseStatus(r.text(20)).value_or(domain::Status::kInProgress);
  s.version = r.integer(21);
  // The warning needs only the deadline in force, which the database has already resolved.
  domain::ApprovedExtension none[1];
  domain::TaskFacts facts{s.assigned_on, s.deadline_in_force, std::span(none, 0), s.completed_on,
                          s.cancelled_on};
  s.warning = domain::WarningAsOf(facts, as_of, due_soon_days);
  return s;
}

// Checks that referenced rows exist and belong to the agency; adds field errors otherwise.
void CheckReferences(Connection& c, const Actor& by, Id agency_id, const TaskInput& in,
                     Validator& v) {
  const std::string agency_path = [&] {
    auto p = OrganizationPath(c, agency_id);
    return p.value_or("/none/");
  }();
  auto org_in_agency = [&](Id id) {
    auto p = c.execute("SELECT path FROM organizations WHERE id = $1", {Param(id)});
    return !p.empty() && p.one().text(0).rfind(agency_path, 0) == 0;
  };
  auto person_in_agency = [&](Id id) {
    auto p = c.execute(
        "SELECT o.path FROM people p JOIN organizations o ON o.id = p.organization_id "
        "WHERE p.id = $1",
        {Param(id)});
    return !p.empty() && p.one().text(0).rfind(agency_path, 0) == 0;
  };
  if (in.source_id) {
    auto s = c.execute("SELECT agency_id FROM sources WHERE id = $1", {Param(*in.source_id)});
    if (s.empty() || s.one().integer(0) != agency_id) v.Add("source_id", "not_found");
  }
  if (in.parent_id && *in.parent_id) {
    auto p = c.execute("SELECT agency_id FROM tasks WHERE id = $1", {Param(**in.parent_id)});
    if (p.empty() || p.one().integer(0) != agency_id) v.Add("parent_id", "not_found");
  }
  if (in.lead_org_id && !org_in_agency(*in.lead_org_id)) v.Add("lead_org_id", "not_found");
  if (in.cooperator_ids) {
    for (Id id : *in.cooperator_ids) {
      if (!org_in_agency(id)) v.Add("cooperator_ids", "not_found");
      if (in.lead_org_id && id == *in.lead_org_id) v.Add("cooperator_ids", "includes_lead");
    }
  }
  if (in.leader_id && *in.leader_id && !person_in_agency(**in.leader_id))
    v.Add("leader_id", "not_found");
  if (in.assignee_ids) {
    for (Id id : *in.assignee_ids) {
      if (!person_in_agency(id)) v.Add("assignee_ids", "not_found");
    }
  }
}

void ValidateText(const std::optional<std::string>& value, const char* field, std::size_t max,
                  bool required, Validator& v) {
  if (!value) return;
  if (required && value->empty())
    v.Add(field, "required");
  else if (value->size() > max)
    v.Add(field, "too_long");
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

void ReplaceLinks(Connection& c, Id task_id, const TaskInput& in) {
  if (in.cooperator_ids) {
    c.execute("DELETE FROM task_cooperators WHERE task_id = $1", {Param(task_id)});
    for (Id org : *in.cooperator_ids)
      c.execute("INSERT INTO task_cooperators (task_id, organization_id) VALUES ($1, $2)",
                {Param(task_id), Param(org)});
  }
  if (in.assignee_ids) {
    c.execute("DELETE FROM task_assignees WHERE task_id = $1", {Param(task_id)});
    for (Id person : *in.assignee_ids)
      c.execute("INSERT INTO task_assignees (task_id, person_id) VALUES ($1, $2)",
                {Param(task_id), Param(person)});
  }
}

// Whether making `parent` the parent of `task` would put `task` among its own ancestors.
bool CreatesCycle(Connection& c, Id task, Id parent) {
  std::optional<Id> current = parent;
  for (int depth = 0; current && depth < 64; ++depth) {
    if (*current == task) return true;
    auto r = c.execute("SELECT parent_id FROM tasks WHERE id = $1", {Param(*current)});
    current = r.empty() ? std::nullopt : r.one().opt_integer(0);
  }
  return current.has_value();  // deeper than any real plan: refuse rather than loop
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading

Expected<Page<TaskSummary>> TaskService::List(const Actor& actor, const TaskFilter& filter) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](Connection& c) -> Expected<Page<TaskSummary>> {
        const auto snapshot = SnapshotDate(c);
        TaskQuery q(c.dialect(), filter, actor, ReadableAgencies(c, actor),
                    snapshot && *snapshot == filter.as_of);
        Page<TaskSummary> page;
        page.page = filter.page;
        page.page_size = filter.page_size;
        const auto rows = c.execute(q.PageSql(), q.params());
        for (const auto& row : rows.rows)
          page.items.push_back(SummaryFromRow(row, filter.as_of, ctx_.settings().due_soon_days));
        if (q.TotalInPage() && !rows.empty())
          page.total = rows.rows.front().integer(TaskQuery::kPageTotalColumn);
        else if (!q.TotalInPage() || filter.page > 1)
          page.total = c.execute(q.CountSql(), q.params()).one().integer(0);
        return page;
      });
}

namespace {

Expected<TaskView> ViewOf(Connection& c, const Actor& actor, Id id, Date as_of, int due_soon_days) {
  auto rec = LoadTaskRecord(c, id);
  if (!rec || !CanReadTask(actor, rec->access)) return Error::NotFound();
  LoadTaskChildren(c, *rec);
  ComputeStatus(*rec, as_of, due_soon_days);
  std::vector<TaskSummary> visible;
  for (const auto& child : rec->detail.subtasks) {
    auto child_rec = LoadTaskRecord(c, child.id);
    if (!child_rec || !CanReadTask(actor, child_rec->access)) continue;
    ComputeStatus(*child_rec, as_of, due_soon_days);
    visible.push_back(child_rec->detail.summary);
  }
  rec->detail.subtasks = std::move(visible);
  const std::int64_t later = ShowAsOf(c, *rec, as_of);
  return TaskView{std::move(rec->detail), PermissionsFor(actor, rec->access), as_of, later};
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
    return Attachment{
        {row.integer(0), row.opt_integer(1), row.text(2), row.text(3), row.integer(4), row.text(5)},
        row.blob(6).bytes};
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
  ValidateText(in.title, "title", kTitleMaxBytes, true, v);
  ValidateText(in.content, "content", kLongTextMaxBytes, false, v);
  ValidateText(in.product, "product", kProductMaxBytes, false, v);
  ValidateText(in.deadline_label, "deadline_label", kShortLabelMaxBytes, false, v);
  const Date today = ctx_.Today();
  const Date assigned_on = in.assigned_on.value_or(today);
  const std::optional<Date> deadline = in.deadline.value_or(std::nullopt);
  if (deadline && *deadline < assigned_on) v.Add("deadline", "before_assigned_on");
  if (!v.ok()) return v.error();

  // Roles that can never create a task are told so before anything about the data is revealed.
  if (by.role != Role::kLeader && by.role != Role::kConsolidator && by.role != Role::kUnitHead)
    return Error::Forbidden();
  return ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    Validator refs;
    CheckReferences(c, by, by.agency_id, in, refs);
    if (!refs.ok()) return refs.error();
    auto lead_path = OrganizationPath(c, *in.lead_org_id);
    if (!CanCreateTaskFor(by, *lead_path)) return Error::Forbidden();
    const auto source = LoadSourceForCopy(c, *in.source_id);
    const std::int64_t now = Context::NowMillis();
    const std::string title = *in.title;
    const Id id =
        c.execute(
             "INSERT INTO tasks (agency_id, source_id, source_kind, parent_id, title, title_key, "
             "content, is_key, restricted, lead_org_id, leader_id, product, assigned_on, deadline, "
             "deadline_label, search_fold, created_by, created_at, updated_at) VALUES ($1, $2, $3, "
             "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) "
             "RETURNING id",
             {Param(by.agency_id), Param(*in.source_id),
              Param(domain::SourceKindCode(source->kind)),
              Param(in.parent_id.value_or(std::nullopt)), Param(title),
              Param(intl::CollationKey(title)), Param(in.content.value_or("")),
              Param(in.is_key.value_or(false)), Param(in.restricted.value_or(false)),
              Param(*in.lead_org_id), Param(in.leader_id.value_or(std::nullopt)),
              Param(in.product.value_or("")), Param(assigned_on.Iso()), DateParam(deadline),
              Param(in.deadline_label.value_or("")),
              Param(TaskSearchFold(title, in.content.value_or(""), in.product.value_or(""),
                                   source->doc_number)),
              Param(by.user_id), Param(now)})
            .one()
            .integer(0);
    ReplaceLinks(c, id, in);
    StoreSnapshotStatus(c, id);
    auto rec = LoadTaskRecord(c, id);
    RecordEvent(c,
                {by.agency_id, "task", id, id, "created", by.user_id, "", TaskSnapshotJson(*rec)},
                assigned_on);
    return ViewOf(c, by, id, today, ctx_.settings().due_soon_days);
  });
}

Expected<TaskView> TaskService::Update(const Actor& by, Id id, std::int64_t expected_version,
                                       const TaskInput& input) {
  const TaskInput in = Normalized(input);
  Validator v;
  ValidateText(in.title, "title", kTitleMaxBytes, true, v);
  ValidateText(in.content, "content", kLongTextMaxBytes, false, v);
  ValidateText(in.product, "product", kProductMaxBytes, false, v);
  ValidateText(in.deadline_label, "deadline_label", kShortLabelMaxBytes, false, v);
  // Changing the deadline in place would rewrite what past reports said; extensions keep both.
  if (in.deadline) v.Add("deadline", "use_extension");
  if (in.parent_id && *in.parent_id && **in.parent_id == id) v.Add("parent_id", "invalid");
  if (!v.ok()) return v.error();

  return ctx_.db().transact(TransactionMode::kWrite, [&](Connection& c) -> Expected<TaskView> {
    auto before = LoadTaskRecord(c, id);
    if (!before || !CanReadTask(by, before->access)) return Error::NotFound();
    if (!PermissionsFor(by, before->access).edit) return Error::Forbidden();
    if (before->detail.summary.version != expected_version) return Error::PreconditionFailed();
    // Handing the task to a unit the actor may not assign to is refused before any validation.
    if (in.lead_org_id) {
      auto lead_path = OrganizationPath(c, *in.lead_org_id);
      if (lead_path && !CanCreateTaskFor(by, *lead_path)) return Error::Forbidden();
    }
    Validator refs;
    CheckReferences(c, by, before->detail.summary.agency_id, in, refs);
    if (in.parent_id && *in.parent_id && CreatesCycle(c, id, **in.parent_id))
      refs.Add("parent_id", "cycle");
    {
      // The lead unit and the cooperating units stay distinct whichever of them changes.
      const Id lead = in.lead_org_id.value_or(before->detail.summary.lead_org.id);
      std::vector<Id> cooperators;
      if (in.cooperator_ids)
        cooperators = *in.cooperator_ids;
      else
        for (const auto& co : before->detail.cooperators) cooperators.push_back(co.id);
      if (std::find(cooperators.begin(), cooperators.end(), lead) != cooperators.end())
        refs.Add(in.cooperator_ids ? "cooperator_ids" : "lead_org_id", "includes_lead");
    }
    if (in.assigned_on && before->detail.summary.deadline &&
        *in.assigned_on > *before->detail.summary.deadline)
      refs.Add("assigned_on", "after_deadline");
    if (!refs.ok()) return refs.error();

    const TaskSummary& old = before->detail.summary;
    // Always from the source itself, never from the row read above: the source may have changed
    // since, and writing the old copy back would take the task out of its kind's figures.
    const domain::SourceKind kind =
        LoadSourceForCopy(c, in.source_id.value_or(old.source_id))->kind;
    auto r = c.execute(
        "UPDATE tasks SET source_id = $1, source_kind = $2, parent_id = $3, title = $4, "
        "content = $5, is_key = $6, restricted = $7, lead_org_id = $8, leader_id = $9, "
        "product = $10, assigned_on = $11, deadline_label = $12, version = version + 1, "
        "updated_at = $13 WHERE id = $14 AND version = $15 RETURNING id",
        {Param(in.source_id.value_or(old.source_id)), Param(domain::SourceKindCode(kind)),
         Param(in.parent_id.value_or(before->detail.parent_id)),
         Param(in.title.value_or(old.title)), Param(in.content.value_or(before->detail.content)),
         Param(in.is_key.value_or(old.is_key)), Param(in.restricted.value_or(old.restricted)),
         Param(in.lead_org_id.value_or(old.lead_org.id)),
         Param(
             in.leader_id.value_or(old.leader ? std::optional<Id>(old.leader->id) : std::nullopt)),
         Param(in.product.value_or(before->detail.product)),
         Param(in.assigned_on.value_or(old.assigned_on).Iso()),
         Param(in.deadline_label.value_or(old.deadline_label)), Param(Context::NowMillis()),
         Param(id), Param(expected_version)});
    // The version check above ran in this transaction, but another process may have committed
    // between our read and this write: the WHERE clause is what guarantees no lost update.
    if (r.empty()) return Error::PreconditionFailed();
    ReplaceLinks(c, id, in);
    RefreshTaskSearch(c, id);
    StoreSnapshotStatus(c, id);
    auto after = LoadTaskRecord(c, id);
    RecordEvent(c,
                {old.agency_id, "task", id, id, "updated", by.user_id, TaskSnapshotJson(*before),
                 TaskSnapshotJson(*after)},
                ctx_.Today());
    return ViewOf(c, by, id, ctx_.Today(), ctx_.settings().due_soon_days);
  });
}

}  // namespace giaoban::service
