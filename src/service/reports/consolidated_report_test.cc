// The consolidated report's preview at the service's API, on both databases: its figures agree
// with the statistics wherever the two count the same tasks on the same day.
#include "service/reports/consolidated_report.h"

#include <gtest/gtest.h>

#include "service/reports/unit_reports.h"
#include "service/sources/sources.h"
#include "service/stats/stats.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class ConsolidatedReportTest : public AgencyFixture {
 protected:
  ConsolidatedReportService reports() { return ConsolidatedReportService(*ctx_); }

  Id NewTask(const char* title, Id lead, const char* assigned, std::optional<const char*> due,
             bool key = false, Id source = 0) {
    TaskInput in;
    in.source_id = source ? source : source_;
    in.title = title;
    in.lead_org_id = lead;
    in.assigned_on = Day(assigned);
    in.deadline = due ? std::optional<Date>(Day(*due)) : std::nullopt;
    in.is_key = key;
    auto view = TaskService(*ctx_).Create(leader_, in);
    EXPECT_EQ(Outcome(view), "ok") << title;
    return view.ok() ? view->task.summary.id : 0;
  }
  void Complete(Id id, const char* on) {
    EXPECT_EQ(Outcome(TaskService(*ctx_).Complete(leader_, id, {Day(on), "", std::nullopt, ""})),
              "ok");
  }

  Statistics Stats(QueryParams query) {
    query.insert({"as_of", "2024-05-31"});
    auto filter = ParseTaskFilter(query, today());
    EXPECT_TRUE(filter.ok());
    auto st = StatsService(*ctx_).Compute(leader_, *filter);
    EXPECT_EQ(Outcome(st), "ok");
    return *st;
  }

  // This year's tasks only, so that the report's scope and the statistics' are the same tasks.
  void Tasks() {
    auto ad_hoc = SourceService(*ctx_).Create(
        leader_,
        {"ad_hoc", "Công văn 512/UBND-KTN", "512/UBND-KTN", std::nullopt, "UBND tỉnh", ""});
    ASSERT_EQ(Outcome(ad_hoc), "ok");
    Complete(NewTask("Trọng tâm 1", infrastructure_, "2024-03-01", "2024-05-20", true),
             "2024-05-18");
    Complete(NewTask("Trọng tâm 2", team_, "2024-03-01", "2024-05-31", true), "2024-06-03");
    NewTask("Trọng tâm 3", planning_, "2024-04-01", "2024-06-10", true);
    NewTask("Thường xuyên", office_, "2024-01-15", std::nullopt);
    Complete(NewTask("Đột xuất 1", infrastructure_, "2024-05-02", "2024-05-10", false, ad_hoc->id),
             "2024-05-09");
    NewTask("Đột xuất 2", planning_, "2024-05-02", "2024-05-15", false, ad_hoc->id);
    NewTask("Giao sau kỳ", planning_, "2024-06-02", "2024-06-20");
    NewTask("Sở chủ trì", agency_, "2024-02-01", "2024-04-30");
  }
};

TEST_P(ConsolidatedReportTest, ItsFiguresAgreeWithTheStatisticsOfTheSameDay) {
  Tasks();
  auto r = reports().Preview(specialist_, "2024-05");
  ASSERT_EQ(Outcome(r), "ok");
  EXPECT_EQ(r->period_kind, "month");
  EXPECT_EQ(r->next_start, Day("2024-06-01"));

  const Statistics all = Stats({});
  EXPECT_EQ(r->totals.cumulative, all.totals);
  ASSERT_EQ(r->by_source_kind_and_key.size(), all.by_source_kind_and_key.size());
  for (const auto& group : r->by_source_kind_and_key) {
    auto same = std::find_if(all.by_source_kind_and_key.begin(), all.by_source_kind_and_key.end(),
                             [&](const StatsGroup& g) { return g.key == group.key; });
    ASSERT_NE(same, all.by_source_kind_and_key.end()) << group.key;
    EXPECT_EQ(group.figures.cumulative, same->counts) << group.key;
  }
  for (const auto& unit : r->by_unit) {
    if (unit.organization->id == agency_) continue;  // the agency's own tasks: no subtree filter
    const Statistics led =
        Stats({{"org", std::to_string(unit.organization->id)}, {"org_role", "lead"}});
    EXPECT_EQ(unit.figures.cumulative, led.totals) << unit.organization->name;
  }

  // The briefing's own figures, which the statistics do not have: due by the period's end only.
  EXPECT_EQ(r->totals.due, 5);  // Trọng tâm 1 and 2, Đột xuất 1 and 2, Sở chủ trì
  EXPECT_EQ(r->totals.DueCompletedRatio(), "02/05");
  const auto key =
      std::find_if(r->by_source_kind_and_key.begin(), r->by_source_kind_and_key.end(),
                   [](const ReportFigureGroup& g) { return g.key == "key_program:true"; });
  ASSERT_NE(key, r->by_source_kind_and_key.end());
  EXPECT_EQ(key->figures.DueCompletedRatio(), "01/02");  // Trọng tâm 2 was done after 31/05
  std::vector<std::string> units;
  for (const auto& u : r->by_unit)
    units.push_back(u.organization->name + " " + u.figures.DueCompletedRatio());
  EXPECT_EQ(units, (std::vector<std::string>{"Phòng Kế hoạch - Tài chính 00/01",
                                             "Phòng Quản lý kết cấu hạ tầng 02/03",
                                             "Văn phòng Sở 00/00", "Sở Giao thông vận tải 00/01"}));

  std::vector<std::string> overdue, next;
  for (const auto& t : r->overdue) overdue.push_back(t.title);
  for (const auto& t : r->next_period_key) next.push_back(t.title);
  EXPECT_EQ(overdue, (std::vector<std::string>{"Trọng tâm 2", "Sở chủ trì", "Đột xuất 2"}));
  EXPECT_EQ(next, (std::vector<std::string>{"Trọng tâm 3"}));
}

