// A task filter by the report's counting rule (report_period, report_figure in task_filter.h),
// made ready to run: the period read under the agency's convention, the days it counts.
#pragma once

#include "service/actor.h"
#include "service/error.h"
#include "service/tasks/task_filter.h"
#include "service/tasks/task_query.h"
#include "storage/database.h"

namespace giaoban::service {

// Resolves `filter.report`, if any, for the report of the reader's agency made on `today`: its
// windows, and the filter's as_of set to the last day the report counts (the period's end, or
// today while it runs). A period that has not begun is refused (report_period: not_started).
Status ResolveReportPeriod(storage::Connection& c, const Actor& reader, Date today,
                           TaskFilter& filter);

// The query of a list or statistics for `filter`, once resolved as above (the query keeps a
// reference to it): from the status snapshot when the filter's date is the snapshot's.
Expected<TaskQuery> PrepareTaskQuery(storage::Connection& c, const Actor& reader, Date today,
                                     TaskFilter& filter);

}  // namespace giaoban::service
