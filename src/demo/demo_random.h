// The seeded random source of the demo agency and of the benchmark data. One class for both, so
// that "the same seed gives the same data on every machine" is kept in one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace giaoban::demo {

// Draws from std::mt19937 with plain modulo arithmetic: std::uniform_int_distribution differs
// between standard libraries, and the same seed must give the same data everywhere.
class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}

  // A whole number in [lo, hi]; lo when the range is empty.
  int Between(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(engine_() % static_cast<std::uint32_t>(hi - lo + 1));
  }
  bool Chance(int per_mille) { return static_cast<int>(engine_() % 1000) < per_mille; }
  // One element of a non-empty vector or array.
  template <class Items>
  const auto& Pick(const Items& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::mt19937 engine_;
};

}  // namespace giaoban::demo
