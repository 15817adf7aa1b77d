#include "storage/postgres_database.h"

#include <libpq-fe.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#include "storage/backup_file.h"

extern char** environ;

namespace giaoban::storage {

namespace {

using Kind = DatabaseError::Kind;

constexpr std::size_t kStatementCacheSize = 256;

// Type OIDs from pg_type.h, which is a server header libpq does not ship.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

ResultPtr Wrap(PGresult* result) { return ResultPtr(result, &PQclear); }

std::string SqlSnippet(std::string_view sql) {
  constexpr std::size_t kMax = 200;
  if (sql.size() <= kMax) return std::string(sql);
  std::size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(sql[end]) & 0xC0) == 0x80) --end;
  return std::string(sql.substr(0, end)) + "...";
}

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

std::string FormatDouble(double v) {
  // The server reads these spellings for both float8 and numeric, whichever it inferred.
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  // Shortest representation that reads back to the same double.
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, end);
}

[[noreturn]] void Unreadable(const char* type, std::string_view text, int column) {
  throw DatabaseError(Kind::kOther, "cannot read column " + std::to_string(column) + " as " + type +
                                        ": '" + SqlSnippet(text) + "'");
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Blob DecodeBytea(std::string_view text, int column) {
  // Text-format bytea in hex output: "\x" followed by two digits per byte.
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0) {
    Unreadable("bytea", text, column);
  }
  Blob blob;
  blob.bytes.resize((text.size() - 2) / 2);
  for (std::size_t i = 0; i < blob.bytes.size(); ++i) {
    const int high = HexValue(text[2 + 2 * i]);
    const int low = HexValue(text[3 + 2 * i]);
    if (high < 0 || low < 0) Unreadable("bytea", text, column);
    blob.bytes[i] = static_cast<char>(high * 16 + low);
  }
  return blob;
}

Value Convert(Oid type, std::string_view text, int column) {
  switch (type) {
    case kInt8Oid:
    case kInt2Oid:
    case kInt4Oid:
    case kOidOid: {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size())
        Unreadable("integer", text, column);
      return v;
    }
    case kBoolOid:
      if (text == "t") return std::int64_t{1};
      if (text == "f") return std::int64_t{0};
      Unreadable("boolean", text, column);
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      // from_chars accepts the server's NaN and (-)Infinity spellings, case-insensitively.
      double v = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size()) Unreadable("real", text, column);
      return v;
    }
    case kByteaOid:
      return DecodeBytea(text, column);
    default:
      return std::string(text);
  }
}

Result ToResult(const PGresult* pg) {
  Result result;
  const int fields = PQnfields(pg);
  const int tuples = PQntuples(pg);
  std::vector<Oid> types(static_cast<std::size_t>(fields));
  result.columns.reserve(types.size());
  for (int c = 0; c < fields; ++c) {
    result.columns.emplace_back(PQfname(pg, c));
    types[static_cast<std::size_t>(c)] = PQftype(pg, c);
  }
  const auto names = std::make_shared<const std::vector<std::string>>(result.columns);
  result.rows.reserve(static_cast<std::size_t>(tuples));
  for (int r = 0; r < tuples; ++r) {
    std::vector<Value> values;
    values.reserve(types.size());
    for (int c = 0; c < fields; ++c) {
      if (PQgetisnull(pg, r, c)) {
        values.emplace_back(nullptr);
      } else {
        const std::string_view text(PQgetvalue(pg, r, c),
                                    static_cast<std::size_t>(PQgetlength(pg, r, c)));
        values.push_back(Convert(types[static_cast<std::size_t>(c)], text, c));
      }
    }
    result.rows.emplace_back(std::move(values), names);
  }
  // PQcmdTuples also counts the rows a SELECT returned; SQLite reports 0 there, and callers only
  // care about rows written.
  const std::string_view status = PQcmdStatus(const_cast<PGresult*>(pg));
  const char* affected = PQcmdTuples(const_cast<PGresult*>(pg));
  if (status.substr(0, 7) != "SELECT " && affected != nullptr && *affected != '\0') {
    std::from_chars(affected, affected + std::char_traits<char>::length(affected),
                    result.affected_rows);
  }
  return result;
}

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

// A PostgreSQL URL split the way libpq itself reads it: the password apart, everything else as a
// connection string for pg_dump's command line, which every local user can read.
struct PostgresTarget {
  std::string conninfo;
  std::optional<std::string> password;
};

void AppendQuoted(std::string& out, std::string_view value) {
  out += '\'';
  for (char ch : value) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '\'';
}

std::optional<PostgresTarget> SplitPassword(const std::string& url, std::string& error) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  if (options == nullptr) {
    error = message != nullptr ? message : "cannot read the database URL";
    PQfreemem(message);
    return std::nullopt;
  }
  PostgresTarget target;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;  // only what the URL says; pg_dump has the defaults
    if (std::strcmp(option->keyword, "password") == 0) {
      target.password = option->val;
      continue;
    }
    if (!target.conninfo.empty()) target.conninfo += ' ';
    target.conninfo += option->keyword;
    target.conninfo += '=';
    AppendQuoted(target.conninfo, option->val);
  }
  PQconninfoFree(options);
  return target;
}

std::optional<std::string> FindOnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const auto colon = rest.find(':');
    std::string folder(rest.substr(0, colon));
    if (folder.empty()) folder = ".";
    const std::string candidate = folder + "/" + program;
    struct stat info {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(colon + 1);
  }
}

