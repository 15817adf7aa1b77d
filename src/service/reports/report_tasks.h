// The tasks a report looks at, each placed by the counting rule and shown as it stood on the
// last day counted (the period's end, or today while it runs) (docs/domain.md#report-figures): what
// unit reports and the consolidated report list and count.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "domain/report_figures.h"
#include "domain/reporting_period.h"
#include "domain/source_kind.h"
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

// A task as the counting rule placed it, with the facts its figures and lists need and nothing
// more: a year holds a hundred thousand of them, and only the few a report lists become a
// ReportTask with a title and a note.
struct PlacedTask {
  Id id = 0;
  Id lead_org_id = 0;
  domain::SourceKind source_kind = domain::SourceKind::kAdHoc;
  bool is_key = false;
  Date assigned_on;
  std::optional<Date> deadline;      // in force on the last day counted; none for ongoing tasks
  std::optional<Date> completed_on;  // by the last day counted
  std::optional<Date> cancelled_on;  // by the last day counted
  domain::ReportPlacement placement;
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
