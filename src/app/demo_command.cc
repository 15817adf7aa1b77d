#include <iostream>

#include "app/commands.h"
#include "demo/demo.h"

namespace giaoban::app {

void RegisterDemo(CLI::App& app, GlobalOptions& global) {
  auto today = std::make_shared<std::string>();
  auto scale = std::make_shared<int>(0);
  auto orgs = std::make_shared<int>(50);
  auto* cmd = app.add_subcommand("demo", "Load the demo agency (or, with --tasks, benchmark data)");
  cmd->add_option("--today", *today, "The demo's today, YYYY-MM-DD (default: the real today)");
  cmd->add_option("--tasks", *scale, "Load this many synthetic tasks instead (benchmarks)");
  cmd->add_option("--organizations", *orgs, "Units for --tasks");
  cmd->callback([&global, today, scale, orgs] {
    auto db = OpenAndMigrate(global, 2);
    service::Context ctx(*db, global.MakeSettings());
    domain::Date day = ctx.Today();
    if (!today->empty()) {
      auto parsed = domain::Date::Parse(*today);
      if (!parsed) {
        std::cerr << "error: --today expects YYYY-MM-DD\n";
        global.exit_code = 2;
        return;
      }
      day = *parsed;
    }
    if (*scale > 0) {
      const auto agency = demo::LoadScaleData(ctx, {*orgs, *scale, day, 7});
      std::cout << "loaded " << *scale << " tasks in agency " << agency << "\n";
      return;
    }
    demo::DemoOptions options;
    options.today = day;
    const auto result = demo::LoadDemo(ctx, options);
    if (!result.loaded) {
      std::cout << "Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.\n"
                   "The database already has data; the demo was not loaded again.\n";
      return;
    }
    std::cout << "Đã nạp dữ liệu mẫu / demo loaded: " << result.tasks << " nhiệm vụ / tasks.\n"
              << "Tài khoản / accounts (mật khẩu / password: " << options.password << "):\n";
    for (const auto& a : result.accounts) {
      std::cout << "  " << a.username << "\t" << a.role << "\t" << a.full_name << " — "
                << a.position << ", " << a.organization << "\n";
    }
  });
}

}  // namespace giaoban::app
