#include "service/tasks/task_access.h"

namespace giaoban::service {
namespace {

domain::Member MemberOf(const Actor& a) {
  return {a.role, a.person_id, a.agency_id, a.agency_path, a.organization_path};
}

}  // namespace

bool CanReadTask(const Actor& a, const TaskAccessFacts& t) {
  return domain::CanReadTask(a.role, domain::RelationOf(MemberOf(a), t), t.restricted);
}

TaskPermissions PermissionsFor(const Actor& a, const TaskAccessFacts& t) {
  return domain::PermissionsFor(a.role, domain::RelationOf(MemberOf(a), t), t.closed);
}

bool CanCreateTaskFor(const Actor& a, const std::string& lead_org_path) {
  return domain::CanCreateTaskFor(MemberOf(a), lead_org_path);
}

}  // namespace giaoban::service
