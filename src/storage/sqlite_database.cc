#include "storage/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "storage/backup_file.h"
#include "storage/sql_snippet.h"

namespace giaoban::storage {

namespace {

using Kind = DatabaseError::Kind;

constexpr std::size_t kStatementCacheSize = 256;
constexpr int kBusyTimeoutMs = 10000;

Kind KindOf(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Kind::kForeignKeyViolation;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Kind::kCheckViolation;
  }
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Kind::kSerialization;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
      return Kind::kConnection;
  }
  return Kind::kOther;
}

DatabaseError Error(int code, std::string_view message, std::string_view sql) {
  std::string what = "SQLite error " + std::to_string(code) + ": " + std::string(message);
  if (!sql.empty()) what += " in: " + SqlSnippet(sql);
  return DatabaseError(KindOf(code), what);
}

// Cached statements go back to the cache reset, and without references to the caller's values:
// they are bound without copying (SQLITE_STATIC), so the bindings must not outlive execute().
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementReset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementReset(const StatementReset&) = delete;
  StatementReset& operator=(const StatementReset&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

int Bind(sqlite3_stmt* stmt, int index, const Value& value) {
  struct Binder {
    sqlite3_stmt* stmt;
    int index;
    int operator()(std::nullptr_t) const { return sqlite3_bind_null(stmt, index); }
    int operator()(std::int64_t v) const { return sqlite3_bind_int64(stmt, index, v); }
    int operator()(double v) const { return sqlite3_bind_double(stmt, index, v); }
    int operator()(const std::string& v) const {
      return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    int operator()(const Blob& v) const {
      return sqlite3_bind_blob64(stmt, index, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
    }
  };
  return std::visit(Binder{stmt, index}, value);
}

Value ColumnValue(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      if (text == nullptr) throw DatabaseError(Kind::kOther, "SQLite: out of memory reading text");
      return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
    }
    case SQLITE_BLOB: {
      // A zero-length blob comes back as a null pointer.
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, i));
      return Blob{bytes ? std::string(bytes, size) : std::string()};
    }
    default:
      return nullptr;
  }
}

// Whether writing `destination` would replace the SQLite database at `database` or one of its
// companion files.
bool IsTheDatabase(const std::string& database, const std::string& destination) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string file = database + suffix;
    if (fs::exists(file, ec) && fs::exists(destination, ec) &&
        fs::equivalent(file, destination, ec))
      return true;
    if (fs::weakly_canonical(file, ec) == fs::weakly_canonical(destination, ec)) return true;
  }
  return false;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, std::shared_ptr<std::mutex> write_gate)
    : write_gate_(std::move(write_gate)) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    close();
    throw DatabaseError(Kind::kConnection, "cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // GIAOBAN_SLOW_SQL_MS=N writes every statement that runs longer than N ms to stderr, with its
  // time and expanded parameters: the way to find the query behind a slow page.
  if (const char* env = std::getenv("GIAOBAN_SLOW_SQL_MS")) {
    static const long long threshold_ns = std::atoll(env) * 1'000'000LL;
    sqlite3_trace_v2(
        db_, SQLITE_TRACE_PROFILE,
        [](unsigned, void*, void* stmt, void* elapsed) -> int {
          const auto ns = *static_cast<sqlite3_int64*>(elapsed);
          if (ns < threshold_ns) return 0;
          char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
          std::fprintf(stderr, "slow sql (%.3f ms): %s\n", static_cast<double>(ns) / 1e6,
                       sql ? sql : "?");
          sqlite3_free(sql);
          return 0;
        },
        nullptr);
  }
  try {
    // WAL lets readers proceed while one writer works; NORMAL sync is durable enough in WAL mode
    // (a power cut may lose the last commits, never corrupt). Foreign keys are off by default.
    // Reads through a memory map skip copying each page out of the kernel's cache: a report that
    // reads a year's hundred thousand tasks spends a fifth less CPU (bench/RESULTS.md). Writes
    // still go through the WAL file as before.
    execute_script(
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"
        "PRAGMA foreign_keys = ON;"
        "PRAGMA temp_store = MEMORY;"
        "PRAGMA cache_size = -16000;"
        "PRAGMA mmap_size = 1073741824;");
  } catch (...) {
    close();
    throw;
  }
}

SqliteConnection::~SqliteConnection() { close(); }

void SqliteConnection::close() {
  for (CachedStatement& cached : statements_) sqlite3_finalize(cached.stmt);
  by_sql_.clear();
  statements_.clear();
  if (db_) sqlite3_close(db_);  // also rolls back an unfinished transaction
  db_ = nullptr;
}

