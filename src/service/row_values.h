// Database rows to service values and back, the same way everywhere: dates, references, and whole
// structs read by column name (ReadRows).
#pragma once

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "domain/source_kind.h"
#include "domain/status.h"
#include "service/actor.h"
#include "service/model.h"
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

// Reading a result into structs by column name. A struct's columns are listed once, as a table of
// fields (the column's name, the member it fills):
//
//   constexpr std::tuple kUpdateFields{Field{"id", &Update::id}, Field{"note", &Update::note}};
//   std::vector<Update> updates = ReadRows(result, kUpdateFields);
//
// A record whose every member is a column of its own name says so once, beside its definition,
// with BOOST_DESCRIBE_STRUCT; its table of fields is then FieldsOf<T>() and ReadRows<T>(result)
// reads it.
//
// A RowReader finds the names in the result once, before the first row; each row is then read by
// position, every member the way its type says (ReadValue), so a list of twenty thousand tasks
// costs what reading by index does.

// How a column's value becomes a member of each type, from a collected storage::Row or a streamed
// storage::RowView alike. Stored codes always parse; the fallbacks of the enumerations only keep a
// damaged row from failing a whole list.
template <class R>
void ReadValue(const R& r, storage::Column c, std::int64_t& out) {
  out = r.integer(c);
}
template <class R>
void ReadValue(const R& r, storage::Column c, int& out) {
  out = static_cast<int>(r.integer(c));
}
template <class R>
void ReadValue(const R& r, storage::Column c, bool& out) {
  out = r.boolean(c);
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::string& out) {
  out = r.text(c);
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::optional<std::int64_t>& out) {
  out = r.opt_integer(c);
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::optional<int>& out) {
  const auto v = r.opt_integer(c);
  out = v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::optional<std::string>& out) {
  if (r.is_null(c))
    out.reset();
  else
    out.emplace(r.text(c));
}
template <class R>
void ReadValue(const R& r, storage::Column c, Date& out) {
  const auto text = r.text(c);
  const auto date = Date::Parse(text);
  // The schema keeps dates well formed; a damaged one is an error, never a day made up.
  if (!date) {
    throw storage::DatabaseError(
        storage::DatabaseError::Kind::kOther,
        "column " + std::to_string(c.index()) + " holds '" + std::string(text) + "', not a date");
  }
  out = *date;
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::optional<Date>& out) {
  out = r.is_null(c) ? std::nullopt : Date::Parse(r.text(c));
}
template <class R>
void ReadValue(const R& r, storage::Column c, domain::SourceKind& out) {
  out = domain::SourceKindFromStored(r.text(c));
}
template <class R>
void ReadValue(const R& r, storage::Column c, domain::Status& out) {
  out = domain::ParseStatus(r.text(c)).value_or(domain::Status::kInProgress);
}
template <class R>
void ReadValue(const R& r, storage::Column c, Role& out) {
  out = ParseRole(r.text(c)).value_or(Role::kViewer);
}
template <class R>
void ReadValue(const R& r, storage::Column c, std::optional<Role>& out) {
  out = r.is_null(c) ? std::nullopt : ParseRole(r.text(c));
}

// One column read into one member of T.
template <class T, class M>
struct Field {
  using Struct = T;
  struct Bound {
    storage::Column column;
    M T::*member;
    template <class R>
    void Read(const R& row, T& out) const {
      ReadValue(row, column, out.*member);
    }
  };

  std::string_view column;
  M T::*member;

  // `names` is the result, or a streamed row, that has the column.
  template <class Names>
  Bound Bind(const Names& names) const {
    return {names.column(column), member};
  }
};

// A reference read from two columns, its id and its name; a NULL id reads as no reference.
template <class T, class M>
struct RefField {
  using Struct = T;
  struct Bound {
    storage::Column id, name;
    M T::*member;
    template <class R>
    void Read(const R& row, T& out) const {
      if constexpr (std::is_same_v<M, NamedRef>)
        out.*member = {row.integer(id), std::string(row.text(name))};
      else if (row.is_null(id))
        out.*member = std::nullopt;
      else
        out.*member = NamedRef{row.integer(id), std::string(row.opt_text(name).value_or(""))};
    }
  };

  std::string_view id_column, name_column;
  M T::*member;

  template <class Names>
  Bound Bind(const Names& names) const {
    return {names.column(id_column), names.column(name_column), member};
  }
};

// Reads rows into the struct of `Fields`, by the columns those name, found once.
template <class... Fields>
class RowReader {
 public:
  using Struct = typename std::tuple_element_t<0, std::tuple<Fields...>>::Struct;

  template <class Names>
  RowReader(const Names& names, const std::tuple<Fields...>& fields)
      : bound_(
            std::apply([&](const Fields&... f) { return std::tuple{f.Bind(names)...}; }, fields)) {}

  template <class R>
  void Read(const R& row, Struct& out) const {
    std::apply([&](const auto&... field) { (field.Read(row, out), ...); }, bound_);
  }
  template <class R>
  Struct Read(const R& row) const {
    Struct out;
    Read(row, out);
    return out;
  }

 private:
  std::tuple<typename Fields::Bound...> bound_;
};

namespace detail {
template <class... Members>
constexpr auto FieldsOfMembers(std::tuple<Members...>) {
  return std::tuple{Field{std::string_view(Members::name), Members::pointer}...};
}
}  // namespace detail

// The fields of a described struct: each public member from the column named like it.
template <class T>
constexpr auto FieldsOf() {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  return detail::FieldsOfMembers(boost::mp11::mp_apply<std::tuple, Members>{});
}

// Every row of `r` as a struct of `fields`.
template <class... Fields>
auto ReadRows(const storage::Result& r, const std::tuple<Fields...>& fields) {
  std::vector<typename RowReader<Fields...>::Struct> out;
  if (r.empty()) return out;
  const RowReader<Fields...> reader(r, fields);
  out.reserve(r.rows.size());
  for (const storage::Row& row : r.rows) out.push_back(reader.Read(row));
  return out;
}

template <class T>
std::vector<T> ReadRows(const storage::Result& r) {
  return ReadRows(r, FieldsOf<T>());
}

// Streams the rows of `sql` to `on_row` as structs of `fields`, without collecting them: for scans
// over many rows. The columns are found on the first row; the struct passed is reused.
template <class... Fields, class OnRow>
void StreamRows(storage::Connection& c, std::string_view sql,
                std::span<const storage::Value> params, const std::tuple<Fields...>& fields,
                OnRow on_row) {
  std::optional<RowReader<Fields...>> reader;
  typename RowReader<Fields...>::Struct item;
  c.stream(sql, params, [&](const storage::RowView& row) {
    if (!reader) reader.emplace(row, fields);
    reader->Read(row, item);
    on_row(std::as_const(item));
  });
}

}  // namespace giaoban::service
