// Who may read, create and act on a task (docs/domain.md#permissions). Organisations are named by
// their materialised paths ("/1/4/9/"): an organisation's path starts with each ancestor's path.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/role.h"

namespace giaoban::domain {

// Whether the organisation at `path` is the one at `ancestor_path` or below it.
bool IsWithin(std::string_view path, std::string_view ancestor_path);

// The person acting: their role, their organisation and the agency it belongs to.
struct Member {
  Role role = Role::kViewer;
  std::int64_t person_id = 0;
  std::int64_t agency_id = 0;
  std::string agency_path;
  std::string organization_path;
};

// The facts of a task that decide who may see it and act on it.
struct TaskAccessFacts {
  std::int64_t agency_id = 0;
  std::string agency_path;
  std::string lead_org_path;
  std::vector<std::string> cooperator_paths;
  std::vector<std::int64_t> assignee_person_ids;
  bool restricted = false;
  bool closed = false;  // completed or cancelled: only reading and explanations remain
};

// How a member stands to a task.
struct TaskRelation {
  bool visible_agency = false;  // the task's agency is the member's own or one below it
  bool same_agency = false;     // the task's agency is the member's own
  bool in_lead = false;         // the member's organisation is the lead organisation or above it
  bool member_of_lead = false;  // the member's organisation is the lead organisation or below it
  bool cooperating = false;     // the member's organisation is a cooperating one or above it
  bool assignee = false;
};

TaskRelation RelationOf(const Member& member, const TaskAccessFacts& task);

struct TaskPermissions {
  bool edit = false;
  bool report_progress = false;
  bool complete = false;
  bool request_extension = false;
  bool decide_extension = false;
  bool cancel = false;
  bool request_explanation = false;
  bool answer_explanation = false;

  friend bool operator==(const TaskPermissions&, const TaskPermissions&) = default;
};

// The API names each permission as its member is named (api/json_codec.cc).
BOOST_DESCRIBE_STRUCT(TaskPermissions, (),
                      (edit, report_progress, complete, request_extension, decide_extension, cancel,
                       request_explanation, answer_explanation))

bool CanReadTask(Role role, const TaskRelation& relation, bool restricted);
TaskPermissions PermissionsFor(Role role, const TaskRelation& relation, bool closed);

// Whether `member` may create a task led by the organisation at `lead_org_path`, or move a task
// to that lead.
bool CanCreateTaskFor(const Member& member, std::string_view lead_org_path);

}  // namespace giaoban::domain
