// Who may read and act on a task: the rules of domain/task_permissions.h applied to the acting
// account and the facts loaded with the task.
#pragma once

#include <string>

#include "domain/task_permissions.h"
#include "service/actor.h"
#include "service/tasks/tasks.h"

namespace giaoban::service {

using domain::TaskAccessFacts;

bool CanReadTask(const Actor& actor, const TaskAccessFacts& task);
TaskPermissions PermissionsFor(const Actor& actor, const TaskAccessFacts& task);
// Whether `actor` may create a task led by an organisation at `lead_org_path` in its agency.
bool CanCreateTaskFor(const Actor& actor, const std::string& lead_org_path);

}  // namespace giaoban::service
