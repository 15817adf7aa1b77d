// What every capability's entities share: ids, references to named things, pages of results and
// the history events the audit trail records. Each capability keeps its own entities beside its
// use cases (tasks/model.h, organizations/model.h, ...). Plain data: no I/O, no JSON.
// A record is described with BOOST_DESCRIBE_STRUCT beside its definition; its member names are
// then the names of its columns where it is stored as it is (service/row_values.h) and of its
// fields in the API (api/json_codec.cc), written once.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/stats.h"
#include "domain/status.h"
#include "service/actor.h"

namespace giaoban::service {

using domain::Date;
using Id = std::int64_t;

struct NamedRef {
  Id id = 0;
  std::string name;
};

BOOST_DESCRIBE_STRUCT(NamedRef, (), (id, name))

struct HistoryEvent {
  Id id = 0;
  std::string entity;
  Id entity_id = 0;
  std::string action;
  std::optional<NamedRef> actor;
  std::int64_t recorded_at = 0;
  std::optional<Date> occurred_on;  // the business date of the fact it records
  std::string before_json;          // JSON text or empty
  std::string after_json;
};

// A task's history up to a date: the events about facts dated by then, and how many are later.
struct TaskHistoryPage {
  std::vector<HistoryEvent> items;
  std::int64_t later = 0;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

}  // namespace giaoban::service
