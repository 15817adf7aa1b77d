// The agency's consolidated report on a period (docs/domain.md#the-consolidated-report): the
// counting rule's figures by source and unit, the overdue list with reasons, next period's key
// tasks, and what the units sent. This is the live preview; issuing freezes it.
#pragma once

#include <string_view>

#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/reports/model.h"

namespace giaoban::service {

class ConsolidatedReportService {
 public:
  explicit ConsolidatedReportService(const Context& ctx) : ctx_(ctx) {}

  // The report of the reader's agency on `period` in its convention: a month ("2024-05"), a
  // quarter ("2024-Q2"), the year's first months ("2024-M06") or a year ("2024").
  Expected<ConsolidatedReport> Preview(const Actor& reader, std::string_view period);

  // The consolidating division (or a leader) saves the report's text under its headings;
  // `expected_version` is the draft_version read, 0 while the text is the units' merged.
  Expected<ConsolidatedReport> SaveDraft(const Actor& by, std::string_view period,
                                         std::int64_t expected_version,
                                         const UnitReportProse& prose);

 private:
  const Context& ctx_;
};

// Who prepares and issues the agency's report: its consolidating division or a leader.
bool MayPrepareReport(const Actor& actor);

// The report as Preview gives it, inside the caller's transaction: issuing freezes this, and then
// also asks for the period's `activity`.
Expected<ConsolidatedReport> BuildConsolidatedReport(storage::Connection& c, const Actor& reader,
                                                     std::string_view period, Date today,
                                                     PeriodActivity* activity = nullptr);

}  // namespace giaoban::service
