#include "service/today_status.h"

#include "domain/status.h"
#include "service/context.h"
#include "service/task_query.h"
#include "service/task_store.h"

namespace giaoban::service {

using storage::Param;

std::optional<Date> SnapshotDate(storage::Connection& c) {
  auto r = c.execute("SELECT as_of FROM status_snapshot WHERE id = 1");
  if (r.empty()) return std::nullopt;
  return Date::Parse(r.one().text(0));
}

Date AdvanceSnapshot(storage::Connection& c, Date today) {
  const auto current = SnapshotDate(c);
  if (current && *current >= today) return *current;
  // Without a snapshot every task is recomputed; otherwise only those that time alone can change.
  const std::string which =
      current ? "today_status IS NULL OR today_status IN ('not_yet_assigned', 'in_progress')"
              : "1 = 1";
  const std::string status = "CASE WHEN t.assigned_on > $1 THEN 'not_yet_assigned' ELSE " +
                             StatusExpression("$1", "t.", DeadlineInForceExpression("$1")) + " END";
  c.execute("UPDATE tasks AS t SET today_status = " + status +
                ", today_deadline = " + DeadlineInForceExpression("$1") +
                ", today_extended = " + ExtendedExpression("$1") + " WHERE " + which,
            {Param(today.Iso())});
  c.execute(
      "INSERT INTO status_snapshot (id, as_of) VALUES (1, $1) "
      "ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of",
      {Param(today.Iso())});
  return today;
}

void StoreSnapshotStatus(storage::Connection& c, Id task_id, Date today) {
  const Date as_of = AdvanceSnapshot(c, today);
  auto record = LoadTaskRecord(c, task_id);
  if (!record) return;
  const TaskSummary& s = record->detail.summary;
  const domain::TaskFacts facts{s.assigned_on, s.deadline, record->approved_extensions,
                                s.completed_on, s.cancelled_on};
  const auto deadline = domain::DeadlineInForce(facts, as_of);
  const bool extended =
      std::any_of(record->approved_extensions.begin(), record->approved_extensions.end(),
                  [&](const auto& e) { return e.effective_on <= as_of; });
  c.execute(
      "UPDATE tasks SET today_status = $1, today_deadline = $2, today_extended = $3 WHERE id = $4",
      {Param(std::string(domain::StatusCode(domain::StatusAsOf(facts, as_of)))),
       deadline ? Param(deadline->Iso()) : storage::Value(nullptr), Param(extended),
       Param(task_id)});
}

bool SnapshotUsableFor(const Context& ctx, Date as_of) {
  const Date today = ctx.Today();
  if (as_of != today) {
    auto current = ctx.db().transact(storage::TransactionMode::kRead,
                                     [](storage::Connection& c) { return SnapshotDate(c); });
    return current && *current == as_of;
  }
  auto current = ctx.db().transact(storage::TransactionMode::kRead,
                                   [](storage::Connection& c) { return SnapshotDate(c); });
  if (current && *current == today) return true;
  if (current && *current > today) return false;  // another server's clock is ahead: compute
  const Date moved =
      ctx.db().transact(storage::TransactionMode::kWrite,
                        [&](storage::Connection& c) { return AdvanceSnapshot(c, today); });
  return moved == today;
}

void InvalidateSnapshot(storage::Connection& c) { c.execute("DELETE FROM status_snapshot"); }

}  // namespace giaoban::service