const SqliteConnection::CachedStatement* SqliteConnection::prepare(std::string_view sql) {
  if (auto it = by_sql_.find(sql); it != by_sql_.end()) {
    statements_.splice(statements_.begin(), statements_, it->second);
    return &*it->second;
  }

  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) throw Error(rc, sqlite3_errmsg(db_), sql);
  if (stmt == nullptr) return nullptr;  // only whitespace or comments

  // sqlite3_prepare silently ignores everything after the first statement; a second statement
  // would be lost without a trace, so refuse it.
  const std::size_t consumed = static_cast<std::size_t>(tail - sql.data());
  if (consumed < sql.size()) {
    sqlite3_stmt* extra = nullptr;
    rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(sql.size() - consumed), &extra, nullptr);
    sqlite3_finalize(extra);
    if (rc != SQLITE_OK || extra != nullptr) {
      sqlite3_finalize(stmt);
      throw DatabaseError(
          Kind::kOther,
          "execute() runs one statement; use execute_script() for several: " + SqlSnippet(sql));
    }
  }

  if (statements_.size() >= kStatementCacheSize) {
    by_sql_.erase(statements_.back().sql);
    sqlite3_finalize(statements_.back().stmt);
    statements_.pop_back();
  }
  // Where each $N goes, found once: SQLite looks a parameter's name up by a linear search, which
  // for every value of a multi-row INSERT of thousands would cost more than the insert itself.
  std::vector<int> slots;
  const int count = sqlite3_bind_parameter_count(stmt);
  for (int index = 1; index <= count; ++index) {
    const char* name = sqlite3_bind_parameter_name(stmt, index);
    if (name == nullptr || name[0] != '$') continue;
    const long number = std::strtol(name + 1, nullptr, 10);
    if (number < 1) continue;
    if (slots.size() < static_cast<std::size_t>(number))
      slots.resize(static_cast<std::size_t>(number));
    slots[static_cast<std::size_t>(number) - 1] = index;
  }
  statements_.push_front(CachedStatement{std::string(sql), stmt, std::move(slots)});
  by_sql_.emplace(statements_.front().sql, statements_.begin());
  return &statements_.front();
}

void SqliteConnection::BindAll(const CachedStatement& statement, std::span<const Value> params,
                               std::string_view sql) {
  // The SQL names its parameters $1, $2, ...: a value whose name the statement does not use is
  // skipped, and a name without a value stays NULL.
  const std::size_t bound = std::min(params.size(), statement.slots.size());
  for (std::size_t i = 0; i < bound; ++i) {
    const int index = statement.slots[i];
    if (index == 0) continue;
    const int rc = Bind(statement.stmt, index, params[i]);
    if (rc != SQLITE_OK) throw Error(rc, sqlite3_errmsg(db_), sql);
  }
}

namespace {

// The row a statement stands on, read through SQLite's column calls: nothing is copied but what
// the reader asks for. Each column is taken once as an sqlite3_value and read from there: the
// value calls skip the locking and error bookkeeping every column call repeats, which over a
// hundred thousand rows of eight columns is a tenth of a report's work. The value is unprotected,
// which is safe here: a connection is used by one thread at a time.
class StatementRowView final : public RowView {
 public:
  StatementRowView(sqlite3_stmt* stmt, const std::vector<std::string>& names)
      : stmt_(stmt), names_(names) {}
  std::size_t size() const override { return names_.size(); }
  const std::vector<std::string>& names() const override { return names_; }
  bool is_null(std::size_t i) const override { return sqlite3_value_type(At(i)) == SQLITE_NULL; }
  std::int64_t integer(std::size_t i) const override {
    sqlite3_value* v = Expect(i, SQLITE_INTEGER, "integer");
    return sqlite3_value_int64(v);
  }
  std::string_view text(std::size_t i) const override {
    sqlite3_value* v = Expect(i, SQLITE_TEXT, "text");
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
    if (text == nullptr) throw DatabaseError(Kind::kOther, "SQLite: out of memory reading text");
    return {text, static_cast<std::size_t>(sqlite3_value_bytes(v))};
  }

 private:
  sqlite3_value* At(std::size_t i) const {
    if (i >= names_.size()) Refuse(i, nullptr, "a column");
    return sqlite3_column_value(stmt_, static_cast<int>(i));
  }
  sqlite3_value* Expect(std::size_t i, int type, const char* expected) const {
    sqlite3_value* v = At(i);
    const int held = sqlite3_value_type(v);
    if (held == type) return v;
    static constexpr const char* kNames[] = {"", "integer", "real", "text", "blob", "NULL"};
    Refuse(i, held >= 1 && held <= 5 ? kNames[held] : "unknown", expected);
  }

  sqlite3_stmt* stmt_;
  const std::vector<std::string>& names_;
};

}  // namespace

void SqliteConnection::run_stream(std::string_view sql, std::span<const Value> params,
                                  const RowCallback& on_row) {
  const CachedStatement* statement = prepare(sql);
  if (statement == nullptr) return;
  sqlite3_stmt* stmt = statement->stmt;
  StatementReset reset(stmt);
  BindAll(*statement, params, sql);
  std::vector<std::string> names;
  bool named = false;
  const StatementRowView row(stmt, names);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) throw Error(rc, sqlite3_errmsg(db_), sql);
    if (!named) {
      // Only now: after a schema change the first step recompiles the statement.
      const int columns = sqlite3_column_count(stmt);
      for (int c = 0; c < columns; ++c) names.emplace_back(sqlite3_column_name(stmt, c));
      named = true;
    }
    on_row(row);
  }
}

