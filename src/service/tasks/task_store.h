// Reading and writing task rows inside a transaction; shared by the task service's operations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/tasks/model.h"
#include "service/tasks/task_access.h"
#include "storage/database.h"

namespace giaoban::service {

// The facts of a task as stored, enough for status, permissions and snapshots.
struct TaskRecord {
  TaskDetail detail;  // summary status fields are filled by ComputeStatus
  std::vector<domain::ApprovedExtension> approved_extensions;
  TaskAccessFacts access;
  // The status snapshot's date as LoadTaskForChange found it (none: no valid snapshot).
  std::optional<Date> snapshot_as_of;
  bool has_subtasks = false;                  // as of any date
  std::optional<ProgramPlace> program_place;  // by LoadTaskForChange and LoadTaskForReading
};

// The task's own columns, names, links and approved extensions: two statements.
std::optional<TaskRecord> LoadTaskRecord(storage::Connection& c, Id id);

// Inside a write transaction, before changing a task: everything its page shows but the subtasks
// (see LoadSubtasks), its source, and the status snapshot's date, held shared on PostgreSQL so
// that a refresh cannot move it under the change. Three statements, or one for the row alone
// (a task created in the same transaction has no reports or requests yet). With kHoldRow the
// same first statement also locks the task's row on PostgreSQL, so that concurrent changes of one
// task wait for each other and the second reads the first one's result (SQLite's write
// transaction holds the whole database already); without it the change's write only checks the
// version read (WriteTaskState).
enum class TaskLoad { kEverything, kRowOnly };
enum class TaskRowLock { kNone, kHoldRow };
std::optional<TaskRecord> LoadTaskForChange(storage::Connection& c, Id id,
                                            TaskLoad load = TaskLoad::kEverything,
                                            TaskRowLock lock = TaskRowLock::kNone);
// For a task's page: the same three statements, holding nothing.
std::optional<TaskRecord> LoadTaskForReading(storage::Connection& c, Id id);

// The subtasks of `parent` that `actor` may see, as list rows as of `as_of`: one statement, none
// for a task that has never had any.
std::vector<TaskSummary> LoadSubtasks(storage::Connection& c, const Actor& actor,
                                      const TaskRecord& parent, Date as_of, int due_soon_days);

// The list rows of a result of TaskQuery::PageSql, status and warning as of `as_of`.
std::vector<TaskSummary> SummariesFromResult(const storage::Result& result, Date as_of,
                                             int due_soon_days);

// The approved extensions among a task's extension requests, in the order they were requested.
std::vector<domain::ApprovedExtension> ApprovedExtensions(const std::vector<Extension>& extensions);

// Writes the columns an action may change (closing, progress, extension start, the status
// snapshot's values for the task) with version + 1, if the version is still `expected_version`;
// returns false when another transaction changed the task first.
bool WriteTaskState(storage::Connection& c, const TaskRecord& after, std::int64_t expected_version,
                    std::int64_t now_millis);
// Status, deadline in force, warning and "extended" as of `as_of`, from the domain rules.
void ComputeStatus(TaskRecord& record, Date as_of, int due_soon_days);

// The JSON snapshot kept in the history before and after a change.
std::string TaskSnapshotJson(const TaskRecord& record);

// Recomputes the search text and title key stored on the tasks of a source from their columns and
// the source's number, after an edit of the source.
void RefreshSourceTasksSearch(storage::Connection& c, Id source_id);

std::string TaskSearchFold(const std::string& title, const std::string& content,
                           const std::string& product, const std::string& doc_number);

}  // namespace giaoban::service
