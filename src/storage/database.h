// The one interface the rest of giaoban uses to talk to SQL databases.
//
// Statements are written once with $1-style parameters; SQLite accepts "$1" as a named parameter,
// so the same text runs on both dialects wherever their SQL agrees. Values come back with the same
// C++ types on both: integers (and booleans) as int64, floating point as double, bytea/BLOB as
// Blob, everything else (text, dates) as UTF-8 strings.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace giaoban::storage {

enum class Dialect { kSqlite, kPostgres };

struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

// Convenience constructors that keep call sites short: Param(std::optional<T>) maps nullopt to
// NULL.
inline Value Param(std::nullptr_t) { return nullptr; }
inline Value Param(std::int64_t v) { return v; }
inline Value Param(int v) { return static_cast<std::int64_t>(v); }
inline Value Param(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
inline Value Param(double v) { return v; }
inline Value Param(std::string v) { return v; }
inline Value Param(std::string_view v) { return std::string(v); }
inline Value Param(const char* v) { return std::string(v); }
inline Value Param(Blob v) { return v; }
template <class T>
Value Param(const std::optional<T>& v) {
  return v ? Param(*v) : Value(nullptr);
}

// The names of a result's columns, shared by the result and each of its rows.
using ColumnNames = std::shared_ptr<const std::vector<std::string>>;

// Where a named column sits in a result. Found by name once per result (Result::column,
// Row::column), then read from every row by position, so reading by name costs nothing per row.
class Column {
 public:
  constexpr explicit Column(std::size_t index) : index_(index) {}
  constexpr std::size_t index() const { return index_; }

 private:
  std::size_t index_;
};

// The position of `name` among `names`; throws DatabaseError naming the column and the columns
// there are.
Column FindColumn(const std::vector<std::string>& names, std::string_view name);

class Row {
 public:
  explicit Row(std::vector<Value> values, ColumnNames names = nullptr)
      : values_(std::move(values)), names_(std::move(names)) {}

  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  double real(std::size_t i) const;
  const std::string& text(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  const Blob& blob(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  const Value& value(std::size_t i) const { return values_.at(i); }

  // The same by named column.
  Column column(std::string_view name) const;
  bool is_null(Column c) const { return is_null(c.index()); }
  std::int64_t integer(Column c) const { return integer(c.index()); }
  std::optional<std::int64_t> opt_integer(Column c) const { return opt_integer(c.index()); }
  double real(Column c) const { return real(c.index()); }
  const std::string& text(Column c) const { return text(c.index()); }
  std::optional<std::string> opt_text(Column c) const { return opt_text(c.index()); }
  const Blob& blob(Column c) const { return blob(c.index()); }
  bool boolean(Column c) const { return boolean(c.index()); }

  // For connections that stream rows through one reused Row.
  std::vector<Value>& mutable_values() { return values_; }
  void set_names(ColumnNames names) { names_ = std::move(names); }

 private:
  std::vector<Value> values_;
  ColumnNames names_;
};

// A streamed row read where it lies, in the connection's own buffers: valid only during the call
// that receives it. A column is copied only when asked for, so a scan over a hundred thousand rows
// costs about what the database's own column calls do. The reads are Row's: a column that holds
// something else (NULL included) is an error naming both, never a silent conversion.
class RowView {
 public:
  virtual std::size_t size() const = 0;
  virtual const std::vector<std::string>& names() const = 0;
  virtual bool is_null(std::size_t i) const = 0;
  virtual std::int64_t integer(std::size_t i) const = 0;
  virtual std::string_view text(std::size_t i) const = 0;

  Column column(std::string_view name) const { return FindColumn(names(), name); }
  bool is_null(Column c) const { return is_null(c.index()); }
  std::int64_t integer(Column c) const { return integer(c.index()); }
  std::optional<std::int64_t> opt_integer(Column c) const {
    if (is_null(c)) return std::nullopt;
    return integer(c);
  }
  bool boolean(Column c) const { return integer(c) != 0; }
  std::string_view text(Column c) const { return text(c.index()); }
  std::optional<std::string_view> opt_text(Column c) const {
    if (is_null(c)) return std::nullopt;
    return text(c);
  }

 protected:
  ~RowView() = default;
  // Throws the error a read of column `i` as `expected` gives when it holds `held` instead, or
  // when `i` is past the last column (`held` null).
  [[noreturn]] void Refuse(std::size_t i, const char* held, const char* expected) const;
};

struct Result {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  std::int64_t affected_rows = 0;

  bool empty() const { return rows.empty(); }
  const Row& one() const;  // throws DatabaseError unless exactly one row
  // Where the column called `name` is; throws DatabaseError naming it if there is none.
  Column column(std::string_view name) const { return FindColumn(columns, name); }
};

class DatabaseError : public std::runtime_error {
 public:
  enum class Kind {
    kUniqueViolation,
    kForeignKeyViolation,
    kCheckViolation,
    kSerialization,  // SQLITE_BUSY after the timeout, PostgreSQL 40001/40P01: safe to retry
    kConnection,
    kOther,
  };
  DatabaseError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A backup that was not written; whatever was at its destination is left as it was. what() starts
// with "refused:" when the destination may not be written at all, "failed:" otherwise.
class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class TransactionMode {
  kRead,
  kWrite,  // SQLite takes the write lock up front (BEGIN IMMEDIATE) so it never fails mid-way
};

// One statement of a batch for Connection::execute_all.
struct Statement {
  std::string_view sql;
  std::span<const Value> params;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  Result execute(std::string_view sql, std::span<const Value> params) {
    ++statements_;
    return run(sql, params);
  }
  Result execute(std::string_view sql, std::initializer_list<Value> params = {}) {
    return execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // Runs `statements` in order, inside the caller's transaction, and returns their results.
  // PostgreSQL receives them together, in one round trip: for reads that need none of each
  // other's results. The first that fails throws, and those after it do not run.
  std::vector<Result> execute_all(std::span<const Statement> statements) {
    statements_ += static_cast<std::int64_t>(statements.size());
    return run_all(statements);
  }
  // Calls `on_row` for each result row without collecting them: for scans over many rows. The row
  // passed is only valid during the call.
  using RowCallback = std::function<void(const RowView&)>;
  void stream(std::string_view sql, std::span<const Value> params, const RowCallback& on_row) {
    ++statements_;
    run_stream(sql, params, on_row);
  }
  // Runs several statements separated by semicolons; used for migrations.
  virtual void execute_script(std::string_view sql) = 0;
  virtual void begin(TransactionMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // How many statements execute() and stream() have run on this connection: what one unit of
  // work costs in round trips. BEGIN, COMMIT, ROLLBACK and scripts are not counted.
  std::int64_t statement_count() const { return statements_; }

 protected:
  virtual Result run(std::string_view sql, std::span<const Value> params) = 0;
  virtual void run_stream(std::string_view sql, std::span<const Value> params,
                          const RowCallback& on_row);
  virtual std::vector<Result> run_all(std::span<const Statement> statements) {
    std::vector<Result> results;
    results.reserve(statements.size());
    for (const Statement& s : statements) results.push_back(run(s.sql, s.params));
    return results;
  }

 private:
  std::int64_t statements_ = 0;
};

// A fixed-size pool of connections. Database work is blocking and runs on worker threads; each
// worker borrows a connection for the duration of one unit of work.
class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  // The dialect's way of writing a consistent copy of the whole database to a file.
  using BackupWriter = std::function<void(Database& db, const std::string& destination)>;

  Database(Dialect dialect, std::string description, Factory factory, std::size_t size,
           BackupWriter backup_writer = nullptr);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Connection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }
    // A connection that failed at the protocol level is not returned to the pool.
    void discard() { discard_ = true; }

   private:
    Database* owner_;
    std::unique_ptr<Connection> connection_;
    bool discard_ = false;
  };

  Dialect dialect() const { return dialect_; }
  const std::string& description() const { return description_; }
  Lease acquire();

  // Proves that the database answers, not just that the pool exists: one trivial query.
  void Ping();

  // Replaces `destination` with a consistent copy of the database taken while others may keep
  // writing: an SQLite file, or a pg_dump custom archive of PostgreSQL. The copy is written
  // beside it under a temporary name and renamed over it only once complete and on disk (see
  // backup_file.h). An SQLite database refuses to write over its own file. Throws BackupError.
  void Backup(const std::string& destination);

  // Runs fn(Connection&) inside a transaction, commits on return and rolls back on any exception.
  // Serialization failures are retried a few times with a short back-off.
  template <class Fn>
  auto transact(TransactionMode mode, Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

  // Runs fn(Connection&) outside any explicit transaction. For a single statement, which is atomic
  // on its own, this saves the BEGIN and COMMIT round trips that transact() costs on PostgreSQL;
  // fn must issue exactly one statement, and only a read.
  template <class Fn>
  auto single_statement(Fn&& fn) -> decltype(fn(std::declval<Connection&>()));

 private:
  void release(std::unique_ptr<Connection> connection, bool discard);
  static void backoff(int attempt);

  Dialect dialect_;
  std::string description_;
  Factory factory_;
  BackupWriter backup_writer_;
  std::size_t size_;
  std::size_t created_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

// Opens "postgresql://..." / "postgres://..." on PostgreSQL, anything else as an SQLite file path
// (an optional "sqlite:" prefix is stripped). The schema is not touched; see migrations.h.
std::unique_ptr<Database> OpenDatabase(const std::string& url, std::size_t pool_size);

template <class Fn>
auto Database::transact(TransactionMode mode, Fn&& fn)
    -> decltype(fn(std::declval<Connection&>())) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    Lease lease = acquire();
    try {
      lease->begin(mode);
      if constexpr (std::is_void_v<decltype(fn(*lease))>) {
        fn(*lease);
        lease->commit();
        return;
      } else {
        auto result = fn(*lease);
        lease->commit();
        return result;
      }
    } catch (const DatabaseError& e) {
      try {
        lease->rollback();
      } catch (...) {
        lease.discard();
      }
      if (e.kind() == DatabaseError::Kind::kConnection) lease.discard();
      if (e.kind() != DatabaseError::Kind::kSerialization || attempt == kAttempts) throw;
    } catch (...) {
      try {
        lease->rollback();
      } catch (...) {
        lease.discard();
      }
      throw;
    }
    backoff(attempt);
  }
}

template <class Fn>
auto Database::single_statement(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
  Lease lease = acquire();
  try {
    return fn(*lease);
  } catch (const DatabaseError& e) {
    if (e.kind() == DatabaseError::Kind::kConnection) lease.discard();
    throw;
  }
}

}  // namespace giaoban::storage
