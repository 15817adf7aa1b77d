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

// One execution of a prepared statement.
struct PreparedCall {
  const std::string* name;
  const pg::EncodedParameters* encoded;
  int count;
};

PGresult* Send(PGconn* conn, const PreparedCall& call) {
  return PQexecPrepared(conn, call.name->c_str(), call.count, call.encoded->values.data(),
                        call.encoded->lengths.data(), call.encoded->formats.data(),
                        /*resultFormat=*/0);
}

// `begin` (when not null) and then `calls`, sent together in a pipeline so that they cost one
// round trip; returns the calls' results in order. After a failing call the server skips the
// rest, whose results say PGRES_PIPELINE_ABORTED. Throws if the BEGIN failed.
std::vector<ResultPtr> ExecutePipelined(PGconn* conn, const char* begin,
                                        const std::vector<PreparedCall>& calls) {
  std::vector<ResultPtr> results;
  // A lone statement inside a transaction already begun gains nothing from a pipeline.
  if ((!begin && calls.size() == 1) || PQenterPipelineMode(conn) != 1) {
    if (begin) Exec(conn, begin);
    for (const PreparedCall& call : calls) {
      results.push_back(Wrap(Send(conn, call)));
      if (!Succeeded(results.back().get())) break;
    }
    return results;
  }
  bool sent =
      !begin || PQsendQueryParams(conn, begin, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  for (const PreparedCall& call : calls) {
    sent = sent &&
           PQsendQueryPrepared(conn, call.name->c_str(), call.count, call.encoded->values.data(),
                               call.encoded->lengths.data(), call.encoded->formats.data(), 0) == 1;
  }
  sent = sent && PQpipelineSync(conn) == 1;
  // Each query's results end with a null; the pipeline's end is a PGRES_PIPELINE_SYNC result. A
  // broken connection ends with nulls only.
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
  if (begin) {
    if (results.empty() || !Succeeded(results.front().get())) {
      ThrowError(conn, results.empty() ? nullptr : results.front().get(), begin);
    }
    results.erase(results.begin());
  }
  // A reply out of step with what was sent leaves the session unusable: the pool must drop it.
  if (results.size() != calls.size()) {
    throw DatabaseError(DatabaseError::Kind::kConnection,
                        "PostgreSQL pipeline answered " + std::to_string(results.size()) +
                            " results for " + std::to_string(calls.size()) + " statements");
  }
  return results;
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
  const Statement one{sql, params};
  return std::move(run_all(std::span<const Statement>(&one, 1)).front());
}

std::vector<Result> PostgresConnection::run_all(std::span<const Statement> statements) {
  ensure_connected();
  deallocate_forgotten();

  // Statements new to this connection are prepared first, each in a round trip of its own: that
  // happens once per connection, and the calls then all go in one pipeline.
  std::vector<std::string> names;
  std::vector<pg::EncodedParameters> encoded;
  names.reserve(statements.size());
  encoded.reserve(statements.size());
  for (const Statement& s : statements) {
    names.push_back(prepared_statement(s.sql, s.params));
    encoded.push_back(pg::EncodeParameters(s.params));
  }
  std::vector<PreparedCall> calls;
  for (std::size_t i = 0; i < statements.size(); ++i)
    calls.push_back({&names[i], &encoded[i], static_cast<int>(statements[i].params.size())});
  const char* begin = pending_begin_;
  pending_begin_ = nullptr;
  std::vector<ResultPtr> raw = ExecutePipelined(conn_, begin, calls);

  std::vector<Result> results;
  results.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!Succeeded(raw[i].get())) fail(raw[i].get(), names[i], statements[i].sql);
    results.push_back(pg::DecodeResult(raw[i].get()));
  }
  return results;
}

void PostgresConnection::fail(PGresult* result, const std::string& name, std::string_view sql) {
  const std::string state = SqlState(result);
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
  ThrowError(conn_, result, sql);
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
