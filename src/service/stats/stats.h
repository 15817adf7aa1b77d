// Statistics for any task filter as of its date (docs/domain.md#statistics): the totals and the
// same counts broken down by source kind, key flag and lead organisation, each linked to its task
// list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/report_figures.h"
#include "domain/stats.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/error.h"
#include "service/tasks/task_filter.h"

namespace giaoban::service {

struct StatsGroup {
  std::string key;   // the source kind, "true"/"false", "kind:true", or the organisation id
  std::string name;  // the organisation's name for lead organisations, else empty
  domain::StatusCounts counts;
  std::string list_query;  // the query string of the task list behind these figures
  // With a report period: the report's figures of these tasks (their cumulative being `counts`).
  std::optional<domain::ReportFigures> report_figures;
};

// The report a filter with report_period follows (docs/domain.md#report-figures).
struct StatsReportPeriod {
  std::string period;  // its key, "2026-11"
  Date period_start;
  Date period_end;
  Date as_of;  // the last day counted: the period's end, or today while it runs
  bool period_running = false;
  Date next_start;  // the next period, whose window "next period" looks at
  Date next_end;
  std::string period_convention;
};

struct Statistics {
  Date as_of;
  domain::StatusCounts totals;
  std::vector<StatsGroup> by_source_kind;
  std::vector<StatsGroup> by_key;
  // "02/02 nhiệm vụ trọng tâm của UBND tỉnh" in one answer: keys like "higher_program:true".
  std::vector<StatsGroup> by_source_kind_and_key;
  // With an organisation filter, only units of its subtree.
  std::vector<StatsGroup> by_lead_org;
  std::string list_query;
  // With report_period: the report's figures of every task counted, and which report it is.
  std::optional<domain::ReportFigures> report_figures;
  std::optional<StatsReportPeriod> report;
};

class StatsService {
 public:
  explicit StatsService(const Context& ctx) : ctx_(ctx) {}
  Expected<Statistics> Compute(const Actor& actor, const TaskFilter& filter);

 private:
  const Context& ctx_;
};

}  // namespace giaoban::service
