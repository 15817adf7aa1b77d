#include "service/tasks/task_query.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace giaoban::service {
namespace {

std::string IdList(const std::vector<Id>& ids) {
  if (ids.empty()) return "(NULL)";
  std::string out = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(ids[i]);
  }
  return out + ")";
}

// "In the subtree of the organisation with this path": paths are "/1/4/9/".
std::string InSubtree(const std::string& org_column, const std::string& path_param,
                      const std::string& length_param) {
  return org_column + " IN (SELECT so.id FROM organizations so WHERE substr(so.path, 1, " +
         length_param + ") = " + path_param + ")";
}

}  // namespace

std::vector<std::string> SummaryColumnNames() {
  return {
      "id",          "agency_id",  "title",       "source_id",      "source_kind",  "doc_number",
      "is_key",      "restricted", "lead_org_id", "lead_org_name",  "leader_id",    "leader_name",
      "assigned_on", "deadline",   "dl",          "deadline_label", "completed_on", "cancelled_on",
      "progress",    "extended",   "status",      "version"};
}

std::string TaskQuery::Bind(storage::Value v) {
  params_.push_back(std::move(v));
  return "$" + std::to_string(params_.size());
}

TaskQuery::TaskQuery(storage::Dialect dialect, const TaskFilter& f, const Actor& actor,
                     const std::vector<Id>& readable_agencies, bool use_snapshot)
    : filter_(f), dialect_(dialect), use_snapshot_(use_snapshot) {
  agencies_ = readable_agencies;
  std::ostringstream w;
  if (use_snapshot_) {
    // Tasks that exist as of the snapshot date, named by their stored status so that the
    // snapshot index (not the assigned_on range) is the one the database picks.
    std::vector<domain::Status> statuses = f.statuses;
    if (statuses.empty()) {
      statuses = {domain::Status::kCancelled, domain::Status::kCompletedOnTime,
                  domain::Status::kCompletedLate, domain::Status::kInProgress,
                  domain::Status::kOverdue};
    }
    // Once each: every status is a branch of a deadline-ordered page, and a status named twice
    // would list its tasks twice.
    for (domain::Status s : statuses) {
      const std::string code(domain::StatusCode(s));
      if (std::find(snapshot_statuses_.begin(), snapshot_statuses_.end(), code) ==
          snapshot_statuses_.end())
        snapshot_statuses_.push_back(code);
    }
  } else {
    as_of_ = Bind(f.as_of.Iso());
    w << " AND t.assigned_on <= " << as_of_;
  }

  // Restricted tasks: only the agency's managers and the people the task concerns.
  {
    const bool manages = actor.role == Role::kLeader || actor.role == Role::kConsolidator;
    const std::string path = Bind(actor.organization_path);
    const std::string len = Bind(static_cast<std::int64_t>(actor.organization_path.size()));
    w << " AND (t.restricted = 0 OR (t.agency_id = " << actor.agency_id << " AND ("
      << (manages ? "1 = 1" : "1 = 0") << " OR " << InSubtree("t.lead_org_id", path, len)
      << " OR EXISTS (SELECT 1 FROM task_assignees ra WHERE ra.task_id = t.id AND ra.person_id = "
      << actor.person_id << ")"
      << " OR EXISTS (SELECT 1 FROM task_cooperators rc WHERE rc.task_id = t.id AND "
      << InSubtree("rc.organization_id", path, len) << "))))";
  }
  if (f.text) {
    // Folded text holds only letters, digits and single spaces, so it needs no LIKE escaping.
    // SQLite answers through its trigram index (task_search); PostgreSQL's trigram index sits on
    // the column itself.
    const std::string pattern = Bind("%" + *f.text + "%");
    if (dialect == storage::Dialect::kSqlite)
      w << " AND t.id IN (SELECT rowid FROM task_search WHERE search_fold LIKE " << pattern << ")";
    else
      w << " AND t.search_fold LIKE " << pattern;
  }
  // The conditions on columns that task_status_counts has, for the same placeholders.
  std::ostringstream counted;
  if (!f.source_kinds.empty()) {
    std::string kinds;
    for (std::size_t i = 0; i < f.source_kinds.size(); ++i)
      kinds += (i ? ", " : "") + Bind(std::string(domain::SourceKindCode(f.source_kinds[i])));
    w << " AND t.source_kind IN (" << kinds << ")";
    counted << " AND c.source_kind IN (" << kinds << ")";
  }
  if (f.source_id) w << " AND t.source_id = " << Bind(*f.source_id);
  if (f.is_key) {
    const std::string key = Bind(static_cast<std::int64_t>(*f.is_key));
    w << " AND t.is_key = " << key;
    counted << " AND c.is_key = " << key;
  }
  if (f.lead_org) {
    const std::string org = Bind(*f.lead_org);
    w << " AND t.lead_org_id = " << org;
    counted << " AND c.lead_org_id = " << org;
  }
  if (f.leader) w << " AND t.leader_id = " << Bind(*f.leader);
  // Few tasks have a parent, so SQLite's statistics say a parent id matches about every task and it
  // would scan the table through the status index instead; asked for the ids first, it reads the
  // parent index and then exactly the subtasks' rows.
  if (f.parent)
    w << " AND t.id IN (SELECT pt.id FROM tasks pt WHERE pt.parent_id = " << Bind(*f.parent) << ")";
  // An assignee has a few thousand tasks at most, a unit tens of thousands: asked for the ids, the
  // database starts from the assignee's index entries instead of testing every task of the unit.
  if (f.assignee) {
    assignee_ = Bind(*f.assignee);
    assignee_where_ =
        " AND t.id IN (SELECT fa.task_id FROM task_assignees fa WHERE fa.person_id = " + assignee_ +
        ")";
    counted << " AND c.person_id = " << assignee_;
  }
  if (f.org_subtree) {
    const std::string sub =
        "(SELECT o.path FROM organizations o WHERE o.id = " + Bind(*f.org_subtree) + ")";
    const std::string len = "length(" + sub + ")";
    w << " AND (" << InSubtree("t.lead_org_id", sub, len);
    counted << " AND " << InSubtree("c.lead_org_id", sub, len);
    if (f.org_role == OrgRole::kAny) {
      w << " OR EXISTS (SELECT 1 FROM task_cooperators fc WHERE fc.task_id = t.id AND "
        << InSubtree("fc.organization_id", sub, len) << ")";
    }
    w << ")";
  }
  if (f.extension_pending) {
    const std::string d = Bind(f.as_of.Iso());
    w << (*f.extension_pending ? " AND EXISTS" : " AND NOT EXISTS")
      << " (SELECT 1 FROM task_extensions fx WHERE fx.task_id = t.id AND fx.requested_on <= " << d
      << " AND (fx.decided_on IS NULL OR fx.decided_on > " << d << "))";
  }
  // With the snapshot, the stored status is the condition that should pick the index. SQLite's
  // planner, given statistics, prefers a skip-scan on the assigned_on range over a non-covering
  // index; a unary plus keeps that range out of index selection (PostgreSQL needs no such hint).
  const std::string assigned =
      use_snapshot_ && dialect == storage::Dialect::kSqlite ? "+t.assigned_on" : "t.assigned_on";
  if (f.assigned_from) w << " AND " << assigned << " >= " << Bind(f.assigned_from->Iso());
  if (f.assigned_to) w << " AND " << assigned << " <= " << Bind(f.assigned_to->Iso());
  if (f.report && f.report->windows) {
    // The report's scope: its agency's tasks of its year, and those carried over into it.
    const std::string year = Bind(f.report->windows->year_start.Iso());
    w << " AND t.agency_id = " << f.report->agency_id << " AND (t.assigned_on >= " << year
      << " OR ((t.completed_on IS NULL OR t.completed_on >= " << year
      << ") AND (t.cancelled_on IS NULL OR t.cancelled_on >= " << year << ")))";
  }
  rest_where_ = w.str();
  // The total of a filter on the counted columns alone is added up from task_status_counts.
  if (use_snapshot_ && !f.text && !f.source_id && !f.leader && !f.parent &&
      !(f.org_subtree && f.org_role == OrgRole::kAny) && !f.extension_pending && !f.assigned_from &&
      !f.assigned_to && !f.extended && !f.deadline_from && !f.deadline_to && !f.report)
    counted_where_ = counted.str();

  std::ostringstream o;
  o << "1 = 1";
  if (!f.statuses.empty()) {
    o << " AND a.status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i)
      o << (i ? ", " : "") << Bind(std::string(domain::StatusCode(f.statuses[i])));
    o << ")";
  }
  if (f.extended) o << " AND a.extended = " << (*f.extended ? 1 : 0);
  if (f.deadline_from) o << " AND a.dl >= " << Bind(f.deadline_from->Iso());
  if (f.deadline_to) o << " AND a.dl <= " << Bind(f.deadline_to->Iso());
  if (f.report && f.report->windows && f.report->figure)
    o << " AND " << ReportFigureCondition(*f.report->figure, *f.report->windows, [this](Date d) {
      return Bind(d.Iso());
    });
  outer_where_ = o.str();
}

