#include "service/tasks/task_insert.h"

#include <string>
#include <vector>

#include "domain/source_kind.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"
#include "service/tasks/task_query.h"
#include "service/tasks/today_status.h"

namespace giaoban::service {

using storage::Connection;
using storage::Param;

void InsertTaskLinks(Connection& c, const char* table, const char* column, Id task_id,
                     const std::vector<Id>& ids) {
  if (ids.empty()) return;
  std::string sql = std::string("INSERT INTO ") + table + " (task_id, " + column + ") VALUES ";
  std::vector<storage::Value> params = {Param(task_id)};
  for (Id id : ids) {
    params.push_back(Param(id));
    sql += std::string(params.size() == 2 ? "" : ", ") + "($1, $" + std::to_string(params.size()) +
           ")";
  }
  c.execute(sql, params);
}

TaskRecord InsertTask(Connection& c, const Actor& by, const TaskInput& in,
                      const TaskReferences& refs, Date assigned_on, std::int64_t now) {
  const std::optional<Date> deadline = in.deadline.value_or(std::nullopt);
  const std::string title = *in.title;
  std::vector<storage::Value> params = {
      Param(by.agency_id),
      Param(*in.source_id),
      Param(domain::SourceKindCode(refs.source->kind)),
      Param(in.parent_id.value_or(std::nullopt)),
      Param(title),
      Param(intl::CollationKey(title)),
      Param(in.content.value_or("")),
      Param(in.is_key.value_or(false)),
      Param(in.restricted.value_or(false)),
      Param(*in.lead_org_id),
      Param(in.leader_id.value_or(std::nullopt)),
      Param(in.product.value_or("")),
      Param(assigned_on.Iso()),
      DateParam(deadline),
      Param(in.deadline_label.value_or("")),
      Param(TaskSearchFold(title, in.content.value_or(""), in.product.value_or(""),
                           refs.source->doc_number)),
      Param(by.user_id),
      Param(now)};
  std::string columns =
      "agency_id, source_id, source_kind, parent_id, title, title_key, content, is_key, "
      "restricted, lead_org_id, leader_id, product, assigned_on, deadline, deadline_label, "
      "search_fold, created_by, created_at, updated_at";
  std::string values =
      "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18";
  // Without a snapshot the next refresh computes every task.
  if (refs.snapshot_as_of) {
    TaskSummary facts;
    facts.assigned_on = assigned_on;
    facts.deadline = deadline;
    const SnapshotStatus today_status = SnapshotStatusOf(facts, {}, *refs.snapshot_as_of);
    columns += ", today_status, today_deadline, today_extended";
    values += ", $19, $20, $21";
    params.push_back(Param(today_status.status));
    params.push_back(DateParam(today_status.deadline));
    params.push_back(Param(today_status.extended));
  }
  const auto inserted =
      c.execute("INSERT INTO tasks (" + columns + ") VALUES (" + values + ") RETURNING id", params);
  const Id id = inserted.one().integer(inserted.column("id"));
  InsertTaskLinks(c, "task_cooperators", "organization_id", id,
                  in.cooperator_ids.value_or(std::vector<Id>{}));
  InsertTaskLinks(c, "task_assignees", "person_id", id,
                  in.assignee_ids.value_or(std::vector<Id>{}));
  // A new task has no reports, requests or subtasks yet: its row is all there is to read.
  auto rec = LoadTaskForChange(c, id, TaskLoad::kRowOnly);
  RecordEvent(c, {by.agency_id, "task", id, id, "created", by.user_id, "", TaskSnapshotJson(*rec)},
              assigned_on);
  return std::move(*rec);
}

}  // namespace giaoban::service
