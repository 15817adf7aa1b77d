#include "storage/migrations.h"

#include <chrono>

namespace giaoban::storage {
namespace {

// Any fixed number works; it only has to be the same for every giaoban process.
constexpr std::int64_t kMigrationLockKey = 0x6769616f62616e;  // "giaoban"

const std::vector<Migration>& MigrationsFor(Dialect dialect) {
  return dialect == Dialect::kSqlite ? SqliteMigrations() : PostgresMigrations();
}

std::int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void EnsureVersionTable(Connection& c) {
  c.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
}

}  // namespace

int SchemaVersion(Connection& c) {
  EnsureVersionTable(c);
  auto r = c.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(r.one().integer(0));
}

int LatestSchemaVersion(Dialect dialect) {
  const auto& all = MigrationsFor(dialect);
  return all.empty() ? 0 : all.back().version;
}

MigrationReport Migrate(Database& db) {
  auto lease = db.acquire();
  Connection& c = *lease;
  const bool postgres = c.dialect() == Dialect::kPostgres;
  if (postgres) c.execute("SELECT pg_advisory_lock($1)", {kMigrationLockKey});
  MigrationReport report;
  try {
    EnsureVersionTable(c);
    report.from_version = SchemaVersion(c);
    report.to_version = report.from_version;
    for (const Migration& m : MigrationsFor(c.dialect())) {
      c.begin(TransactionMode::kWrite);
      try {
        // Re-read under the lock: another process may have applied it meanwhile.
        auto done = c.execute("SELECT 1 FROM schema_migrations WHERE version = $1",
                              {static_cast<std::int64_t>(m.version)});
        if (done.empty()) {
          c.execute_script(m.sql);
          c.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    {static_cast<std::int64_t>(m.version), std::string(m.name), NowMillis()});
          report.applied.emplace_back(m.name);
          report.to_version = m.version;
        }
        c.commit();
      } catch (...) {
        c.rollback();
        throw;
      }
    }
  } catch (...) {
    if (postgres) c.execute("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
    throw;
  }
  if (postgres) c.execute("SELECT pg_advisory_unlock($1)", {kMigrationLockKey});
  return report;
}

}  // namespace giaoban::storage
