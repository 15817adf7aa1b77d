// The longest texts giaoban accepts for tasks, sources and reports, in bytes of UTF-8. One definition
// for the services' validation, the routes' body readers and the OpenAPI document's maxLength
// (src/api/openapi_contract_test.cc checks that the document states these).
#pragma once

#include <cstddef>

namespace giaoban::domain {

inline constexpr std::size_t kTitleMaxBytes = 1000;      // task and source titles
inline constexpr std::size_t kLongTextMaxBytes = 20000;  // task content, progress reports, answers
inline constexpr std::size_t kNoteMaxBytes = 4000;    // notes, reasons, questions, source summaries
inline constexpr std::size_t kProductMaxBytes = 500;  // what a task is to deliver
inline constexpr std::size_t kShortLabelMaxBytes = 100;  // deadline labels, document numbers
inline constexpr std::size_t kIssuerMaxBytes = 300;      // the body that issued a source
// Each prose section of a unit report: a unit's month can take pages.
inline constexpr std::size_t kReportProseMaxBytes = 50000;
inline constexpr std::size_t kReportCommentMaxBytes = 2000;  // returning a report

}  // namespace giaoban::domain
