// Business dates and a task's leading columns to and from database rows, the same way everywhere.
#pragma once

#include <optional>

#include "domain/date.h"
#include "service/tasks/model.h"
#include "storage/database.h"

namespace giaoban::service {

// A nullable YYYY-MM-DD column (TEXT on SQLite, DATE on PostgreSQL: both arrive as text).
inline std::optional<Date> OptionalDate(const storage::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return Date::Parse(r.text(i));
}

// A nullable date as a statement parameter.
inline storage::Value DateParam(const std::optional<Date>& d) {
  return d ? storage::Param(d->Iso()) : storage::Value(nullptr);
}

// Columns 0..13 as both the list query and LoadTaskRecord select them: id, agency_id, title,
// source_id, source_kind, source document number, is_key, restricted, lead_org_id, lead
// organisation's name, leader_id, leader's name, assigned_on, original deadline.
inline void ReadTaskHead(const storage::Row& r, TaskSummary& s) {
  s.id = r.integer(0);
  s.agency_id = r.integer(1);
  s.title = r.text(2);
  s.source_id = r.integer(3);
  s.source_kind = domain::SourceKindFromStored(r.text(4));
  s.source_doc_number = r.text(5);
  s.is_key = r.boolean(6);
  s.restricted = r.boolean(7);
  s.lead_org = {r.integer(8), r.text(9)};
  if (!r.is_null(10)) s.leader = NamedRef{r.integer(10), r.opt_text(11).value_or("")};
  s.assigned_on = *Date::Parse(r.text(12));
  s.deadline = OptionalDate(r, 13);
}

}  // namespace giaoban::service
