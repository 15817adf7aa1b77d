#include "service/tasks/tasks.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/text_limits.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/organizations/organizations.h"
#include "service/row_values.h"
#include "service/sources/sources.h"
#include "service/tasks/task_query.h"
#include "service/tasks/task_store.h"
#include "service/tasks/today_status.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;
using storage::TransactionMode;

namespace {

// What the ids a task's input refers to point at, read in one statement: the paths of the
// organisations and of the people's organisations, the source, the parent task's chain of
// ancestors, and the status snapshot's date. On PostgreSQL the source is held shared, since the
// task copies its kind, and so is the snapshot (see today_status.h).
struct TaskReferences {
  std::string agency_path = "/none/";
  std::map<Id, std::string> org_paths;
  std::map<Id, std::string> person_org_paths;
  struct SourceFacts {
    Id agency_id = 0;
    domain::SourceKind kind = domain::SourceKind::kAdHoc;
    std::string doc_number;
  };
  std::optional<SourceFacts> source;
  // The parent, then its parent and so on: (task id, agency id), nearest first.
  std::vector<std::pair<Id, Id>> ancestors;
  std::optional<Date> snapshot_as_of;
};

// How far up a chain of parents is looked at: deeper than any real plan.
constexpr int kMaxPlanDepth = 64;

TaskReferences LoadReferences(Connection& c, Id agency_id, const TaskInput& in, Id source_id) {
  const bool postgres = c.dialect() == storage::Dialect::kPostgres;
  const std::string share = postgres ? " FOR SHARE" : "";
  std::vector<storage::Value> params = {Param(agency_id), Param(source_id)};
  auto bind = [&](Id id) {
    params.push_back(Param(id));
    return "$" + std::to_string(params.size());
  };
  auto id_list = [&](const std::vector<Id>& ids) {
    std::string list;
    for (Id id : ids) list += (list.empty() ? "" : ", ") + bind(id);
    return list;
  };
  std::vector<Id> orgs, people;
  if (in.lead_org_id) orgs.push_back(*in.lead_org_id);
  if (in.cooperator_ids)
    orgs.insert(orgs.end(), in.cooperator_ids->begin(), in.cooperator_ids->end());
  if (in.leader_id && *in.leader_id) people.push_back(**in.leader_id);
  if (in.assignee_ids)
    people.insert(people.end(), in.assignee_ids->begin(), in.assignee_ids->end());
  const std::optional<Id> parent =
      in.parent_id && *in.parent_id ? std::optional<Id>(**in.parent_id) : std::nullopt;

  std::string sql;
  if (parent) {
    sql =
        "WITH RECURSIVE ancestors (id, parent_id, agency_id, depth) AS (SELECT id, parent_id, "
        "agency_id, 0 FROM tasks WHERE id = " +
        bind(*parent) +
        " UNION ALL SELECT t.id, t.parent_id, t.agency_id, a.depth + 1 FROM tasks t "
        "JOIN ancestors a ON t.id = a.parent_id WHERE a.depth < " +
        std::to_string(kMaxPlanDepth) + ") ";
  }
  sql +=
      "SELECT 'agency' AS ref, o.id AS ref_id, o.path AS path, NULL AS doc_number, "
      "NULL AS agency_id, 0 AS depth FROM organizations o WHERE o.id = $1 "
      // The locked rows are read by the locking sub-selects themselves: after waiting for a
      // concurrent change, those return the changed row.
      "UNION ALL SELECT 'source', s.id, s.kind, s.doc_number, s.agency_id, 0 FROM (SELECT "
      "x.id, x.kind, x.doc_number, x.agency_id FROM sources x WHERE x.id = $2" +
      share +
      ") s "
      "UNION ALL SELECT 'snapshot', NULL, CAST(ss.as_of AS TEXT), NULL, NULL, 0 "
      "FROM (SELECT x.as_of FROM status_snapshot x WHERE x.id = 1" +
      share + ") ss";
  if (!orgs.empty()) {
    sql +=
        " UNION ALL SELECT 'organization', o.id, o.path, NULL, NULL, 0 FROM organizations o "
        "WHERE o.id IN (" +
        id_list(orgs) + ")";
  }
  if (!people.empty()) {
    sql +=
        " UNION ALL SELECT 'person', p.id, o.path, NULL, NULL, 0 FROM people p "
        "JOIN organizations o ON o.id = p.organization_id WHERE p.id IN (" +
        id_list(people) + ")";
  }
  if (parent)
    sql += " UNION ALL SELECT 'ancestor', id, NULL, NULL, agency_id, depth FROM ancestors";
  sql += " ORDER BY ref, depth";

  const auto r = c.execute(sql, params);
  const storage::Column ref = r.column("ref"), ref_id = r.column("ref_id"), path = r.column("path"),
                        doc_number = r.column("doc_number"), agency = r.column("agency_id");
  TaskReferences out;
  for (const storage::Row& row : r.rows) {
    const std::string& kind = row.text(ref);
    if (kind == "agency") {
      out.agency_path = row.text(path);
    } else if (kind == "source") {
      out.source = TaskReferences::SourceFacts{
          row.integer(agency), domain::SourceKindFromStored(row.text(path)), row.text(doc_number)};
    } else if (kind == "snapshot") {
      out.snapshot_as_of = Date::Parse(row.text(path));
    } else if (kind == "organization") {
      out.org_paths[row.integer(ref_id)] = row.text(path);
    } else if (kind == "person") {
      out.person_org_paths[row.integer(ref_id)] = row.text(path);
    } else {
      out.ancestors.emplace_back(row.integer(ref_id), row.integer(agency));
    }
  }
  return out;
}

// Checks that referenced rows exist and belong to the agency; adds field errors otherwise.
void CheckReferences(const TaskReferences& refs, Id agency_id, const TaskInput& in, Validator& v) {
  auto within_agency = [&](const std::map<Id, std::string>& paths, Id id) {
    const auto it = paths.find(id);
    return it != paths.end() && it->second.rfind(refs.agency_path, 0) == 0;
  };
  if (in.source_id && (!refs.source || refs.source->agency_id != agency_id))
    v.Add("source_id", "not_found");
  if (in.parent_id && *in.parent_id &&
      (refs.ancestors.empty() || refs.ancestors.front().second != agency_id))
    v.Add("parent_id", "not_found");
  if (in.lead_org_id && !within_agency(refs.org_paths, *in.lead_org_id))
    v.Add("lead_org_id", "not_found");
  if (in.cooperator_ids) {
    for (Id id : *in.cooperator_ids) {
      if (!within_agency(refs.org_paths, id)) v.Add("cooperator_ids", "not_found");
      if (in.lead_org_id && id == *in.lead_org_id) v.Add("cooperator_ids", "includes_lead");
    }
  }
  if (in.leader_id && *in.leader_id && !within_agency(refs.person_org_paths, **in.leader_id))
    v.Add("leader_id", "not_found");
  if (in.assignee_ids) {
    for (Id id : *in.assignee_ids) {
      if (!within_agency(refs.person_org_paths, id)) v.Add("assignee_ids", "not_found");
    }
  }
}

// Whether making the parent read in `refs` the parent of `task` would put `task` among its own
// ancestors; a chain deeper than any real plan is refused rather than followed.
bool CreatesCycle(const TaskReferences& refs, Id task) {
  for (const auto& [id, agency] : refs.ancestors) {
    if (id == task) return true;
  }
  return refs.ancestors.size() > static_cast<std::size_t>(kMaxPlanDepth);
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

// Inserts links of a task to `ids` in one statement.
void InsertLinks(Connection& c, const char* table, const char* column, Id task_id,
                 const std::vector<Id>& ids) {
  if (ids.empty()) return;
  std::string sql = std::string("INSERT INTO ") + table + " (task_id, " + column + ") VALUES ";
  std::vector<storage::Value> params = {Param(task_id)};
  for (Id id : ids) {
    params.push_back(Param(id));
    sql += std::string(params.size() == 2 ? "" : ", ") + "($1, $" + std::to_string(params.size()) +
           ")";
  }
  c.execute(sql, params);
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
  InsertLinks(c, table, column, task_id, added);
}

// The page of a task just created or edited in this transaction, as of `today`.
TaskView FreshView(TaskRecord& rec, const Actor& actor, Date today, int due_soon_days) {
  ComputeStatus(rec, today, due_soon_days);
  return TaskView{std::move(rec.detail), PermissionsFor(actor, rec.access), today};
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
    const std::int64_t now = Context::NowMillis();
    const std::string title = *in.title;
    std::vector<storage::Value> params = {
        Param(by.agency_id),
        Param(*in.source_id),
        Param(domain::SourceKindCode(refs.source->kind)),
        Param(in.parent_id.value_or(std::nullopt)),
        Param(title),
        Param(intl::CollationKey(title)),
        Param(in.content.value_or("")),
        Param(in.is_key.value_or(false)),
        Param(in.restricted.value_or(false)),
        Param(*in.lead_org_id),
        Param(in.leader_id.value_or(std::nullopt)),
        Param(in.product.value_or("")),
        Param(assigned_on.Iso()),
        DateParam(deadline),
        Param(in.deadline_label.value_or("")),
        Param(TaskSearchFold(title, in.content.value_or(""), in.product.value_or(""),
                             refs.source->doc_number)),
        Param(by.user_id),
        Param(now)};
    std::string columns =
        "agency_id, source_id, source_kind, parent_id, title, title_key, content, is_key, "
        "restricted, lead_org_id, leader_id, product, assigned_on, deadline, deadline_label, "
        "search_fold, created_by, created_at, updated_at";
    std::string values =
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18";
    // Without a snapshot the next refresh computes every task.
    if (refs.snapshot_as_of) {
      TaskSummary facts;
      facts.assigned_on = assigned_on;
      facts.deadline = deadline;
      const SnapshotStatus today_status = SnapshotStatusOf(facts, {}, *refs.snapshot_as_of);
      columns += ", today_status, today_deadline, today_extended";
      values += ", $19, $20, $21";
      params.push_back(Param(today_status.status));
      params.push_back(DateParam(today_status.deadline));
      params.push_back(Param(today_status.extended));
    }
    const auto inserted = c.execute(
        "INSERT INTO tasks (" + columns + ") VALUES (" + values + ") RETURNING id", params);
    const Id id = inserted.one().integer(inserted.column("id"));
    InsertLinks(c, "task_cooperators", "organization_id", id,
                in.cooperator_ids.value_or(std::vector<Id>{}));
    InsertLinks(c, "task_assignees", "person_id", id, in.assignee_ids.value_or(std::vector<Id>{}));
    // A new task has no reports, requests or subtasks yet: its row is all there is to read.
    auto rec = LoadTaskForChange(c, id, TaskLoad::kRowOnly);
    RecordEvent(c,
                {by.agency_id, "task", id, id, "created", by.user_id, "", TaskSnapshotJson(*rec)},
                assigned_on);
    return FreshView(*rec, by, today, ctx_.settings().due_soon_days);
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
