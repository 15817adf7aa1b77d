#include "service/reports/consolidated_report.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "domain/task_permissions.h"
#include "service/organizations/organizations.h"
#include "service/reports/prose.h"
#include "service/reports/report_settings.h"
#include "service/reports/report_tasks.h"
#include "service/reports/unit_reports.h"
#include "service/row_values.h"

namespace giaoban::service {

using domain::ReportingPeriod;
using storage::Param;
using storage::TransactionMode;

namespace {

std::string_view KindCode(ReportingPeriod::Kind kind) {
  switch (kind) {
    case ReportingPeriod::Kind::kMonth:
      return "month";
    case ReportingPeriod::Kind::kQuarter:
      return "quarter";
    case ReportingPeriod::Kind::kFirstMonths:
      return "first_months";
    case ReportingPeriod::Kind::kYear:
      return "year";
  }
  return "";
}

struct UnitRow {
  Id id = 0;
  std::string name;
  std::string path;
};

BOOST_DESCRIBE_STRUCT(UnitRow, (), (id, name, path))

struct OrgPath {
  Id id = 0;
  std::string path;
};

BOOST_DESCRIBE_STRUCT(OrgPath, (), (id, path))

// The figures of each unit directly under the agency, in the order of their names, counting the
// tasks led in it and below it; a row of the agency's own when it leads tasks itself.
std::vector<ReportFigureGroup> ByUnit(storage::Connection& c, Id agency,
                                      const ReportingPeriod& period,
                                      std::span<const PlacedTask> tasks) {
  const auto units = ReadRows<UnitRow>(c.execute(
      "SELECT id, name, path FROM organizations WHERE agency_id = $1 AND parent_id = $1 AND "
      "(valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $2) "
      "ORDER BY name_key, id",
      {Param(agency), Param(period.start().Iso()), Param(period.end().Iso())}));
  std::vector<ReportFigureGroup> out;
  for (const UnitRow& u : units) out.push_back({std::to_string(u.id), NamedRef{u.id, u.name}, {}});
  // Which unit each of the agency's organisations is in, worked out once: a year holds many
  // thousands of tasks of a few dozen organisations.
  std::unordered_map<Id, std::ptrdiff_t> unit_of;
  for (const OrgPath& o : ReadRows<OrgPath>(
           c.execute("SELECT id, path FROM organizations WHERE agency_id = $1", {Param(agency)}))) {
    auto unit = std::find_if(units.begin(), units.end(),
                             [&](const UnitRow& u) { return domain::IsWithin(o.path, u.path); });
    unit_of.emplace(o.id, unit == units.end() ? -1 : unit - units.begin());
  }
  std::optional<ReportFigureGroup> own;
  for (const PlacedTask& t : tasks) {
    auto at = unit_of.find(t.lead_org_id);
    if (at != unit_of.end() && at->second >= 0) {
      out[static_cast<std::size_t>(at->second)].figures.Add(t.placement);
      continue;
    }
    // Led by the agency itself, or by a unit that no longer existed in the period.
    if (!own) {
      auto agency_org = LoadOrganization(c, agency);
      own = ReportFigureGroup{
          std::to_string(agency), NamedRef{agency, agency_org ? agency_org->name : ""}, {}};
    }
    own->figures.Add(t.placement);
  }
  if (own) out.push_back(std::move(*own));
  return out;
}

struct DraftRow {
  std::string prose;
  std::int64_t version = 0;
};

std::optional<DraftRow> LoadDraft(storage::Connection& c, Id agency, std::string_view period) {
  auto r =
      c.execute("SELECT prose, version FROM report_drafts WHERE agency_id = $1 AND period = $2",
                {Param(agency), Param(period)});
  if (r.empty()) return std::nullopt;
  return DraftRow{r.rows.front().text(0), r.rows.front().integer(1)};
}

// The tasks completed in the period and those assigned in it, in the lists' order.
PeriodActivity ActivityOf(storage::Connection& c, std::span<const PlacedTask> tasks,
                          const domain::ReportWindows& windows, const Actor& reader) {
  std::vector<PlacedTask> completed;
  std::vector<PlacedTask> assigned;
  for (const PlacedTask& t : tasks) {
    if (t.placement.cancelled) continue;
    if (t.placement.completed_in_period) completed.push_back(t);
    if (t.placement.assigned_in_period) assigned.push_back(t);
  }
  return {NamedTasks(c, completed, windows, reader), NamedTasks(c, assigned, windows, reader)};
}

}  // namespace

Expected<ConsolidatedReport> BuildConsolidatedReport(storage::Connection& c, const Actor& reader,
                                                     std::string_view key, Date today,
                                                     PeriodActivity* activity) {
  const Id agency = reader.agency_id;
  ReportSettings settings = LoadReportSettings(c, agency);
  const auto period = ReportingPeriodOf(settings, key, today);
  if (!period) return period.error();
  const domain::ReportWindows windows = domain::WindowsOf(*period, today);

  ConsolidatedReport r;
  r.period = period->Key();
  r.period_kind = std::string(KindCode(period->kind()));
  r.period_start = period->start();
  r.period_end = period->end();
  r.as_of = windows.counted.end;
  r.period_running = windows.running;
  r.next_start = period->NextWindow().start;
  r.next_end = period->NextWindow().end;
  r.period_convention = settings.period_convention;

  const auto tasks = LoadReportTasks(c, {agency, "", false}, windows);
  r.totals = FiguresOf(tasks);
  // In the domain's order of the sources, each one's key tasks first: the order a briefing reads
  // them in, which the document and the page both keep.
  std::map<std::pair<domain::SourceKind, bool>, domain::ReportFigures> groups;
  for (const PlacedTask& t : tasks) groups[{t.source_kind, !t.is_key}].Add(t.placement);
  for (const auto& [group, figures] : groups)
    r.by_source_kind_and_key.push_back(
        {std::string(domain::SourceKindCode(group.first)) + (group.second ? ":false" : ":true"),
         std::nullopt, figures});
  r.by_unit = ByUnit(c, agency, *period, tasks);

  // Only the tasks the two lists hold need their notes looked up.
  std::vector<PlacedTask> listed;
  for (const PlacedTask& t : tasks) {
    const auto& p = t.placement;
    if (!p.cancelled && (p.overdue || (p.due_next_period && t.is_key))) listed.push_back(t);
  }
  ReportTaskLists lists = ListTasks(c, listed, windows, reader);
  r.overdue = std::move(lists.not_completed);
  const auto middle =
      r.overdue.insert(r.overdue.end(), std::make_move_iterator(lists.overdue.begin()),
                       std::make_move_iterator(lists.overdue.end()));
  std::inplace_merge(r.overdue.begin(), middle, r.overdue.end(), ListedBefore);
  r.next_period_key = std::move(lists.due_next_period);
  if (activity) *activity = ActivityOf(c, tasks, windows, reader);

  if (period->kind() == ReportingPeriod::Kind::kMonth) {
    r.unit_reports = LoadUnitReportBoard(c, reader, std::move(settings), *period, today).units;
    r.unit_prose = SentUnitProse(c, agency, r.period);
  }
  if (auto draft = LoadDraft(c, agency, r.period)) {
    r.prose = LoadProse(draft->prose);
    r.draft_version = draft->version;
  } else {
    r.prose = MergeUnitProse(r.unit_prose);
  }
  return r;
}

Expected<ConsolidatedReport> ConsolidatedReportService::Preview(const Actor& reader,
                                                                std::string_view key) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    return BuildConsolidatedReport(c, reader, key, ctx_.Today());
  });
}

