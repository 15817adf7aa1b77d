#include "service/reports/report_period_filter.h"

#include "service/reports/report_settings.h"

namespace giaoban::service {

Status ResolveReportPeriod(storage::Connection& c, const Actor& reader, Date today,
                           TaskFilter& filter) {
  if (!filter.report) return Ok();
  const auto period = ReportingPeriodOf(LoadReportSettings(c, reader.agency_id), filter.report->key,
                                        today, "report_period");
  if (!period) return period.error();
  filter.report->agency_id = reader.agency_id;
  filter.report->period = *period;
  filter.report->windows = domain::WindowsOf(*period, today);
  filter.as_of = filter.report->windows->counted.end;
  return Ok();
}

}  // namespace giaoban::service
