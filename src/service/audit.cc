#include "service/audit.h"

#include "service/context.h"
#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;

void RecordEvent(storage::Connection& c, const EventRecord& e, std::optional<Date> occurred_on) {
  c.execute(
      "INSERT INTO events (agency_id, entity, entity_id, task_id, action, actor_user_id, "
      "recorded_at, before_json, after_json, occurred_on) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {Param(e.agency_id), Param(e.entity), Param(e.entity_id), Param(e.task_id), Param(e.action),
       Param(e.actor_user_id), Param(Context::NowMillis()),
       e.before_json.empty() ? storage::Value(nullptr) : Param(e.before_json),
       e.after_json.empty() ? storage::Value(nullptr) : Param(e.after_json),
       DateParam(occurred_on)});
}

TaskHistoryPage TaskHistory(storage::Connection& c, Id task_id, std::optional<Date> as_of) {
  // Events recorded before business dates were kept have none; they count as of their recording.
  auto r = c.execute(
      "SELECT e.id, e.entity, e.entity_id, e.action, e.actor_user_id, p.full_name AS actor_name, "
      "e.recorded_at, "
      "e.before_json, e.after_json, e.occurred_on FROM events e "
      "LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN people p ON p.id = u.person_id "
      "WHERE e.task_id = $1 ORDER BY e.id",
      {Param(task_id)});
  TaskHistoryPage out;
  out.items.reserve(r.rows.size());
  const storage::Column id = r.column("id"), entity = r.column("entity"),
                        entity_id = r.column("entity_id"), action = r.column("action"),
                        actor_user_id = r.column("actor_user_id"),
                        actor_name = r.column("actor_name"), recorded_at = r.column("recorded_at"),
                        before_json = r.column("before_json"), after_json = r.column("after_json"),
                        occurred_on_column = r.column("occurred_on");
  for (const auto& row : r.rows) {
    const std::optional<Date> occurred_on = OptionalDate(row, occurred_on_column);
    if (as_of && occurred_on && *occurred_on > *as_of) {
      ++out.later;
      continue;
    }
    HistoryEvent h;
    h.id = row.integer(id);
    h.entity = row.text(entity);
    h.entity_id = row.integer(entity_id);
    h.action = row.text(action);
    h.actor = OptionalRef(row, actor_user_id, actor_name);
    h.recorded_at = row.integer(recorded_at);
    h.before_json = row.opt_text(before_json).value_or("");
    h.after_json = row.opt_text(after_json).value_or("");
    h.occurred_on = occurred_on;
    out.items.push_back(std::move(h));
  }
  return out;
}

}  // namespace giaoban::service
