#include "service/stats/stats.h"

#include <algorithm>
#include <map>
#include <optional>

#include "intl/text.h"
#include "service/organizations/organizations.h"
#include "service/reports/report_period_filter.h"
#include "service/row_values.h"
#include "service/tasks/task_query.h"

namespace giaoban::service {

using storage::Connection;
using storage::TransactionMode;

namespace {

// A row of TaskQuery::StatusRowsSql: a number of tasks of one status, with what the figures group
// them by.
struct StatusRow {
  Id lead_org_id = 0;
  std::string source_kind;
  bool is_key = false;
  domain::Status status = domain::Status::kInProgress;
  bool extended = false;
  std::int64_t tasks = 0;
};

// The fields of a StatusRow's members, read into `Row` (a StatusRow or one made from it).
template <class Row>
constexpr auto StatusFieldsOf() {
  return std::tuple{
      Field{"lead_org_id", static_cast<Id Row::*>(&Row::lead_org_id)},
      Field{"source_kind", static_cast<std::string Row::*>(&Row::source_kind)},
      Field{"is_key", static_cast<bool Row::*>(&Row::is_key)},
      Field{"status", static_cast<domain::Status Row::*>(&Row::status)},
      Field{"extended", static_cast<bool Row::*>(&Row::extended)},
      Field{"tasks", static_cast<std::int64_t Row::*>(&Row::tasks)},
  };
}

constexpr auto kStatusRowFields = StatusFieldsOf<StatusRow>();

// A row of the same rows with a report period: which of the report's figures its tasks count in.
struct ReportRow : StatusRow {
  bool due = false;
  bool due_completed = false;
  bool overdue = false;
  bool completed_ahead = false;
  bool ongoing = false;
  bool assigned_in_period = false;
  bool due_in_period = false;
  bool completed_in_period = false;
  bool due_next_period = false;
  bool carried_over = false;
};

constexpr auto kReportRowFields = std::tuple_cat(
    StatusFieldsOf<ReportRow>(),
    std::tuple{Field{"due", &ReportRow::due}, Field{"due_completed", &ReportRow::due_completed},
               Field{"overdue", &ReportRow::overdue},
               Field{"completed_ahead", &ReportRow::completed_ahead},
               Field{"ongoing", &ReportRow::ongoing},
               Field{"assigned_in_period", &ReportRow::assigned_in_period},
               Field{"due_in_period", &ReportRow::due_in_period},
               Field{"completed_in_period", &ReportRow::completed_in_period},
               Field{"due_next_period", &ReportRow::due_next_period},
               Field{"carried_over", &ReportRow::carried_over}});

// A row of the same rows on SQLite: its task's facts as of the last day counted, to be placed.
struct ReportFactsRow : StatusRow {
  std::optional<Date> dl;
  Date assigned_on;
  std::optional<Date> completed_on;
};

constexpr auto kReportFactsRowFields = std::tuple_cat(
    StatusFieldsOf<ReportFactsRow>(),
    std::tuple{Field{"dl", &ReportFactsRow::dl}, Field{"assigned_on", &ReportFactsRow::assigned_on},
               Field{"completed_on", &ReportFactsRow::completed_on}});

// Where a row's tasks stand in the report: as its figures' columns say, or placed from its facts.
domain::ReportPlacement PlacementOf(const StatusRow& row) {
  domain::ReportPlacement p;
  p.in_scope = true;
  p.status = row.status;
  p.extended = row.extended;
  p.cancelled = row.status == domain::Status::kCancelled;
  return p;
}

domain::ReportPlacement PlacementOf(const ReportRow& row) {
  domain::ReportPlacement p = PlacementOf(static_cast<const StatusRow&>(row));
  p.due = row.due;
  p.due_completed = row.due_completed;
  p.overdue = row.overdue;
  p.completed_ahead = row.completed_ahead;
  p.ongoing = row.ongoing;
  p.assigned_in_period = row.assigned_in_period;
  p.due_in_period = row.due_in_period;
  p.completed_in_period = row.completed_in_period;
  p.due_next_period = row.due_next_period;
  p.carried_over = row.carried_over;
  return p;
}

domain::ReportPlacement PlacementOf(const ReportFactsRow& row,
                                    const domain::ReportWindows& windows) {
  domain::ReportPlacement p = PlacementOf(static_cast<const StatusRow&>(row));
  p.carried_over = row.assigned_on < windows.year_start;
  if (!p.cancelled) {
    const bool completed = row.status == domain::Status::kCompletedOnTime ||
                           row.status == domain::Status::kCompletedLate;
    domain::PlaceCounted(p, completed, row.dl, row.assigned_on, row.completed_on, windows);
  }
  return p;
}

StatsReportPeriod ReportPeriodOf(const ReportPeriodFilter& r) {
  const domain::ReportingPeriod& p = *r.period;
  return {p.Key(),
          p.start(),
          p.end(),
          r.windows->counted.end,
          r.windows->running,
          p.NextWindow().start,
          p.NextWindow().end,
          std::string(domain::PeriodConventionCode(p.convention()))};
}

}  // namespace

Expected<Statistics> StatsService::Compute(const Actor& actor, const TaskFilter& asked) {
  return ctx_.db().transact(TransactionMode::kRead, [&](Connection& c) -> Expected<Statistics> {
    TaskFilter filter = asked;
    auto prepared = PrepareTaskQuery(c, actor, ctx_.Today(), filter);
    if (!prepared) return prepared.error();
    TaskQuery& q = *prepared;

    Statistics st;
    st.as_of = filter.as_of;
    st.list_query = ToQueryString(filter);
    // Per-row work stays small: a handful of source kinds, two key flags, a few dozen units.
    std::vector<std::pair<std::string, domain::StatusCounts>> kinds;
    domain::StatusCounts key_counts[2];
    std::map<std::pair<std::string, bool>, domain::StatusCounts> by_kind_and_key;
    std::map<Id, domain::StatusCounts> by_org;
    auto add_counts = [&](const StatusRow& row) {
      st.totals.Add(row.status, row.extended, row.tasks);
      auto it = std::find_if(kinds.begin(), kinds.end(),
                             [&](const auto& k) { return k.first == row.source_kind; });
      if (it == kinds.end()) it = kinds.insert(kinds.end(), {row.source_kind, {}});
      it->second.Add(row.status, row.extended, row.tasks);
      key_counts[row.is_key ? 1 : 0].Add(row.status, row.extended, row.tasks);
      by_kind_and_key[{row.source_kind, row.is_key}].Add(row.status, row.extended, row.tasks);
      by_org[row.lead_org_id].Add(row.status, row.extended, row.tasks);
    };
    // The report's figures of each group, by the same keys as the counts.
    domain::ReportFigures report_totals;
    std::map<std::string, domain::ReportFigures> report_by_kind, report_by_key;
    std::map<std::pair<std::string, bool>, domain::ReportFigures> report_by_kind_and_key;
    std::map<Id, domain::ReportFigures> report_by_org;
    if (filter.report) {
      auto add = [&](const StatusRow& row, const domain::ReportPlacement& p) {
        add_counts(row);
        report_totals.Add(p, row.tasks);
        report_by_kind[row.source_kind].Add(p, row.tasks);
        report_by_key[row.is_key ? "true" : "false"].Add(p, row.tasks);
        report_by_kind_and_key[{row.source_kind, row.is_key}].Add(p, row.tasks);
        report_by_org[row.lead_org_id].Add(p, row.tasks);
      };
      const domain::ReportWindows& windows = *filter.report->windows;
      if (q.AddReportColumns()) {
        StreamRows(c, q.StatusRowsSql(), q.params(), kReportFactsRowFields,
                   [&](const ReportFactsRow& row) { add(row, PlacementOf(row, windows)); });
      } else {
        StreamRows(c, q.StatusRowsSql(), q.params(), kReportRowFields,
                   [&](const ReportRow& row) { add(row, PlacementOf(row)); });
      }
      st.report_figures = report_totals;
      st.report = ReportPeriodOf(*filter.report);
    } else {
      StreamRows(c, q.StatusRowsSql(), q.params(), kStatusRowFields, add_counts);
    }
    // Only with a report period, where every group has figures.
    auto report_of = [&](auto& figures, const auto& key) -> std::optional<domain::ReportFigures> {
      if (!filter.report) return std::nullopt;
      return figures[key];
    };
    std::sort(kinds.begin(), kinds.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::map<std::string, domain::StatusCounts> by_kind(kinds.begin(), kinds.end());
    std::map<std::string, domain::StatusCounts> by_key;
    for (int k = 0; k < 2; ++k) {
      if (key_counts[k].total + key_counts[k].cancelled > 0)
        by_key[k ? "true" : "false"] = key_counts[k];
    }

    auto group = [&](std::string key, std::string name, const domain::StatusCounts& counts,
                     std::optional<domain::ReportFigures> report, auto narrow) {
      TaskFilter f = filter;
      f.page = 1;
      narrow(f);
      return StatsGroup{std::move(key), std::move(name), counts, ToQueryString(f),
                        std::move(report)};
    };
    for (const auto& [kind, counts] : by_kind)
      st.by_source_kind.push_back(
          group(kind, "", counts, report_of(report_by_kind, kind),
                [&](TaskFilter& f) { f.source_kinds = {domain::SourceKindFromStored(kind)}; }));
    for (const auto& [key, counts] : by_key)
      st.by_key.push_back(group(key, "", counts, report_of(report_by_key, key),
                                [&](TaskFilter& f) { f.is_key = key == "true"; }));
    for (const auto& [kind_key, counts] : by_kind_and_key) {
      const auto& [kind, is_key] = kind_key;
      st.by_source_kind_and_key.push_back(
          group(kind + (is_key ? ":true" : ":false"), "", counts,
                report_of(report_by_kind_and_key, kind_key), [&](TaskFilter& f) {
                  f.source_kinds = {domain::SourceKindFromStored(kind)};
                  f.is_key = is_key;
                }));
    }
    // A unit outside the chosen subtree only cooperates on some of its tasks: it has no row of
    // its own, or the table would report on units nobody asked about.
    const std::optional<std::string> subtree =
        filter.org_subtree ? OrganizationPath(c, *filter.org_subtree) : std::nullopt;
    for (const auto& [org, counts] : by_org) {
      if (subtree) {
        const auto path = OrganizationPath(c, org);
        if (!path || path->rfind(*subtree, 0) != 0) continue;
      }
      auto o = LoadOrganization(c, org);
      st.by_lead_org.push_back(group(std::to_string(org), o ? o->name : "", counts,
                                     report_of(report_by_org, org),
                                     [&](TaskFilter& f) { f.lead_org = org; }));
    }
    // Units with the most overdue tasks first, then the best on-time rate, then by name.
    std::sort(st.by_lead_org.begin(), st.by_lead_org.end(),
              [](const StatsGroup& a, const StatsGroup& b) {
                if (a.counts.overdue != b.counts.overdue)
                  return a.counts.overdue > b.counts.overdue;
                if (a.counts.on_time_rate() != b.counts.on_time_rate())
                  return a.counts.on_time_rate() > b.counts.on_time_rate();
                return intl::Collate(a.name, b.name) < 0;
              });
    return st;
  });
}

}  // namespace giaoban::service
