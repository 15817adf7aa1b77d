// The frozen form of an issued report: the report as it stood when it was issued, written once as
// JSON into its row and read back whenever it is shown or compared. Its shape is its own, not the
// API's, so that a change in how the API speaks never changes what was stored.
#pragma once

#include <string>
#include <string_view>

#include "service/reports/model.h"

namespace giaoban::service {

// The report as issued, the period's activity and the signer as printed: the model of an issued
// report's row.
struct StoredReport {
  ConsolidatedReport report;
  PeriodActivity activity;
  ReportSigner signer;
};

std::string StoreReport(const StoredReport& stored);

// Throws std::runtime_error when the text is not a stored report: a row written by hand, or
// damaged.
StoredReport LoadStoredReport(std::string_view json);

}  // namespace giaoban::service
