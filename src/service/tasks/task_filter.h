// The one filter language for task lists and statistics. A filter is written as URL query
// parameters, so that any list or figure can be linked to and reproduced:
//
//   q=ke hoach            diacritic-insensitive text in title, content and document numbers
//   as_of=2023-08-31      the date statuses are computed for (default: today in the agency)
//   status=overdue,in_progress
//   source_kind=ad_hoc    source=12   key=true   parent=7
//   extended=true         (the deadline was extended by the as-of date; false: never)
//   lead_org=5            org=3 (lead or cooperating organisation anywhere in the subtree of 3)
//   org_role=lead         with org: only tasks led inside the subtree (default any: lead or
//                         cooperating), so that per-unit figures add up to the subtree's
//   leader=9              assignee=14
//   assigned_from / assigned_to / deadline_from / deadline_to = YYYY-MM-DD (inclusive)
//   period=2023-08 | 2023-Q3 | 2023 (shorthand: assigned within the period, as of its last day
//                                    unless as_of is given)
//   report_period=2023-08 | 2023-Q3 | 2023-M08 | 2023
//                         the tasks the agency's report on that period counts, under its period
//                         convention, as of the last day the report counts (docs/domain.md#report-
//                         figures); with org, those led in the subtree unless org_role=any
//   report_figure=due | due_completed | overdue | completed_ahead | ongoing | assigned_in_period |
//                 due_in_period | completed_in_period | due_next_period | carried_over
//                         with report_period: the tasks behind that figure of the report
//   sort=deadline,-assigned_on (title, assigned_on, deadline, id, updated)   page=1   page_size=50
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/report_figures.h"
#include "domain/source_kind.h"
#include "domain/status.h"
#include "service/error.h"
#include "service/tasks/model.h"

namespace giaoban::service {

constexpr int kMaxPageSize = 200;

struct SortKey {
  enum class Field { kDeadline, kAssignedOn, kTitle, kId, kUpdated };
  static constexpr std::size_t kFields = 5;
  Field field = Field::kId;
  bool descending = false;
};

// How a task belongs to an organisation's subtree: led there, or led or cooperated on there.
enum class OrgRole { kAny, kLead };

// The figures of a report (domain::ReportFigures), each of which a list can follow.
enum class ReportFigure {
  kDue,
  kDueCompleted,
  kOverdue,
  kCompletedAhead,
  kOngoing,
  kAssignedInPeriod,
  kDueInPeriod,
  kCompletedInPeriod,
  kDueNextPeriod,
  kCarriedOver,
};
inline constexpr ReportFigure kAllReportFigures[] = {
    ReportFigure::kDue,           ReportFigure::kDueCompleted,
    ReportFigure::kOverdue,       ReportFigure::kCompletedAhead,
    ReportFigure::kOngoing,       ReportFigure::kAssignedInPeriod,
    ReportFigure::kDueInPeriod,   ReportFigure::kCompletedInPeriod,
    ReportFigure::kDueNextPeriod, ReportFigure::kCarriedOver,
};
std::string_view ReportFigureCode(ReportFigure f);
std::optional<ReportFigure> ParseReportFigure(std::string_view code);

// A filter by the report's counting rule. The period's key is read under the agency's convention,
// which the filter's parser cannot know: the service resolves it (ResolveReportPeriod) before the
// filter is run, and sets the filter's as_of to the last day the report counts.
struct ReportPeriodFilter {
  std::string key;
  std::optional<ReportFigure> figure;
  // Once resolved: whose report it is (the reader's agency), and the days it counts.
  Id agency_id = 0;
  std::optional<domain::ReportingPeriod> period;
  std::optional<domain::ReportWindows> windows;
};

struct TaskFilter {
  std::optional<std::string> text;  // already folded
  Date as_of;
  std::vector<domain::Status> statuses;
  std::vector<domain::SourceKind> source_kinds;
  std::optional<Id> source_id;
  std::optional<bool> is_key;
  std::optional<bool> extended;
  // An extension request awaiting a decision as of as_of: asked by then, not decided by then.
  std::optional<bool> extension_pending;
  std::optional<Id> lead_org;
  std::optional<Id> org_subtree;
  OrgRole org_role = OrgRole::kAny;
  std::optional<Id> leader;
  std::optional<Id> assignee;
  std::optional<Id> parent;
  std::optional<Date> assigned_from;
  std::optional<Date> assigned_to;
  std::optional<Date> deadline_from;
  std::optional<Date> deadline_to;
  std::optional<ReportPeriodFilter> report;
  std::vector<SortKey> sort;
  int page = 1;
  int page_size = 50;
};

using QueryParams = std::multimap<std::string, std::string>;

// Parses the parameters above; unknown parameters are refused so that typos do not silently widen
// a report. `today` is the default as-of date.
Expected<TaskFilter> ParseTaskFilter(const QueryParams& params, Date today);

// The query string that reproduces `filter` (without paging), for links from statistics to lists.
std::string ToQueryString(const TaskFilter& filter);

// The statuses the `status` filter accepts: every status but not_yet_assigned, which a listed task
// never has.
std::vector<std::string> FilterStatusCodes();

}  // namespace giaoban::service
