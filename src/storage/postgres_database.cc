#include "storage/postgres_database.h"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

#include "storage/postgres_values.h"
#include "storage/sql_snippet.h"

namespace giaoban::storage {

namespace {

using Kind = DatabaseError::Kind;

constexpr std::size_t kStatementCacheSize = 256;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

ResultPtr Wrap(PGresult* result) { return ResultPtr(result, &PQclear); }

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

std::string SqlState(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state ? state : "";
}

Kind KindOf(std::string_view state) {
  if (state == "23505") return Kind::kUniqueViolation;
  if (state == "23503") return Kind::kForeignKeyViolation;
  if (state == "23514" || state == "23502") return Kind::kCheckViolation;
  if (state == "40001" || state == "40P01") return Kind::kSerialization;
  // Class 08, and the server shutting down or not yet accepting connections (57P01..57P03).
  if (state.substr(0, 2) == "08" || state.substr(0, 3) == "57P") return Kind::kConnection;
  return Kind::kOther;
}

bool Succeeded(const PGresult* result) {
  if (result == nullptr) return false;
  switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return true;
    default:
      return false;
  }
}

[[noreturn]] void ThrowError(PGconn* conn, const PGresult* result, std::string_view sql) {
  const std::string state = SqlState(result);
  std::string message;
  if (result == nullptr) {
    message = PQerrorMessage(conn);
  } else if (PQresultStatus(result) == PGRES_FATAL_ERROR ||
             PQresultStatus(result) == PGRES_NONFATAL_ERROR) {
    message = PQresultErrorMessage(result);
  } else {
    message = std::string("unsupported result ") + PQresStatus(PQresultStatus(result));
  }
  Kind kind = KindOf(state);
  if (PQstatus(conn) == CONNECTION_BAD) kind = Kind::kConnection;
  std::string what = "PostgreSQL error";
  if (!state.empty()) what += " " + state;
  what += ": " + Trimmed(message);
  if (!sql.empty()) what += " in: " + SqlSnippet(sql);
  throw DatabaseError(kind, what);
}

ResultPtr Exec(PGconn* conn, const char* sql) {
  ResultPtr result = Wrap(PQexec(conn, sql));
  if (!Succeeded(result.get())) ThrowError(conn, result.get(), sql);
  return result;
}

// `begin` and then the prepared statement `name`, sent together in a pipeline so that they cost
// one round trip; returns the statement's result. Throws if the BEGIN failed.
ResultPtr BeginAndExecute(PGconn* conn, const char* begin, const std::string& name,
                          const pg::EncodedParameters& encoded, int count) {
  if (PQenterPipelineMode(conn) != 1) {
    Exec(conn, begin);
    return Wrap(PQexecPrepared(conn, name.c_str(), count, encoded.values.data(),
                               encoded.lengths.data(), encoded.formats.data(), 0));
  }
  const bool sent = PQsendQueryParams(conn, begin, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
                    PQsendQueryPrepared(conn, name.c_str(), count, encoded.values.data(),
                                        encoded.lengths.data(), encoded.formats.data(), 0) == 1 &&
                    PQpipelineSync(conn) == 1;
  // Each query's results end with a null; the pipeline's end is a PGRES_PIPELINE_SYNC result. A
  // broken connection ends with nulls only.
  std::vector<ResultPtr> results;
  for (int nulls = 0; sent && nulls < 2;) {
    ResultPtr r = Wrap(PQgetResult(conn));
    if (!r) {
      ++nulls;
      continue;
    }
    nulls = 0;
    if (PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC) break;
    results.push_back(std::move(r));
  }
  // Results left unread keep the connection in pipeline mode: it cannot be used again.
  if (!sent || PQexitPipelineMode(conn) != 1) {
    throw DatabaseError(DatabaseError::Kind::kConnection,
                        "PostgreSQL pipeline not completed: " + Trimmed(PQerrorMessage(conn)));
  }
  if (results.empty() || !Succeeded(results.front().get())) {
    ThrowError(conn, results.empty() ? nullptr : results.front().get(), begin);
  }
  if (results.size() < 2) ThrowError(conn, nullptr, "");
  return std::move(results[1]);
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url) {
  // Earlier keywords are defaults the URL may override; client_encoding comes after it because
  // everything here assumes UTF-8.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", "client_encoding",
                        nullptr};
  const char* values[] = {"10", "giaoban", url.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn_ == nullptr) throw DatabaseError(Kind::kConnection, "libpq: out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = Trimmed(PQerrorMessage(conn_));
    PQfinish(conn_);
    throw DatabaseError(Kind::kConnection, "cannot connect to PostgreSQL: " + message);
  }
  // libpq prints server notices ("table already exists, skipping") to stderr by default; they
  // are not errors and the server logs them itself.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  try {
    configure_session();
  } catch (...) {
    PQfinish(conn_);
    throw;
  }
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

void PostgresConnection::configure_session() {
  // Dates come back as YYYY-MM-DD and timestamps in UTC whatever the server defaults are, and
  // bytea in the hex form DecodeBytea reads. No parallel workers: a request is one of many short
  // ones at a time, and starting workers for it cost ten times what they saved (an assignee's
  // 2,000 tasks counted in 80 ms instead of 8).
  Exec(conn_,
       "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET bytea_output = hex; "
       "SET max_parallel_workers_per_gather = 0");
}

void PostgresConnection::collect_deferred_commit() {
  if (!commit_in_flight_) return;
  commit_in_flight_ = false;
  // A lost connection shows in PQstatus, which ensure_connected() checks next.
  while (PGresult* result = PQgetResult(conn_)) PQclear(result);
}

void PostgresConnection::send_pending_begin() {
  if (pending_begin_ == nullptr) return;
  const char* begin = pending_begin_;
  pending_begin_ = nullptr;
  Exec(conn_, begin);
}

void PostgresConnection::ensure_connected() {
  collect_deferred_commit();
  if (PQstatus(conn_) == CONNECTION_OK) return;
  if (in_transaction_) {
    throw DatabaseError(Kind::kConnection, "connection to PostgreSQL lost during a transaction");
  }
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    throw DatabaseError(Kind::kConnection,
                        "cannot reconnect to PostgreSQL: " + Trimmed(PQerrorMessage(conn_)));
  }
  // Prepared statements and settings belonged to the old session.
  statements_.clear();
  by_key_.clear();
  to_deallocate_.clear();
  configure_session();
}

