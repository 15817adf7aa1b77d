// The tasks a report looks at, each placed by the counting rule and shown as it stood on the
// last day counted (the period's end, or today while it runs) (docs/domain.md#report-figures): what
// unit reports and the consolidated report list and count.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "domain/report_figures.h"
#include "domain/reporting_period.h"
#include "service/actor.h"
#include "service/reports/model.h"
#include "storage/database.h"

namespace giaoban::service {

// Which of an agency's tasks a report covers.
struct ReportScope {
  Id agency_id = 0;
  // The organisation (and those below it) whose tasks these are; empty for the whole agency.
  std::string org_path;
  // The tasks it cooperates on without leading them, instead of those it leads.
  bool cooperating = false;
};

struct PlacedTask {
  ReportTask task;  // without title and note: ListTasks finds them for the tasks it lists
  domain::ReportPlacement placement;
  bool restricted = false;
  std::string lead_org_path;  // for the figures of each unit and those below it
};

// The tasks of `scope` that a report judging by `windows` has in scope, in no particular order:
// their approved extensions and the agency's organisations in one batch, then their facts
// streamed.
std::vector<PlacedTask> LoadReportTasks(storage::Connection& c, const ReportScope& scope,
                                        const domain::ReportWindows& windows);

// The order of every list of a report: key tasks first, then by the deadline in force (none
// last), then in the order they were made.
bool ListedBefore(const ReportTask& a, const ReportTask& b);

domain::ReportFigures FiguresOf(std::span<const PlacedTask> tasks);

// The report's lists of the tasks, each with its title and latest note dated by the last day
// counted. A restricted task that `reader` may not read is listed without its title and note.
ReportTaskLists ListTasks(storage::Connection& c, std::span<const PlacedTask> tasks,
                          const domain::ReportWindows& windows, const Actor& reader);

// Every one of `tasks`, named as the lists name theirs, in the lists' order.
std::vector<ReportTask> NamedTasks(storage::Connection& c, std::span<const PlacedTask> tasks,
                                   const domain::ReportWindows& windows, const Actor& reader);

}  // namespace giaoban::service
