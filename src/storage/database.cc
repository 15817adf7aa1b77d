#include "storage/database.h"

#include <algorithm>
#include <filesystem>
#include <random>
#include <system_error>
#include <thread>

#include "storage/postgres_database.h"
#include "storage/postgres_dump.h"
#include "storage/sqlite_database.h"

namespace giaoban::storage {

namespace {

using Kind = DatabaseError::Kind;

const char* TypeName(const Value& v) {
  switch (v.index()) {
    case 0:
      return "NULL";
    case 1:
      return "integer";
    case 2:
      return "real";
    case 3:
      return "text";
    default:
      return "blob";
  }
}

const Value& At(const Row& row, std::size_t i) {
  if (i >= row.size()) {
    throw DatabaseError(Kind::kOther, "column " + std::to_string(i) +
                                          " out of range: the row has " +
                                          std::to_string(row.size()) + " columns");
  }
  return row.value(i);
}

[[noreturn]] void WrongType(const Value& v, std::size_t i, const char* expected) {
  throw DatabaseError(Kind::kOther, "column " + std::to_string(i) + " is " + TypeName(v) +
                                        ", expected " + expected);
}

// A collected row seen as a streamed one, for connections that collect a result before handing
// out its rows.
class CollectedRowView final : public RowView {
 public:
  CollectedRowView(const std::vector<std::string>& names, const Row& row)
      : names_(names), row_(row) {}
  std::size_t size() const override { return row_.size(); }
  const std::vector<std::string>& names() const override { return names_; }
  bool is_null(std::size_t i) const override { return row_.is_null(i); }
  std::int64_t integer(std::size_t i) const override { return row_.integer(i); }
  std::string_view text(std::size_t i) const override { return row_.text(i); }

 private:
  const std::vector<std::string>& names_;
  const Row& row_;
};

// Column i as a T, or an error naming what it holds instead: values are never converted silently.
template <class T>
const T& ValueAs(const Row& row, std::size_t i, const char* expected) {
  const Value& v = At(row, i);
  if (const auto* x = std::get_if<T>(&v)) return *x;
  WrongType(v, i, expected);
}

// The password must not end up in logs, which is where descriptions go.
std::string RedactPassword(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const std::size_t authority = scheme + 3;
  const std::size_t at = url.find('@', authority);
  const std::size_t slash = url.find('/', authority);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return url;
  const std::size_t colon = url.find(':', authority);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return std::string_view(s).substr(0, prefix.size()) == prefix;
}

}  // namespace

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::nullptr_t>(At(*this, i));
}

std::int64_t Row::integer(std::size_t i) const {
  return ValueAs<std::int64_t>(*this, i, "integer");
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

double Row::real(std::size_t i) const {
  const Value& v = At(*this, i);
  if (const auto* x = std::get_if<double>(&v)) return *x;
  // SQLite hands back whole-number results of real arithmetic (and literals such as 0) as
  // integers; widening them is lossless for the values we store.
  if (const auto* x = std::get_if<std::int64_t>(&v)) return static_cast<double>(*x);
  WrongType(v, i, "real");
}

const std::string& Row::text(std::size_t i) const { return ValueAs<std::string>(*this, i, "text"); }

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

const Blob& Row::blob(std::size_t i) const { return ValueAs<Blob>(*this, i, "blob"); }

Column FindColumn(const std::vector<std::string>& names, std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return Column(i);
  }
  std::string known;
  for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
  throw DatabaseError(Kind::kOther, "no column '" + std::string(name) +
                                        "' in the result; its columns are: " + known);
}

void RowView::Refuse(std::size_t i, const char* held, const char* expected) const {
  if (held == nullptr) {
    throw DatabaseError(Kind::kOther, "column " + std::to_string(i) +
                                          " out of range: the row has " + std::to_string(size()) +
                                          " columns");
  }
  throw DatabaseError(Kind::kOther,
                      "column " + std::to_string(i) + " is " + held + ", expected " + expected);
}

