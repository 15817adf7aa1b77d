#include "service/tasks/task_store.h"

#include <boost/json.hpp>
#include <limits>
#include <span>

#include "intl/text.h"
#include "service/program_headings.h"
#include "service/row_values.h"
#include "service/sources/sources.h"
#include "service/tasks/task_query.h"
#include "service/tasks/today_status.h"

namespace giaoban::service {

using storage::Param;

namespace {

boost::json::value DateJson(const std::optional<Date>& d) {
  return d ? boost::json::value(d->Iso()) : boost::json::value(nullptr);
}

}  // namespace

std::string TaskSearchFold(const std::string& title, const std::string& content,
                           const std::string& product, const std::string& doc_number) {
  return intl::Fold(title + " " + doc_number + " " + product + " " + content);
}

namespace {

void RefreshSearchWhere(storage::Connection& c, const char* condition, Id id) {
  auto r =
      c.execute(std::string("SELECT t.id, t.title, t.content, t.product, s.doc_number FROM tasks t "
                            "JOIN sources s ON s.id = t.source_id WHERE ") +
                    condition,
                {Param(id)});
  const storage::Column id_column = r.column("id"), title = r.column("title"),
                        content = r.column("content"), product = r.column("product"),
                        doc_number = r.column("doc_number");
  for (const auto& row : r.rows) {
    c.execute("UPDATE tasks SET search_fold = $1, title_key = $2 WHERE id = $3",
              {Param(TaskSearchFold(row.text(title), row.text(content), row.text(product),
                                    row.text(doc_number))),
               Param(intl::CollationKey(row.text(title))), Param(row.integer(id_column))});
  }
}

}  // namespace

void RefreshSourceTasksSearch(storage::Connection& c, Id source_id) {
  RefreshSearchWhere(c, "t.source_id = $1", source_id);
}

namespace {

// A task's own columns with the names and paths it refers to, then one row per cooperating unit
// and per assignee, each kind in name order (the link columns are NULL when it has neither).
// `extra` adds columns.
std::string TaskHeadSql(std::string_view extra = "", std::string_view extra_joins = "") {
  return "SELECT t.id, t.agency_id, t.title, t.source_id, t.source_kind, s.doc_number, t.is_key, "
         "t.restricted, t.lead_org_id, lo.name AS lead_org_name, t.leader_id, "
         "lp.full_name AS leader_name, t.assigned_on, t.deadline, t.deadline_label, "
         "t.completed_on, t.cancelled_on, t.progress, t.version, t.content, t.product, "
         "t.parent_id, t.result_doc_number, t.result_doc_date, t.completion_note, t.cancel_kind, "
         "t.cancel_reason, t.cancel_approver_id, ap.full_name AS cancel_approver_name, "
         "a.path AS agency_path, lo.path AS lead_org_path, l.link, l.link_id, l.link_name, "
         "l.link_path" +
         std::string(extra) +
         " FROM tasks t JOIN sources s ON s.id = t.source_id "
         "JOIN organizations lo ON lo.id = t.lead_org_id "
         "JOIN organizations a ON a.id = t.agency_id "
         "LEFT JOIN people lp ON lp.id = t.leader_id "
         "LEFT JOIN people ap ON ap.id = t.cancel_approver_id " +
         std::string(extra_joins) +
         "LEFT JOIN (SELECT 'cooperator' AS link, o.id AS link_id, o.name AS link_name, "
         "o.path AS link_path, o.name_key AS link_key FROM task_cooperators tc "
         "JOIN organizations o ON o.id = tc.organization_id WHERE tc.task_id = $1 "
         "UNION ALL SELECT 'assignee', p.id, p.full_name, NULL, p.name_key FROM task_assignees ta "
         "JOIN people p ON p.id = ta.person_id WHERE ta.task_id = $1) l ON 1 = 1 "
         "WHERE t.id = $1 ORDER BY l.link, l.link_key, l.link_id";
}

// The columns of a task that both the list query and the task loaders select, by the names they
// give them.
constexpr std::tuple kTaskHeadFields{
    Field{"id", &TaskSummary::id},
    Field{"agency_id", &TaskSummary::agency_id},
    Field{"title", &TaskSummary::title},
    Field{"source_id", &TaskSummary::source_id},
    Field{"source_kind", &TaskSummary::source_kind},
    Field{"doc_number", &TaskSummary::source_doc_number},
    Field{"is_key", &TaskSummary::is_key},
    Field{"restricted", &TaskSummary::restricted},
    RefField{"lead_org_id", "lead_org_name", &TaskSummary::lead_org},
    RefField{"leader_id", "leader_name", &TaskSummary::leader},
    Field{"assigned_on", &TaskSummary::assigned_on},
    Field{"deadline", &TaskSummary::deadline},
    Field{"deadline_label", &TaskSummary::deadline_label},
    Field{"completed_on", &TaskSummary::completed_on},
    Field{"cancelled_on", &TaskSummary::cancelled_on},
    Field{"progress", &TaskSummary::progress},
    Field{"version", &TaskSummary::version},
};

// The rest of a task's own row, as TaskHeadSql selects it.
constexpr std::tuple kTaskDetailFields{
    Field{"content", &TaskDetail::content},
    Field{"product", &TaskDetail::product},
    Field{"parent_id", &TaskDetail::parent_id},
    Field{"result_doc_number", &TaskDetail::result_doc_number},
    Field{"result_doc_date", &TaskDetail::result_doc_date},
    Field{"completion_note", &TaskDetail::completion_note},
    Field{"cancel_kind", &TaskDetail::cancel_kind},
    Field{"cancel_reason", &TaskDetail::cancel_reason},
    RefField{"cancel_approver_id", "cancel_approver_name", &TaskDetail::cancel_approver},
};

TaskRecord TaskRecordFromHead(const storage::Result& r) {
  const storage::Row& row = r.rows.front();
  TaskRecord rec;
  TaskDetail& d = rec.detail;
  const TaskSummary& s = d.summary = RowReader(r, kTaskHeadFields).Read(row);
  RowReader(r, kTaskDetailFields).Read(row, d);

  rec.access.agency_id = s.agency_id;
  rec.access.agency_path = row.text(r.column("agency_path"));
  rec.access.lead_org_path = row.text(r.column("lead_org_path"));
  rec.access.restricted = s.restricted;
  rec.access.closed = s.completed_on.has_value() || s.cancelled_on.has_value();

  const storage::Column link = r.column("link"), link_id = r.column("link_id"),
                        link_name = r.column("link_name"), link_path = r.column("link_path");
  for (const storage::Row& l : r.rows) {
    if (l.is_null(link)) continue;
    const NamedRef ref{l.integer(link_id), l.text(link_name)};
    if (l.text(link) == "cooperator") {
      d.cooperators.push_back(ref);
      rec.access.cooperator_paths.push_back(l.text(link_path));
    } else {
      d.assignees.push_back(ref);
      rec.access.assignee_person_ids.push_back(ref.id);
    }
  }
  return rec;
}

// An extension request and an explanation request as LoadRequests selects them, both in the same
// columns: what was asked (body), who asked, and the reply.
constexpr std::tuple kExtensionFields{
    Field{"id", &Extension::id},
    Field{"previous_deadline", &Extension::previous_deadline},
    Field{"requested_deadline", &Extension::requested_deadline},
    Field{"body", &Extension::reason},
    RefField{"requested_by", "requested_by_name", &Extension::requested_by},
    Field{"requested_at", &Extension::requested_at},
    Field{"state", &Extension::state},
    RefField{"replied_by", "replied_by_name", &Extension::decided_by},
    Field{"replied_at", &Extension::decided_at},
    Field{"reply", &Extension::decision_note},
    Field{"effective_on", &Extension::effective_on},
    Field{"requested_on", &Extension::requested_on},
    Field{"replied_on", &Extension::decided_on},
};
constexpr std::tuple kExplanationFields{
    Field{"id", &Explanation::id},
    Field{"body", &Explanation::question},
    RefField{"requested_by", "requested_by_name", &Explanation::requested_by},
    Field{"requested_at", &Explanation::requested_at},
    Field{"reply", &Explanation::answer},
    RefField{"replied_by", "replied_by_name", &Explanation::answered_by},
    Field{"replied_at", &Explanation::answered_at},
    Field{"requested_on", &Explanation::requested_on},
    Field{"replied_on", &Explanation::answered_on},
};

// The extension and the explanation requests of a task ($1), in the order they were made: one
// read, since both are requests that wait for a reply (a decision, an answer).
constexpr const char* kRequestsSql =
    "SELECT 'extension' AS request, e.id AS id, e.reason AS body, e.requested_by, "
    "rp.full_name AS requested_by_name, e.requested_at, e.requested_on, e.state, "
    "e.decision_note AS reply, e.decided_by AS replied_by, dp.full_name AS replied_by_name, "
    "e.decided_at AS replied_at, e.decided_on AS replied_on, e.previous_deadline, "
    "e.requested_deadline, e.effective_on FROM task_extensions e "
    "JOIN users ru ON ru.id = e.requested_by JOIN people rp ON rp.id = ru.person_id "
    "LEFT JOIN users du ON du.id = e.decided_by LEFT JOIN people dp ON dp.id = du.person_id "
    "WHERE e.task_id = $1 "
    "UNION ALL SELECT 'explanation', x.id, x.question, x.requested_by, rp.full_name, "
    "x.requested_at, x.requested_on, NULL, x.answer, x.answered_by, ap.full_name, "
    "x.answered_at, x.answered_on, NULL, NULL, NULL FROM explanation_requests x "
    "JOIN users ru ON ru.id = x.requested_by JOIN people rp ON rp.id = ru.person_id "
    "LEFT JOIN users au ON au.id = x.answered_by LEFT JOIN people ap ON ap.id = au.person_id "
    "WHERE x.task_id = $1 ORDER BY request, id";

void ReadRequests(const storage::Result& r, TaskDetail& d) {
  const storage::Column request = r.column("request");
  const RowReader extension(r, kExtensionFields);
  const RowReader explanation(r, kExplanationFields);
  for (const storage::Row& row : r.rows) {
    if (row.text(request) == "extension")
      d.extensions.push_back(extension.Read(row));
    else
      d.explanations.push_back(explanation.Read(row));
  }
}

// A progress report and one of its attachments as LoadUpdates selects them.
constexpr std::tuple kUpdateFields{
    Field{"id", &ProgressUpdate::id},
    Field{"reported_on", &ProgressUpdate::reported_on},
    Field{"body", &ProgressUpdate::body},
    Field{"percent", &ProgressUpdate::percent},
    RefField{"author_id", "author_name", &ProgressUpdate::author},
    Field{"recorded_at", &ProgressUpdate::recorded_at},
};
constexpr std::tuple kAttachmentFields{
    Field{"attachment_id", &AttachmentInfo::id},
    Field{"id", &AttachmentInfo::update_id},
    Field{"file_name", &AttachmentInfo::file_name},
    Field{"content_type", &AttachmentInfo::content_type},
    Field{"size_bytes", &AttachmentInfo::size_bytes},
    Field{"sha256", &AttachmentInfo::sha256},
};

// Progress reports of a task ($1), newest first, each with its attachments: one row per
// attachment.
constexpr const char* kUpdatesSql =
    "SELECT u.id, u.reported_on, u.body, u.percent, u.author_id, p.full_name AS author_name, "
    "u.recorded_at, f.id AS attachment_id, f.file_name, f.content_type, f.size_bytes, f.sha256 "
    "FROM task_updates u JOIN users us ON us.id = u.author_id "
    "JOIN people p ON p.id = us.person_id LEFT JOIN attachments f ON f.update_id = u.id "
    "WHERE u.task_id = $1 ORDER BY u.reported_on DESC, u.id DESC, f.id";

void ReadUpdates(const storage::Result& r, TaskDetail& d) {
  const RowReader update(r, kUpdateFields);
  const RowReader attachment(r, kAttachmentFields);
  const storage::Column id = r.column("id"), attachment_id = r.column("attachment_id");
  for (const storage::Row& row : r.rows) {
    if (d.updates.empty() || d.updates.back().id != row.integer(id))
      d.updates.push_back(update.Read(row));
    if (!row.is_null(attachment_id)) d.updates.back().attachments.push_back(attachment.Read(row));
  }
}

}  // namespace

std::vector<domain::ApprovedExtension> ApprovedExtensions(
    const std::vector<Extension>& extensions) {
  std::vector<domain::ApprovedExtension> approved;
  for (const Extension& e : extensions) {
    if (e.state == "approved" && e.effective_on)
      approved.push_back({*e.effective_on, e.requested_deadline});
  }
  return approved;
}

std::optional<TaskRecord> LoadTaskRecord(storage::Connection& c, Id id) {
  auto r = c.execute(TaskHeadSql(), {Param(id)});
  if (r.empty()) return std::nullopt;
  TaskRecord rec = TaskRecordFromHead(r);
  const auto e = c.execute(
      "SELECT effective_on, requested_deadline FROM task_extensions "
      "WHERE task_id = $1 AND state = 'approved' ORDER BY id",
      {Param(id)});
  const storage::Column effective_on = e.column("effective_on"),
                        requested_deadline = e.column("requested_deadline");
  for (const auto& row : e.rows) {
    rec.approved_extensions.push_back(
        {*Date::Parse(row.text(effective_on)), *Date::Parse(row.text(requested_deadline))});
  }
  return rec;
}

namespace {

// The headings above an imported task's row as a reader sees them (see HeadingLine).
std::vector<std::string> HeadingLines(const std::string& stored) {
  std::vector<std::string> lines;
  for (const ProgramHeading& heading : HeadingsFromStored(stored))
    lines.push_back(HeadingLine(heading));
  return lines;
}

std::optional<TaskRecord> LoadTask(storage::Connection& c, Id id, TaskLoad load, TaskRowLock lock,
                                   bool for_change) {
  const bool postgres = c.dialect() == storage::Dialect::kPostgres;
  // On PostgreSQL a refresh holds the snapshot row exclusively and a change holds it shared, so a
  // change never stores a status for a date that a concurrent refresh is replacing.
  const std::string extra =
      std::string(
          ", s.agency_id AS source_agency_id, s.kind AS source_own_kind, "
          "s.title AS source_title, s.doc_date AS source_doc_date, "
          "s.issuer AS source_issuer, s.summary AS source_summary, "
          "s.version AS source_version, COALESCE((SELECT n.tasks FROM source_task_counts n "
          "WHERE n.source_id = s.id), 0) AS source_task_count, "
          "CASE WHEN EXISTS (SELECT 1 FROM tasks st WHERE st.parent_id = t.id) THEN 1 ELSE 0 END "
          "AS has_subtasks, "
          "it.import_id AS place_import, it.number AS place_number, "
          "it.headings AS place_headings, it.note AS place_note, it.outside_units AS "
          "place_outside, "
          "(SELECT ss.as_of FROM status_snapshot ss WHERE ss.id = 1") +
      (postgres && for_change ? " FOR SHARE" : "") + ") AS snapshot_as_of";
  // Only the task's row: the names and links joined to it stay free for others.
  const char* hold_row = postgres && lock == TaskRowLock::kHoldRow ? " FOR UPDATE OF t" : "";
  // The row of the program the task was imported from, if it was: at most one.
  const std::string head =
      TaskHeadSql(extra, "LEFT JOIN import_tasks it ON it.task_id = t.id ") + hold_row;
  const storage::Value task[] = {Param(id)};
  // The task's requests and reports need only its id: on PostgreSQL the three reads travel
  // together, one round trip instead of three.
  std::vector<storage::Result> results;
  if (load == TaskLoad::kRowOnly) {
    results.push_back(c.execute(head, task));
  } else {
    const storage::Statement reads[] = {{head, task}, {kRequestsSql, task}, {kUpdatesSql, task}};
    results = c.execute_all(reads);
  }
  const storage::Result& r = results.front();
  if (r.empty()) return std::nullopt;
  TaskRecord rec = TaskRecordFromHead(r);
  const storage::Row& row = r.rows.front();
  Source& source = rec.detail.source;
  source.id = rec.detail.summary.source_id;
  source.agency_id = row.integer(r.column("source_agency_id"));
  source.kind = domain::SourceKindFromStored(row.text(r.column("source_own_kind")));
  source.title = row.text(r.column("source_title"));
  source.doc_number = rec.detail.summary.source_doc_number;
  source.doc_date = OptionalDate(row, r.column("source_doc_date"));
  source.issuer = row.text(r.column("source_issuer"));
  source.summary = row.text(r.column("source_summary"));
  source.version = row.integer(r.column("source_version"));
  source.task_count = row.integer(r.column("source_task_count"));
  rec.snapshot_as_of = OptionalDate(row, r.column("snapshot_as_of"));
  rec.has_subtasks = row.integer(r.column("has_subtasks")) != 0;
  if (const auto import_id = row.opt_integer(r.column("place_import"))) {
    rec.program_place =
        ProgramPlace{*import_id, row.text(r.column("place_number")),
                     HeadingLines(row.text(r.column("place_headings"))),
                     row.text(r.column("place_note")), row.text(r.column("place_outside"))};
  }
  if (load == TaskLoad::kRowOnly) return rec;

  ReadRequests(results[1], rec.detail);
  ReadUpdates(results[2], rec.detail);
  rec.approved_extensions = ApprovedExtensions(rec.detail.extensions);
  return rec;
}

}  // namespace

std::optional<TaskRecord> LoadTaskForChange(storage::Connection& c, Id id, TaskLoad load,
                                            TaskRowLock lock) {
  return LoadTask(c, id, load, lock, true);
}

std::optional<TaskRecord> LoadTaskForReading(storage::Connection& c, Id id) {
  return LoadTask(c, id, TaskLoad::kEverything, TaskRowLock::kNone, false);
}

std::vector<TaskSummary> LoadSubtasks(storage::Connection& c, const Actor& actor,
                                      const TaskRecord& parent, Date as_of, int due_soon_days) {
  if (!parent.has_subtasks) return {};  // most tasks: no statement
  TaskFilter filter;
  filter.as_of = as_of;
  filter.parent = parent.detail.summary.id;
  filter.sort = {SortKey{SortKey::Field::kId, false}};
  // A plan's subtasks, all on one page.
  filter.page_size = std::numeric_limits<int>::max() / 2;
  // Subtasks belong to their parent's agency, which the actor can read when it sees the parent.
  TaskQuery q(c.dialect(), filter, actor, {parent.detail.summary.agency_id},
              parent.snapshot_as_of && *parent.snapshot_as_of == as_of);
  return SummariesFromResult(c.execute(q.PageSql(), q.params()), as_of, due_soon_days);
}

namespace {

// A row of TaskQuery::PageSql: the task's head, and its status as the query computed it.
constexpr auto kTaskListFields =
    std::tuple_cat(kTaskHeadFields, std::tuple{Field{"dl", &TaskSummary::deadline_in_force},
                                               Field{"extended", &TaskSummary::extended},
                                               Field{"status", &TaskSummary::status}});

}  // namespace

std::vector<TaskSummary> SummariesFromResult(const storage::Result& r, Date as_of,
                                             int due_soon_days) {
  std::vector<TaskSummary> out = ReadRows(r, kTaskListFields);
  for (TaskSummary& s : out) {
    // The warning needs only the deadline in force, which the database has already resolved.
    domain::ApprovedExtension none[1];
    domain::TaskFacts facts{s.assigned_on, s.deadline_in_force, std::span(none, 0), s.completed_on,
                            s.cancelled_on};
    s.warning = domain::WarningAsOf(facts, as_of, due_soon_days);
  }
  return out;
}

bool WriteTaskState(storage::Connection& c, const TaskRecord& after, std::int64_t expected_version,
                    std::int64_t now_millis) {
  const TaskDetail& d = after.detail;
  const TaskSummary& s = d.summary;
  // extended_on is the earliest effective date of any approval: before it no status query needs
  // to look at extensions at all.
  std::optional<Date> extended_on;
  for (const auto& e : after.approved_extensions) {
    if (!extended_on || e.effective_on < *extended_on) extended_on = e.effective_on;
  }
  std::vector<storage::Value> params = {
      DateParam(s.completed_on),
      Param(d.result_doc_number),
      DateParam(d.result_doc_date),
      Param(d.completion_note),
      Param(s.progress),
      DateParam(s.cancelled_on),
      Param(d.cancel_kind),
      Param(d.cancel_reason),
      d.cancel_approver ? Param(d.cancel_approver->id) : storage::Value(nullptr),
      DateParam(extended_on),
      Param(now_millis),
      Param(s.id),
      Param(expected_version)};
  std::string sql =
      "UPDATE tasks SET completed_on = $1, result_doc_number = $2, result_doc_date = $3, "
      "completion_note = $4, progress = $5, cancelled_on = $6, cancel_kind = $7, "
      "cancel_reason = $8, cancel_approver_id = $9, extended_on = $10, version = version + 1, "
      "updated_at = $11";
  // Without a snapshot the next refresh computes every task.
  if (after.snapshot_as_of) {
    const SnapshotStatus today =
        SnapshotStatusOf(s, after.approved_extensions, *after.snapshot_as_of);
    sql += ", today_status = $14, today_deadline = $15, today_extended = $16";
    params.push_back(Param(today.status));
    params.push_back(DateParam(today.deadline));
    params.push_back(Param(today.extended));
  }
  sql += " WHERE id = $12 AND version = $13";
  return c.execute(sql, params).affected_rows == 1;
}

void ComputeStatus(TaskRecord& rec, Date as_of, int due_soon_days) {
  TaskSummary& s = rec.detail.summary;
  domain::TaskFacts facts{s.assigned_on, s.deadline, rec.approved_extensions, s.completed_on,
                          s.cancelled_on};
  s.status = domain::StatusAsOf(facts, as_of);
  s.warning = domain::WarningAsOf(facts, as_of, due_soon_days);
  s.deadline_in_force = domain::DeadlineInForce(facts, as_of);
  s.extended = std::any_of(rec.approved_extensions.begin(), rec.approved_extensions.end(),
                           [&](const auto& e) { return e.effective_on <= as_of; });
}

std::string TaskSnapshotJson(const TaskRecord& rec) {
  const TaskDetail& d = rec.detail;
  const TaskSummary& s = d.summary;
  boost::json::array cooperators, assignees;
  for (const auto& c : d.cooperators) cooperators.emplace_back(c.id);
  for (const auto& a : d.assignees) assignees.emplace_back(a.id);
  boost::json::object j{
      {"title", s.title},
      {"content", d.content},
      {"source_id", s.source_id},
      {"parent_id", d.parent_id ? boost::json::value(*d.parent_id) : nullptr},
      {"is_key", s.is_key},
      {"restricted", s.restricted},
      {"lead_org_id", s.lead_org.id},
      {"cooperator_ids", cooperators},
      {"leader_id", s.leader ? boost::json::value(s.leader->id) : nullptr},
      {"assignee_ids", assignees},
      {"product", d.product},
      {"assigned_on", s.assigned_on.Iso()},
      {"deadline", DateJson(s.deadline)},
      {"deadline_label", s.deadline_label},
      {"progress", s.progress},
      {"completed_on", DateJson(s.completed_on)},
      {"result_doc_number", d.result_doc_number},
      {"result_doc_date", DateJson(d.result_doc_date)},
      {"cancelled_on", DateJson(s.cancelled_on)},
      {"cancel_kind", d.cancel_kind ? boost::json::value(*d.cancel_kind) : nullptr},
      {"cancel_reason", d.cancel_reason},
      {"version", s.version},
  };
  return boost::json::serialize(j);
}

}  // namespace giaoban::service
