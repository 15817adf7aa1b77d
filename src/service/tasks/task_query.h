// Turns a TaskFilter into SQL that computes each task's deadline in force and status as of the
// filter's date inside the database, so that lists, counts and statistics page and group there.
// The CASE expression mirrors domain::StatusAsOf; a contract test checks they agree. When the
// filter's date is the status snapshot's date (normally today), the stored today_* columns are
// read instead (see today_status.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/tasks/task_filter.h"
#include "storage/database.h"

namespace giaoban::service {

class TaskQuery {
 public:
  // `readable_agencies` comes from ReadableAgencies(); restricted tasks are filtered per actor.
  TaskQuery(storage::Dialect dialect, const TaskFilter& filter, const Actor& actor,
            const std::vector<Id>& readable_agencies, bool use_snapshot = false);

  // Rows: the list columns SummariesFromResult reads (task_store.h), one page, in the filter's
  // order, each with the number of matching tasks in column "total" when TotalInPage().
  std::string PageSql() const;
  // A text search is the costly part of a filter: counting its matches in the page query, as a
  // window over the rows the sort visits anyway, runs it once instead of twice. Without one, a
  // separate count is cheaper, since it reads a covering index while the page stops early in
  // index order. A page past the end has no rows to carry the total: CountSql() answers then.
  bool TotalInPage() const { return filter_.text.has_value(); }
  std::string CountSql() const;  // one row, column "total"
  // The matching tasks by what statistics group them by: lead_org_id, source_kind, is_key,
  // status, extended (0/1), and how many tasks the row stands for, tasks.
  std::string StatusRowsSql() const;
  // With a report period, the rows of StatusRowsSql also carry what places their tasks in the
  // report's figures. SQLite hands over a row per task: each row's facts as of the last day
  // counted (dl, assigned_on, completed_on), which domain::PlaceCounted places faster than the
  // database evaluates ten conditions per task. PostgreSQL groups the rows: a 0/1 column per
  // figure, named by its code (ReportFigureCode). Call before reading the SQL and its parameters;
  // true when the rows carry the facts.
  bool AddReportColumns();
  const std::vector<storage::Value>& params() const { return params_; }

 private:
  // One agency's snapshot rows of one status, with or without a deadline: the index reads them
  // in deadline order.
  struct Branch {
    Id agency;
    std::string status;
    bool has_deadline;
  };

  std::string Bind(storage::Value v);
  std::string SnapshotStatusList() const;            // "('in_progress', 'overdue')"
  std::string ScopeSql(const Branch* branch) const;  // the agencies and the snapshot's statuses
  // One row per matching task with dl and status; only those of `branch` when one is given.
  // `also` is one more condition on `t`, from " AND ".
  std::string FilteredSql(const Branch* branch = nullptr, const char* also = "") const;
  // The same rows, from `id` (a select-list prefix such as "t.id, ", or "") and a WHERE clause.
  std::string RowsSql(const char* id, const std::string& where) const;
  // The rows of a filter on an assignee, read from the assignee's index entries in task id order.
  std::string AssigneeLedSql() const;
  std::string DeadlineInForceSql() const;
  std::string ExtendedSql() const;

  const TaskFilter& filter_;
  storage::Dialect dialect_;
  std::vector<storage::Value> params_;
  std::vector<Id> agencies_;
  std::vector<std::string> snapshot_statuses_;  // codes; empty unless use_snapshot_
  std::string rest_where_;  // every condition but the scope and the assignee, from " AND "
  std::string assignee_;    // the assignee's placeholder, when the filter names one
  std::string assignee_where_;
  std::string outer_where_;
  // The filter's conditions on the columns of task_status_counts, or of assignee_task_counts for
  // a filter on an assignee (alias `c`), from " AND "; none when the filter names anything else,
  // and its total must be counted from the tasks.
  std::optional<std::string> counted_where_;
  std::string as_of_;           // the placeholder of the as-of date
  std::string report_columns_;  // from ", ": see AddReportFigureColumns
  std::size_t report_column_count_ = 0;
  bool use_snapshot_;
};

// SQL expressions over a task row `t`, for a date given as SQL text (a placeholder like "$1").
std::string DeadlineInForceExpression(const std::string& date);
std::string ExtendedExpression(const std::string& date);
// The status code as of `date` of a row with completed_on and cancelled_on columns (prefixed by
// `row`, e.g. "x.") whose deadline in force is the SQL expression `deadline`.
std::string StatusExpression(const std::string& date, const std::string& row = "x.",
                             const std::string& deadline = "x.dl");

// The condition on a row `a` with status, dl, assigned_on and completed_on as of the last day a
// report counts that places it in one of the report's figures; it mirrors domain::PlaceInReport.
// `bind` turns a date into a placeholder.
std::string ReportFigureCondition(ReportFigure figure, const domain::ReportWindows& windows,
                                  const std::function<std::string(Date)>& bind);

// SELECT list of a task summary row, shared by lists and single-task reads. Expects the task's
// table alias `y` with columns dl and status (see FilteredSql).
std::vector<std::string> SummaryColumnNames();

}  // namespace giaoban::service
