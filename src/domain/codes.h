// The stable codes of an enumeration ("in_progress", "ad_hoc", "unit_head"): what the API, the
// database and the documents carry instead of the C++ value. One table per enumeration is the only
// place its codes are written; lookups both ways and the list of codes come from it.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace giaoban::domain {

template <typename Enum, std::size_t N>
class CodeTable {
 public:
  using Entry = std::pair<Enum, std::string_view>;

  constexpr explicit CodeTable(const std::array<Entry, N>& entries) : entries_(entries) {}

  // Total over a table that names every value; nullopt only for a value left out of it.
  constexpr std::optional<std::string_view> CodeOf(Enum value) const {
    for (const auto& [v, code] : entries_) {
      if (v == value) return code;
    }
    return std::nullopt;
  }

  constexpr std::optional<Enum> Parse(std::string_view code) const {
    for (const auto& [value, known] : entries_) {
      if (known == code) return value;
    }
    return std::nullopt;
  }

  // In the table's order, which is the order the API document and the forms list them in.
  std::vector<std::string_view> Codes() const {
    std::vector<std::string_view> codes;
    codes.reserve(N);
    for (const auto& entry : entries_) codes.push_back(entry.second);
    return codes;
  }

  constexpr std::array<Enum, N> Values() const {
    std::array<Enum, N> values{};
    for (std::size_t i = 0; i < N; ++i) values[i] = entries_[i].first;
    return values;
  }

 private:
  std::array<Entry, N> entries_;
};

template <typename Enum, std::size_t N>
CodeTable(const std::array<std::pair<Enum, std::string_view>, N>&) -> CodeTable<Enum, N>;

}  // namespace giaoban::domain
