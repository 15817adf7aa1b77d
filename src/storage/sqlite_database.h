// SQLite behind the Connection interface: one file, WAL journal, foreign keys enforced.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace giaoban::storage {

class SqliteConnection final : public Connection {
 public:
  // Creates the file if it does not exist; throws DatabaseError(kConnection) if it cannot be
  // opened. Connections that share `write_gate` take turns to write in this process instead of
  // waiting for SQLite's write lock, which polls with growing sleeps: under many writers those
  // sleeps, not the writes, made the slowest answers.
  explicit SqliteConnection(const std::string& path,
                            std::shared_ptr<std::mutex> write_gate = nullptr);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  void execute_script(std::string_view sql) override;
  void begin(TransactionMode mode) override;
  void commit() override;
  void rollback() override;

  sqlite3* handle() const { return db_; }

 protected:
  Result run(std::string_view sql, std::span<const Value> params) override;
  void run_stream(std::string_view sql, std::span<const Value> params,
                  const RowCallback& on_row) override;

 private:
  struct CachedStatement {
    std::string sql;
    sqlite3_stmt* stmt;
    std::vector<int> slots;  // the parameter index of $1, $2, ...; 0 where the SQL has none
  };

  // Null for SQL without a statement (only whitespace or comments).
  const CachedStatement* prepare(std::string_view sql);
  void BindAll(const CachedStatement& statement, std::span<const Value> params,
               std::string_view sql);
  void close();

  sqlite3* db_ = nullptr;
  std::shared_ptr<std::mutex> write_gate_;
  std::unique_lock<std::mutex> writing_;  // holds write_gate_ from BEGIN IMMEDIATE to its end
  // Most recently used first. Keys view the sql strings inside the list nodes, which never move.
  std::list<CachedStatement> statements_;
  std::unordered_map<std::string_view, std::list<CachedStatement>::iterator> by_sql_;
};

// Database::Backup of the SQLite database at `database_path`: a snapshot through
// SqliteBackup, replacing `destination` whole. Refuses a destination that is the database file
// itself or one of its companions: renaming over the live file would cut every open connection
// off from it.
void BackupSqliteFile(Database& db, const std::string& database_path,
                      const std::string& destination);

// Writes a consistent snapshot of the database behind `source` (an SqliteConnection) to
// destination_path, a new file (one already there is overwritten). Other connections may keep
// writing meanwhile. The copy uses a rollback journal so it is a single self-contained file. It is
// written in place: to replace an older backup only with a complete one, write to a temporary
// file and rename it (as BackupSqliteFile does).
void SqliteBackup(Connection& source, const std::string& destination_path);

}  // namespace giaoban::storage
