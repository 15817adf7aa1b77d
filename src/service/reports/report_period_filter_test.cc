// The task filter by the report's counting rule (report_period, report_figure) against the rule
// itself: over tasks with every kind of fact (carried over, cancelled, extended, completed on time,
// late and ahead, ongoing), on both databases, under both period conventions, for ended and
// running periods, the statistics give the figures the report's placement gives, and the list
// behind each figure holds exactly the tasks the placement puts in it.
#include "service/reports/report_period_filter.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "service/reports/report_settings.h"
#include "service/reports/report_tasks.h"
#include "service/sources/sources.h"
#include "service/stats/stats.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

// The tasks of each figure, as the placement decides.
using FigureTasks = std::map<ReportFigure, std::set<Id>>;

bool InFigure(const domain::ReportPlacement& p, ReportFigure f) {
  if (!p.in_scope || p.cancelled) return false;
  switch (f) {
    case ReportFigure::kDue:
      return p.due;
    case ReportFigure::kDueCompleted:
      return p.due_completed;
    case ReportFigure::kOverdue:
      return p.overdue;
    case ReportFigure::kCompletedAhead:
      return p.completed_ahead;
    case ReportFigure::kOngoing:
      return p.ongoing;
    case ReportFigure::kAssignedInPeriod:
      return p.assigned_in_period;
    case ReportFigure::kDueInPeriod:
      return p.due_in_period;
    case ReportFigure::kCompletedInPeriod:
      return p.completed_in_period;
    case ReportFigure::kDueNextPeriod:
      return p.due_next_period;
    case ReportFigure::kCarriedOver:
      return p.carried_over;
  }
  return false;
}

class ReportPeriodFilterTest : public AgencyFixture {
 protected:
  TaskService tasks() { return TaskService(*ctx_); }

  void UseConvention(const char* convention) {
    ReportSettingsService settings(*ctx_);
    auto now = settings.Get(admin_);
    ASSERT_EQ(Outcome(now), "ok");
    ReportSettingsInput in;
    in.period_convention = convention;
    in.due_working_days = now->due_working_days;
    in.agency_code = now->agency_code;
    in.place_name = "Quảng Ngãi";
    in.parent_line = now->parent_line;
    in.agency_line = now->agency_line;
    in.document_types = now->document_types;
    ASSERT_EQ(Outcome(settings.Update(admin_, now->version, in)), "ok");
  }

  // A fixed spread of tasks from October 2023 to today (28/06/2024): a simple generator, so that
  // the set is the same on every run.
  void ManyTasks() {
    auto ad_hoc = SourceService(*ctx_).Create(
        leader_, {"ad_hoc", "Công văn 77/UBND", "77/UBND", std::nullopt, "UBND tỉnh", ""});
    ASSERT_EQ(Outcome(ad_hoc), "ok");
    const Id units[] = {infrastructure_, team_, planning_, office_, agency_};
    const Date first = Day("2023-10-02");
    const int span = today() - first;
    std::uint32_t seed = 12345;
    auto next = [&](int below) {
      seed = seed * 1103515245u + 12345u;
      return static_cast<int>((seed >> 8) % static_cast<std::uint32_t>(below));
    };
    for (int i = 0; i < 90; ++i) {
      TaskInput in;
      in.source_id = next(3) == 0 ? ad_hoc->id : source_;
      in.title = "Nhiệm vụ " + std::to_string(i);
      const Id lead = units[next(5)];
      in.lead_org_id = lead;
      const Date assigned = first.AddDays(next(span));
      in.assigned_on = assigned;
      // Every fifth ongoing; the others due up to ten weeks after assignment, some of them on a
      // month's end or today itself.
      std::optional<Date> deadline;
      if (i % 5 != 0) {
        deadline = assigned.AddDays(next(70));
        if (i % 11 == 0) deadline = today();
        if (i % 13 == 0) deadline = Day("2024-05-31");
        if (*deadline < assigned) deadline = assigned;
      }
      in.deadline = deadline;
      in.is_key = next(3) == 0;
      // Some cooperated on by the infrastructure division: outside its figures, which are of
      // the tasks it leads.
      if (i % 7 == 0 && lead != infrastructure_ && lead != team_)
        in.cooperator_ids = std::vector<Id>{infrastructure_};
      auto created = tasks().Create(leader_, in);
      ASSERT_EQ(Outcome(created), "ok") << i;
      const Id id = created->task.summary.id;
      const int room = today() - assigned;
      const int fate = next(10);
      if (fate <= 1 && deadline && room > 2 && (lead == infrastructure_ || lead == team_)) {
        // Extended a month, asked and approved some days after assignment.
        const Date asked = assigned.AddDays(1 + next(room - 1));
        auto requested =
            tasks().RequestExtension(head_, id, {asked, deadline->AddDays(30), "Chờ vốn"});
        ASSERT_EQ(Outcome(requested), "ok") << i;
        ASSERT_EQ(Outcome(tasks().DecideExtension(leader_, id, requested->task.extensions.back().id,
                                                  {"approved", "", asked, asked})),
                  "ok")
            << i;
      }
      if (fate >= 2 && fate <= 6) {
        const Date done = assigned.AddDays(next(room + 1));
        ASSERT_EQ(Outcome(tasks().Complete(leader_, id, {done, "", std::nullopt, ""})), "ok") << i;
      } else if (fate == 7) {
        const Date cancelled = assigned.AddDays(next(room + 1));
        ASSERT_EQ(
            Outcome(tasks().Cancel(leader_, id, {"cancelled", cancelled, "Trùng", std::nullopt})),
            "ok")
            << i;
      }
    }
  }

