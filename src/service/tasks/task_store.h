// Reading and writing task rows inside a transaction; shared by the task service's operations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/tasks/model.h"
#include "service/tasks/task_access.h"
#include "storage/database.h"

namespace giaoban::service {

// The facts of a task as stored, enough for status, permissions and snapshots.
struct TaskRecord {
  TaskDetail detail;  // summary status fields are filled by ComputeStatus
  std::vector<domain::ApprovedExtension> approved_extensions;
  TaskAccessFacts access;
};

std::optional<TaskRecord> LoadTaskRecord(storage::Connection& c, Id id);
// Fills updates, extensions, explanations, subtasks and the source.
void LoadTaskChildren(storage::Connection& c, TaskRecord& record);
// Status, deadline in force, warning and "extended" as of `as_of`, from the domain rules.
void ComputeStatus(TaskRecord& record, Date as_of, int due_soon_days);

// Leaves in a loaded task (children included) only what was true on `as_of`: completion and
// cancellation dated by then, progress reports dated by then and the progress they gave,
// extension requests and decisions, explanations and answers, subtasks assigned by then. Returns
// how many facts dated later it left out.
std::int64_t ShowAsOf(storage::Connection& c, TaskRecord& record, Date as_of);
// The same for a task's list row, whose progress reports are not loaded.
void ShowSummaryAsOf(storage::Connection& c, TaskSummary& summary, Date as_of);

// The JSON snapshot kept in the history before and after a change.
std::string TaskSnapshotJson(const TaskRecord& record);

// Recomputes the search text and title key stored on a task from its columns and its source's
// number; after an edit of the task, or of the source for all of its tasks.
void RefreshTaskSearch(storage::Connection& c, Id task_id);
void RefreshSourceTasksSearch(storage::Connection& c, Id source_id);

std::string TaskSearchFold(const std::string& title, const std::string& content,
                           const std::string& product, const std::string& doc_number);

}  // namespace giaoban::service
