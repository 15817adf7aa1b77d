// The kinds of document a task comes from (docs/domain.md#sources-of-tasks). Their codes are the
// text stored in the database and sent in the API, so they never change.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace giaoban::domain {

enum class SourceKind {
  kHigherProgram,      // "higher_program": the work programme of a higher level
  kKeyProgram,         // "key_program": the agency's own annual key programme
  kAdHoc,              // "ad_hoc": an ad-hoc assignment
  kMeetingConclusion,  // "meeting_conclusion": the conclusions of a meeting or of a leader
  kDirective,          // "directive": a directive
};

// Every kind, in the order of the domain document; the API's enumeration lists the same codes.
std::span<const SourceKind> AllSourceKinds();

std::string_view SourceKindCode(SourceKind kind);
std::optional<SourceKind> ParseSourceKind(std::string_view code);
// For codes read back from storage, which only ever holds valid ones: throws
// std::invalid_argument on anything else rather than guess.
SourceKind SourceKindFromStored(std::string_view code);

}  // namespace giaoban::domain
