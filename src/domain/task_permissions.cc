#include "domain/task_permissions.h"

#include <algorithm>

namespace giaoban::domain {
namespace {

// Leaders and consolidators run the agency's programmes, so they see and handle all its tasks.
bool ManagesTasks(Role role) { return role == Role::kLeader || role == Role::kConsolidator; }

}  // namespace

bool IsWithin(std::string_view path, std::string_view ancestor_path) {
  return !ancestor_path.empty() && path.starts_with(ancestor_path);
}

TaskRelation RelationOf(const Member& m, const TaskAccessFacts& t) {
  TaskRelation r;
  r.visible_agency = IsWithin(t.agency_path, m.agency_path);
  r.same_agency = m.agency_id == t.agency_id;
  r.in_lead = IsWithin(t.lead_org_path, m.organization_path);
  r.member_of_lead = IsWithin(m.organization_path, t.lead_org_path);
  r.cooperating =
      std::any_of(t.cooperator_paths.begin(), t.cooperator_paths.end(),
                  [&](const std::string& p) { return IsWithin(p, m.organization_path); });
  r.assignee = std::find(t.assignee_person_ids.begin(), t.assignee_person_ids.end(), m.person_id) !=
               t.assignee_person_ids.end();
  return r;
}

bool CanReadTask(Role role, const TaskRelation& r, bool restricted) {
  if (!r.visible_agency) return false;
  if (!restricted) return true;
  // Agencies above do not see a restricted task; within its agency only the people it concerns.
  return r.same_agency && (ManagesTasks(role) || r.in_lead || r.cooperating || r.assignee);
}

TaskPermissions PermissionsFor(Role role, const TaskRelation& r, bool closed) {
  TaskPermissions p;
  // Levels above read only; viewers and administrators never act, even when named on the task.
  if (!r.same_agency || role == Role::kViewer || role == Role::kAdmin) return p;
  const bool leader = role == Role::kLeader;
  const bool manager = ManagesTasks(role);
  const bool lead_head = role == Role::kUnitHead && r.in_lead;
  p.request_explanation = leader;
  // The lead unit answers for its task: its head, or an assignee who works in it.
  p.answer_explanation = lead_head || (r.assignee && r.member_of_lead);
  if (closed) return p;
  p.edit = manager || lead_head;
  p.report_progress = manager || lead_head || r.assignee;
  p.complete = manager || lead_head;
  p.request_extension = role == Role::kConsolidator || lead_head || r.assignee;
  p.decide_extension = leader;
  p.cancel = leader;
  return p;
}

bool CanCreateTaskFor(const Member& m, std::string_view lead_org_path) {
  if (!IsWithin(lead_org_path, m.agency_path)) return false;
  if (ManagesTasks(m.role)) return true;
  return m.role == Role::kUnitHead && IsWithin(lead_org_path, m.organization_path);
}

}  // namespace giaoban::domain
