#include <iostream>

#include "app/commands.h"
#include "app/demo_images.h"
#include "demo/demo.h"
#include "documents/issued_report_renderer.h"

namespace giaoban::app {

void RegisterDemo(CLI::App& app, GlobalOptions& global) {
  auto today = std::make_shared<std::string>();
  auto scale = std::make_shared<int>(0);
  auto orgs = std::make_shared<int>(50);
  auto agencies = std::make_shared<int>(1);
  auto years = std::make_shared<int>(1);
  auto* cmd = app.add_subcommand("demo", "Load the demo agency (or, with --tasks, benchmark data)");
  cmd->add_option("--today", *today, "The demo's today, YYYY-MM-DD (default: the real today)");
  cmd->add_option("--tasks", *scale, "Load this many synthetic tasks instead (benchmarks)");
  cmd->add_option("--organizations", *orgs, "Units of each agency for --tasks");
  cmd->add_option("--agencies", *agencies, "Agencies under one province sharing --tasks")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--years", *years, "Years of history for --tasks")->check(CLI::Range(1, 20));
  cmd->callback([&global, today, scale, orgs, agencies, years] {
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
      const auto loaded = demo::LoadScaleData(ctx, {*orgs, *scale, day, 7, *agencies, *years});
      std::cout << "loaded " << *scale << " tasks in agency " << loaded.agency_ids.front();
      if (loaded.agency_ids.size() > 1) {
        std::cout << " and " << loaded.agency_ids.size() - 1 << " more under province "
                  << loaded.province_id;
      }
      std::cout << "\n";
      return;
    }
    demo::DemoOptions options;
    options.today = day;
    const documents::ReportDocumentRenderer renderer;
    options.report_renderer = &renderer;
    options.seal_png = DemoSealPng("SỞ GIAO THÔNG VẬN TẢI • TỈNH QUẢNG NGÃI • ");
    options.signature_pngs = {DemoSignaturePng(0), DemoSignaturePng(1)};
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
