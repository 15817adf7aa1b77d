#include "domain/source_kind.h"

#include <array>
#include <stdexcept>
#include <string>
#include <utility>

namespace giaoban::domain {
namespace {

constexpr std::array<std::pair<SourceKind, std::string_view>, 5> kCodes = {{
    {SourceKind::kHigherProgram, "higher_program"},
    {SourceKind::kKeyProgram, "key_program"},
    {SourceKind::kAdHoc, "ad_hoc"},
    {SourceKind::kMeetingConclusion, "meeting_conclusion"},
    {SourceKind::kDirective, "directive"},
}};

constexpr std::array<SourceKind, kCodes.size()> kAll = [] {
  std::array<SourceKind, kCodes.size()> all{};
  for (std::size_t i = 0; i < kCodes.size(); ++i) all[i] = kCodes[i].first;
  return all;
}();

}  // namespace

std::span<const SourceKind> AllSourceKinds() { return kAll; }

std::string_view SourceKindCode(SourceKind kind) {
  for (const auto& [k, code] : kCodes) {
    if (k == kind) return code;
  }
  throw std::invalid_argument("unknown source kind");
}

std::optional<SourceKind> ParseSourceKind(std::string_view code) {
  for (const auto& [k, c] : kCodes) {
    if (c == code) return k;
  }
  return std::nullopt;
}

SourceKind SourceKindFromStored(std::string_view code) {
  if (auto kind = ParseSourceKind(code)) return *kind;
  throw std::invalid_argument("unknown source kind in storage: " + std::string(code));
}

}  // namespace giaoban::domain