TEST_P(ConsolidatedReportTest, ItCarriesWhatTheUnitsSent) {
  UnitReportService units(*ctx_);
  auto mine = units.Open(head_, infrastructure_, "2024-05");
  ASSERT_EQ(Outcome(mine), "ok");
  auto saved = units.SaveProse(head_, mine->id, mine->version,
                               {"Sửa xong cầu Trà Khúc", "", "Thiếu vốn", "", ""});
  ASSERT_EQ(Outcome(saved), "ok");
  auto preview = reports().Preview(consolidator_, "2024-05");
  ASSERT_EQ(Outcome(preview), "ok");
  EXPECT_TRUE(preview->unit_prose.empty());  // a draft is the unit's own still
  ASSERT_EQ(
      Outcome(units.TakeStep(head_, mine->id, saved->version, domain::UnitReportStep::kSubmit, "")),
      "ok");
  preview = reports().Preview(consolidator_, "2024-05");
  ASSERT_EQ(preview->unit_prose.size(), 1u);
  EXPECT_EQ(preview->unit_prose[0].organization.id, infrastructure_);
  EXPECT_EQ(preview->unit_prose[0].prose.difficulties, "Thiếu vốn");
  EXPECT_EQ(preview->unit_reports.size(), 3u);

  auto quarter = reports().Preview(consolidator_, "2024-Q2");
  ASSERT_EQ(Outcome(quarter), "ok");
  EXPECT_EQ(quarter->period_end, Day("2024-06-30"));
  EXPECT_TRUE(quarter->unit_reports.empty());  // units report monthly
  EXPECT_EQ(Outcome(reports().Preview(consolidator_, "2024-13")),
            "validation_failed period:invalid");
}

// Today is 28/06/2024: June's report counts to today, so nothing due later in June is overdue
// and a task due today still has the day.
TEST_P(ConsolidatedReportTest, APeriodThatRunsIsCountedToToday) {
  Tasks();
  NewTask("Hạn hôm nay", planning_, "2024-06-03", "2024-06-28");
  NewTask("Hạn cuối tháng", planning_, "2024-06-03", "2024-06-30", true);
  auto june = reports().Preview(consolidator_, "2024-06");
  ASSERT_EQ(Outcome(june), "ok");
  EXPECT_EQ(june->period_end, Day("2024-06-30"));
  EXPECT_EQ(june->as_of, today());
  EXPECT_TRUE(june->period_running);
  // Due by today: Trọng tâm 1, 2 and 3, Đột xuất 1 and 2, Giao sau kỳ, Sở chủ trì.
  EXPECT_EQ(june->totals.DueCompletedRatio(), "03/07");
  EXPECT_EQ(june->totals.overdue, 4);
  std::vector<std::string> overdue;
  for (const auto& t : june->overdue) overdue.push_back(t.title);
  EXPECT_EQ(overdue,
            (std::vector<std::string>{"Trọng tâm 3", "Sở chủ trì", "Đột xuất 2", "Giao sau kỳ"}));
  // The key task due on the month's last day is ahead, with next month's.
  ASSERT_EQ(june->next_period_key.size(), 1u);
  EXPECT_EQ(june->next_period_key[0].title, "Hạn cuối tháng");

  // The status of each task as of today is the statistics' of today.
  QueryParams query{{"as_of", today().Iso()}};
  auto filter = ParseTaskFilter(query, today());
  ASSERT_TRUE(filter.ok());
  auto stats = StatsService(*ctx_).Compute(leader_, *filter);
  ASSERT_EQ(Outcome(stats), "ok");
  EXPECT_EQ(june->totals.cumulative, stats->totals);

  auto quarter = reports().Preview(consolidator_, "2024-Q2");
  ASSERT_EQ(Outcome(quarter), "ok");
  EXPECT_EQ(quarter->as_of, today());
  auto may = reports().Preview(consolidator_, "2024-05");
  ASSERT_EQ(Outcome(may), "ok");
  EXPECT_EQ(may->as_of, Day("2024-05-31"));
  EXPECT_FALSE(may->period_running);
  EXPECT_EQ(Outcome(reports().Preview(consolidator_, "2024-07")),
            "validation_failed period:not_started");
}

INSTANTIATE_TEST_SUITE_P(Dialects, ConsolidatedReportTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
