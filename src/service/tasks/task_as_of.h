// A task as it stood on a past date: what the task page shows when asked for an earlier day.
// Kept apart from task_store.h, which reads and writes task rows, because this is a view's rule
// (which facts were already true then), applied after loading, the same for any past date.
#pragma once

#include <cstdint>

#include "service/tasks/task_store.h"

namespace giaoban::service {

// Leaves in a loaded task only what was true on `as_of`: completion and cancellation dated by
// then, progress reports dated by then and the progress they gave, extension requests and
// decisions, explanations and answers. Returns how many facts dated later it left out. Its
// subtasks are list rows as of that date already (LoadSubtasks).
std::int64_t ShowAsOf(TaskRecord& record, Date as_of);

}  // namespace giaoban::service
