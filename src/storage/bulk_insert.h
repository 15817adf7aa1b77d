// Many rows of one table written in few statements: a multi-row INSERT per batch instead of one
// statement (and, on PostgreSQL, one round trip) per row. For loads of generated or imported
// data; a row whose id other rows need takes an id from ReserveIds() first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.h"

namespace giaoban::storage {

class BulkInsert {
 public:
  BulkInsert(std::string table, std::vector<std::string> columns);

  // Keeps a row (one value per column, in order) until Flush(), so that rows referring to each
  // other can be added in any order and written parents first.
  void Add(std::vector<Value> row);
  // Writes the rows kept, rows_per_statement() to a statement. Call before the transaction
  // commits, and before flushing rows that refer to these.
  void Flush(Connection& c);
  // Forgets the rows kept: a transaction being retried adds its rows again.
  void Discard() { pending_.clear(); }
  std::size_t rows_per_statement() const { return rows_per_statement_; }

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t rows_per_statement_;
  std::vector<Value> pending_;  // row after row
};

// `count` ids for new rows of `table` (whose key column is `id`) that no other insert will take:
// from the table's sequence on PostgreSQL; past the largest id on SQLite, where the caller's
// write transaction keeps every other writer out until it commits.
std::vector<std::int64_t> ReserveIds(Connection& c, const std::string& table, int count);

}  // namespace giaoban::storage