std::string ReportFigureCondition(ReportFigure figure, const domain::ReportWindows& windows,
                                  const std::function<std::string(Date)>& bind) {
  // Each date is bound where it is first needed, and only then: PostgreSQL cannot type a
  // placeholder the statement never uses.
  std::map<Date, std::string> bound;
  auto day = [&](Date d) -> const std::string& {
    auto it = bound.find(d);
    if (it == bound.end()) it = bound.emplace(d, bind(d)).first;
    return it->second;
  };
  const Date end = windows.counted.end;
  // Cancelled tasks count in none of the figures; the others are completed or open by the end.
  const std::string counted = "a.status <> 'cancelled'";
  const std::string completed = "a.status IN ('completed_on_time', 'completed_late')";
  const std::string open = "a.status IN ('in_progress', 'overdue')";
  // While the period runs, a task due on its last day counted and still open has the day.
  auto due = [&] {
    return windows.running
               ? "(a.dl < " + day(end) + " OR (a.dl = " + day(end) + " AND " + completed + "))"
               : "a.dl <= " + day(end);
  };
  std::string condition;
  switch (figure) {
    case ReportFigure::kDue:
      condition = counted + " AND " + due();
      break;
    case ReportFigure::kDueCompleted:
      condition = completed + " AND " + due();
      break;
    case ReportFigure::kOverdue:
      condition = open + " AND " + due();
      break;
    case ReportFigure::kCompletedAhead:
      condition = completed + " AND a.dl > " + day(end);
      break;
    case ReportFigure::kOngoing:
      condition = counted + " AND a.dl IS NULL";
      break;
    case ReportFigure::kAssignedInPeriod:
      condition = counted + " AND a.assigned_on >= " + day(windows.counted.start);
      break;
    case ReportFigure::kDueInPeriod:
      condition = counted + " AND " + due() + " AND a.dl >= " + day(windows.counted.start);
      break;
    case ReportFigure::kCompletedInPeriod:
      condition = completed + " AND a.completed_on >= " + day(windows.counted.start);
      break;
    case ReportFigure::kDueNextPeriod:
      condition = open + " AND a.dl >= " + day(windows.ahead.start) +
                  " AND a.dl <= " + day(windows.ahead.end);
      break;
    case ReportFigure::kCarriedOver:
      condition = counted + " AND a.assigned_on < " + day(windows.year_start);
      break;
  }
  return "(" + condition + ")";
}

