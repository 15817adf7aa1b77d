#include "service/tasks/task_references.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;

namespace {

// How far up a chain of parents is looked at: deeper than any real plan.
constexpr int kMaxPlanDepth = 64;

}  // namespace

TaskReferences LoadReferences(Connection& c, Id agency_id, const TaskInput& in, Id source_id) {
  const bool postgres = c.dialect() == storage::Dialect::kPostgres;
  const std::string share = postgres ? " FOR SHARE" : "";
  std::vector<storage::Value> params = {Param(agency_id), Param(source_id)};
  auto bind = [&](Id id) {
    params.push_back(Param(id));
    return "$" + std::to_string(params.size());
  };
  auto id_list = [&](const std::vector<Id>& ids) {
    std::string list;
    for (Id id : ids) list += (list.empty() ? "" : ", ") + bind(id);
    return list;
  };
  std::vector<Id> orgs, people;
  if (in.lead_org_id) orgs.push_back(*in.lead_org_id);
  if (in.cooperator_ids)
    orgs.insert(orgs.end(), in.cooperator_ids->begin(), in.cooperator_ids->end());
  if (in.leader_id && *in.leader_id) people.push_back(**in.leader_id);
  if (in.assignee_ids)
    people.insert(people.end(), in.assignee_ids->begin(), in.assignee_ids->end());
  const std::optional<Id> parent =
      in.parent_id && *in.parent_id ? std::optional<Id>(**in.parent_id) : std::nullopt;

  std::string sql;
  if (parent) {
    sql =
        "WITH RECURSIVE ancestors (id, parent_id, agency_id, depth) AS (SELECT id, parent_id, "
        "agency_id, 0 FROM tasks WHERE id = " +
        bind(*parent) +
        " UNION ALL SELECT t.id, t.parent_id, t.agency_id, a.depth + 1 FROM tasks t "
        "JOIN ancestors a ON t.id = a.parent_id WHERE a.depth < " +
        std::to_string(kMaxPlanDepth) + ") ";
  }
  sql +=
      "SELECT 'agency' AS ref, o.id AS ref_id, o.path AS path, NULL AS doc_number, "
      "NULL AS agency_id, 0 AS depth FROM organizations o WHERE o.id = $1 "
      // The locked rows are read by the locking sub-selects themselves: after waiting for a
      // concurrent change, those return the changed row.
      "UNION ALL SELECT 'source', s.id, s.kind, s.doc_number, s.agency_id, 0 FROM (SELECT "
      "x.id, x.kind, x.doc_number, x.agency_id FROM sources x WHERE x.id = $2" +
      share +
      ") s "
      "UNION ALL SELECT 'snapshot', NULL, CAST(ss.as_of AS TEXT), NULL, NULL, 0 "
      "FROM (SELECT x.as_of FROM status_snapshot x WHERE x.id = 1" +
      share + ") ss";
  if (!orgs.empty()) {
    sql +=
        " UNION ALL SELECT 'organization', o.id, o.path, NULL, NULL, 0 FROM organizations o "
        "WHERE o.id IN (" +
        id_list(orgs) + ")";
  }
  if (!people.empty()) {
    sql +=
        " UNION ALL SELECT 'person', p.id, o.path, NULL, NULL, 0 FROM people p "
        "JOIN organizations o ON o.id = p.organization_id WHERE p.id IN (" +
        id_list(people) + ")";
  }
  if (parent)
    sql += " UNION ALL SELECT 'ancestor', id, NULL, NULL, agency_id, depth FROM ancestors";
  sql += " ORDER BY ref, depth";

  const auto r = c.execute(sql, params);
  const storage::Column ref = r.column("ref"), ref_id = r.column("ref_id"), path = r.column("path"),
                        doc_number = r.column("doc_number"), agency = r.column("agency_id");
  TaskReferences out;
  for (const storage::Row& row : r.rows) {
    const std::string& kind = row.text(ref);
    if (kind == "agency") {
      out.agency_path = row.text(path);
    } else if (kind == "source") {
      out.source = TaskReferences::SourceFacts{
          row.integer(agency), domain::SourceKindFromStored(row.text(path)), row.text(doc_number)};
    } else if (kind == "snapshot") {
      out.snapshot_as_of = Date::Parse(row.text(path));
    } else if (kind == "organization") {
      out.org_paths[row.integer(ref_id)] = row.text(path);
    } else if (kind == "person") {
      out.person_org_paths[row.integer(ref_id)] = row.text(path);
    } else {
      out.ancestors.emplace_back(row.integer(ref_id), row.integer(agency));
    }
  }
  return out;
}

void CheckReferences(const TaskReferences& refs, Id agency_id, const TaskInput& in, Validator& v) {
  auto within_agency = [&](const std::map<Id, std::string>& paths, Id id) {
    const auto it = paths.find(id);
    return it != paths.end() && it->second.rfind(refs.agency_path, 0) == 0;
  };
  if (in.source_id && (!refs.source || refs.source->agency_id != agency_id))
    v.Add("source_id", "not_found");
  if (in.parent_id && *in.parent_id &&
      (refs.ancestors.empty() || refs.ancestors.front().second != agency_id))
    v.Add("parent_id", "not_found");
  if (in.lead_org_id && !within_agency(refs.org_paths, *in.lead_org_id))
    v.Add("lead_org_id", "not_found");
  if (in.cooperator_ids) {
    for (Id id : *in.cooperator_ids) {
      if (!within_agency(refs.org_paths, id)) v.Add("cooperator_ids", "not_found");
      if (in.lead_org_id && id == *in.lead_org_id) v.Add("cooperator_ids", "includes_lead");
    }
  }
  if (in.leader_id && *in.leader_id && !within_agency(refs.person_org_paths, **in.leader_id))
    v.Add("leader_id", "not_found");
  if (in.assignee_ids) {
    for (Id id : *in.assignee_ids) {
      if (!within_agency(refs.person_org_paths, id)) v.Add("assignee_ids", "not_found");
    }
  }
}

bool CreatesCycle(const TaskReferences& refs, Id task) {
  for (const auto& [id, agency] : refs.ancestors) {
    if (id == task) return true;
  }
  return refs.ancestors.size() > static_cast<std::size_t>(kMaxPlanDepth);
}

}  // namespace giaoban::service