Expected<ConsolidatedReport> ConsolidatedReportService::SaveDraft(const Actor& by,
                                                                  std::string_view key,
                                                                  std::int64_t expected_version,
                                                                  const UnitReportProse& input) {
  if (!MayPrepareReport(by)) return Error::Forbidden();
  auto prose = CheckedProse(input);
  if (!prose) return prose.error();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<ConsolidatedReport> {
        auto before = BuildConsolidatedReport(c, by, key, ctx_.Today());
        if (!before) return before.error();
        if (before->draft_version != expected_version) return Error::PreconditionFailed();
        const std::string stored = StoreProse(*prose);
        const auto now = Context::NowMillis();
        if (expected_version == 0) {
          // Two saving the first draft at once: the second finds the first one's.
          auto inserted = c.execute(
              "INSERT INTO report_drafts (agency_id, period, prose, updated_at, updated_by) "
              "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (agency_id, period) DO NOTHING "
              "RETURNING id",
              {Param(by.agency_id), Param(before->period), Param(stored), Param(now),
               Param(by.user_id)});
          if (inserted.empty()) return Error::PreconditionFailed();
        } else {
          c.execute(
              "UPDATE report_drafts SET prose = $3, version = version + 1, updated_at = $4, "
              "updated_by = $5 WHERE agency_id = $1 AND period = $2",
              {Param(by.agency_id), Param(before->period), Param(stored), Param(now),
               Param(by.user_id)});
        }
        return BuildConsolidatedReport(c, by, key, ctx_.Today());
      });
}

bool MayPrepareReport(const Actor& a) {
  return a.role == Role::kConsolidator || a.role == Role::kLeader;
}

}  // namespace giaoban::service