bool TaskQuery::AddReportColumns() {
  if (!filter_.report || !filter_.report->windows) return false;
  if (dialect_ == storage::Dialect::kSqlite) {
    report_columns_ = ", a.dl, a.assigned_on, a.completed_on";
    return true;
  }
  for (ReportFigure f : kAllReportFigures) {
    report_columns_ += ", CASE WHEN " +
                       ReportFigureCondition(f, *filter_.report->windows,
                                             [this](Date d) { return Bind(d.Iso()); }) +
                       " THEN 1 ELSE 0 END AS " + std::string(ReportFigureCode(f));
    ++report_column_count_;
  }
  return false;
}

std::string DeadlineInForceExpression(const std::string& d) {
  // The latest approved extension effective by D, else the original deadline. extended_on (the
  // first approval's effective date) lets most tasks skip the sub-query.
  return "CASE WHEN t.extended_on IS NOT NULL AND t.extended_on <= " + d +
         " THEN COALESCE((SELECT e.requested_deadline FROM task_extensions e WHERE e.task_id = "
         "t.id "
         "AND e.state = 'approved' AND e.effective_on <= " +
         d + " ORDER BY e.effective_on DESC, e.id DESC LIMIT 1), t.deadline) ELSE t.deadline END";
}

std::string ExtendedExpression(const std::string& d) {
  return "CASE WHEN t.extended_on IS NOT NULL AND t.extended_on <= " + d + " THEN 1 ELSE 0 END";
}

