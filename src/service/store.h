// The database as the use cases reach it (Context::db()): the storage pool, with one rule of the
// service layer on top of its transactions.
#pragma once

#include <type_traits>
#include <utility>

#include "service/error.h"
#include "storage/database.h"

namespace giaoban::service {

template <class T>
struct IsExpected : std::false_type {};
template <class T>
struct IsExpected<Expected<T>> : std::true_type {};

// Whether `e` is the database refusing a row that breaks a unique or foreign-key constraint.
bool IsConstraintViolation(const storage::DatabaseError& e);
void LogConstraintViolation(const storage::DatabaseError& e);

class Store {
 public:
  explicit Store(storage::Database& db) : db_(db) {}

  // The database itself, for a context of its own over the same data (the demo acting on a date).
  storage::Database& database() const { return db_; }

  // Runs fn(Connection&) in one transaction (see storage::Database::transact). A use case checks
  // uniqueness and references before it writes, but a concurrent transaction may insert the same
  // code or remove the referenced row in between: when fn returns an Expected, the database's
  // refusal then comes back as Error::Conflict (nothing written), because the request conflicts
  // with the data as it now is and the server did not fail. Other failures stay exceptions.
  template <class Fn>
  auto transact(storage::TransactionMode mode, Fn&& fn) const
      -> decltype(fn(std::declval<storage::Connection&>())) {
    using Result = decltype(fn(std::declval<storage::Connection&>()));
    if constexpr (!IsExpected<Result>::value) {
      return db_.transact(mode, std::forward<Fn>(fn));
    } else {
      try {
        return db_.transact(mode, std::forward<Fn>(fn));
      } catch (const storage::DatabaseError& e) {
        if (!IsConstraintViolation(e)) throw;
        LogConstraintViolation(e);
        return Result(Error::Conflict());
      }
    }
  }

  template <class Fn>
  auto single_statement(Fn&& fn) const -> decltype(fn(std::declval<storage::Connection&>())) {
    return db_.single_statement(std::forward<Fn>(fn));
  }

  storage::Database::Lease acquire() const { return db_.acquire(); }
  void Ping() const { db_.Ping(); }

 private:
  storage::Database& db_;
};

}  // namespace giaoban::service
