// Business dates and a task's leading columns to and from database rows, the same way everywhere.
#pragma once

#include <optional>

#include "domain/date.h"
#include "service/tasks/model.h"
#include "storage/database.h"

namespace giaoban::service {

// A nullable YYYY-MM-DD column (TEXT on SQLite, DATE on PostgreSQL: both arrive as text).
inline std::optional<Date> OptionalDate(const storage::Row& r, storage::Column c) {
  if (r.is_null(c)) return std::nullopt;
  return Date::Parse(r.text(c));
}
inline std::optional<Date> OptionalDate(const storage::Row& r, std::size_t i) {
  return OptionalDate(r, storage::Column(i));
}

// A nullable id with the name beside it, as a reference.
inline std::optional<NamedRef> OptionalRef(const storage::Row& r, storage::Column id,
                                           storage::Column name) {
  if (r.is_null(id)) return std::nullopt;
  return NamedRef{r.integer(id), r.opt_text(name).value_or("")};
}

// The id an INSERT ... RETURNING id gave back.
inline Id ReturnedId(const storage::Result& r) { return r.one().integer(r.column("id")); }

// A nullable date as a statement parameter.
inline storage::Value DateParam(const std::optional<Date>& d) {
  return d ? storage::Param(d->Iso()) : storage::Value(nullptr);
}

// The columns of a task that both the list query and the task loaders select, by the names they
// give them: id, agency_id, title, source_id, source_kind, doc_number (the source's), is_key,
// restricted, lead_org_id, lead_org_name, leader_id, leader_name, assigned_on, deadline.
struct TaskHeadColumns {
  explicit TaskHeadColumns(const storage::Result& r)
      : id(r.column("id")),
        agency_id(r.column("agency_id")),
        title(r.column("title")),
        source_id(r.column("source_id")),
        source_kind(r.column("source_kind")),
        doc_number(r.column("doc_number")),
        is_key(r.column("is_key")),
        restricted(r.column("restricted")),
        lead_org_id(r.column("lead_org_id")),
        lead_org_name(r.column("lead_org_name")),
        leader_id(r.column("leader_id")),
        leader_name(r.column("leader_name")),
        assigned_on(r.column("assigned_on")),
        deadline(r.column("deadline")) {}

  storage::Column id, agency_id, title, source_id, source_kind, doc_number, is_key, restricted,
      lead_org_id, lead_org_name, leader_id, leader_name, assigned_on, deadline;
};

inline void ReadTaskHead(const storage::Row& r, const TaskHeadColumns& c, TaskSummary& s) {
  s.id = r.integer(c.id);
  s.agency_id = r.integer(c.agency_id);
  s.title = r.text(c.title);
  s.source_id = r.integer(c.source_id);
  s.source_kind = domain::SourceKindFromStored(r.text(c.source_kind));
  s.source_doc_number = r.text(c.doc_number);
  s.is_key = r.boolean(c.is_key);
  s.restricted = r.boolean(c.restricted);
  s.lead_org = {r.integer(c.lead_org_id), r.text(c.lead_org_name)};
  s.leader = OptionalRef(r, c.leader_id, c.leader_name);
  s.assigned_on = *Date::Parse(r.text(c.assigned_on));
  s.deadline = OptionalDate(r, c.deadline);
}

}  // namespace giaoban::service
