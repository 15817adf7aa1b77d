// The consolidated report's model in process, without HTTP: what issue 10's "the consolidated
// report model for a month in under 100 ms" measures. Reads the benchmark database that
// bench/report_bench.sh loads (100,000 tasks in 50 units) as its bench.leader; each run builds the
// model of the last full month, the running quarter and the year from scratch, and on its own the
// JSON text the preview sends.
//   build/bench/bench_report_model [--benchmark_repetitions=5]   (BENCH_DB=... for another file)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "api/json_codec.h"
#include "service/accounts/auth.h"
#include "service/reports/consolidated_report.h"
#include "storage/migrations.h"

namespace {

using namespace giaoban;

struct Fixture {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<service::Context> ctx;
  service::Actor leader;
  std::string month, quarter, year;
};

Fixture& Data() {
  static Fixture* f = [] {
    const char* env = std::getenv("BENCH_DB");
    const std::string url = env ? env : "bench/out/reports/bench.db";
    if (!env && !std::filesystem::exists(url)) {
      std::cerr << url << " is missing: load it with bench/report_bench.sh first\n";
      std::exit(2);
    }
    auto* fx = new Fixture;
    fx->db = storage::OpenDatabase(url, 2);
    storage::Migrate(*fx->db);
    fx->ctx = std::make_unique<service::Context>(*fx->db, service::Settings{});
    fx->db->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      const auto id =
          c.execute("SELECT id FROM users WHERE username = 'bench.leader'").one().integer(0);
      fx->leader = *service::LoadActor(c, id);
    });
    const domain::Date today = fx->ctx->Today();
    const domain::Date last_month = today.AddMonths(-1);
    char key[32];
    std::snprintf(key, sizeof key, "%04d-%02d", last_month.year(), last_month.month());
    fx->month = key;
    std::snprintf(key, sizeof key, "%04d-Q%d", today.year(), (today.month() + 2) / 3);
    fx->quarter = key;
    fx->year = std::to_string(today.year());
    return fx;
  }();
  return *f;
}

void Model(benchmark::State& state, const std::string& period) {
  auto& f = Data();
  service::ConsolidatedReportService reports(*f.ctx);
  for (auto _ : state) {
    auto report = reports.Preview(f.leader, period);
    if (!report) state.SkipWithError("the report could not be built");
    benchmark::DoNotOptimize(report);
  }
  state.SetLabel(period);
}

void BM_MonthModel(benchmark::State& state) { Model(state, Data().month); }
BENCHMARK(BM_MonthModel)->Unit(benchmark::kMillisecond);

void BM_QuarterModel(benchmark::State& state) { Model(state, Data().quarter); }
BENCHMARK(BM_QuarterModel)->Unit(benchmark::kMillisecond);

void BM_YearModel(benchmark::State& state) { Model(state, Data().year); }
BENCHMARK(BM_YearModel)->Unit(benchmark::kMillisecond);

// The month's JSON text alone, from a model built once.
void BM_MonthJson(benchmark::State& state) {
  auto& f = Data();
  const auto report = service::ConsolidatedReportService(*f.ctx).Preview(f.leader, f.month);
  for (auto _ : state) {
    auto text = api::ToJsonText(*report);
    benchmark::DoNotOptimize(text);
  }
  state.SetLabel(f.month);
}
BENCHMARK(BM_MonthJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
