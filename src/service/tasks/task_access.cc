#include "service/tasks/task_access.h"

#include <algorithm>

namespace giaoban::service {
namespace {

bool Within(const std::string& path, const std::string& ancestor_path) {
  return !ancestor_path.empty() && path.rfind(ancestor_path, 0) == 0;
}

struct Relation {
  bool same_agency;
  bool in_lead;         // the actor's organisation is the lead organisation or above it
  bool member_of_lead;  // the actor's organisation is the lead organisation or below it
  bool cooperating;
  bool assignee;
};

Relation RelationOf(const Actor& a, const TaskAccessFacts& t) {
  Relation r{};
  r.same_agency = a.agency_id == t.agency_id;
  r.in_lead = Within(t.lead_org_path, a.organization_path);
  r.member_of_lead = Within(a.organization_path, t.lead_org_path);
  r.cooperating = std::any_of(t.cooperator_paths.begin(), t.cooperator_paths.end(),
                              [&](const std::string& p) { return Within(p, a.organization_path); });
  r.assignee = std::find(t.assignee_person_ids.begin(), t.assignee_person_ids.end(), a.person_id) !=
               t.assignee_person_ids.end();
  return r;
}

bool ManagesTasks(Role role) { return role == Role::kLeader || role == Role::kConsolidator; }

}  // namespace

bool CanReadTask(const Actor& a, const TaskAccessFacts& t) {
  if (!Within(t.agency_path, a.agency_path)) return false;  // own agency or one below it
  if (!t.restricted) return true;
  const Relation r = RelationOf(a, t);
  return r.same_agency && (ManagesTasks(a.role) || r.in_lead || r.cooperating || r.assignee);
}

TaskPermissions PermissionsFor(const Actor& a, const TaskAccessFacts& t) {
  TaskPermissions p;
  const Relation r = RelationOf(a, t);
  if (!r.same_agency || a.role == Role::kViewer || a.role == Role::kAdmin) return p;
  const bool leader = a.role == Role::kLeader;
  const bool manager = ManagesTasks(a.role);
  const bool lead_head = a.role == Role::kUnitHead && r.in_lead;
  p.request_explanation = leader;
  // The lead unit answers for its task: its head, or an assignee who works in it.
  p.answer_explanation = lead_head || (r.assignee && r.member_of_lead);
  if (t.closed) return p;
  p.edit = manager || lead_head;
  p.report_progress = manager || lead_head || r.assignee;
  p.complete = manager || lead_head;
  p.request_extension = a.role == Role::kConsolidator || lead_head || r.assignee;
  p.decide_extension = leader;
  p.cancel = leader;
  return p;
}

bool CanCreateTaskFor(const Actor& a, const std::string& lead_org_path) {
  if (!Within(lead_org_path, a.agency_path)) return false;
  if (ManagesTasks(a.role)) return true;
  return a.role == Role::kUnitHead && Within(lead_org_path, a.organization_path);
}

}  // namespace giaoban::service