std::string StatusExpression(const std::string& d, const std::string& row,
                             const std::string& deadline) {
  // No deadline compares as the end of time; each branch names the deadline once, because the
  // database inlines its expression (with its sub-query) wherever it is named.
  const std::string completed = row + "completed_on";
  const std::string cancelled = row + "cancelled_on";
  return "CASE WHEN " + cancelled + " IS NOT NULL AND " + cancelled + " <= " + d +
         " THEN 'cancelled' WHEN " + completed + " IS NOT NULL AND " + completed + " <= " + d +
         " THEN (CASE WHEN " + completed + " <= COALESCE(" + deadline +
         ", '9999-12-31') THEN 'completed_on_time' ELSE 'completed_late' END) WHEN " + d +
         " <= COALESCE(" + deadline + ", '9999-12-31') THEN 'in_progress' ELSE 'overdue' END";
}

std::string TaskQuery::DeadlineInForceSql() const { return DeadlineInForceExpression(as_of_); }

std::string TaskQuery::ExtendedSql() const { return ExtendedExpression(as_of_); }

std::string TaskQuery::StatusRowsSql() const {
  // SQLite hands over one row per task in process, faster than it groups them (a province's year:
  // 190 ms streamed, 460 ms grouped). PostgreSQL sends every row over the wire and libpq keeps the
  // whole result in memory (200,000 rows: 1.4 s and 160 MB more), so it groups them first; the
  // status expression is still evaluated once per task either way.
  const std::string columns =
      "a.lead_org_id, a.source_kind, a.is_key, a.status, a.extended" + report_columns_;
  const std::string rows = " FROM (" + FilteredSql() + ") a WHERE " + outer_where_;
  if (dialect_ == storage::Dialect::kSqlite) return "SELECT " + columns + ", 1 AS tasks" + rows;
  std::string positions = "1";  // the columns above, which name the figures' columns as well
  for (std::size_t i = 2; i <= 5 + report_column_count_; ++i) positions += ", " + std::to_string(i);
  return "SELECT " + columns + ", COUNT(*) AS tasks" + rows + " GROUP BY " + positions;
}

std::string TaskQuery::SnapshotStatusList() const {
  std::string list = "(";
  for (std::size_t i = 0; i < snapshot_statuses_.size(); ++i)
    list += (i ? ", '" : "'") + snapshot_statuses_[i] + "'";
  return list + ")";
}

std::string TaskQuery::ScopeSql(const Branch* branch) const {
  if (branch) {
    return "t.agency_id = " + std::to_string(branch->agency) + " AND t.today_status = '" +
           branch->status + "' AND t.today_deadline IS " + (branch->has_deadline ? "NOT " : "") +
           "NULL";
  }
  std::string scope = "t.agency_id IN " + IdList(agencies_);
  if (use_snapshot_) scope += " AND t.today_status IN " + SnapshotStatusList();
  return scope;
}

std::string TaskQuery::FilteredSql(const Branch* branch, const char* also) const {
  return RowsSql("t.id, ", ScopeSql(branch) + rest_where_ + assignee_where_ + also);
}

std::string TaskQuery::RowsSql(const char* id, const std::string& where) const {
  const std::string columns =
      std::string(id) +
      "t.agency_id, t.title, t.title_key, t.source_id, t.source_kind, t.is_key, t.restricted, "
      "t.lead_org_id, t.leader_id, t.assigned_on, t.deadline, t.deadline_label, t.completed_on, "
      "t.cancelled_on, t.progress, t.version, t.updated_at";
  if (use_snapshot_) {
    return "SELECT " + columns +
           ", t.today_deadline AS dl, t.today_extended AS extended, t.today_status AS status "
           "FROM tasks t WHERE " +
           where;
  }
  return "SELECT x.*, " + StatusExpression(as_of_) + " AS status FROM (SELECT " + columns + ", " +
         DeadlineInForceSql() + " AS dl, " + ExtendedSql() + " AS extended FROM tasks t WHERE " +
         where + ") x";
}

