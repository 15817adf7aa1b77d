#include "domain/source_kind.h"

#include <stdexcept>
#include <string>

#include "domain/codes.h"

namespace giaoban::domain {
namespace {

constexpr CodeTable kCodes{std::to_array<std::pair<SourceKind, std::string_view>>({
    {SourceKind::kHigherProgram, "higher_program"},
    {SourceKind::kKeyProgram, "key_program"},
    {SourceKind::kAdHoc, "ad_hoc"},
    {SourceKind::kMeetingConclusion, "meeting_conclusion"},
    {SourceKind::kDirective, "directive"},
})};

constexpr auto kAll = kCodes.Values();

}  // namespace

std::span<const SourceKind> AllSourceKinds() { return kAll; }

std::string_view SourceKindCode(SourceKind kind) {
  if (auto code = kCodes.CodeOf(kind)) return *code;
  throw std::invalid_argument("unknown source kind");
}

std::optional<SourceKind> ParseSourceKind(std::string_view code) { return kCodes.Parse(code); }

SourceKind SourceKindFromStored(std::string_view code) {
  if (auto kind = ParseSourceKind(code)) return *kind;
  throw std::invalid_argument("unknown source kind in storage: " + std::string(code));
}

}  // namespace giaoban::domain
