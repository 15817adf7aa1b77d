#include "domain/task_permissions.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "domain/task_permissions_letters.h"

namespace giaoban::domain {
namespace {

// The ways a member can stand to a task, as the table's footnotes distinguish them.
enum class Rel {
  kStranger,        // an agency beside the member's
  kAbove,           // the task is in an agency below the member's
  kOtherUnit,       // same agency, a unit unrelated to the task
  kLeadUnit,        // the member's organisation is the lead organisation
  kAboveLead,       // the member's organisation is above the lead one
  kBelowLead,       // the member's organisation is below the lead one
  kCooperating,     // the member's organisation cooperates on the task
  kAssignee,        // assigned to the task, working in an unrelated unit
  kAssigneeInLead,  // assigned to the task, working in the lead organisation or below it
};

TaskRelation Make(Rel rel) {
  TaskRelation r;
  if (rel == Rel::kStranger) return r;
  r.visible_agency = true;
  if (rel == Rel::kAbove) return r;
  r.same_agency = true;
  switch (rel) {
    case Rel::kLeadUnit:
      r.in_lead = r.member_of_lead = true;
      break;
    case Rel::kAboveLead:
      r.in_lead = true;
      break;
    case Rel::kBelowLead:
      r.member_of_lead = true;
      break;
    case Rel::kCooperating:
      r.cooperating = true;
      break;
    case Rel::kAssignee:
      r.assignee = true;
      break;
    case Rel::kAssigneeInLead:
      r.assignee = r.member_of_lead = true;
      break;
    default:
      break;
  }
  return r;
}

struct PermissionRow {
  Role role;
  Rel rel;
  const char* open;    // on an open task
  const char* closed;  // on a completed or cancelled task
};

constexpr Role kAllRoles[] = {Role::kAdmin,    Role::kLeader,     Role::kConsolidator,
                              Role::kUnitHead, Role::kSpecialist, Role::kViewer};
constexpr Rel kAllRels[] = {Rel::kStranger,    Rel::kAbove,     Rel::kOtherUnit,
                            Rel::kLeadUnit,    Rel::kAboveLead, Rel::kBelowLead,
                            Rel::kCooperating, Rel::kAssignee,  Rel::kAssigneeInLead};

// Every role against every relation (docs/domain.md#permissions).
constexpr PermissionRow kPermissions[] = {
    // Administrators and viewers never act on a task, even when named on it.
    {Role::kAdmin, Rel::kStranger, "--------", "--------"},
    {Role::kAdmin, Rel::kAbove, "--------", "--------"},
    {Role::kAdmin, Rel::kOtherUnit, "--------", "--------"},
    {Role::kAdmin, Rel::kLeadUnit, "--------", "--------"},
    {Role::kAdmin, Rel::kAboveLead, "--------", "--------"},
    {Role::kAdmin, Rel::kBelowLead, "--------", "--------"},
    {Role::kAdmin, Rel::kCooperating, "--------", "--------"},
    {Role::kAdmin, Rel::kAssignee, "--------", "--------"},
    {Role::kAdmin, Rel::kAssigneeInLead, "--------", "--------"},
    {Role::kViewer, Rel::kStranger, "--------", "--------"},
    {Role::kViewer, Rel::kAbove, "--------", "--------"},
    {Role::kViewer, Rel::kOtherUnit, "--------", "--------"},
    {Role::kViewer, Rel::kLeadUnit, "--------", "--------"},
    {Role::kViewer, Rel::kAboveLead, "--------", "--------"},
    {Role::kViewer, Rel::kBelowLead, "--------", "--------"},
    {Role::kViewer, Rel::kCooperating, "--------", "--------"},
    {Role::kViewer, Rel::kAssignee, "--------", "--------"},
    {Role::kViewer, Rel::kAssigneeInLead, "--------", "--------"},
    // Leaders do everything but request extensions, which they grant; as assignees they may ask.
    {Role::kLeader, Rel::kStranger, "--------", "--------"},
    {Role::kLeader, Rel::kAbove, "--------", "--------"},
    {Role::kLeader, Rel::kOtherUnit, "EPC-DXQ-", "------Q-"},
    {Role::kLeader, Rel::kLeadUnit, "EPC-DXQ-", "------Q-"},
    {Role::kLeader, Rel::kAboveLead, "EPC-DXQ-", "------Q-"},
    {Role::kLeader, Rel::kBelowLead, "EPC-DXQ-", "------Q-"},
    {Role::kLeader, Rel::kCooperating, "EPC-DXQ-", "------Q-"},
    {Role::kLeader, Rel::kAssignee, "EPCRDXQ-", "------Q-"},
    {Role::kLeader, Rel::kAssigneeInLead, "EPCRDXQA", "------QA"},
    // Consolidators run the programme: they edit, report, complete and ask for more time.
    {Role::kConsolidator, Rel::kStranger, "--------", "--------"},
    {Role::kConsolidator, Rel::kAbove, "--------", "--------"},
    {Role::kConsolidator, Rel::kOtherUnit, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kLeadUnit, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kAboveLead, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kBelowLead, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kCooperating, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kAssignee, "EPCR----", "--------"},
    {Role::kConsolidator, Rel::kAssigneeInLead, "EPCR---A", "-------A"},
    // A unit head acts as the head of the lead unit only at or above the lead organisation.
    {Role::kUnitHead, Rel::kStranger, "--------", "--------"},
    {Role::kUnitHead, Rel::kAbove, "--------", "--------"},
    {Role::kUnitHead, Rel::kOtherUnit, "--------", "--------"},
    {Role::kUnitHead, Rel::kLeadUnit, "EPCR---A", "-------A"},
    {Role::kUnitHead, Rel::kAboveLead, "EPCR---A", "-------A"},
    {Role::kUnitHead, Rel::kBelowLead, "--------", "--------"},
    {Role::kUnitHead, Rel::kCooperating, "--------", "--------"},
    {Role::kUnitHead, Rel::kAssignee, "-P-R----", "--------"},
    {Role::kUnitHead, Rel::kAssigneeInLead, "-P-R---A", "-------A"},
    // Specialists act only on what they are assigned.
    {Role::kSpecialist, Rel::kStranger, "--------", "--------"},
    {Role::kSpecialist, Rel::kAbove, "--------", "--------"},
    {Role::kSpecialist, Rel::kOtherUnit, "--------", "--------"},
    {Role::kSpecialist, Rel::kLeadUnit, "--------", "--------"},
    {Role::kSpecialist, Rel::kAboveLead, "--------", "--------"},
    {Role::kSpecialist, Rel::kBelowLead, "--------", "--------"},
    {Role::kSpecialist, Rel::kCooperating, "--------", "--------"},
    {Role::kSpecialist, Rel::kAssignee, "-P-R----", "--------"},
    {Role::kSpecialist, Rel::kAssigneeInLead, "-P-R---A", "-------A"},
};

TEST(TaskPermissionsTest, EveryRoleAgainstEveryRelation) {
  static_assert(std::size(kPermissions) == std::size(kAllRoles) * std::size(kAllRels));
  for (const auto& row : kPermissions) {
    SCOPED_TRACE("role " + std::to_string(static_cast<int>(row.role)) + ", relation " +
                 std::to_string(static_cast<int>(row.rel)));
    EXPECT_EQ(PermissionLetters(PermissionsFor(row.role, Make(row.rel), false)), row.open);
    EXPECT_EQ(PermissionLetters(PermissionsFor(row.role, Make(row.rel), true)), row.closed);
  }
}

TEST(TaskPermissionsTest, TheTableCoversEveryRoleAndRelationOnce) {
  for (Role role : kAllRoles) {
    for (Rel rel : kAllRels) {
      int rows = 0;
      for (const auto& row : kPermissions) rows += row.role == role && row.rel == rel;
      EXPECT_EQ(rows, 1) << static_cast<int>(role) << " " << static_cast<int>(rel);
    }
  }
}

struct ReadRow {
  Rel rel;
  const char* restricted_readers;  // the roles reading the task when restricted, as letters:
                                   // a admin, l leader, c consolidator, u unit head,
                                   // s specialist, v viewer
};

// An unrestricted task is read by every role wherever its agency is visible; a restricted one
// only within its agency, by managers and by the people it concerns.
constexpr ReadRow kReads[] = {
    {Rel::kStranger, ""},          {Rel::kAbove, ""},           {Rel::kOtherUnit, "lc"},
    {Rel::kLeadUnit, "alcusv"},    {Rel::kAboveLead, "alcusv"}, {Rel::kBelowLead, "lc"},
    {Rel::kCooperating, "alcusv"}, {Rel::kAssignee, "alcusv"},  {Rel::kAssigneeInLead, "alcusv"},
};

char RoleLetter(Role role) {
  switch (role) {
    case Role::kAdmin:
      return 'a';
    case Role::kLeader:
      return 'l';
    case Role::kConsolidator:
      return 'c';
    case Role::kUnitHead:
      return 'u';
    case Role::kSpecialist:
      return 's';
    case Role::kViewer:
      return 'v';
  }
  return '?';
}

TEST(TaskPermissionsTest, WhoReadsATask) {
  static_assert(std::size(kReads) == std::size(kAllRels));
  for (const auto& row : kReads) {
    const TaskRelation r = Make(row.rel);
    for (Role role : kAllRoles) {
      SCOPED_TRACE("role " + std::string(1, RoleLetter(role)) + ", relation " +
                   std::to_string(static_cast<int>(row.rel)));
      EXPECT_EQ(CanReadTask(role, r, false), r.visible_agency);
      EXPECT_EQ(CanReadTask(role, r, true),
                std::string_view(row.restricted_readers).find(RoleLetter(role)) !=
                    std::string_view::npos);
    }
  }
}

TEST(TaskPermissionsTest, PathsNestOnlyAtWholeSegments) {
  EXPECT_TRUE(IsWithin("/1/4/", "/1/4/"));
  EXPECT_TRUE(IsWithin("/1/4/9/", "/1/4/"));
  EXPECT_TRUE(IsWithin("/1/4/9/", "/1/"));
  EXPECT_FALSE(IsWithin("/1/45/", "/1/4/"));
  EXPECT_FALSE(IsWithin("/1/", "/1/4/"));
  EXPECT_FALSE(IsWithin("/2/4/", "/1/"));
  EXPECT_FALSE(IsWithin("/1/4/", ""));  // an unknown organisation contains nothing
}

// The department /1/ with divisions /1/2/ (lead, with team /1/2/7/), /1/3/ (cooperating) and
// /1/5/ (unrelated); the district office /1/8/ is an agency below it.
TaskAccessFacts DepartmentTask() {
  TaskAccessFacts t;
  t.agency_id = 1;
  t.agency_path = "/1/";
  t.lead_org_path = "/1/2/";
  t.cooperator_paths = {"/1/3/"};
  t.assignee_person_ids = {40, 41};
  return t;
}

Member MemberAt(std::int64_t agency_id, std::string agency_path, std::string org_path,
                std::int64_t person_id = 99) {
  return {Role::kSpecialist, person_id, agency_id, std::move(agency_path), std::move(org_path)};
}

struct RelationRow {
  const char* what;
  Member member;
  TaskRelation expected;
};

TEST(TaskPermissionsTest, RelationsFromOrganisationPaths) {
  const TaskAccessFacts task = DepartmentTask();
  // Fields: visible_agency, same_agency, in_lead, member_of_lead, cooperating, assignee.
  const RelationRow rows[] = {
      {"agency head office", MemberAt(1, "/1/", "/1/"), {true, true, true, false, true, false}},
      {"lead division", MemberAt(1, "/1/", "/1/2/"), {true, true, true, true, false, false}},
      {"team under the lead",
       MemberAt(1, "/1/", "/1/2/7/"),
       {true, true, false, true, false, false}},
      {"cooperating division",
       MemberAt(1, "/1/", "/1/3/"),
       {true, true, false, false, true, false}},
      {"unrelated division", MemberAt(1, "/1/", "/1/5/"), {true, true, false, false, false, false}},
      {"assignee elsewhere",
       MemberAt(1, "/1/", "/1/5/", 41),
       {true, true, false, false, false, true}},
      {"agency below", MemberAt(8, "/1/8/", "/1/8/"), {false, false, false, false, false, false}},
      {"agency beside", MemberAt(6, "/6/", "/6/2/"), {false, false, false, false, false, false}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.what);
    const TaskRelation r = RelationOf(row.member, task);
    EXPECT_EQ(r.visible_agency, row.expected.visible_agency);
    EXPECT_EQ(r.same_agency, row.expected.same_agency);
    EXPECT_EQ(r.in_lead, row.expected.in_lead);
    EXPECT_EQ(r.member_of_lead, row.expected.member_of_lead);
    EXPECT_EQ(r.cooperating, row.expected.cooperating);
    EXPECT_EQ(r.assignee, row.expected.assignee);
  }
}

TEST(TaskPermissionsTest, AnAgencyAboveSeesButIsNotTheTasksAgency) {
  TaskAccessFacts district_task = DepartmentTask();
  district_task.agency_id = 8;
  district_task.agency_path = "/1/8/";
  district_task.lead_org_path = "/1/8/2/";
  district_task.cooperator_paths = {};
  const TaskRelation r = RelationOf(MemberAt(1, "/1/", "/1/"), district_task);
  EXPECT_TRUE(r.visible_agency);
  EXPECT_FALSE(r.same_agency);
  EXPECT_TRUE(r.in_lead);
}

struct CreateRow {
  Role role;
  const char* org_path;   // the creator's organisation, in the agency /1/
  const char* lead_path;  // the new task's lead organisation
  bool allowed;
};

TEST(TaskPermissionsTest, WhoCreatesATaskForWhichLead) {
  const CreateRow rows[] = {
      {Role::kLeader, "/1/", "/1/2/", true},         {Role::kLeader, "/1/", "/1/", true},
      {Role::kLeader, "/1/", "/6/2/", false},  // another agency
      {Role::kConsolidator, "/1/5/", "/1/2/", true}, {Role::kConsolidator, "/1/5/", "/6/", false},
      {Role::kUnitHead, "/1/2/", "/1/2/", true},     {Role::kUnitHead, "/1/2/", "/1/2/7/", true},
      {Role::kUnitHead, "/1/2/", "/1/3/", false},    {Role::kUnitHead, "/1/2/7/", "/1/2/", false},
      {Role::kSpecialist, "/1/2/", "/1/2/", false},  {Role::kViewer, "/1/2/", "/1/2/", false},
      {Role::kAdmin, "/1/", "/1/2/", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.org_path) + " -> " + row.lead_path);
    Member m = MemberAt(1, "/1/", row.org_path);
    m.role = row.role;
    EXPECT_EQ(CanCreateTaskFor(m, row.lead_path), row.allowed);
  }
}

}  // namespace
}  // namespace giaoban::domain
