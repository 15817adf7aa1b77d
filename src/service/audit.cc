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

void RecordEvents(storage::Connection& c, const std::vector<EventRecord>& events,
                  std::optional<Date> occurred_on) {
  // Ten values an event; a statement stays far below both databases' limit on parameters.
  constexpr std::size_t kPerStatement = 500;
  const std::int64_t now = Context::NowMillis();
  for (std::size_t first = 0; first < events.size(); first += kPerStatement) {
    std::string sql =
        "INSERT INTO events (agency_id, entity, entity_id, task_id, action, actor_user_id, "
        "recorded_at, before_json, after_json, occurred_on) VALUES ";
    std::vector<storage::Value> params;
    const std::size_t last = std::min(events.size(), first + kPerStatement);
    for (std::size_t i = first; i < last; ++i) {
      const EventRecord& e = events[i];
      sql += i == first ? "(" : ", (";
      for (int k = 0; k < 10; ++k)
        sql += (k ? ", $" : "$") + std::to_string(params.size() + static_cast<std::size_t>(k) + 1);
      sql += ")";
      params.push_back(Param(e.agency_id));
      params.push_back(Param(e.entity));
      params.push_back(Param(e.entity_id));
      params.push_back(Param(e.task_id));
      params.push_back(Param(e.action));
      params.push_back(Param(e.actor_user_id));
      params.push_back(Param(now));
      params.push_back(e.before_json.empty() ? storage::Value(nullptr) : Param(e.before_json));
      params.push_back(e.after_json.empty() ? storage::Value(nullptr) : Param(e.after_json));
      params.push_back(DateParam(occurred_on));
    }
    c.execute(sql, params);
  }
}

namespace {

constexpr std::string_view kEventSelect =
    "SELECT e.id, e.entity, e.entity_id, e.action, e.actor_user_id, p.full_name AS actor_name, "
    "e.recorded_at, e.before_json, e.after_json, e.occurred_on FROM events e "
    "LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN people p ON p.id = u.person_id ";

// Calls `on_event` with each event of `r`, a result of kEventSelect.
template <class OnEvent>
void ReadEvents(const storage::Result& r, OnEvent on_event) {
  if (r.empty()) return;
  const storage::Column id = r.column("id"), entity = r.column("entity"),
                        entity_id = r.column("entity_id"), action = r.column("action"),
                        actor_user_id = r.column("actor_user_id"),
                        actor_name = r.column("actor_name"), recorded_at = r.column("recorded_at"),
                        before_json = r.column("before_json"), after_json = r.column("after_json"),
                        occurred_on = r.column("occurred_on");
  for (const auto& row : r.rows) {
    HistoryEvent h;
    h.id = row.integer(id);
    h.entity = row.text(entity);
    h.entity_id = row.integer(entity_id);
    h.action = row.text(action);
    h.actor = OptionalRef(row, actor_user_id, actor_name);
    h.recorded_at = row.integer(recorded_at);
    h.before_json = row.opt_text(before_json).value_or("");
    h.after_json = row.opt_text(after_json).value_or("");
    h.occurred_on = OptionalDate(row, occurred_on);
    on_event(std::move(h));
  }
}

}  // namespace

std::vector<HistoryEvent> EntityHistory(storage::Connection& c, std::string_view entity, Id id) {
  std::vector<HistoryEvent> out;
  ReadEvents(c.execute(std::string(kEventSelect) +
                           "WHERE e.entity = $1 AND e.entity_id = $2 ORDER BY e.id",
                       {Param(entity), Param(id)}),
             [&](HistoryEvent&& h) { out.push_back(std::move(h)); });
  return out;
}

TaskHistoryPage TaskHistory(storage::Connection& c, Id task_id, std::optional<Date> as_of) {
  // Events recorded before business dates were kept have none; they count as of their recording.
  TaskHistoryPage out;
  ReadEvents(
      c.execute(std::string(kEventSelect) + "WHERE e.task_id = $1 ORDER BY e.id", {Param(task_id)}),
      [&](HistoryEvent&& h) {
        if (as_of && h.occurred_on && *h.occurred_on > *as_of) {
          ++out.later;
          return;
        }
        out.items.push_back(std::move(h));
      });
  return out;
}

}  // namespace giaoban::service