void Connection::run_stream(std::string_view sql, std::span<const Value> params,
                            const RowCallback& on_row) {
  const Result result = run(sql, params);
  for (const Row& row : result.rows) on_row(CollectedRowView(result.columns, row));
}

Column Row::column(std::string_view name) const {
  if (!names_) {
    throw DatabaseError(Kind::kOther,
                        "no column '" + std::string(name) + "': the row has no column names");
  }
  return FindColumn(*names_, name);
}

const Row& Result::one() const {
  if (rows.size() != 1) {
    throw DatabaseError(Kind::kOther,
                        "expected exactly one row, got " + std::to_string(rows.size()));
  }
  return rows.front();
}

Database::Database(Dialect dialect, std::string description, Factory factory, std::size_t size,
                   BackupWriter backup_writer)
    : dialect_(dialect),
      description_(std::move(description)),
      factory_(std::move(factory)),
      backup_writer_(std::move(backup_writer)),
      size_(std::max<std::size_t>(size, 1)) {
  // release() runs in Lease destructors and must not throw, so it must never reallocate.
  idle_.reserve(size_);
}

Database::~Database() = default;

Database::Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    if (created_ < size_) {
      ++created_;
      // Connecting can take a network round trip or a file lock; others may use the pool meanwhile.
      lock.unlock();
      try {
        std::unique_ptr<Connection> connection = factory_();
        if (!connection) {
          throw DatabaseError(Kind::kConnection, "connection factory returned nothing");
        }
        return Lease(this, std::move(connection));
      } catch (...) {
        lock.lock();
        --created_;
        // The slot is free again: a waiter may now try to connect itself.
        available_.notify_one();
        throw;
      }
    }
    available_.wait(lock);
  }
}

void Database::Ping() {
  single_statement([](Connection& c) { c.execute("SELECT 1"); });
}

void Database::Backup(const std::string& destination) {
  if (!backup_writer_) throw BackupError("failed: " + description_ + " has no backup procedure");
  backup_writer_(*this, destination);
}

Database::Lease::~Lease() {
  if (connection_) owner_->release(std::move(connection_), discard_);
}

void Database::release(std::unique_ptr<Connection> connection, bool discard) {
  {
    std::lock_guard lock(mutex_);
    if (discard) {
      --created_;
    } else {
      idle_.push_back(std::move(connection));
    }
  }
  available_.notify_one();
  // A discarded connection is closed here, outside the lock: closing may wait on the network.
}

void Database::backoff(int attempt) {
  // Jitter keeps writers that collided once from colliding again in lockstep.
  thread_local std::minstd_rand rng(std::random_device{}());
  const int base_ms = std::min(2 << std::clamp(attempt, 1, 6), 100);
  std::uniform_int_distribution<int> jitter(0, base_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(base_ms / 2 + jitter(rng)));
}

std::unique_ptr<Database> OpenDatabase(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<Database> db;
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    db = std::make_unique<Database>(
        Dialect::kPostgres, RedactPassword(url),
        [url] { return std::make_unique<PostgresConnection>(url); }, pool_size,
        [url](Database&, const std::string& destination) { DumpPostgres(url, destination); });
  } else {
    std::string path = StartsWith(url, "sqlite:") ? url.substr(7) : url;
    if (path.empty()) throw DatabaseError(Kind::kConnection, "empty SQLite database path");
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec) {
        throw DatabaseError(Kind::kConnection,
                            "cannot create directory " + parent.string() + ": " + ec.message());
      }
    }
    db = std::make_unique<Database>(
        Dialect::kSqlite, "sqlite:" + path,
        [path, gate = std::make_shared<std::mutex>()] {
          return std::make_unique<SqliteConnection>(path, gate);
        },
        pool_size,
        [path](Database& db, const std::string& destination) {
          BackupSqliteFile(db, path, destination);
        });
  }
  // A wrong URL or an unreachable server should stop the program at startup, not at the first
  // request; the connection opened here stays in the pool.
  db->acquire();
  return db;
}

}  // namespace giaoban::storage
