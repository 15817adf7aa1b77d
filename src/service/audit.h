// The append-only history: every change is recorded in the same transaction as the change itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/actor.h"
#include "service/model.h"
#include "service/tasks/model.h"
#include "storage/database.h"

namespace giaoban::service {

struct EventRecord {
  std::optional<Id> agency_id;
  std::string entity;  // "task", "organization", "user", "source", ...
  Id entity_id = 0;
  std::optional<Id> task_id;
  std::string action;  // "created", "updated", "completed", ...
  std::optional<Id> actor_user_id;
  std::string before_json;  // empty when there was nothing before
  std::string after_json;
};

// `occurred_on` is the business date of the fact a task's event records: the task as of a date D
// shows only the history dated by D. Events without one are dated by their recording.
void RecordEvent(storage::Connection& c, const EventRecord& event,
                 std::optional<Date> occurred_on = std::nullopt);

// Records many events of one business date in as few statements as the database takes: for a
// use case that writes thousands of rows in one go (an import).
void RecordEvents(storage::Connection& c, const std::vector<EventRecord>& events,
                  std::optional<Date> occurred_on);

// The history of one entity ("unit_report", 7), oldest first.
std::vector<HistoryEvent> EntityHistory(storage::Connection& c, std::string_view entity, Id id);

// The task's history; with `as_of`, only the events about facts dated on or before it.
TaskHistoryPage TaskHistory(storage::Connection& c, Id task_id,
                            std::optional<Date> as_of = std::nullopt);

}  // namespace giaoban::service
