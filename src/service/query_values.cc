#include "service/query_values.h"

#include <charconv>

namespace giaoban::service {

namespace {

template <class Number>
std::optional<Number> Whole(std::string_view text) {
  Number value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Id> ParseId(std::string_view text) {
  const auto value = Whole<Id>(text);
  if (!value || *value <= 0) return std::nullopt;
  return value;
}

std::optional<int> ParseInt(std::string_view text) { return Whole<int>(text); }

std::optional<int> ParseCount(std::string_view text, int max) {
  if (text.starts_with('-')) return std::nullopt;
  const auto value = Whole<int>(text);
  if (!value || *value > max) return std::nullopt;
  return value;
}

}  // namespace giaoban::service
