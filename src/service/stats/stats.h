// Statistics for any task filter as of its date (docs/domain.md#statistics): the totals and the
// same counts broken down by source kind, key flag and lead organisation, each linked to its task
// list.
#pragma once

#include <string>
#include <vector>

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
};

class StatsService {
 public:
  explicit StatsService(const Context& ctx) : ctx_(ctx) {}
  Expected<Statistics> Compute(const Actor& actor, const TaskFilter& filter);

 private:
  const Context& ctx_;
};

}  // namespace giaoban::service
