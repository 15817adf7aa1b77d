#include "service/tasks/task_insert.h"

#include <algorithm>
#include <stdexcept>
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

namespace {

constexpr const char* kColumns =
    "agency_id, source_id, source_kind, parent_id, title, title_key, content, is_key, "
    "restricted, lead_org_id, leader_id, product, assigned_on, deadline, deadline_label, "
    "search_fold, created_by, created_at, updated_at";

// Links of many tasks, (task, id) pairs, a few thousand to a statement: well within both
// databases' limits on a statement's parameters.
void InsertLinks(Connection& c, const char* table, const char* column,
                 const std::vector<std::pair<Id, Id>>& links) {
  constexpr std::size_t kPerStatement = 5000;
  for (std::size_t first = 0; first < links.size(); first += kPerStatement) {
    std::string sql = std::string("INSERT INTO ") + table + " (task_id, " + column + ") VALUES ";
    std::vector<storage::Value> params;
    for (std::size_t i = first; i < links.size() && i < first + kPerStatement; ++i) {
      sql += params.empty() ? "(" : ", (";
      params.push_back(Param(links[i].first));
      sql += "$" + std::to_string(params.size()) + ", ";
      params.push_back(Param(links[i].second));
      sql += "$" + std::to_string(params.size()) + ")";
    }
    c.execute(sql, params);
  }
}

}  // namespace

void InsertTaskLinks(Connection& c, const char* table, const char* column, Id task_id,
                     const std::vector<Id>& ids) {
  std::vector<std::pair<Id, Id>> links;
  for (const Id id : ids) links.emplace_back(task_id, id);
  InsertLinks(c, table, column, links);
}

TaskInserter::TaskInserter(Connection& c, const Actor& by, const TaskReferences& refs,
                           Date assigned_on, std::int64_t now)
    : c_(c), by_(by), refs_(refs), assigned_on_(assigned_on), now_(now) {}

void TaskInserter::Add(const TaskInput& in) {
  const std::optional<Date> deadline = in.deadline.value_or(std::nullopt);
  const std::string& title = *in.title;
  std::vector<storage::Value> row = {
      Param(by_.agency_id),
      Param(*in.source_id),
      Param(domain::SourceKindCode(refs_.source->kind)),
      Param(in.parent_id.value_or(std::nullopt)),
      Param(title),
      Param(intl::CollationKey(title)),
      Param(in.content.value_or("")),
      Param(in.is_key.value_or(false)),
      Param(in.restricted.value_or(false)),
      Param(*in.lead_org_id),
      Param(in.leader_id.value_or(std::nullopt)),
      Param(in.product.value_or("")),
      Param(assigned_on_.Iso()),
      DateParam(deadline),
      Param(in.deadline_label.value_or("")),
      Param(TaskSearchFold(title, in.content.value_or(""), in.product.value_or(""),
                           refs_.source->doc_number)),
      Param(by_.user_id),
      Param(now_),
      Param(now_)};
  // Without a snapshot the next refresh computes every task.
  if (refs_.snapshot_as_of) {
    TaskSummary facts;
    facts.assigned_on = assigned_on_;
    facts.deadline = deadline;
    const SnapshotStatus today_status = SnapshotStatusOf(facts, {}, *refs_.snapshot_as_of);
    row.push_back(Param(today_status.status));
    row.push_back(DateParam(today_status.deadline));
    row.push_back(Param(today_status.extended));
  }
  values_ += rows_ == 0 ? "(" : ", (";
  for (std::size_t i = 0; i < row.size(); ++i) {
    params_.push_back(std::move(row[i]));
    values_ += (i == 0 ? "$" : ", $") + std::to_string(params_.size());
  }
  values_ += ")";
  titles_.push_back(title);
  cooperators_.push_back(in.cooperator_ids.value_or(std::vector<Id>{}));
  assignees_.push_back(in.assignee_ids.value_or(std::vector<Id>{}));
  ++rows_;
}

