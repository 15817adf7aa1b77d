// PostgreSQL behind the Connection interface, over libpq: the session, its cache of prepared
// statements, transactions, and the server's errors as DatabaseError kinds. How values cross libpq
// is in postgres_values.h, the backup in postgres_dump.h.
#pragma once

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.h"

struct pg_conn;
struct pg_result;

namespace giaoban::storage {

class PostgresConnection final : public Connection {
 public:
  // `url` is a libpq connection URI or key=value string. Throws DatabaseError(kConnection).
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  void execute_script(std::string_view sql) override;
  void begin(TransactionMode mode) override;
  void commit() override;
  void rollback() override;

 protected:
  Result run(std::string_view sql, std::span<const Value> params) override;
  std::vector<Result> run_all(std::span<const Statement> statements) override;

 private:
  struct CachedStatement {
    std::string key;   // the SQL text, plus which parameters are bytea
    std::string name;  // the server-side prepared statement
  };

  void configure_session();
  void ensure_connected();
  void collect_deferred_commit();
  void send_pending_begin();
  // The cached statement for this SQL and these parameters' types, or nullptr.
  const std::string* cached_statement(const std::string& key);
  const std::string& prepared_statement(std::string_view sql, std::span<const Value> params);
  void forget_statement(std::list<CachedStatement>::iterator it);
  // Throws the error of `result`, from the statement `name` with this SQL, forgetting the
  // statement first when the server no longer has a usable plan for it.
  [[noreturn]] void fail(pg_result* result, const std::string& name, std::string_view sql);
  void forget_all_statements();
  void deallocate_forgotten();

  pg_conn* conn_ = nullptr;
  // Set between begin() and commit()/rollback(): a connection lost inside a transaction must not
  // be silently re-established, or the rest of the work would run outside the transaction.
  bool in_transaction_ = false;
  // BEGIN is sent with the transaction's first statement, in one round trip (an empty string:
  // already sent, or no transaction).
  const char* pending_begin_ = nullptr;
  bool read_only_ = false;
  // A read-only transaction's COMMIT is sent without waiting for its answer, which is read before
  // the connection's next use: it cannot fail in a way its reader could act on.
  bool commit_in_flight_ = false;
  std::uint64_t statement_counter_ = 0;
  // Most recently used first. Keys view the key strings inside the list nodes, which never move.
  std::list<CachedStatement> statements_;
  std::unordered_map<std::string_view, std::list<CachedStatement>::iterator> by_key_;
  std::vector<std::string> to_deallocate_;
};

}  // namespace giaoban::storage