  std::vector<PlacedTask> Placed(const std::string& key, std::optional<Id> org) {
    auto placed = ctx_->db().transact(
        storage::TransactionMode::kRead,
        [&](storage::Connection& c) -> Expected<std::vector<PlacedTask>> {
          const auto period = ReportingPeriodOf(LoadReportSettings(c, agency_), key, today());
          if (!period) return period.error();
          std::string path;
          if (org)
            path = c.execute("SELECT path FROM organizations WHERE id = $1", {storage::Param(*org)})
                       .one()
                       .text(0);
          return LoadReportTasks(c, {agency_, path, false}, domain::WindowsOf(*period, today()));
        });
    EXPECT_EQ(Outcome(placed), "ok") << key;
    return placed.ok() ? *placed : std::vector<PlacedTask>{};
  }

  std::optional<Date> SnapshotDateNow() {
    auto date = ctx_->db().transact(storage::TransactionMode::kRead, [](storage::Connection& c) {
      return Expected<std::optional<Date>>(SnapshotDate(c));
    });
    return date.ok() ? *date : std::nullopt;
  }

  QueryParams Query(const std::string& key, std::optional<Id> org) {
    QueryParams q = {{"report_period", key}};
    if (org) q.emplace("org", std::to_string(*org));
    return q;
  }

  std::set<Id> Listed(QueryParams q) {
    q.emplace("page_size", "200");
    auto filter = ParseTaskFilter(q, today());
    EXPECT_EQ(Outcome(filter), "ok");
    std::set<Id> ids;
    if (!filter.ok()) return ids;
    auto page = tasks().List(leader_, *filter);
    EXPECT_EQ(Outcome(page), "ok");
    if (!page.ok()) return ids;
    for (const auto& t : page->items) ids.insert(t.id);
    EXPECT_EQ(page->total, static_cast<std::int64_t>(ids.size()));
    return ids;
  }

  // Compares the statistics and lists of one period and scope with the placement; the number of
  // tasks in the report.
  std::int64_t Compare(const std::string& key, std::optional<Id> org) {
    const std::string where = key + (org ? " org " + std::to_string(*org) : "");
    const auto placed = Placed(key, org);
    domain::ReportFigures totals;
    std::map<std::string, domain::ReportFigures> by_kind_and_key;
    std::map<Id, domain::ReportFigures> by_unit;
    FigureTasks figure_tasks;
    std::set<Id> in_scope;
    for (const PlacedTask& t : placed) {
      totals.Add(t.placement);
      by_kind_and_key[std::string(domain::SourceKindCode(t.source_kind)) +
                      (t.is_key ? ":true" : ":false")]
          .Add(t.placement);
      by_unit[t.lead_org_id].Add(t.placement);
      in_scope.insert(t.id);
      for (ReportFigure f : kAllReportFigures) {
        if (InFigure(t.placement, f)) figure_tasks[f].insert(t.id);
      }
    }

    auto filter = ParseTaskFilter(Query(key, org), today());
    EXPECT_EQ(Outcome(filter), "ok") << where;
    if (!filter.ok()) return 0;
    auto stats = StatsService(*ctx_).Compute(leader_, *filter);
    EXPECT_EQ(Outcome(stats), "ok") << where;
    if (!stats.ok()) return 0;
    EXPECT_EQ(stats->report_figures, totals) << where;
    EXPECT_EQ(stats->totals, totals.cumulative) << where;
    EXPECT_EQ(stats->by_source_kind_and_key.size(), by_kind_and_key.size()) << where;
    for (const StatsGroup& g : stats->by_source_kind_and_key)
      EXPECT_EQ(g.report_figures, by_kind_and_key[g.key]) << where << " " << g.key;
    EXPECT_EQ(stats->by_lead_org.size(), by_unit.size()) << where;
    for (const StatsGroup& g : stats->by_lead_org)
      EXPECT_EQ(g.report_figures, by_unit[std::stoll(g.key)]) << where << " unit " << g.key;

    EXPECT_EQ(Listed(Query(key, org)), in_scope) << where;
    for (ReportFigure f : kAllReportFigures) {
      QueryParams q = Query(key, org);
      q.emplace("report_figure", std::string(ReportFigureCode(f)));
      EXPECT_EQ(Listed(q), figure_tasks[f]) << where << " " << ReportFigureCode(f);
    }
    return totals.cumulative.total;
  }
};