void PostgresConnection::forget_statement(std::list<CachedStatement>::iterator it) {
  to_deallocate_.push_back(std::move(it->name));
  by_key_.erase(it->key);
  statements_.erase(it);
}

void PostgresConnection::forget_all_statements() {
  for (CachedStatement& cached : statements_) to_deallocate_.push_back(std::move(cached.name));
  by_key_.clear();
  statements_.clear();
}

void PostgresConnection::deallocate_forgotten() {
  // Only outside transactions: a failing DEALLOCATE inside one would abort the caller's work.
  if (to_deallocate_.empty() || PQtransactionStatus(conn_) != PQTRANS_IDLE) return;
  for (const std::string& name : to_deallocate_) {
    // Failure is harmless: the statement may already be gone, or will go with the session.
    Wrap(PQexec(conn_, ("DEALLOCATE " + name).c_str()));
  }
  to_deallocate_.clear();
}

namespace {

// A statement prepared for a bytea parameter has that parameter's type fixed, so the same SQL
// called with a blob in another position needs its own statement.
std::string StatementKey(std::string_view sql, std::span<const Value> params) {
  std::string key(sql);
  const bool has_blob = std::any_of(params.begin(), params.end(),
                                    [](const Value& v) { return std::holds_alternative<Blob>(v); });
  if (has_blob) {
    key.push_back('\0');
    for (const Value& v : params) key.push_back(std::holds_alternative<Blob>(v) ? 'b' : '.');
  }
  return key;
}

}  // namespace

const std::string* PostgresConnection::cached_statement(const std::string& key) {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  statements_.splice(statements_.begin(), statements_, it->second);
  return &it->second->name;
}

