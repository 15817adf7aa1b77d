// The text a report carries under the five headings every report has (UnitReportProse): a unit's,
// and the consolidated report's, which starts as the units' merged. One place stores, reads,
// checks and merges it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "service/error.h"
#include "service/reports/model.h"

namespace giaoban::service {

std::string StoreProse(const UnitReportProse& prose);
UnitReportProse LoadProse(std::string_view stored);

// The text in NFC, or which heading's text is too long.
Expected<UnitReportProse> CheckedProse(const UnitReportProse& input);

// Each heading's text from every unit that wrote under it, one paragraph per unit, headed by the
// unit's name: "Phòng Quản lý vận tải: Cấp 120 giấy phép lái xe."
UnitReportProse MergeUnitProse(const std::vector<MergedProse>& units);

}  // namespace giaoban::service
