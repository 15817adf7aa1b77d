// An issued report's figures and lists as an Excel workbook, for those who carry the numbers on:
// a sheet of figures (the whole agency, each source kind with its key flag, each unit), the overdue
// tasks with their reasons, and next period's key tasks. Vietnamese headers; dates are dates.
#pragma once

#include <string>

#include "service/reports/model.h"

namespace giaoban::documents {

// The .xlsx file's bytes. Throws std::runtime_error when the workbook cannot be written.
std::string RenderReportXlsx(const service::IssuedReport& report);

}  // namespace giaoban::documents