// Runs `program` with exactly these arguments (no shell: nothing in them is interpreted) and this
// process's environment plus `extra_env` ("NAME=value"), and waits for it. Returns the wait status,
// or nullopt with `error` set when it could not be started.
std::optional<int> Run(const std::string& program, const std::vector<std::string>& args,
                       const std::vector<std::string>& extra_env, std::string& error) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool replaced = std::any_of(extra_env.begin(), extra_env.end(), [&](const auto& extra) {
      const std::string_view name = std::string_view(extra).substr(0, extra.find('=') + 1);
      return entry.substr(0, name.size()) == name;
    });
    if (!replaced) envp.push_back(*e);
  }
  for (const std::string& e : extra_env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    error = SystemError("cannot start " + program);
    return std::nullopt;
  }
  if (child == 0) {
    // A backup that is killed must not leave its dump running, still writing the temporary file.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::execve(program.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      error = SystemError("cannot wait for " + program);
      return std::nullopt;
    }
  }
  return status;
}

// A backup of PostgreSQL is pg_dump's job: it takes a consistent snapshot while others write. The
// password reaches it in its environment, which only its owner can read, never in its arguments.
bool DumpPostgresTo(const std::string& url, const std::string& partial, std::string& error) {
  auto target = SplitPassword(url, error);
  if (!target) return false;
  auto pg_dump = FindOnPath("pg_dump");
  if (!pg_dump) {
    error = "pg_dump not found on PATH";
    return false;
  }
  std::vector<std::string> env;
  if (target->password) env.push_back("PGPASSWORD=" + *target->password);
  auto status = Run(*pg_dump,
                    {"pg_dump", "--format=custom", "--no-owner", "--file=" + partial,
                     "--dbname=" + target->conninfo},
                    env, error);
  if (!status) return false;
  if (WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return true;
  error = WIFSIGNALED(*status)
              ? "pg_dump was killed by signal " + std::to_string(WTERMSIG(*status))
              : "pg_dump failed with exit code " + std::to_string(WEXITSTATUS(*status));
  return false;
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
  // bytea in the hex form DecodeBytea reads.
  Exec(conn_, "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET bytea_output = hex");
}

void PostgresConnection::ensure_connected() {
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

const std::string& PostgresConnection::prepared_statement(std::string_view sql,
                                                          std::span<const Value> params) {
  // A statement prepared for a bytea parameter has that parameter's type fixed, so the same SQL
  // called with a blob in another position needs its own statement.
  std::string key(sql);
  const bool has_blob = std::any_of(params.begin(), params.end(),
                                    [](const Value& v) { return std::holds_alternative<Blob>(v); });
  if (has_blob) {
    key.push_back('\0');
    for (const Value& v : params) key.push_back(std::holds_alternative<Blob>(v) ? 'b' : '.');
  }
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    statements_.splice(statements_.begin(), statements_, it->second);
    return it->second->name;
  }

  // Evict first, so that the server never holds more statements than the cache bound.
  if (statements_.size() >= kStatementCacheSize) {
    forget_statement(std::prev(statements_.end()));
    deallocate_forgotten();
  }

  std::string name = "giaoban_" + std::to_string(++statement_counter_);
  // Type 0 lets the server infer each parameter's type from the SQL around it.
  std::vector<Oid> types(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (std::holds_alternative<Blob>(params[i])) types[i] = kByteaOid;
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

  const std::size_t n = params.size();
  std::vector<std::string> texts(n);
  std::vector<const char*> values(n, nullptr);
  std::vector<int> lengths(n, 0);
  std::vector<int> formats(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Value& param = params[i];
    if (const auto* v = std::get_if<std::int64_t>(&param)) {
      texts[i] = std::to_string(*v);
      values[i] = texts[i].c_str();
    } else if (const auto* v = std::get_if<double>(&param)) {
      texts[i] = FormatDouble(*v);
      values[i] = texts[i].c_str();
    } else if (const auto* v = std::get_if<std::string>(&param)) {
      // Text parameters travel NUL-terminated; the server would silently cut the rest off.
      if (v->find('\0') != std::string::npos) {
        throw DatabaseError(Kind::kOther, "text parameter $" + std::to_string(i + 1) +
                                              " contains a NUL byte; use a Blob");
      }
      values[i] = v->c_str();
    } else if (const auto* v = std::get_if<Blob>(&param)) {
      // Binary bytea is the raw bytes: no escaping, and NUL bytes are fine.
      values[i] = v->bytes.data();
      lengths[i] = static_cast<int>(v->bytes.size());
      formats[i] = 1;
    }
  }

  const std::string name = prepared_statement(sql, params);
  ResultPtr result = Wrap(PQexecPrepared(conn_, name.c_str(), static_cast<int>(n), values.data(),
                                         lengths.data(), formats.data(), /*resultFormat=*/0));
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
  return ToResult(result.get());
}

void PostgresConnection::execute_script(std::string_view sql) {
  ensure_connected();
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
  Exec(conn_, mode == TransactionMode::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                             : "BEGIN");
  in_transaction_ = true;
}

void PostgresConnection::commit() {
  // COMMIT ends the transaction whether it succeeds or not.
  in_transaction_ = false;
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
  if (PQstatus(conn_) != CONNECTION_OK) {
    throw DatabaseError(Kind::kConnection, "connection to PostgreSQL lost; transaction abandoned");
  }
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  Exec(conn_, "ROLLBACK");
}

void DumpPostgres(const std::string& url, const std::string& destination) {
  ReplaceWhole(destination, [&](const std::string& partial) {
    std::string error;
    if (!DumpPostgresTo(url, partial, error)) throw std::runtime_error(error);
  });
}

}  // namespace giaoban::storage
