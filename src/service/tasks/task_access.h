// Who may read and act on a task (docs/domain.md#permissions), decided from facts loaded with
// the task.
#pragma once

#include <string>
#include <vector>

#include "service/actor.h"
#include "service/tasks/tasks.h"

namespace giaoban::service {

struct TaskAccessFacts {
  Id agency_id = 0;
  std::string agency_path;
  std::string lead_org_path;
  std::vector<std::string> cooperator_paths;
  std::vector<Id> assignee_person_ids;
  bool restricted = false;
  bool closed = false;  // completed or cancelled: only reading and explanations remain
};

bool CanReadTask(const Actor& actor, const TaskAccessFacts& task);
TaskPermissions PermissionsFor(const Actor& actor, const TaskAccessFacts& task);
// Whether `actor` may create a task led by an organisation at `lead_org_path` in its agency.
bool CanCreateTaskFor(const Actor& actor, const std::string& lead_org_path);

}  // namespace giaoban::service