TEST_P(ReportPeriodFilterTest, StatisticsAndListsFollowTheReportsCountingRule) {
  ManyTasks();
  std::int64_t compared = 0;
  for (const char* convention : {"calendar_month", "cutoff_14th"}) {
    UseConvention(convention);
    // Ended months on either side of the year's turn, today's running month and quarter, the
    // year's first months, both years.
    for (const char* key :
         {"2023-12", "2024-01", "2024-05", "2024-06", "2024-Q2", "2024-M05", "2023", "2024"}) {
      compared += Compare(key, std::nullopt);
      compared += Compare(key, infrastructure_);
    }
  }
  // The comparison was of something: the spread puts tasks in most of these reports.
  EXPECT_GT(compared, 500);

  // Periods still running are counted to today, which the status snapshot holds once it is taken:
  // read from it, they are the same.
  ASSERT_TRUE(RefreshSnapshot(*ctx_) || SnapshotDateNow() == today());
  ASSERT_EQ(SnapshotDateNow(), today());
  for (const char* key : {"2024-06", "2024-Q2", "2024"}) {
    EXPECT_GT(Compare(key, std::nullopt), 0) << key;
    Compare(key, infrastructure_);
  }
}

TEST_P(ReportPeriodFilterTest, AReportPeriodDecidesTheScopeAndTheDayCounted) {
  auto parse = [](QueryParams q) { return Outcome(ParseTaskFilter(q, today())); };
  EXPECT_EQ(parse({{"report_period", "2024-13"}}), "validation_failed report_period:invalid");
  EXPECT_EQ(parse({{"report_figure", "due"}}),
            "validation_failed report_figure:requires_report_period");
  EXPECT_EQ(parse({{"report_period", "2024-05"}, {"report_figure", "late"}}),
            "validation_failed report_figure:invalid");
  EXPECT_EQ(parse({{"report_period", "2024-05"}, {"as_of", "2024-05-01"}}),
            "validation_failed as_of:conflicts_with_report_period");
  EXPECT_EQ(parse({{"report_period", "2024-05"}, {"period", "2024-05"}}),
            "validation_failed period:conflicts_with_report_period");
  EXPECT_EQ(parse({{"report_period", "2024-05"}, {"assigned_from", "2024-05-01"}}),
            "validation_failed report_period:conflicts_with_assigned_range");

  // Like the report, a unit's figures are those of the tasks it leads, unless asked otherwise.
  auto lead = ParseTaskFilter({{"report_period", "2024-05"}, {"org", "3"}}, today());
  ASSERT_EQ(Outcome(lead), "ok");
  EXPECT_EQ(lead->org_role, OrgRole::kLead);
  EXPECT_EQ(ToQueryString(*lead), "org=3&report_period=2024-05");
  auto any = ParseTaskFilter(
      {{"report_period", "2024-05"}, {"org", "3"}, {"org_role", "any"}, {"report_figure", "due"}},
      today());
  ASSERT_EQ(Outcome(any), "ok");
  EXPECT_EQ(ToQueryString(*any), "org=3&org_role=any&report_period=2024-05&report_figure=due");

  // A period that has not begun has no report, so no figures either.
  auto future = ParseTaskFilter({{"report_period", "2024-07"}}, today());
  ASSERT_EQ(Outcome(future), "ok");
  EXPECT_EQ(Outcome(StatsService(*ctx_).Compute(leader_, *future)),
            "validation_failed report_period:not_started");
  EXPECT_EQ(Outcome(tasks().List(leader_, *future)), "validation_failed report_period:not_started");

  // While the period runs, it is counted to today; once it has ended, to its end.
  auto running = ParseTaskFilter({{"report_period", "2024-06"}}, today());
  auto stats = StatsService(*ctx_).Compute(leader_, *running);
  ASSERT_EQ(Outcome(stats), "ok");
  ASSERT_TRUE(stats->report);
  EXPECT_EQ(stats->as_of, today());
  EXPECT_EQ(stats->report->as_of, today());
  EXPECT_TRUE(stats->report->period_running);
  EXPECT_EQ(stats->report->period_end, Day("2024-06-30"));
  auto ended = ParseTaskFilter({{"report_period", "2024-Q1"}}, today());
  stats = StatsService(*ctx_).Compute(leader_, *ended);
  ASSERT_EQ(Outcome(stats), "ok");
  EXPECT_EQ(stats->as_of, Day("2024-03-31"));
  EXPECT_FALSE(stats->report->period_running);
  EXPECT_EQ(stats->report->next_start, Day("2024-04-01"));
  EXPECT_EQ(stats->report->next_end, Day("2024-06-30"));
  EXPECT_EQ(stats->list_query, "report_period=2024-Q1");
  auto listed = tasks().List(leader_, *ended);
  ASSERT_EQ(Outcome(listed), "ok");
  EXPECT_EQ(listed->as_of, Day("2024-03-31"));
}

INSTANTIATE_TEST_SUITE_P(Dialects, ReportPeriodFilterTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
