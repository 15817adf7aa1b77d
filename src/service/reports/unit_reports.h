// Units' reports for a period (docs/domain.md#unit-reports): opened and written by the unit,
// submitted to the consolidating division, returned with a comment or accepted; the board where
// the division sees who has submitted and who is late; reminders.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/reporting_period.h"
#include "domain/unit_report.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/reports/model.h"
#include "storage/database.h"

namespace giaoban::service {

class UnitReportService {
 public:
  explicit UnitReportService(const Context& ctx) : ctx_(ctx) {}

  // Where each unit of the reader's agency stands with its report for `period` ("2023-08").
  Expected<UnitReportBoard> Board(const Actor& reader, std::string_view period);
  // The unit's report for `period`: the one it has, a new draft when `by` may write it, or else
  // what a draft would hold (id 0, state "not_started").
  Expected<UnitReport> Open(const Actor& by, Id organization_id, std::string_view period);
  Expected<UnitReport> Get(const Actor& reader, Id id);
  // The unit replaces its prose while the report is a draft or returned.
  Expected<UnitReport> SaveProse(const Actor& by, Id id, std::int64_t expected_version,
                                 const UnitReportProse& prose);
  // Submit, return (with a comment) or accept.
  Expected<UnitReport> TakeStep(const Actor& by, Id id, std::int64_t expected_version,
                                domain::UnitReportStep step, const std::string& comment);
  // Tells the unit's head (or, without one, everyone of the unit with an account) that its report
  // for `period` is awaited; answers how many people were told.
  Expected<int> Remind(const Actor& by, Id organization_id, std::string_view period);

 private:
  const Context& ctx_;
};

// For the consolidated report too: the board of the month `period`, inside the caller's
// transaction.
UnitReportBoard LoadUnitReportBoard(storage::Connection& c, const Actor& reader,
                                    ReportSettings settings, const domain::ReportingPeriod& period,
                                    Date today);
// What the units sent for the period (`period`'s key), by unit name: the reports submitted or
// accepted.
std::vector<MergedProse> SentUnitProse(storage::Connection& c, Id agency, std::string_view period);

}  // namespace giaoban::service
