#include "service/stats.h"

#include <algorithm>
#include <map>

#include "intl/text.h"
#include "service/organizations.h"
#include "service/task_query.h"

namespace giaoban::service {

using storage::Connection;
using storage::TransactionMode;

Expected<Statistics> StatsService::Compute(const Actor& actor, const TaskFilter& filter) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<Statistics> {
    TaskQuery q(filter, actor, ReadableAgencies(c, actor));
    auto rows = c.execute(q.GroupedCountsSql(), q.params());

    Statistics st;
    st.as_of = filter.as_of;
    st.list_query = ToQueryString(filter);
    std::map<std::string, domain::StatusCounts> by_kind, by_key;
    std::map<Id, domain::StatusCounts> by_org;
    for (const auto& row : rows.rows) {
      const auto status = domain::ParseStatus(row.text(0)).value_or(domain::Status::kInProgress);
      const bool extended = row.boolean(4);
      const std::int64_t n = row.integer(5);
      st.totals.Add(status, extended, n);
      by_kind[row.text(1)].Add(status, extended, n);
      by_key[row.boolean(2) ? "true" : "false"].Add(status, extended, n);
      by_org[row.integer(3)].Add(status, extended, n);
    }

    auto group = [&](std::string key, std::string name, const domain::StatusCounts& counts,
                     auto narrow) {
      TaskFilter f = filter;
      f.page = 1;
      narrow(f);
      return StatsGroup{std::move(key), std::move(name), counts, ToQueryString(f)};
    };
    for (const auto& [kind, counts] : by_kind)
      st.by_source_kind.push_back(
          group(kind, "", counts, [&](TaskFilter& f) { f.source_kinds = {kind}; }));
    for (const auto& [key, counts] : by_key)
      st.by_key.push_back(
          group(key, "", counts, [&](TaskFilter& f) { f.is_key = key == "true"; }));
    for (const auto& [org, counts] : by_org) {
      auto o = LoadOrganization(c, org);
      st.by_lead_org.push_back(group(std::to_string(org), o ? o->name : "", counts,
                                     [&](TaskFilter& f) { f.lead_org = org; }));
    }
    // Units with the most overdue tasks first, then the best on-time rate, then by name.
    std::sort(st.by_lead_org.begin(), st.by_lead_org.end(),
              [](const StatsGroup& a, const StatsGroup& b) {
                if (a.counts.overdue != b.counts.overdue) return a.counts.overdue > b.counts.overdue;
                if (a.counts.on_time_rate() != b.counts.on_time_rate())
                  return a.counts.on_time_rate() > b.counts.on_time_rate();
                return intl::Collate(a.name, b.name) < 0;
              });
    return st;
  });
}

}  // namespace giaoban::service
