// Schema migrations, one ordered list per dialect, embedded in the binary from
// src/storage/migrations/NNNN_name.sql, each written once for both dialects (see
// cmake/embed.cmake and docs/architecture.md#migrations).
#pragma once

#include <string>
#include <vector>

#include "storage/database.h"

namespace giaoban::storage {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

// Brings the schema to the newest version. Safe to run from several processes at once: PostgreSQL
// serialises them with an advisory lock, SQLite with its write lock. Each migration is one
// transaction, so a failure leaves the schema at the last good version.
MigrationReport Migrate(Database& db);

// The schema version of the database (0 for an empty one).
int SchemaVersion(Connection& connection);
int LatestSchemaVersion(Dialect dialect);

}  // namespace giaoban::storage
