// What the report routes (/unit-reports, /reports) read alike: the period of a query, and the text
// under a report's five headings.
#pragma once

#include <string>

#include "api/api.h"
#include "service/reports/model.h"

namespace giaoban::api {

// `?period=…`, the only parameter of a report's reads: its meaning is the service's to check.
service::Expected<std::string> PeriodParameter(const Call& call);

// The prose fields of `in`, each required.
service::UnitReportProse ReadProseFields(BodyReader& in);

}  // namespace giaoban::api
