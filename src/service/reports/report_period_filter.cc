#include "service/reports/report_period_filter.h"

#include "service/organizations/organizations.h"
#include "service/reports/report_settings.h"
#include "service/tasks/today_status.h"

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

Expected<TaskQuery> PrepareTaskQuery(storage::Connection& c, const Actor& reader, Date today,
                                     TaskFilter& filter) {
  if (auto resolved = ResolveReportPeriod(c, reader, today, filter); !resolved)
    return resolved.error();
  const auto snapshot = SnapshotDate(c);
  return TaskQuery(c.dialect(), filter, reader, ReadableAgencies(c, reader),
                   snapshot && *snapshot == filter.as_of);
}

}  // namespace giaoban::service