Result SqliteConnection::run(std::string_view sql, std::span<const Value> params) {
  Result result;
  const CachedStatement* statement = prepare(sql);
  if (statement == nullptr) return result;
  sqlite3_stmt* stmt = statement->stmt;
  StatementReset reset(stmt);

  BindAll(*statement, params, sql);

  // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE, even across later
  // statements that change nothing (SELECT, DDL); the total tells whether this one did.
  const sqlite3_int64 total_before = sqlite3_total_changes64(db_);
  int columns = -1;
  ColumnNames names;
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw Error(rc, sqlite3_errmsg(db_), sql);
    if (columns < 0) {
      // Only now: after a schema change the first step recompiles the statement, and "SELECT *"
      // may have gained columns.
      columns = sqlite3_column_count(stmt);
      result.columns.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt, c));
      names = std::make_shared<const std::vector<std::string>>(result.columns);
    }
    if (rc == SQLITE_DONE) break;
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) values.push_back(ColumnValue(stmt, c));
    result.rows.emplace_back(std::move(values), names);
  }
  if (sqlite3_total_changes64(db_) != total_before) result.affected_rows = sqlite3_changes64(db_);
  return result;
}

void SqliteConnection::execute_script(std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec wants a terminated string
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string what = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw Error(rc, what, sql);
  }
}

void SqliteConnection::begin(TransactionMode mode) {
  // A deferred BEGIN that later writes can fail with SQLITE_BUSY half-way through the work;
  // IMMEDIATE waits for the write lock (busy_timeout) before any work is done.
  if (mode == TransactionMode::kWrite && write_gate_)
    writing_ = std::unique_lock<std::mutex>(*write_gate_);
  try {
    run(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN", {});
  } catch (...) {
    if (writing_.owns_lock()) writing_.unlock();
    throw;
  }
}

void SqliteConnection::commit() {
  try {
    run("COMMIT", {});
  } catch (...) {
    if (sqlite3_get_autocommit(db_) && writing_.owns_lock()) writing_.unlock();
    throw;
  }
  if (writing_.owns_lock()) writing_.unlock();
}

void SqliteConnection::rollback() {
  // SQLite rolls back by itself after some errors (SQLITE_BUSY, SQLITE_FULL, ...); a second
  // ROLLBACK would then fail and get a healthy connection discarded.
  if (!sqlite3_get_autocommit(db_)) run("ROLLBACK", {});
  if (writing_.owns_lock()) writing_.unlock();
}

void SqliteBackup(Connection& source, const std::string& destination_path) {
  auto* connection = dynamic_cast<SqliteConnection*>(&source);
  if (connection == nullptr) {
    throw DatabaseError(Kind::kOther, "SqliteBackup needs an SQLite connection");
  }
  sqlite3* destination = nullptr;
  int rc =
      sqlite3_open_v2(destination_path.c_str(), &destination,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  auto fail = [&](int code, std::string message) {
    sqlite3_close(destination);
    throw Error(code, "backup to " + destination_path + " failed: " + message, {});
  };
  if (rc != SQLITE_OK) {
    fail(rc, destination ? sqlite3_errmsg(destination) : sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(destination, 1);
  sqlite3_busy_timeout(destination, kBusyTimeoutMs);

  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", connection->handle(), "main");
  if (backup == nullptr) fail(sqlite3_extended_errcode(destination), sqlite3_errmsg(destination));
  // All pages in one step: that step reads inside a single read transaction, which in WAL mode
  // does not block writers. Copying in chunks would release the snapshot between chunks, and
  // every write in between restarts the copy, so a busy database might never finish.
  constexpr int kAttempts = 200;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(50);
  }
  const int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) fail(rc, sqlite3_errstr(rc));
  if (finish_rc != SQLITE_OK) fail(finish_rc, sqlite3_errmsg(destination));

  // The copied header still says WAL; a WAL database cannot be opened from read-only media and
  // leaves -wal/-shm files beside it, which a backup should not need.
  char* message = nullptr;
  rc = sqlite3_exec(destination, "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string what = message ? message : sqlite3_errmsg(destination);
    sqlite3_free(message);
    fail(rc, what);
  }
  rc = sqlite3_close(destination);
  destination = nullptr;
  if (rc != SQLITE_OK) fail(rc, sqlite3_errstr(rc));
}

void BackupSqliteFile(Database& db, const std::string& database_path,
                      const std::string& destination) {
  if (IsTheDatabase(database_path, destination))
    throw BackupError("refused: it is the database itself; choose another file");
  ReplaceWhole(destination, [&](const std::string& partial) {
    auto lease = db.acquire();
    SqliteBackup(*lease, partial);
    // Stale WAL files of an older database at the destination would be replayed into the copy.
    std::error_code ignored;
    std::filesystem::remove(destination + "-wal", ignored);
    std::filesystem::remove(destination + "-shm", ignored);
  });
}

}  // namespace giaoban::storage