std::vector<Id> TaskInserter::Flush() {
  if (rows_ == 0) return {};
  std::string columns = kColumns;
  if (refs_.snapshot_as_of) columns += ", today_status, today_deadline, today_extended";
  const auto inserted = c_.execute(
      "INSERT INTO tasks (" + columns + ") VALUES " + values_ + " RETURNING id, title", params_);
  // Both databases give new rows ascending ids in the order of the VALUES list (SQLite the next
  // rowid, PostgreSQL the identity's next value, row by row); RETURNING lists them in no
  // promised order, so they are put back in id order. The titles are a check on that order, not
  // a proof: rows of one title could not tell a swap.
  std::vector<std::pair<Id, std::string>> returned;
  for (const storage::Row& row : inserted.rows) returned.emplace_back(row.integer(0), row.text(1));
  std::sort(returned.begin(), returned.end());
  if (returned.size() != rows_)
    throw std::logic_error("a task insert returned " + std::to_string(returned.size()) +
                           " rows for " + std::to_string(rows_));
  std::vector<Id> ids;
  std::vector<std::pair<Id, Id>> cooperating, assigned;
  for (std::size_t i = 0; i < rows_; ++i) {
    if (returned[i].second != titles_[i])
      throw std::logic_error("new tasks' ids do not follow the order they were written in");
    ids.push_back(returned[i].first);
    for (const Id id : cooperators_[i]) cooperating.emplace_back(ids.back(), id);
    for (const Id id : assignees_[i]) assigned.emplace_back(ids.back(), id);
  }
  InsertLinks(c_, "task_cooperators", "organization_id", cooperating);
  InsertLinks(c_, "task_assignees", "person_id", assigned);
  rows_ = 0;
  values_.clear();
  params_.clear();
  titles_.clear();
  cooperators_.clear();
  assignees_.clear();
  return ids;
}

EventRecord NewTaskEvent(const Actor& by, Id id, const TaskInput& in, Date assigned_on,
                         const std::vector<Id>& cooperators) {
  TaskRecord rec;
  TaskSummary& s = rec.detail.summary;
  s.id = id;
  s.title = in.title.value_or("");
  s.source_id = in.source_id.value_or(0);
  s.is_key = in.is_key.value_or(false);
  s.restricted = in.restricted.value_or(false);
  s.lead_org.id = in.lead_org_id.value_or(0);
  if (const std::optional<Id> leader = in.leader_id.value_or(std::nullopt))
    s.leader = NamedRef{*leader, ""};
  s.assigned_on = assigned_on;
  s.deadline = in.deadline.value_or(std::nullopt);
  s.deadline_label = in.deadline_label.value_or("");
  rec.detail.content = in.content.value_or("");
  rec.detail.product = in.product.value_or("");
  rec.detail.parent_id = in.parent_id.value_or(std::nullopt);
  for (const Id cooperator : cooperators) rec.detail.cooperators.push_back({cooperator, ""});
  for (const Id assignee : in.assignee_ids.value_or(std::vector<Id>{}))
    rec.detail.assignees.push_back({assignee, ""});
  return {by.agency_id, "task", id, id, "created", by.user_id, "", TaskSnapshotJson(rec)};
}

TaskRecord InsertTask(Connection& c, const Actor& by, const TaskInput& in,
                      const TaskReferences& refs, Date assigned_on, std::int64_t now) {
  TaskInserter inserter(c, by, refs, assigned_on, now);
  inserter.Add(in);
  const Id id = inserter.Flush().front();
  // A new task has no reports, requests or subtasks yet: its row is all there is to read.
  auto rec = LoadTaskForChange(c, id, TaskLoad::kRowOnly);
  RecordEvent(c, {by.agency_id, "task", id, id, "created", by.user_id, "", TaskSnapshotJson(*rec)},
              assigned_on);
  return std::move(*rec);
}

}  // namespace giaoban::service