const std::string& PostgresConnection::prepared_statement(std::string_view sql,
                                                          std::span<const Value> params) {
  std::string key = StatementKey(sql, params);
  if (const std::string* name = cached_statement(key)) return *name;

  // Evict first, so that the server never holds more statements than the cache bound.
  if (statements_.size() >= kStatementCacheSize) {
    forget_statement(std::prev(statements_.end()));
    deallocate_forgotten();
  }

  std::string name = "giaoban_" + std::to_string(++statement_counter_);
  // Type 0 lets the server infer each parameter's type from the SQL around it.
  std::vector<Oid> types(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (std::holds_alternative<Blob>(params[i])) types[i] = pg::kByteaOid;
  }
  const std::string text(sql);
  ResultPtr result = Wrap(
      PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(params.size()), types.data()));
  if (!Succeeded(result.get())) ThrowError(conn_, result.get(), sql);

  statements_.push_front(CachedStatement{std::move(key), std::move(name)});
  by_key_.emplace(statements_.front().key, statements_.begin());
  return statements_.front().name;
}

Result PostgresConnection::run(std::string_view sql, std::span<const Value> params) {
  ensure_connected();
  deallocate_forgotten();

  const pg::EncodedParameters encoded = pg::EncodeParameters(params);
  const std::string* cached =
      pending_begin_ ? cached_statement(StatementKey(sql, params)) : nullptr;
  if (!cached) send_pending_begin();  // preparing takes a round trip of its own anyway
  const std::string name = cached ? *cached : prepared_statement(sql, params);
  ResultPtr result = Wrap(nullptr);
  if (cached) {
    const char* begin = pending_begin_;
    pending_begin_ = nullptr;
    result = BeginAndExecute(conn_, begin, name, encoded, static_cast<int>(params.size()));
  } else {
    result = Wrap(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                 encoded.values.data(), encoded.lengths.data(),
                                 encoded.formats.data(), /*resultFormat=*/0));
  }
  if (!Succeeded(result.get())) {
    const std::string state = SqlState(result.get());
    // 0A000: a table changed shape under the cached plan ("cached plan must not change result
    // type"); 26000: the server no longer knows the statement. Preparing afresh next time fixes
    // both.
    if (state == "0A000" || state == "26000") {
      for (auto it = statements_.begin(); it != statements_.end(); ++it) {
        if (it->name == name) {
          forget_statement(it);
          break;
        }
      }
    }
    ThrowError(conn_, result.get(), sql);
  }
  return pg::DecodeResult(result.get());
}

void PostgresConnection::execute_script(std::string_view sql) {
  ensure_connected();
  send_pending_begin();
  deallocate_forgotten();
  const std::string text(sql);
  ResultPtr result = Wrap(PQexec(conn_, text.c_str()));
  // Scripts are migrations: tables may have changed shape under the cached plans.
  forget_all_statements();
  if (!Succeeded(result.get())) ThrowError(conn_, result.get(), sql);
}

void PostgresConnection::begin(TransactionMode mode) {
  ensure_connected();
  deallocate_forgotten();
  // Writers use READ COMMITTED and guard against lost updates with version columns and row
  // locks. Readers see one snapshot for the whole unit of work, so a list's total and its page
  // agree; a read-only REPEATABLE READ transaction never fails to serialize.
  pending_begin_ =
      mode == TransactionMode::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
  read_only_ = mode == TransactionMode::kRead;
  in_transaction_ = true;
}

void PostgresConnection::commit() {
  // COMMIT ends the transaction whether it succeeds or not.
  in_transaction_ = false;
  if (pending_begin_) {  // no statement ran: there is no transaction to end
    pending_begin_ = nullptr;
    return;
  }
  if (read_only_ && PQsendQuery(conn_, "COMMIT") == 1) {
    commit_in_flight_ = true;
    return;
  }
  ResultPtr result = Exec(conn_, "COMMIT");
  // The server answers COMMIT of a transaction that an error already aborted with a rollback,
  // not an error; the caller must not believe its work was saved.
  if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
    throw DatabaseError(Kind::kOther,
                        "COMMIT rolled back: an earlier statement of the transaction failed");
  }
}

void PostgresConnection::rollback() {
  in_transaction_ = false;
  if (pending_begin_) {
    pending_begin_ = nullptr;
    return;
  }
  collect_deferred_commit();
  if (PQstatus(conn_) != CONNECTION_OK) {
    throw DatabaseError(Kind::kConnection, "connection to PostgreSQL lost; transaction abandoned");
  }
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  Exec(conn_, "ROLLBACK");
}

}  // namespace giaoban::storage
