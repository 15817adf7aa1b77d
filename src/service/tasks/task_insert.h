// The one way a new task is written: its row, its links and the history event that records it.
// Creating a task and confirming an import both write tasks through it, inside their own
// transaction, after checking the input and its references themselves.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/audit.h"
#include "service/tasks/task_references.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "storage/database.h"

namespace giaoban::service {

// Links a task to `ids` in `table` (task_cooperators, task_assignees), in one statement.
void InsertTaskLinks(storage::Connection& c, const char* table, const char* column, Id task_id,
                     const std::vector<Id>& ids);

// Writes new tasks of one source, assigned on one day, many to a statement: an import writes
// thousands, and on SQLite each statement that adds to the search index also flushes it. `Add`
// queues a task as given: the caller has normalised and validated it and checked its references
// against `refs`. `Flush` writes the queued tasks and answers their ids in the order they were
// added; a task whose parent is still queued must wait for the flush that writes its parent. The
// caller records their creation.
class TaskInserter {
 public:
  TaskInserter(storage::Connection& c, const Actor& by, const TaskReferences& refs,
               Date assigned_on, std::int64_t now);

  void Add(const TaskInput& in);
  std::vector<Id> Flush();

 private:
  storage::Connection& c_;
  const Actor& by_;
  const TaskReferences& refs_;
  Date assigned_on_;
  std::int64_t now_;
  std::size_t rows_ = 0;
  std::string values_;
  std::vector<storage::Value> params_;
  std::vector<std::string> titles_;
  std::vector<std::vector<Id>> cooperators_, assignees_;
};

// The history event of a task just written from `in`, with the snapshot TaskSnapshotJson gives
// of its stored row, built from what was written instead of read back; `cooperators` in the
// order a load gives them (by name).
EventRecord NewTaskEvent(const Actor& by, Id id, const TaskInput& in, Date assigned_on,
                         const std::vector<Id>& cooperators);

// Writes one task, records its creation, and returns it as stored, read back.
TaskRecord InsertTask(storage::Connection& c, const Actor& by, const TaskInput& in,
                      const TaskReferences& refs, Date assigned_on, std::int64_t now);

}  // namespace giaoban::service
