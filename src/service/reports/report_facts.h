// A task's report facts as the database keeps them in one column (tasks.report_facts, migration
// 0023): "kind is_key lead_org assigned deadline completed cancelled", each date as days since
// 1970-01-01 and "-" for none. Reading one column instead of eight is what lets a report over a
// year of a hundred thousand tasks be built in well under a tenth of a second.
#pragma once

#include <optional>
#include <string_view>

#include "domain/date.h"
#include "domain/source_kind.h"
#include "service/model.h"

namespace giaoban::service {

struct StoredReportFacts {
  domain::SourceKind source_kind = domain::SourceKind::kAdHoc;
  bool is_key = false;
  Id lead_org_id = 0;
  Date assigned_on;
  std::optional<Date> deadline;
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;

  friend bool operator==(const StoredReportFacts&, const StoredReportFacts&) = default;
};

// The facts `text` holds, or nullopt if it is not such a text (a damaged row): never a guess.
std::optional<StoredReportFacts> ParseReportFacts(std::string_view text);

}  // namespace giaoban::service
