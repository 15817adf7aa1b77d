// The append-only history: every change is recorded in the same transaction as the change itself.
#pragma once

#include <optional>
#include <string>

#include "service/actor.h"
#include "service/model.h"
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

void RecordEvent(storage::Connection& c, const EventRecord& event);

std::vector<HistoryEvent> TaskHistory(storage::Connection& c, Id task_id);

}  // namespace giaoban::service
