// The one way a new task is written: its row, its links and the history event that records it.
// Creating a task and confirming an import both write tasks through it, inside their own
// transaction, after checking the input and its references themselves.
#pragma once

#include <cstdint>
#include <vector>

#include "service/actor.h"
#include "service/tasks/task_references.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "storage/database.h"

namespace giaoban::service {

// Links a task to `ids` in `table` (task_cooperators, task_assignees), in one statement.
void InsertTaskLinks(storage::Connection& c, const char* table, const char* column, Id task_id,
                     const std::vector<Id>& ids);

// Writes the task `in` describes (normalised, validated, its references checked against `refs`)
// as assigned on `assigned_on`, and returns it as stored.
TaskRecord InsertTask(storage::Connection& c, const Actor& by, const TaskInput& in,
                      const TaskReferences& refs, Date assigned_on, std::int64_t now);

}  // namespace giaoban::service