// PostgreSQL cannot know that an assignee's tasks are mostly those of the assignee's own unit:
// for "this unit and this assignee" it estimates a few dozen rows and hashes all the unit's tasks
// (2,000 rows, 3.5 ms) instead of reading the assignee's newest entries until the page is full
// (0.4 ms). Here the assignee's entries lead, in the (person, task) index's order, and each one
// looks up its task; OFFSET 0 keeps the planner from turning the lookup back into a join. At
// worst, when few of the assignee's tasks match, it reads them all: what the hash join always does.
std::string TaskQuery::AssigneeLedSql() const {
  return "SELECT fa.task_id AS id, y.* FROM task_assignees fa CROSS JOIN LATERAL (" +
         RowsSql("", "t.id = fa.task_id AND " + ScopeSql(nullptr) + rest_where_) +
         " OFFSET 0) y WHERE fa.person_id = " + assignee_;
}

std::string TaskQuery::PageSql() const {
  // Sort keys are read from alias `a`, so the same ORDER BY serves the inner and the outer query.
  std::string order;
  std::string sort_columns;  // only what the order needs: anything else forces a wide row read
  auto add = [&](const std::string& term) { order += (order.empty() ? "" : ", ") + term; };
  auto need = [&](const char* column) {
    if (sort_columns.find(column) == std::string::npos) sort_columns += std::string(", ") + column;
  };
  // A key that is a column of its own, which the narrow inner rows then carry.
  auto by_column = [&](const char* column, const char* dir) {
    need(column);
    add(column + std::string(dir));
  };
  // The same order without the deadline's first term, for the rows of one deadline branch.
  std::string order_after_deadline;
  auto add_after = [&](const std::string& term) {
    order_after_deadline += (order_after_deadline.empty() ? "" : ", ") + term;
  };
  for (std::size_t i = 0; i < filter_.sort.size(); ++i) {
    const SortKey& k = filter_.sort[i];
    const char* dir = k.descending ? " DESC" : " ASC";
    const std::size_t before = order.size();
    switch (k.field) {
      case SortKey::Field::kDeadline:
        // Tasks without a deadline go last either way round, the same on both databases.
        add(std::string("CASE WHEN a.dl IS NULL THEN 1 ELSE 0 END, a.dl") + dir);
        break;
      case SortKey::Field::kAssignedOn:
        by_column("a.assigned_on", dir);
        break;
      case SortKey::Field::kTitle:
        by_column("a.title_key", dir);
        break;
      case SortKey::Field::kUpdated:
        by_column("a.updated_at", dir);
        break;
      case SortKey::Field::kId:
        add(std::string("a.id") + dir);
        break;
    }
    if (i > 0) add_after(order.substr(before + (before ? 2 : 0)));
  }
  const bool by_deadline =
      filter_.sort.empty() || filter_.sort.front().field == SortKey::Field::kDeadline;
  const char* deadline_dir =
      !filter_.sort.empty() && filter_.sort.front().descending ? " DESC" : " ASC";
  if (filter_.sort.empty()) add("CASE WHEN a.dl IS NULL THEN 1 ELSE 0 END, a.dl ASC");
  add("a.id ASC");
  add_after("a.id ASC");
  const std::int64_t offset =
      static_cast<std::int64_t>(filter_.page - 1) * static_cast<std::int64_t>(filter_.page_size);
  const std::string narrow = "SELECT a.id, a.dl, a.status, a.extended" + sort_columns + ", ";
  std::string page;
  // SQLite allows 500 terms in a compound SELECT; a province's full list stays well below.
  const bool few_branches = agencies_.size() * snapshot_statuses_.size() * 2 <= 400;
  if (use_snapshot_ && by_deadline && !TotalInPage() && few_branches) {
    // The snapshot index is ordered by deadline within one agency and one status, but a list of
    // several of either is not: sorting all its matches (tens of thousands for an agency's open
    // tasks) would cost more than the page. Each (agency, status, with or without a deadline)
    // branch reads its first rows in index order, and only those few are sorted together.
    const std::string limit = " LIMIT " + std::to_string(offset + filter_.page_size);
    std::string branches;
    for (Id agency : agencies_) {
      for (const std::string& status : snapshot_statuses_) {
        for (bool has_deadline : {true, false}) {
          const Branch b{agency, status, has_deadline};
          const std::string branch_order =
              has_deadline ? "a.dl" + std::string(deadline_dir) + ", " + order_after_deadline
                           : order_after_deadline;
          branches += std::string(branches.empty() ? "" : " UNION ALL ") + "SELECT * FROM (" +
                      narrow + "NULL AS total FROM (" + FilteredSql(&b) + ") a WHERE " +
                      outer_where_ + " ORDER BY " + branch_order + limit + ") b";
        }
      }
    }
    page = "SELECT * FROM (" + branches + ") a ORDER BY " + order + " LIMIT " +
           std::to_string(filter_.page_size) + " OFFSET " + std::to_string(offset);
  } else {
    // First the page's ids, sorting only narrow rows (the status index covers the default order);
    // then the wide columns and names for those few rows.
    const std::string total = TotalInPage() ? "COUNT(*) OVER ()" : "NULL";
    const bool by_id = !filter_.sort.empty() && filter_.sort.front().field == SortKey::Field::kId;
    const bool assignee_leads =
        dialect_ == storage::Dialect::kPostgres && filter_.assignee && by_id && !TotalInPage();
    page = narrow + total + " AS total FROM (" +
           (assignee_leads ? AssigneeLedSql() : FilteredSql()) + ") a WHERE " + outer_where_ +
           " ORDER BY " + order + " LIMIT " + std::to_string(filter_.page_size) + " OFFSET " +
           std::to_string(offset);
  }
  // A row shows the task as it stood on the list's date: a completion or cancellation dated later
  // is not shown, and the progress is that of the latest report dated by then. The snapshot's
  // date is today, by which every recorded fact is dated, so its rows need no such care.
  std::string completed = "t.completed_on", cancelled = "t.cancelled_on", progress = "t.progress";
  if (!use_snapshot_) {
    completed = "CASE WHEN t.completed_on <= " + as_of_ + " THEN t.completed_on END";
    cancelled = "CASE WHEN t.cancelled_on <= " + as_of_ + " THEN t.cancelled_on END";
    progress = "CASE WHEN t.completed_on <= " + as_of_ +
               " THEN t.progress ELSE COALESCE((SELECT u.percent FROM task_updates u WHERE "
               "u.task_id = t.id AND u.percent IS NOT NULL AND u.reported_on <= " +
               as_of_ + " ORDER BY u.reported_on DESC, u.id DESC LIMIT 1), 0) END";
  }
  return "SELECT t.id, t.agency_id, t.title, t.source_id, t.source_kind, s.doc_number, t.is_key, "
         "t.restricted, t.lead_org_id, lo.name AS lead_org_name, t.leader_id, "
         "lp.full_name AS leader_name, t.assigned_on, t.deadline, a.dl, t.deadline_label, " +
         completed + " AS completed_on, " + cancelled + " AS cancelled_on, " + progress +
         " AS progress, a.extended, a.status, t.version, a.total FROM (" + page +
         ") a "
         "JOIN tasks t ON t.id = a.id "
         "JOIN sources s ON s.id = t.source_id "
         "JOIN organizations lo ON lo.id = t.lead_org_id "
         "LEFT JOIN people lp ON lp.id = t.leader_id ORDER BY " +
         order;
}

std::string TaskQuery::CountSql() const {
  if (!counted_where_) {
    return "SELECT COUNT(*) AS total FROM (" + FilteredSql() + ") a WHERE " + outer_where_;
  }
  // Unrestricted tasks from the counts (an assignee's own, for a filter on one); restricted ones,
  // which only some readers may see, from the tasks (through their partial index: there are few).
  const char* counts = filter_.assignee ? "assignee_task_counts" : "task_status_counts";
  return "SELECT CAST((SELECT COALESCE(SUM(c.tasks), 0) FROM " + std::string(counts) +
         " c WHERE c.agency_id IN " + IdList(agencies_) + " AND c.today_status IN " +
         SnapshotStatusList() + " AND c.restricted = 0" + *counted_where_ +
         ") + (SELECT COUNT(*) FROM (" + FilteredSql(nullptr, " AND t.restricted = 1") +
         ") a WHERE " + outer_where_ + ") AS BIGINT) AS total";
}

}  // namespace giaoban::service
