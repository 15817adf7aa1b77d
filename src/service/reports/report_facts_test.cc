// The packed report facts: the parser on its own, and the column each database derives, which
// must say exactly what the task's own columns say.
#include "service/reports/report_facts.h"

#include <gtest/gtest.h>

#include "service/row_values.h"
#include "service/tasks/tasks.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

Date Day(const char* iso) { return *Date::Parse(iso); }

TEST(ParseReportFacts, ReadsEveryFieldWithDaysCountedFrom1970) {
  const auto facts = ParseReportFacts("key_program 1 42 19723 19876 19900 -");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->source_kind, domain::SourceKind::kKeyProgram);
  EXPECT_TRUE(facts->is_key);
  EXPECT_EQ(facts->lead_org_id, 42);
  EXPECT_EQ(facts->assigned_on, Day("2024-01-01"));
  EXPECT_EQ(facts->deadline, Day("2024-06-02"));
  EXPECT_EQ(facts->completed_on, Day("2024-06-26"));
  EXPECT_FALSE(facts->cancelled_on);
}

TEST(ParseReportFacts, ReadsDaysBefore1970AndTasksWithoutDeadline) {
  const auto facts = ParseReportFacts("ad_hoc 0 7 -1 - - -25567");
  ASSERT_TRUE(facts);
  EXPECT_FALSE(facts->is_key);
  EXPECT_EQ(facts->assigned_on, Day("1969-12-31"));
  EXPECT_FALSE(facts->deadline);
  EXPECT_EQ(facts->cancelled_on, Day("1900-01-01"));
}

TEST(ParseReportFacts, RefusesAnythingElse) {
  for (const char* damaged : {
           "",
           "ad_hoc 0 7 19723 - -",       // one field short
           "ad_hoc 0 7 19723 - - - -",   // one too many
           "ad_hoc 0 7 19723 - -  -",    // an empty field
           "ad_hoc 0 7 19723 - - - ",    // a space after the last
           "adhoc 0 7 19723 - - -",      // no such kind
           "ad_hoc 2 7 19723 - - -",     // a key flag that is neither
           "ad_hoc 10 7 19723 - - -",    // nor is this
           "ad_hoc 0 x 19723 - - -",     // no organisation
           "ad_hoc 0 7 - - - -",         // no assignment date
           "ad_hoc 0 7 19723 1e3 - -",   // not a day number
           "ad_hoc 0 7 99999999 - - -",  // past the years a date holds
           "ad_hoc 0 7 19723.5 - - -",   // part of a day
       }) {
    EXPECT_FALSE(ParseReportFacts(damaged)) << '"' << damaged << '"';
  }
}

class ReportFactsColumnTest : public AgencyFixture {};

// Every combination the counting rule tells apart, written by the services, then the dates the
// services do not write (before 1970, far ahead) set straight in the table.
TEST_P(ReportFactsColumnTest, SaysWhatTheTasksOwnColumnsSay) {
  TaskService tasks(*ctx_);
  auto make = [&](const char* title, Id lead, bool key, std::optional<const char*> due) {
    TaskInput in;
    in.source_id = source_;
    in.title = title;
    in.lead_org_id = lead;
    in.assigned_on = Day("2024-01-15");
    in.deadline = due ? std::optional<Date>(Day(*due)) : std::nullopt;
    in.is_key = key;
    auto view = tasks.Create(leader_, in);
    EXPECT_EQ(Outcome(view), "ok") << title;
    return view.ok() ? view->task.summary.id : 0;
  };
  make("Thường xuyên", planning_, false, std::nullopt);
  const Id done = make("Đã xong", infrastructure_, true, "2024-03-31");
  const Id cancelled = make("Đã hủy", office_, false, "2024-12-31");
  make("Đang làm", team_, true, "2024-07-15");
  EXPECT_EQ(Outcome(tasks.Complete(leader_, done, {Day("2024-03-20"), "", std::nullopt, ""})),
            "ok");
  EXPECT_EQ(
      Outcome(tasks.Cancel(leader_, cancelled,
                           {"cancelled", Day("2024-05-02"), "Không còn phù hợp", std::nullopt})),
      "ok");
  const Id old = make("Từ xưa", office_, false, "2024-02-01");
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE tasks SET assigned_on = $1, deadline = $2 WHERE id = $3",
              {storage::Param("1969-12-30"), storage::Param("9999-12-31"), storage::Param(old)});
  });

  struct Columns {
    Id id = 0;
    std::string source_kind;
    bool is_key = false;
    Id lead_org_id = 0;
    Date assigned_on;
    std::optional<Date> deadline, completed_on, cancelled_on;
    std::string report_facts;
  };
  const std::tuple fields{Field{"id", &Columns::id},
                          Field{"source_kind", &Columns::source_kind},
                          Field{"is_key", &Columns::is_key},
                          Field{"lead_org_id", &Columns::lead_org_id},
                          Field{"assigned_on", &Columns::assigned_on},
                          Field{"deadline", &Columns::deadline},
                          Field{"completed_on", &Columns::completed_on},
                          Field{"cancelled_on", &Columns::cancelled_on},
                          Field{"report_facts", &Columns::report_facts}};
  std::vector<Columns> rows;
  db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
    rows = ReadRows(c.execute("SELECT id, source_kind, is_key, lead_org_id, assigned_on, deadline, "
                              "completed_on, cancelled_on, report_facts FROM tasks ORDER BY id"),
                    fields);
  });
  ASSERT_EQ(rows.size(), 5u);
  for (const Columns& row : rows) {
    SCOPED_TRACE(row.report_facts);
    const auto facts = ParseReportFacts(row.report_facts);
    ASSERT_TRUE(facts);
    const StoredReportFacts expected{domain::SourceKindFromStored(row.source_kind),
                                     row.is_key,
                                     row.lead_org_id,
                                     row.assigned_on,
                                     row.deadline,
                                     row.completed_on,
                                     row.cancelled_on};
    EXPECT_EQ(*facts, expected);
  }
  EXPECT_TRUE(rows[1].completed_on);
  EXPECT_TRUE(rows[2].cancelled_on);
  EXPECT_EQ(rows[4].assigned_on, Day("1969-12-30"));
}

INSTANTIATE_TEST_SUITE_P(Dialects, ReportFactsColumnTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
