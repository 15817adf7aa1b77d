// Lists and statistics over 100,000 tasks in 50 organisations with a year of history, in process,
// on SQLite (default) or on PostgreSQL (BENCH_DB=postgresql://...; the database must be empty).
//   build/bench/bench_queries [--benchmark_min_time=2]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "demo/demo.h"
#include "service/accounts/auth.h"
#include "service/stats/stats.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"
#include "storage/migrations.h"

namespace {

using namespace giaoban;

struct Fixture {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<service::Context> ctx;
  service::Actor actor;
  domain::Date today;
  std::int64_t lead_org = 0;
};

Fixture& Data() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    std::string url;
    if (const char* env = std::getenv("BENCH_DB")) {
      url = env;
    } else {
      auto dir = std::filesystem::temp_directory_path() / "giaoban-bench-queries";
      std::filesystem::remove_all(dir);
      std::filesystem::create_directories(dir);
      url = (dir / "bench.db").string();
    }
    fx->db = storage::OpenDatabase(url, 2);
    storage::Migrate(*fx->db);
    fx->ctx = std::make_unique<service::Context>(*fx->db, service::Settings{});
    fx->today = fx->ctx->Today();
    const auto scale = demo::LoadScaleData(*fx->ctx, {50, 100000, fx->today, 7});
    service::NewUser leader{"bench.leader",
                            "bench-password-1",
                            service::Role::kLeader,
                            scale.agency_ids.front(),
                            "Lãnh đạo",
                            "Giám đốc",
                            "",
                            std::nullopt};
    const auto uid = service::AuthService(*fx->ctx).CreateUser(std::nullopt, leader)->id;
    // What a running server does in the background: lists and figures as of today read it.
    service::RefreshSnapshot(*fx->ctx);
    fx->db->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      fx->actor = *service::LoadActor(c, uid);
      fx->lead_org = c.execute(
                          "SELECT lead_org_id FROM tasks GROUP BY lead_org_id "
                          "ORDER BY COUNT(*) DESC LIMIT 1")
                         .one()
                         .integer(0);
    });
    return fx;
  }();
  return *f;
}

void RunList(benchmark::State& state, const service::QueryParams& params) {
  auto& f = Data();
  auto filter = service::ParseTaskFilter(params, f.today);
  service::TaskService tasks(*f.ctx);
  for (auto _ : state) {
    auto page = tasks.List(f.actor, *filter);
    benchmark::DoNotOptimize(page);
  }
}

void BM_StatsYear(benchmark::State& state) {
  auto& f = Data();
  auto filter = service::ParseTaskFilter(
      {{"assigned_from", f.today.AddDays(-365).Iso()}, {"assigned_to", f.today.Iso()}}, f.today);
  service::StatsService stats(*f.ctx);
  for (auto _ : state) {
    auto s = stats.Compute(f.actor, *filter);
    if (s->totals.total == 0) state.SkipWithError("no tasks counted");
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_StatsYear)->Unit(benchmark::kMillisecond);

// A past date cannot use the snapshot: every status is computed from history.
void BM_StatsYearAsOfLastMonth(benchmark::State& state) {
  auto& f = Data();
  const auto as_of = f.today.AddDays(-30);
  auto filter = service::ParseTaskFilter({{"assigned_from", as_of.AddDays(-365).Iso()},
                                          {"assigned_to", as_of.Iso()},
                                          {"as_of", as_of.Iso()}},
                                         f.today);
  service::StatsService stats(*f.ctx);
  for (auto _ : state) {
    auto s = stats.Compute(f.actor, *filter);
    if (s->totals.total == 0) state.SkipWithError("no tasks counted");
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_StatsYearAsOfLastMonth)->Unit(benchmark::kMillisecond);

void BM_ListByUnitAndStatus(benchmark::State& state) {
  RunList(state, {{"lead_org", std::to_string(Data().lead_org)},
                  {"status", "in_progress,overdue,completed_late"},
                  {"sort", "deadline"}});
}
BENCHMARK(BM_ListByUnitAndStatus)->Unit(benchmark::kMillisecond);

void BM_ListAllByDeadline(benchmark::State& state) { RunList(state, {{"sort", "deadline"}}); }
BENCHMARK(BM_ListAllByDeadline)->Unit(benchmark::kMillisecond);

void BM_ListTextSearch(benchmark::State& state) {
  RunList(state, {{"q", "ke hoach"}, {"sort", "-assigned_on"}});
}
BENCHMARK(BM_ListTextSearch)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
