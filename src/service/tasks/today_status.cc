#include "service/tasks/today_status.h"

#include "domain/status.h"
#include "service/context.h"
#include "service/tasks/task_query.h"
#include "service/tasks/task_store.h"

namespace giaoban::service {

using storage::Param;

namespace {

struct SnapshotRow {
  Date as_of;
  std::int64_t refreshed_at;
};

// On PostgreSQL a refresh holds the snapshot row exclusively and a task change holds it shared,
// so a change never stores a status for a date that a concurrent refresh is replacing.
std::optional<SnapshotRow> ReadSnapshot(storage::Connection& c, const char* lock) {
  const bool postgres = c.dialect() == storage::Dialect::kPostgres;
  auto r = c.execute(std::string("SELECT as_of, refreshed_at FROM status_snapshot WHERE id = 1") +
                     (postgres ? lock : ""));
  if (r.empty()) return std::nullopt;
  return SnapshotRow{*Date::Parse(r.one().text(r.column("as_of"))),
                     r.one().integer(r.column("refreshed_at"))};
}

}  // namespace

std::optional<Date> SnapshotDate(storage::Connection& c) {
  auto row = ReadSnapshot(c, "");
  if (!row) return std::nullopt;
  return row->as_of;
}

Date AdvanceSnapshot(storage::Connection& c, Date today) {
  const auto current = ReadSnapshot(c, " FOR UPDATE");
  if (current && current->as_of >= today) return current->as_of;
  const std::int64_t now = Context::NowMillis();
  // Time alone moves tasks out of "not yet assigned" and "in progress". Anything else changed
  // since the last refresh may carry facts dated after the old snapshot date: recompute it too.
  // Without a snapshot, "changed since 0" is every task.
  const std::string which =
      "today_status IS NULL OR today_status IN ('not_yet_assigned', 'in_progress') OR "
      "updated_at >= $2";
  const std::string status = "CASE WHEN t.assigned_on > $1 THEN 'not_yet_assigned' ELSE " +
                             StatusExpression("$1", "t.", DeadlineInForceExpression("$1")) + " END";
  c.execute("UPDATE tasks AS t SET today_status = " + status +
                ", today_deadline = " + DeadlineInForceExpression("$1") +
                ", today_extended = " + ExtendedExpression("$1") + " WHERE " + which,
            {Param(today.Iso()), Param(current ? current->refreshed_at : 0)});
  c.execute(
      "INSERT INTO status_snapshot (id, as_of, refreshed_at) VALUES (1, $1, $2) "
      "ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, refreshed_at = excluded.refreshed_at",
      {Param(today.Iso()), Param(now)});
  return today;
}

SnapshotStatus SnapshotStatusOf(const TaskSummary& s,
                                const std::vector<domain::ApprovedExtension>& approved,
                                Date as_of) {
  const domain::TaskFacts facts{s.assigned_on, s.deadline, approved, s.completed_on,
                                s.cancelled_on};
  return {std::string(domain::StatusCode(domain::StatusAsOf(facts, as_of))),
          domain::DeadlineInForce(facts, as_of),
          std::any_of(approved.begin(), approved.end(),
                      [&](const auto& e) { return e.effective_on <= as_of; })};
}

bool RefreshSnapshot(const Context& ctx) {
  const Date today = ctx.Today();
  auto current = ctx.db().transact(storage::TransactionMode::kRead,
                                   [](storage::Connection& c) { return SnapshotDate(c); });
  if (current && *current >= today) return false;
  ctx.db().transact(storage::TransactionMode::kWrite,
                    [&](storage::Connection& c) { AdvanceSnapshot(c, today); });
  // After a first or full rebuild every today_* value is new: give the planner statistics that
  // describe them, or it may steer away from the snapshot indexes.
  if (!current) ctx.db().acquire()->execute_script("ANALYZE tasks");
  return true;
}

void InvalidateSnapshot(storage::Connection& c) { c.execute("DELETE FROM status_snapshot"); }

}  // namespace giaoban::service
