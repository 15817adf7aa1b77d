// A task as it stood on a past date: what the task page shows when asked for an earlier day.
// Kept apart from task_store.h, which reads and writes task rows, because this is a view's rule
// (which facts were already true then), applied after loading, the same for any past date.
#pragma once

#include <cstdint>

#include "service/tasks/task_store.h"

namespace giaoban::service {

// Leaves in a loaded task (children included) only what was true on `as_of`: completion and
// cancellation dated by then, progress reports dated by then and the progress they gave,
// extension requests and decisions, explanations and answers, subtasks assigned by then. Returns
// how many facts dated later it left out.
std::int64_t ShowAsOf(storage::Connection& c, TaskRecord& record, Date as_of);
// The same for a task's list row, whose progress reports are not loaded.
void ShowSummaryAsOf(storage::Connection& c, TaskSummary& summary, Date as_of);

}  // namespace giaoban::service
