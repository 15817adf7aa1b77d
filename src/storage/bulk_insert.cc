#include "storage/bulk_insert.h"

#include <algorithm>
#include <stdexcept>

namespace giaoban::storage {
namespace {

// Both databases cap the parameters of one statement (PostgreSQL at 65,535, SQLite's default at
// 32,766); past a few hundred rows a longer statement saves nothing more.
constexpr std::size_t kMaxParameters = 30000;
constexpr std::size_t kMaxRows = 500;

}  // namespace

BulkInsert::BulkInsert(std::string table, std::vector<std::string> columns)
    : table_(std::move(table)),
      columns_(std::move(columns)),
      rows_per_statement_(std::min(kMaxRows, kMaxParameters / columns_.size())) {}

void BulkInsert::Add(std::vector<Value> row) {
  if (row.size() != columns_.size())
    throw std::logic_error("a row for " + table_ + " with the wrong number of values");
  for (auto& v : row) pending_.push_back(std::move(v));
}

void BulkInsert::Flush(Connection& c) {
  const std::size_t width = columns_.size();
  const std::size_t rows = pending_.size() / width;
  for (std::size_t first = 0; first < rows; first += rows_per_statement_) {
    const std::size_t count = std::min(rows_per_statement_, rows - first);
    std::string sql = "INSERT INTO " + table_ + " (";
    for (std::size_t i = 0; i < width; ++i) sql += (i ? ", " : "") + columns_[i];
    sql += ") VALUES ";
    std::size_t n = 0;
    for (std::size_t r = 0; r < count; ++r) {
      sql += r ? ", (" : "(";
      for (std::size_t i = 0; i < width; ++i) sql += (i ? ", $" : "$") + std::to_string(++n);
      sql += ")";
    }
    c.execute(sql, std::span<const Value>(pending_.data() + first * width, count * width));
  }
  pending_.clear();
}

std::vector<std::int64_t> ReserveIds(Connection& c, const std::string& table, int count) {
  std::vector<std::int64_t> ids;
  if (count <= 0) return ids;
  ids.reserve(static_cast<std::size_t>(count));
  if (c.dialect() == Dialect::kPostgres) {
    const auto r =
        c.execute("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)",
                  {Param(table), Param(static_cast<std::int64_t>(count))});
    for (const auto& row : r.rows) ids.push_back(row.integer(0));
  } else {
    const std::int64_t last =
        c.execute("SELECT COALESCE(MAX(id), 0) FROM " + table).one().integer(0);
    for (int i = 1; i <= count; ++i) ids.push_back(last + i);
  }
  return ids;
}

}  // namespace giaoban::storage
