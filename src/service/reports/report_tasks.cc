#include "service/reports/report_tasks.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "service/reports/report_facts.h"
#include "service/row_values.h"
#include "service/tasks/task_access.h"
#include "service/tasks/task_store.h"

namespace giaoban::service {

using storage::Param;

namespace {

struct ExtensionRow {
  Id task_id = 0;
  Date effective_on;
  Date new_deadline;
};

BOOST_DESCRIBE_STRUCT(ExtensionRow, (), (task_id, effective_on, new_deadline))

// The conditions on `t` (a task) that narrow the agency's tasks to the scope and to those the
// counting rule can have in scope: assigned by the period's end, and in its year or still open when
// the year began. Parameters: $1 agency, $2 period's end, $3 year's start, $4 the organisation's
// path pattern.
std::string ScopeWhere(const ReportScope& scope) {
  std::string w =
      "t.agency_id = $1 AND t.assigned_on <= $2 AND (t.assigned_on >= $3 OR "
      "((t.completed_on IS NULL OR t.completed_on >= $3) AND "
      "(t.cancelled_on IS NULL OR t.cancelled_on >= $3)))";
  if (scope.org_path.empty()) return w;
  const std::string within =
      "(SELECT so.id FROM organizations so WHERE so.agency_id = $1 AND so.path LIKE $4)";
  if (!scope.cooperating) return w + " AND t.lead_org_id IN " + within;
  return w + " AND t.lead_org_id NOT IN " + within +
         " AND t.id IN (SELECT tc.task_id FROM task_cooperators tc "
         "JOIN organizations co ON co.id = tc.organization_id WHERE co.path LIKE $4)";
}

// The list a placed task belongs in, if any: each task in one list at most, the first that fits.
std::vector<ReportTask>* ListOf(ReportTaskLists& lists, const PlacedTask& t,
                                const domain::DateWindow& window) {
  const domain::ReportPlacement& p = t.placement;
  if (p.cancelled)
    return t.cancelled_on && window.Contains(*t.cancelled_on) ? &lists.cancelled : nullptr;
  if (p.completed_in_period) return &lists.completed;
  if (p.overdue) return p.due_in_period ? &lists.not_completed : &lists.overdue;
  if (p.due_next_period) return &lists.due_next_period;
  if (p.ongoing && !t.completed_on) return &lists.ongoing;
  return nullptr;
}

struct NoteRow {
  Id task_id = 0;
  Date noted_on;
  std::string note;
  std::optional<int> percent;
  std::string kind;
};

BOOST_DESCRIBE_STRUCT(NoteRow, (), (task_id, noted_on, note, percent, kind))

// Calls `fn(ids, params)` for the tasks at `listed` a few hundred at a time: `ids` is the list of
// their placeholders after the `fixed` parameters.
template <class Fn>
void ForBatches(const std::vector<ReportTask*>& listed, const std::vector<storage::Value>& fixed,
                Fn fn) {
  constexpr std::size_t kBatch = 500;
  for (std::size_t from = 0; from < listed.size(); from += kBatch) {
    const std::size_t to = std::min(listed.size(), from + kBatch);
    std::vector<storage::Value> params = fixed;
    std::ostringstream ids;
    for (std::size_t i = from; i < to; ++i) {
      params.push_back(Param(listed[i]->id));
      ids << (i == from ? "$" : ", $") << params.size();
    }
    fn(ids.str(), params);
  }
}

// The titles and lead organisations' names of the tasks at `listed`, the progress recorded with
// their completion, and their notes dated by `end`: the latest progress note, answered explanation
// or, once completed, the note recorded with the completion (on the same day, the completion, which
// says how it ended, then the explanation, which says why), and the progress of the latest report
// that gave one. Returns those of them that are restricted, and any whose title did not come back:
// only a task known to be open to its reader is shown.
std::vector<ReportTask*> AddTitlesAndNotes(storage::Connection& c,
                                           const std::vector<ReportTask*>& listed, Date end) {
  std::map<Id, ReportTask*> by_id;
  for (ReportTask* t : listed) by_id[t->id] = t;
  std::vector<ReportTask*> restricted;
  std::map<Id, std::string> completion_notes;
  std::set<Id> named;
  ForBatches(listed, {}, [&](const std::string& ids, const std::vector<storage::Value>& params) {
    const std::string sql =
        "SELECT t.id, t.title, o.name, t.restricted, t.progress, t.completion_note FROM tasks t "
        "JOIN organizations o ON o.id = t.lead_org_id WHERE t.id IN (" +
        ids + ")";
    c.stream(sql, params, [&](const storage::RowView& row) {
      ReportTask& t = *by_id.at(row.integer(0));
      named.insert(t.id);
      t.title = row.text(1);
      t.lead_org.name = row.text(2);
      if (row.integer(3) != 0) restricted.push_back(&t);
      // A task's progress is the one recorded with its completion only once it was completed
      // by the day counted; before, the notes say it.
      if (t.completed_on) {
        t.progress = static_cast<int>(row.integer(4));
        if (!row.text(5).empty()) completion_notes[t.id] = row.text(5);
      }
    });
  });
  for (ReportTask* t : listed)
    if (!named.contains(t->id)) restricted.push_back(t);
  ForBatches(listed, {Param(end.Iso())},
             [&](const std::string& ids, const std::vector<storage::Value>& params) {
               const std::string sql =
                   "SELECT task_id, noted_on, note, percent, kind FROM ("
                   "SELECT u.task_id, u.reported_on AS noted_on, u.body AS note, u.percent, "
                   "'progress' AS kind, u.id AS seq, 0 AS priority FROM task_updates u "
                   "WHERE u.reported_on <= $1 AND u.task_id IN (" +
                   ids +
                   ") UNION ALL "
                   "SELECT x.task_id, x.answered_on, x.answer, NULL, 'explanation', x.id, 1 "
                   "FROM explanation_requests x WHERE x.answer IS NOT NULL AND "
                   "x.answered_on <= $1 AND x.task_id IN (" +
                   ids + ")) n ORDER BY task_id, noted_on, priority, seq";
               StreamRows(c, sql, params, FieldsOf<NoteRow>(), [&](const NoteRow& n) {
                 ReportTask& t = *by_id.at(n.task_id);
                 t.note = n.note;
                 t.note_on = n.noted_on;
                 t.note_kind = n.kind;
                 if (n.percent && !t.completed_on) t.progress = *n.percent;
               });
             });
  for (auto& [id, note] : completion_notes) {
    ReportTask& t = *by_id.at(id);
    if (t.note_on && *t.note_on > *t.completed_on) continue;
    t.note = std::move(note);
    t.note_on = t.completed_on;
    t.note_kind = "completion";
  }
  return restricted;
}

}  // namespace

std::vector<PlacedTask> LoadReportTasks(storage::Connection& c, const ReportScope& scope,
                                        const domain::ReportWindows& windows) {
  const Date end = windows.counted.end;
  std::vector<storage::Value> params = {Param(scope.agency_id), Param(end.Iso()),
                                        Param(windows.year_start.Iso())};
  if (!scope.org_path.empty()) params.push_back(Param(scope.org_path + "%"));
  const std::string tasks_sql =
      "SELECT t.id, t.report_facts FROM tasks t WHERE " + ScopeWhere(scope);
  // Every approved extension of the agency in force by then: a few thousand in a year of 100,000
  // tasks, fewer than the tasks a narrower condition would have to look through.
  const std::string_view extensions_sql =
      "SELECT e.task_id, e.effective_on, e.requested_deadline AS new_deadline "
      "FROM task_extensions e JOIN tasks t ON t.id = e.task_id "
      "WHERE t.agency_id = $1 AND e.state = 'approved' AND e.effective_on <= $2 "
      // In the order they were approved: of two effective the same day, the later one wins
      // (domain::DeadlineInForce), as the task's page and the statistics take it.
      "ORDER BY e.task_id, e.effective_on, e.id";
  const storage::Statement statements[] = {{extensions_sql, std::span(params.data(), 2)}};
  auto results = c.execute_all(statements);
  // Looked up for every task read, most of which have none: a hash answers a miss at once.
  std::unordered_map<Id, std::vector<domain::ApprovedExtension>> extensions;
  for (const ExtensionRow& e : ReadRows<ExtensionRow>(results[0]))
    extensions[e.task_id].push_back({e.effective_on, e.new_deadline});

  // Streamed: a year can hold a hundred thousand tasks, and each is placed as it arrives.
  std::vector<PlacedTask> out;
  static const std::vector<domain::ApprovedExtension> kNone;
  c.stream(tasks_sql, params, [&](const storage::RowView& row) {
    const Id id = row.integer(0);
    const std::string_view text = row.text(1);
    const auto stored = ParseReportFacts(text);
    // The database derives the text from the task's columns: anything else is a damaged row.
    if (!stored) {
      throw storage::DatabaseError(storage::DatabaseError::Kind::kOther,
                                   "task " + std::to_string(id) + ": report facts '" +
                                       std::string(text) + "' cannot be read");
    }
    auto found = extensions.find(id);
    const auto& approved = found == extensions.end() ? kNone : found->second;
    const domain::TaskFacts facts{stored->assigned_on, stored->deadline, approved,
                                  stored->completed_on, stored->cancelled_on};
    const domain::ReportPlacement placement = domain::PlaceInReport(facts, windows);
    if (!placement.in_scope) return;
    PlacedTask& t = out.emplace_back();
    t.id = id;
    t.lead_org_id = stored->lead_org_id;
    t.source_kind = stored->source_kind;
    t.is_key = stored->is_key;
    t.assigned_on = stored->assigned_on;
    t.deadline = domain::DeadlineInForce(facts, end);
    if (stored->completed_on && *stored->completed_on <= end) t.completed_on = stored->completed_on;
    if (stored->cancelled_on && *stored->cancelled_on <= end) t.cancelled_on = stored->cancelled_on;
    t.placement = placement;
  });
  return out;
}

namespace {

// The lists' order, for the placed tasks and the listed ones alike.
template <class Task>
bool InListOrder(const Task& a, const Task& b) {
  if (a.is_key != b.is_key) return a.is_key;
  if (a.deadline != b.deadline) {
    if (!a.deadline || !b.deadline) return a.deadline.has_value();
    return *a.deadline < *b.deadline;
  }
  return a.id < b.id;
}

// `tasks` in the lists' order, sorted as pointers: a placed task is small, a listed one holds its
// texts, and a year's lists run to thousands.
std::vector<const PlacedTask*> InListOrder(std::span<const PlacedTask> tasks) {
  std::vector<const PlacedTask*> ordered;
  ordered.reserve(tasks.size());
  for (const PlacedTask& t : tasks) ordered.push_back(&t);
  std::sort(ordered.begin(), ordered.end(),
            [](const PlacedTask* a, const PlacedTask* b) { return InListOrder(*a, *b); });
  return ordered;
}

}  // namespace

bool ListedBefore(const ReportTask& a, const ReportTask& b) { return InListOrder(a, b); }

domain::ReportFigures FiguresOf(std::span<const PlacedTask> tasks) {
  domain::ReportFigures f;
  for (const PlacedTask& t : tasks) f.Add(t.placement);
  return f;
}

namespace {

// The task as the report lists it, before it is named.
ReportTask Unnamed(const PlacedTask& t) {
  ReportTask task;
  task.id = t.id;
  task.source_kind = std::string(domain::SourceKindCode(t.source_kind));
  task.is_key = t.is_key;
  task.lead_org.id = t.lead_org_id;  // named with the title
  task.assigned_on = t.assigned_on;
  task.deadline = t.deadline;
  task.extended = t.placement.extended;
  task.carried_over = t.placement.carried_over;
  task.status = t.placement.status;
  task.completed_on = t.completed_on;
  task.cancelled_on = t.cancelled_on;
  return task;
}

// Titles, lead units and notes for the listed tasks, as `reader` may see them: a restricted task
// they may not read is listed hidden, without its title and note. Restricted tasks are rare, so
// each is checked on its own, with the facts its page would use.
void Name(storage::Connection& c, std::vector<ReportTask*>& listed, Date end, const Actor& reader) {
  for (ReportTask* t : AddTitlesAndNotes(c, listed, end)) {
    auto record = LoadTaskRecord(c, t->id);
    if (record && CanReadTask(reader, record->access)) continue;
    t->hidden = true;
    t->title.clear();
    t->note.clear();
    t->note_on.reset();
    t->note_kind.clear();
  }
}

}  // namespace

ReportTaskLists ListTasks(storage::Connection& c, std::span<const PlacedTask> tasks,
                          const domain::ReportWindows& windows, const Actor& reader) {
  ReportTaskLists lists;
  // Taken in order, each list is in order.
  for (const PlacedTask* t : InListOrder(tasks)) {
    std::vector<ReportTask>* list = ListOf(lists, *t, windows.counted);
    if (list) list->push_back(Unnamed(*t));
  }
  std::vector<ReportTask*> listed;
  for (auto* list : {&lists.completed, &lists.not_completed, &lists.overdue, &lists.due_next_period,
                     &lists.ongoing, &lists.cancelled}) {
    for (ReportTask& t : *list) listed.push_back(&t);
  }
  Name(c, listed, windows.counted.end, reader);
  return lists;
}

std::vector<ReportTask> NamedTasks(storage::Connection& c, std::span<const PlacedTask> tasks,
                                   const domain::ReportWindows& windows, const Actor& reader) {
  std::vector<ReportTask> out;
  out.reserve(tasks.size());
  for (const PlacedTask* t : InListOrder(tasks)) out.push_back(Unnamed(*t));
  std::vector<ReportTask*> listed;
  for (ReportTask& t : out) listed.push_back(&t);
  Name(c, listed, windows.counted.end, reader);
  return out;
}

}  // namespace giaoban::service
