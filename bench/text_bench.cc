// Folding text for search and matching, as an import folds every cell of a program: Vietnamese
// through the Latin table, and the same text through ICU alone.
#include <benchmark/benchmark.h>

#include <string>

#include "intl/text.h"

namespace {

const std::string kCell =
    "Triển khai nhiệm vụ số 125 về bảo trì, sửa chữa công trình giao thông năm 2027; phối hợp "
    "với Phòng Quản lý kết cấu hạ tầng giao thông và UBND các huyện, thành phố";

void BM_Fold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(giaoban::intl::Fold(kCell));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kCell.size()));
}
BENCHMARK(BM_Fold);

void BM_FoldWithIcu(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(giaoban::intl::FoldWithIcu(kCell));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kCell.size()));
}
BENCHMARK(BM_FoldWithIcu);

}  // namespace
