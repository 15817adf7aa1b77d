// giaoban: one binary, several subcommands. See README.md.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("giaoban");
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);

  CLI::App app{"giaoban: công việc, báo cáo và họp giao ban / tasks, reports and briefings"};
  app.require_subcommand(1);
  giaoban::app::GlobalOptions global;
  app.add_option("--db", global.db,
                 "SQLite file or postgresql:// URL (default: $GIAOBAN_DB or data/giaoban.db)");
  app.add_option("--time-zone", global.time_zone, "IANA time zone of the agency");
  giaoban::app::RegisterCommands(app, global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    // Expected failures are reported by the commands; this is the unexpected: say it plainly.
    spdlog::error("giaoban: {}", e.what());
    return 1;
  }
  return global.exit_code;
}
