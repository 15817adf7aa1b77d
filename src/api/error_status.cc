#include "api/error_status.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>

namespace giaoban::api {

namespace {

// Keep sorted by code: looked up by binary search.
constexpr std::array kTable = std::to_array<CodeStatus>({
    {"already_imported", 409},
    {"bad_json", 400},
    {"bad_request", 400},
    {"body_too_large", 413},
    {"conflict", 409},
    {"csrf_failed", 403},
    {"extension_not_pending", 409},
    {"file_broken_xml", 422},
    {"file_broken_zip", 422},
    {"file_cell_too_long", 422},
    {"file_empty", 422},
    {"file_encrypted", 422},
    {"file_legacy_xls", 422},
    {"file_no_such_sheet", 422},
    {"file_not_spreadsheet", 422},
    {"file_not_utf8", 422},
    {"file_too_large", 413},
    {"file_too_many_columns", 422},
    {"file_too_many_rows", 422},
    {"file_unclosed_quote", 422},
    {"file_zip_bomb", 422},
    {"forbidden", 403},
    {"import_confirmed", 409},
    {"import_has_errors", 422},
    {"internal_error", 500},
    {"invalid_credentials", 401},
    {"json_too_complex", 400},
    {"method_not_allowed", 405},
    {"not_found", 404},
    {"precondition_failed", 412},
    {"precondition_required", 428},
    {"report_already_issued", 409},
    {"report_already_replaced", 409},
    {"task_already_completed", 409},
    {"task_cancelled", 409},
    {"too_many_requests", 429},
    {"unauthenticated", 401},
    {"unit_report_locked", 409},
    {"unit_report_step", 409},
    {"unsupported_media_type", 415},
    {"validation_failed", 422},
});

constexpr bool Sorted() {
  for (std::size_t i = 1; i < kTable.size(); ++i) {
    if (!(kTable[i - 1].code < kTable[i].code)) return false;
  }
  return true;
}
static_assert(Sorted(), "keep the table sorted by code");

}  // namespace

std::span<const CodeStatus> ErrorStatusTable() { return kTable; }

std::optional<int> StatusOfCode(std::string_view code) {
  auto it = std::lower_bound(kTable.begin(), kTable.end(), code,
                             [](const CodeStatus& e, std::string_view c) { return e.code < c; });
  if (it == kTable.end() || it->code != code) return std::nullopt;
  return it->status;
}

int HttpStatus(const service::Error& error) {
  if (auto status = StatusOfCode(error.code)) return *status;
  spdlog::error("error code '{}' has no HTTP status; answering 400", error.code);
  return 400;
}

}  // namespace giaoban::api
