// The domain rule every list row and figure goes through: how many statuses per second.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "domain/status.h"

namespace {

using giaoban::domain::ApprovedExtension;
using giaoban::domain::Date;
using giaoban::domain::TaskFacts;

void BM_StatusAsOf(benchmark::State& state) {
  std::mt19937 rng(1);
  const Date start = *Date::Parse("2024-01-01");
  std::vector<ApprovedExtension> extensions = {{start.AddDays(40), start.AddDays(90)},
                                               {start.AddDays(80), start.AddDays(120)}};
  std::vector<TaskFacts> tasks;
  for (int i = 0; i < 1000; ++i) {
    const Date assigned = start.AddDays(static_cast<int>(rng() % 200));
    TaskFacts t{
        assigned, assigned.AddDays(static_cast<int>(rng() % 60)), {}, std::nullopt, std::nullopt};
    if (i % 3 == 0) t.completed_on = assigned.AddDays(static_cast<int>(rng() % 90));
    if (i % 20 == 0) t.extensions = extensions;
    tasks.push_back(t);
  }
  const Date as_of = start.AddDays(180);
  for (auto _ : state) {
    for (const auto& t : tasks) benchmark::DoNotOptimize(giaoban::domain::StatusAsOf(t, as_of));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(tasks.size()));
}
BENCHMARK(BM_StatusAsOf);

}  // namespace
