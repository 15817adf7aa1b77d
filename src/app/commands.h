// The subcommands of the giaoban binary.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "service/context.h"
#include "storage/database.h"

namespace giaoban::app {

struct GlobalOptions {
  std::string db;
  std::string time_zone = "Asia/Ho_Chi_Minh";
  int exit_code = 0;

  // The database URL: --db, else $GIAOBAN_DB, else data/giaoban.db beside the working directory.
  std::string DatabaseUrl() const;
  service::Settings MakeSettings() const;
};

// Opens the database without touching its schema.
std::unique_ptr<storage::Database> Open(const GlobalOptions& global, std::size_t pool_size);
// Opens and migrates the database.
std::unique_ptr<storage::Database> OpenAndMigrate(const GlobalOptions& global,
                                                  std::size_t pool_size);
// Creates or upgrades the schema, and says from which version to which.
void MigrateAndReport(const GlobalOptions& global);

void RegisterCommands(CLI::App& app, GlobalOptions& global);
void RegisterServe(CLI::App& app, GlobalOptions& global);
void RegisterAdmin(CLI::App& app, GlobalOptions& global);  // migrate, user, token, backup
void RegisterDemo(CLI::App& app, GlobalOptions& global);

}  // namespace giaoban::app
