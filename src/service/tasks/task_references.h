// What the ids in a task's input refer to, read in one statement, and the checks on them: that
// each exists within the task's agency and that a new parent does not make a cycle. Creating and
// editing a task both need exactly this; it lives apart from tasks.cc so that file stays about the
// use cases themselves.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/error.h"
#include "service/tasks/tasks.h"
#include "storage/database.h"

namespace giaoban::service {

// What the ids a task's input refers to point at, read in one statement: the paths of the
// organisations and of the people's organisations, the source, the parent task's chain of
// ancestors, and the status snapshot's date. On PostgreSQL the source is held shared, since the
// task copies its kind, and so is the snapshot (see today_status.h).
struct TaskReferences {
  std::string agency_path = "/none/";
  std::map<Id, std::string> org_paths;
  std::map<Id, std::string> person_org_paths;
  struct SourceFacts {
    Id agency_id = 0;
    domain::SourceKind kind = domain::SourceKind::kAdHoc;
    std::string doc_number;
  };
  std::optional<SourceFacts> source;
  // The parent, then its parent and so on: (task id, agency id), nearest first.
  std::vector<std::pair<Id, Id>> ancestors;
  std::optional<Date> snapshot_as_of;
};

// Reads, for a task of `agency_id` with source `source_id`, what `in` refers to.
TaskReferences LoadReferences(storage::Connection& c, Id agency_id, const TaskInput& in,
                              Id source_id);

// Checks that referenced rows exist and belong to the agency; adds field errors otherwise.
void CheckReferences(const TaskReferences& refs, Id agency_id, const TaskInput& in, Validator& v);

// Whether making the parent read in `refs` the parent of `task` would put `task` among its own
// ancestors; a chain deeper than any real plan is refused rather than followed.
bool CreatesCycle(const TaskReferences& refs, Id task);

}  // namespace giaoban::service
