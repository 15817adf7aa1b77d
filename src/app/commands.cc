#include "app/commands.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "storage/migrations.h"

namespace giaoban::app {

std::string GlobalOptions::DatabaseUrl() const {
  if (!db.empty()) return db;
  if (const char* env = std::getenv("GIAOBAN_DB"); env != nullptr && *env != '\0') return env;
  return "data/giaoban.db";
}

service::Settings GlobalOptions::MakeSettings() const {
  service::Settings s;
  s.time_zone = time_zone;
  return s;
}

std::unique_ptr<storage::Database> Open(const GlobalOptions& global, std::size_t pool_size) {
  return storage::OpenDatabase(global.DatabaseUrl(), pool_size);
}

std::unique_ptr<storage::Database> OpenAndMigrate(const GlobalOptions& global,
                                                  std::size_t pool_size) {
  auto db = Open(global, pool_size);
  auto report = storage::Migrate(*db);
  for (const auto& name : report.applied) spdlog::info("migration applied: {}", name);
  return db;
}

void MigrateAndReport(const GlobalOptions& global) {
  auto db = Open(global, 1);
  auto report = storage::Migrate(*db);
  std::cout << "schema version " << report.from_version << " -> " << report.to_version << "\n";
}

void RegisterCommands(CLI::App& app, GlobalOptions& global) {
  RegisterServe(app, global);
  RegisterAdmin(app, global);
  RegisterDemo(app, global);
}

}  // namespace giaoban::app
