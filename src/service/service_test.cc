// The service layer's contract, run on SQLite and (when GIAOBAN_TEST_PG_URL is set) on PostgreSQL:
// the statuses the database computes for lists and statistics agree with the domain rules, task by
// task and date by date, on randomly generated histories.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <utility>

#include "domain/status.h"
#include "service/accounts/auth.h"
#include "service/data_version.h"
#include "service/organizations/organizations.h"
#include "service/sources/sources.h"
#include "service/stats/stats.h"
#include "service/tasks/tasks.h"
#include "service/tasks/today_status.h"
#include "service/test_fixture.h"
#include "storage/migrations.h"

namespace giaoban::service {
namespace {

using domain::Date;
using test_support::Outcome;

class ServiceContract : public test_support::FourDivisionFixture {
 protected:
  void SetUp() override {
    FourDivisionFixture::SetUp();
    if (IsSkipped()) return;
    consolidator_ = test_support::CreateAccount(*ctx_, "khtc", Role::kConsolidator, units_[0],
                                                "Trần Thị Hoa", "Chuyên viên");
    SourceService sources(*ctx_);
    for (const char* kind : {"higher_program", "key_program", "ad_hoc"})
      sources_.push_back(
          sources
              .Create(director_, {kind, std::string("Nguồn ") + kind, "1/QĐ", std::nullopt, "", ""})
              ->id);
  }

  std::vector<Id> sources_;
  Actor consolidator_;
};

TEST_P(ServiceContract, DatabaseStatusesAgreeWithDomainRules) {
  TaskService tasks(*ctx_);
  std::mt19937 rng(42);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const Date start = *Date::Parse("2023-01-01");
  std::vector<Id> ids;
  for (int i = 0; i < 60; ++i) {
    TaskInput in;
    in.source_id = sources_[pick(3)];
    in.title = "Nhiệm vụ số " + std::to_string(i);
    in.lead_org_id = units_[pick(4)];
    in.is_key = pick(2) == 0;
    const Date assigned = start.AddDays(pick(200));
    in.assigned_on = assigned;
    in.deadline =
        pick(6) == 0 ? std::optional<Date>() : std::optional<Date>(assigned.AddDays(10 + pick(60)));
    auto view = tasks.Create(director_, in);
    ASSERT_TRUE(view.ok()) << view.error().code;
    const Id id = view->task.summary.id;
    ids.push_back(id);
    if (*in.deadline && pick(3) == 0) {
      const Date wanted = (*in.deadline)->AddDays(20 + pick(30));
      auto requested =
          tasks.RequestExtension(consolidator_, id, {assigned, wanted, "Chờ ý kiến của Bộ"});
      ASSERT_TRUE(requested.ok()) << requested.error().code;
      const Id extension = requested->task.extensions.back().id;
      auto decided = tasks.DecideExtension(
          director_, id, extension, {"approved", "", assigned.AddDays(5 + pick(40)), std::nullopt});
      ASSERT_TRUE(decided.ok()) << decided.error().code;
    }
    const int fate = pick(10);
    if (fate < 6) {
      auto done = tasks.Complete(director_, id, {assigned.AddDays(pick(90)), "", std::nullopt, ""});
      ASSERT_TRUE(done.ok()) << done.error().code;
    } else if (fate == 6) {
      auto cancelled = tasks.Cancel(
          director_, id,
          {"withdrawn", assigned.AddDays(pick(60)), "Không còn phù hợp", std::nullopt});
      ASSERT_TRUE(cancelled.ok()) << cancelled.error().code;
    }
  }

  std::set<domain::Status> seen;
  for (int day = 0; day < 330; day += 11) {
    const Date as_of = start.AddDays(day);
    auto filter = ParseTaskFilter({{"as_of", as_of.Iso()}, {"page_size", "200"}}, as_of);
    ASSERT_TRUE(filter.ok());
    auto page = tasks.List(director_, *filter);
    ASSERT_TRUE(page.ok());
    std::map<Id, domain::Status> listed;
    for (const auto& t : page->items) listed[t.id] = t.status;
    domain::StatusCounts expected;
    for (Id id : ids) {
      auto view = tasks.Get(director_, id, as_of);
      ASSERT_TRUE(view.ok());
      const domain::Status s = view->task.summary.status;
      if (s == domain::Status::kNotYetAssigned) {
        EXPECT_EQ(listed.count(id), 0u) << "task " << id << " listed before it was assigned";
        continue;
      }
      ASSERT_EQ(listed.count(id), 1u) << "task " << id << " missing on " << as_of.Iso();
      EXPECT_EQ(listed[id], s) << "task " << id << " on " << as_of.Iso();
      expected.Add(s, view->task.summary.extended);
      seen.insert(s);
    }
    auto stats = StatsService(*ctx_).Compute(director_, *filter);
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->totals, expected) << "on " << as_of.Iso();
    // The "extended" figure links to extended=true; the list must hold exactly those tasks.
    std::set<Id> extended_ids;
    for (const auto& t : page->items)
      if (t.extended) extended_ids.insert(t.id);
    auto extended_filter = ParseTaskFilter(
        {{"as_of", as_of.Iso()}, {"extended", "true"}, {"page_size", "200"}}, as_of);
    ASSERT_TRUE(extended_filter.ok());
    auto extended_page = tasks.List(director_, *extended_filter);
    ASSERT_TRUE(extended_page.ok());
    std::set<Id> listed_extended;
    for (const auto& t : extended_page->items) listed_extended.insert(t.id);
    EXPECT_EQ(listed_extended, extended_ids) << "on " << as_of.Iso();
    if (day > 100) {
      EXPECT_FALSE(extended_ids.empty()) << "no extension by " << as_of.Iso();
    }
  }
  // The comparison means something only if every status turned up on some date.
  EXPECT_EQ(seen.size(), 5u);
}

// Lists and figures as of "today" read the stored status snapshot; as days pass and tasks change,
// it must keep agreeing with the domain rules applied to each task's history.
TEST_P(ServiceContract, StatusSnapshotFollowsTheCalendarAndEveryChange) {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const Date start = *Date::Parse("2024-03-01");
  auto context_on = [&](Date day) {
    Settings settings;
    settings.today = day;
    return std::make_unique<Context>(*db_, settings);
  };
  std::vector<Id> ids;
  std::set<domain::Status> seen;
  for (int day = 0; day < 120; day += 3) {
    const Date today = start.AddDays(day);
    auto ctx = context_on(today);
    TaskService tasks(*ctx);
    // Servers move the snapshot forward in the background; some days it lags, and then requests
    // must compute statuses from history instead.
    const bool refreshed = day % 9 != 0;
    if (refreshed) RefreshSnapshot(*ctx);
    // A few new tasks, some assigned a little in the future, and a few actions on older ones.
    for (int i = 0; i < 3; ++i) {
      TaskInput in;
      in.source_id = sources_[pick(3)];
      in.title = "Việc ngày " + today.Iso() + " số " + std::to_string(i);
      in.lead_org_id = units_[pick(4)];
      in.assigned_on = today.AddDays(pick(6) - 3);
      in.deadline = pick(5) == 0 ? std::optional<Date>()
                                 : std::optional<Date>(in.assigned_on->AddDays(2 + pick(20)));
      auto created = tasks.Create(director_, in);
      ASSERT_TRUE(created.ok()) << created.error().code;
      ids.push_back(created->task.summary.id);
    }
    for (int i = 0; i < 2 && !ids.empty(); ++i) {
      const Id id = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
      auto view = tasks.Get(director_, id);
      ASSERT_TRUE(view.ok());
      const auto& s = view->task.summary;
      if (s.completed_on || s.cancelled_on || s.assigned_on > today) continue;
      if (pick(2) == 0) {
        auto done = tasks.Complete(director_, id, {today, "", std::nullopt, ""});
        ASSERT_TRUE(done.ok()) << done.error().code;
      } else if (s.deadline_in_force) {
        auto requested = tasks.RequestExtension(
            consolidator_, id, {today, s.deadline_in_force->AddDays(10), "Chờ vốn"});
        ASSERT_TRUE(requested.ok()) << requested.error().code;
        auto decided = tasks.DecideExtension(director_, id, requested->task.extensions.back().id,
                                             {"approved", "", today, std::nullopt});
        ASSERT_TRUE(decided.ok()) << decided.error().code;
      }
    }
    auto filter = ParseTaskFilter({{"page_size", "200"}}, today);
    ASSERT_TRUE(filter.ok());
    auto page = tasks.List(director_, *filter);
    ASSERT_TRUE(page.ok());
    std::map<Id, TaskSummary> listed;
    for (const auto& t : page->items) listed[t.id] = t;
    domain::StatusCounts expected;
    for (Id id : ids) {
      auto view = tasks.Get(director_, id, today);
      ASSERT_TRUE(view.ok());
      const auto& s = view->task.summary;
      if (s.status == domain::Status::kNotYetAssigned) {
        EXPECT_EQ(listed.count(id), 0u);
        continue;
      }
      ASSERT_EQ(listed.count(id), 1u) << "task " << id << " on " << today.Iso();
      EXPECT_EQ(listed[id].status, s.status) << "task " << id << " on " << today.Iso();
      EXPECT_EQ(listed[id].deadline_in_force, s.deadline_in_force) << "task " << id;
      expected.Add(s.status, s.extended);
      seen.insert(s.status);
    }
    auto stats = StatsService(*ctx).Compute(director_, *filter);
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->totals, expected) << "on " << today.Iso();
    auto snapshot = db_->transact(storage::TransactionMode::kRead,
                                  [](storage::Connection& c) { return SnapshotDate(c); });
    if (refreshed) {
      EXPECT_EQ(snapshot, today);
    }
  }
  EXPECT_GE(seen.size(), 4u);

  // Lists and statistics as of today really read the snapshot: a stored status shows through.
  const Date last = start.AddDays(117);
  auto ctx = context_on(last);
  RefreshSnapshot(*ctx);
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE tasks SET today_status = 'overdue' WHERE id = $1",
              {storage::Param(ids.front())});
  });
  auto filter = ParseTaskFilter({{"status", "overdue"}, {"page_size", "200"}}, last);
  auto page = TaskService(*ctx).List(director_, *filter);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(std::any_of(page->items.begin(), page->items.end(),
                          [&](const TaskSummary& t) { return t.id == ids.front(); }));
}

// Cached answers are only as right as the data version: every table a read can depend on must
// move it, whichever way it is written. A new table has to be placed on one side of this line.
TEST_P(ServiceContract, EveryChangeToAgencyDataMovesTheDataVersion) {
  // The counts follow from tasks, whose changes move the version themselves. Notices are read by
  // the one person they are for and never from the cache. Registers and issued files are written
  // only with the issued report they belong to, which moves the version. Imports, and the column
  // and unit names they teach, are read only by their own routes, never from the cache; an
  // import's task rows (which a task's page shows) are written only with the tasks they name,
  // which move the version, and never change after.
  const std::set<std::string> not_counted = {"change_counter",
                                             "agency_versions",
                                             "source_task_counts",
                                             "task_status_counts",
                                             "assignee_task_counts",
                                             "sessions",
                                             "schema_migrations",
                                             "api_tokens",
                                             "login_throttle",
                                             "notices",
                                             "document_registers",
                                             "issued_report_files",
                                             "imports",
                                             "import_tasks",
                                             "import_column_names",
                                             "import_unit_names"};
  const bool sqlite = db_->dialect() == storage::Dialect::kSqlite;
  std::set<std::string> tables, counted;
  db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
    auto all = sqlite ? c.execute(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' AND name NOT LIKE 'task_search%'")
                      : c.execute(
                            "SELECT tablename::text FROM pg_tables WHERE schemaname = "
                            "current_schema()");
    for (const auto& row : all.rows) tables.insert(row.text(0));
    // Each counted table moves a version on insert, update and delete.
    auto triggers =
        sqlite ? c.execute(
                     "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                     "'bump_%' AND (sql LIKE '%INSERT INTO agency_versions%' OR sql LIKE "
                     "'%UPDATE change_counter SET version = version + 1%') GROUP BY tbl_name "
                     "HAVING COUNT(*) >= 3 OR tbl_name = 'events'")
               : c.execute(
                     "SELECT event_object_table::text FROM information_schema.triggers WHERE "
                     "trigger_name LIKE 'bump_%' AND (action_statement LIKE "
                     "'%bump_agencies_of_%' OR action_statement LIKE '%bump_change_counter()%') "
                     "GROUP BY event_object_table HAVING COUNT(DISTINCT event_manipulation) = 3 "
                     "OR event_object_table = 'events'");
    for (const auto& row : triggers.rows) counted.insert(row.text(0));
  });
  ASSERT_TRUE(tables.count("tasks"));
  for (const auto& table : tables) {
    if (not_counted.count(table)) {
      EXPECT_FALSE(counted.count(table)) << table;
    } else {
      EXPECT_TRUE(counted.count(table)) << table << " changes without moving the data version";
    }
  }

  // Through the services, and by hand.
  const auto v0 = ReadDataVersion(*ctx_, director_);
  TaskInput input;
  input.source_id = sources_[0];
  input.title = "Rà soát quy hoạch";
  input.lead_org_id = units_[1];
  input.assigned_on = *Date::FromYmd(2024, 3, 1);
  const Id id = TaskService(*ctx_).Create(director_, input)->task.summary.id;
  const auto v1 = ReadDataVersion(*ctx_, director_);
  EXPECT_NE(v1, v0);
  EXPECT_TRUE(v1.Covers(v0));
  EXPECT_EQ(ReadDataVersion(*ctx_, director_), v1);  // reading moves nothing
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE tasks SET title = 'Sửa tay' WHERE id = $1", {storage::Param(id)});
  });
  const auto v2 = ReadDataVersion(*ctx_, director_);
  EXPECT_NE(v2, v1);
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("INSERT INTO task_assignees (task_id, person_id) VALUES ($1, $2)",
              {storage::Param(id), storage::Param(consolidator_.person_id)});
  });
  const auto v3 = ReadDataVersion(*ctx_, director_);
  EXPECT_NE(v3, v2);
  // A change rolled back leaves no trace.
  try {
    db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
      c.execute("UPDATE organizations SET name = 'Tạm' WHERE id = $1", {storage::Param(units_[0])});
      throw std::runtime_error("abandoned");
    });
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(ReadDataVersion(*ctx_, director_), v3);
  // What belongs to no agency moves every reader's version.
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE status_snapshot SET refreshed_at = refreshed_at + 1");
    c.execute("INSERT INTO settings (key, value) VALUES ('data_version_test', '1')");
  });
  EXPECT_NE(ReadDataVersion(*ctx_, director_), v3);
}

// A source's task count is kept on its row: it must follow every way a task comes, goes, moves
// to another source or in and out of the restricted ones, through the services or by hand.
TEST_P(ServiceContract, ASourcesTaskCountFollowsItsTasks) {
  TaskService tasks(*ctx_);
  auto create = [&](Id source, bool restricted) {
    TaskInput in;
    in.source_id = source;
    in.title = "Việc đếm";
    in.lead_org_id = units_[2];
    in.restricted = restricted;
    in.assigned_on = *Date::FromYmd(2024, 3, 1);
    auto view = tasks.Create(director_, in);
    EXPECT_EQ(Outcome(view), "ok");
    return view.ok() ? view->task.summary : TaskSummary{};
  };
  auto counts = [&] {
    std::vector<std::pair<std::int64_t, std::int64_t>> stored_and_counted;
    for (const Id source : sources_) {
      const std::int64_t stored = SourceService(*ctx_).Get(director_, source)->task_count;
      const std::int64_t counted = db_->transact(storage::TransactionMode::kRead, [&](auto& c) {
        return c
            .execute("SELECT COUNT(*) FROM tasks WHERE source_id = $1 AND restricted = 0",
                     {storage::Param(source)})
            .one()
            .integer(0);
      });
      stored_and_counted.emplace_back(stored, counted);
    }
    return stored_and_counted;
  };
  const TaskSummary a = create(sources_[0], false);
  const TaskSummary b = create(sources_[0], true);
  create(sources_[1], false);
  const TaskSummary d = create(sources_[1], false);
  using Counts = std::vector<std::pair<std::int64_t, std::int64_t>>;
  EXPECT_EQ(counts(), (Counts{{1, 1}, {2, 2}, {0, 0}}));

  TaskInput move;
  move.source_id = sources_[2];
  ASSERT_EQ(Outcome(tasks.Update(director_, a.id, a.version, move)), "ok");
  TaskInput unrestrict;
  unrestrict.restricted = false;
  ASSERT_EQ(Outcome(tasks.Update(director_, b.id, b.version, unrestrict)), "ok");
  TaskInput restrict;
  restrict.restricted = true;
  ASSERT_EQ(Outcome(tasks.Update(director_, d.id, d.version, restrict)), "ok");
  EXPECT_EQ(counts(), (Counts{{1, 1}, {1, 1}, {1, 1}}));

  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE tasks SET source_id = $1 WHERE source_id = $2",
              {storage::Param(sources_[0]), storage::Param(sources_[1])});
    c.execute(
        "INSERT INTO tasks (agency_id, source_id, source_kind, title, title_key, lead_org_id, "
        "assigned_on, search_fold, created_at, updated_at) SELECT agency_id, source_id, "
        "source_kind, title, title_key, lead_org_id, assigned_on, search_fold, created_at, "
        "updated_at FROM tasks WHERE source_id "
        "= $1",
        {storage::Param(sources_[0])});
  });
  // b, c and the restricted d, and unrestricted copies of all three.
  EXPECT_EQ(counts(), (Counts{{5, 5}, {0, 0}, {1, 1}}));
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("DELETE FROM tasks WHERE id > $1", {storage::Param(d.id)});
  });
  EXPECT_EQ(counts(), (Counts{{2, 2}, {0, 0}, {1, 1}}));
}

// A list's total over the counted columns is added up from task_status_counts, or for one assignee
// from assignee_task_counts, which triggers keep: it must agree with the tasks listed, for a reader
// who may see every restricted task and for one who may see only those that concern them, through
// every change (assignments too) and as the calendar moves.
TEST_P(ServiceContract, ListTotalsFromTheStatusCountsAgreeWithTheTasksListed) {
  const Actor specialist = test_support::CreateAccount(*ctx_, "chuyenvien", Role::kSpecialist,
                                                       units_[2], "Lê Văn Nam", "Chuyên viên");
  std::mt19937 rng(11);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const Date start = *Date::Parse("2024-05-01");
  const std::string unit = std::to_string(units_[1]);
  const std::string assignee = std::to_string(specialist.person_id);
  const std::vector<QueryParams> filters = {
      {{"assignee", assignee}},
      {{"assignee", assignee}, {"lead_org", unit}},
      {{"assignee", std::to_string(consolidator_.person_id)}, {"status", "in_progress,overdue"}},
      {},
      {{"status", "in_progress,overdue"}},
      {{"status", "completed_on_time,completed_late,cancelled"}},
      {{"lead_org", unit}},
      {{"lead_org", unit}, {"status", "overdue"}, {"key", "true"}},
      {{"source_kind", "key_program,ad_hoc"}, {"key", "false"}},
      {{"org", unit}, {"org_role", "lead"}},
  };
  // Both kinds of counts, row by row, against the tasks and assignments they count.
  auto counts_match_tasks = [&] {
    db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      const std::string columns =
          "agency_id, lead_org_id, today_status, source_kind, is_key, restricted";
      auto same = [&](const std::string& kept_sql, const std::string& counted_sql) {
        auto kept = c.execute(kept_sql);
        auto counted = c.execute(counted_sql);
        ASSERT_EQ(kept.rows.size(), counted.rows.size()) << kept_sql;
        for (std::size_t i = 0; i < kept.rows.size(); ++i) {
          for (std::size_t col = 0; col < kept.columns.size(); ++col) {
            const bool text =
                kept.columns[col] == "today_status" || kept.columns[col] == "source_kind";
            if (text) {
              EXPECT_EQ(kept.rows[i].text(col), counted.rows[i].text(col)) << kept_sql;
            } else {
              EXPECT_EQ(kept.rows[i].integer(col), counted.rows[i].integer(col)) << kept_sql;
            }
          }
        }
      };
      same("SELECT " + columns + ", tasks FROM task_status_counts WHERE tasks <> 0 ORDER BY " +
               columns,
           "SELECT " + columns + ", COUNT(*) FROM tasks WHERE today_status IS NOT NULL GROUP BY " +
               columns + " ORDER BY " + columns);
      const std::string t_columns =
          "t.agency_id, t.lead_org_id, t.today_status, t.source_kind, t.is_key, t.restricted";
      same("SELECT person_id, " + columns +
               ", tasks FROM assignee_task_counts WHERE tasks <> 0 ORDER BY person_id, " + columns,
           "SELECT a.person_id, " + t_columns +
               ", COUNT(*) FROM task_assignees a JOIN tasks t ON t.id = a.task_id WHERE "
               "t.today_status IS NOT NULL GROUP BY a.person_id, " +
               t_columns + " ORDER BY a.person_id, " + t_columns);
    });
  };
  auto some_assignees = [&]() -> std::optional<std::vector<Id>> {
    switch (pick(4)) {
      case 0:
        return std::vector<Id>{specialist.person_id};
      case 1:
        return std::vector<Id>{consolidator_.person_id};
      case 2:
        return std::vector<Id>{specialist.person_id, consolidator_.person_id};
      default:
        return std::nullopt;
    }
  };
  std::vector<Id> ids;
  for (int day = 0; day < 60; day += 4) {
    const Date today = start.AddDays(day);
    Settings settings;
    settings.today = today;
    Context ctx(*db_, settings);
    RefreshSnapshot(ctx);
    TaskService tasks(ctx);
    for (int i = 0; i < 4; ++i) {
      TaskInput in;
      in.source_id = sources_[pick(3)];
      in.title = "Việc đếm " + std::to_string(day) + "-" + std::to_string(i);
      in.lead_org_id = units_[pick(4)];
      in.is_key = pick(2) == 0;
      in.restricted = pick(3) == 0;
      in.assignee_ids = some_assignees();
      in.assigned_on = today.AddDays(pick(3) - 1);
      in.deadline = pick(5) == 0 ? std::optional<Date>()
                                 : std::optional<Date>(in.assigned_on->AddDays(1 + pick(12)));
      auto created = tasks.Create(director_, in);
      ASSERT_EQ(Outcome(created), "ok");
      ids.push_back(created->task.summary.id);
    }
    for (int i = 0; i < 3; ++i) {
      const Id id = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
      auto view = tasks.Get(director_, id);
      ASSERT_TRUE(view.ok());
      const auto& s = view->task.summary;
      const bool open = !s.completed_on && !s.cancelled_on && s.assigned_on <= today;
      switch (pick(4)) {
        case 0:
          if (open) {
            ASSERT_EQ(Outcome(tasks.Complete(director_, id, {today, "", {}, ""})), "ok");
          }
          break;
        case 1:
          if (open) {
            ASSERT_EQ(
                Outcome(tasks.Cancel(director_, id, {"cancelled", today, "Không còn cần", {}})),
                "ok");
          }
          break;
        default: {
          TaskInput edit;
          edit.lead_org_id = units_[pick(4)];
          edit.restricted = pick(2) == 0;
          edit.is_key = pick(2) == 0;
          edit.assignee_ids = some_assignees().value_or(std::vector<Id>{});
          if (!s.completed_on && !s.cancelled_on) {
            ASSERT_EQ(Outcome(tasks.Update(director_, id, s.version, edit)), "ok");
          }
        }
      }
    }
    counts_match_tasks();
    for (const Actor* reader : {&std::as_const(director_), &specialist}) {
      for (const auto& params : filters) {
        QueryParams with_size = params;
        with_size.emplace("page_size", "200");
        auto filter = ParseTaskFilter(with_size, today);
        ASSERT_TRUE(filter.ok());
        auto page = tasks.List(*reader, *filter);
        ASSERT_TRUE(page.ok());
        EXPECT_EQ(page->total, static_cast<std::int64_t>(page->items.size()))
            << "on " << today.Iso() << ", filter " << ToQueryString(*filter) << ", "
            << (reader == &director_ ? "director" : "specialist");
      }
    }
  }
  // By hand, many rows at once.
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute("UPDATE tasks SET is_key = 1 - is_key, lead_org_id = $1 WHERE lead_org_id = $2",
              {storage::Param(units_[0]), storage::Param(units_[3])});
    c.execute(
        "INSERT INTO tasks (agency_id, source_id, source_kind, title, title_key, lead_org_id, "
        "assigned_on, search_fold, created_at, updated_at, restricted, today_status) SELECT "
        "agency_id, source_id, source_kind, title, title_key, lead_org_id, assigned_on, "
        "search_fold, created_at, updated_at, restricted, today_status FROM tasks");
    c.execute(
        "INSERT INTO task_assignees (task_id, person_id) SELECT id, $1 FROM tasks WHERE id > $2",
        {storage::Param(specialist.person_id), storage::Param(ids.back())});
    c.execute("UPDATE task_assignees SET person_id = $1 WHERE person_id = $2 AND task_id % 3 = 0",
              {storage::Param(director_.person_id), storage::Param(specialist.person_id)});
    c.execute("DELETE FROM task_assignees WHERE task_id % 4 = 0");
    c.execute(
        "DELETE FROM task_assignees WHERE task_id IN (SELECT id FROM tasks WHERE id > $1 AND "
        "lead_org_id = $2)",
        {storage::Param(ids.back()), storage::Param(units_[1])});
    c.execute("DELETE FROM tasks WHERE id > $1 AND lead_org_id = $2",
              {storage::Param(ids.back()), storage::Param(units_[1])});
  });
  counts_match_tasks();
}

// A second department under the same province, with its director and a source: writers of two
// agencies.
class TwoAgencies : public ServiceContract {
 protected:
  void SetUp() override {
    ServiceContract::SetUp();
    if (IsSkipped()) return;
    OrganizationService orgs(*ctx_);
    const Id province = *orgs.Get(director_, agency_)->parent_id;
    other_agency_ =
        orgs.Create(std::nullopt, {province, "department", "SXD", "Sở Xây dựng", "", std::nullopt})
            ->id;
    other_unit_ = orgs.Create(std::nullopt, {other_agency_, "division", "QLN", "Phòng Quản lý nhà",
                                             "", std::nullopt})
                      ->id;
    other_director_ = test_support::CreateAccount(*ctx_, "giamdoc.sxd", Role::kLeader,
                                                  other_agency_, "Lê Thị Mai", "Giám đốc");
    other_source_ = SourceService(*ctx_)
                        .Create(other_director_,
                                {"ad_hoc", "Văn bản giao việc", "2/UBND", std::nullopt, "", ""})
                        ->id;
  }

  TaskInput InputFor(Id source, Id lead, const char* title) {
    TaskInput in;
    in.source_id = source;
    in.title = title;
    in.lead_org_id = lead;
    in.assigned_on = *Date::FromYmd(2024, 3, 1);
    return in;
  }

  Id other_agency_ = 0, other_unit_ = 0, other_source_ = 0;
  Actor other_director_;
};

TEST_P(TwoAgencies, AChangeMovesOnlyTheVersionsOfThoseWhoCanSeeIt) {
  const auto here = ReadDataVersion(*ctx_, director_);
  const auto there = ReadDataVersion(*ctx_, other_director_);
  ASSERT_EQ(Outcome(TaskService(*ctx_).Create(other_director_,
                                              InputFor(other_source_, other_unit_, "Việc Sở XD"))),
            "ok");
  EXPECT_EQ(ReadDataVersion(*ctx_, director_), here);
  EXPECT_NE(ReadDataVersion(*ctx_, other_director_), there);
  // The province sees both agencies: either one moves its version.
  const Id province = *OrganizationService(*ctx_).Get(director_, agency_)->parent_id;
  const Actor governor = test_support::CreateAccount(*ctx_, "ubnd", Role::kViewer, province,
                                                     "Trương Văn Sơn", "Chủ tịch");
  const auto province_view = ReadDataVersion(*ctx_, governor);
  EXPECT_EQ(province_view.parts.size(), 4u);  // no agency's, the province's and both departments'
  ASSERT_EQ(Outcome(TaskService(*ctx_).Create(director_,
                                              InputFor(sources_[0], units_[0], "Việc Sở GTVT"))),
            "ok");
  EXPECT_NE(ReadDataVersion(*ctx_, governor), province_view);
  EXPECT_NE(ReadDataVersion(*ctx_, director_), here);
}

// A unit or a person moved to another agency keeps its place in the tasks of the first; renaming it
// then must move the first agency's version too, or its cached answers keep the old name.
TEST_P(TwoAgencies, RenamingWhatAnotherAgencysTasksShowMovesItsVersion) {
  const Actor leader = test_support::CreateAccount(*ctx_, "pgd.gtvt", Role::kLeader, agency_,
                                                   "Phạm Văn Long", "Phó Giám đốc");
  TaskInput input = InputFor(sources_[0], units_[3], "Việc của phòng sắp chuyển");
  input.leader_id = std::optional<Id>(leader.person_id);
  ASSERT_EQ(Outcome(TaskService(*ctx_).Create(director_, input)), "ok");
  db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
    c.execute(
        "UPDATE organizations SET parent_id = $1, agency_id = $1, path = (SELECT a.path FROM "
        "organizations a WHERE a.id = $1) || $2 WHERE id = $3",
        {storage::Param(other_agency_), storage::Param(std::to_string(units_[3]) + "/"),
         storage::Param(units_[3])});
    c.execute("UPDATE people SET organization_id = $1 WHERE id = $2",
              {storage::Param(other_unit_), storage::Param(leader.person_id)});
  });
  const std::pair<const char*, Id> renames[] = {
      {"UPDATE organizations SET name = 'Phòng đã đổi tên' WHERE id = $1", units_[3]},
      {"UPDATE people SET full_name = 'Phạm Văn Lâm' WHERE id = $1", leader.person_id}};
  for (const auto& [sql, id] : renames) {
    const auto before = ReadDataVersion(*ctx_, director_);
    db_->transact(storage::TransactionMode::kWrite,
                  [&](storage::Connection& c) { c.execute(sql, {storage::Param(id)}); });
    EXPECT_NE(ReadDataVersion(*ctx_, director_), before) << sql;
  }
}

// On PostgreSQL writers run side by side; one agency's open write transaction must not hold up
// another agency's write (SQLite has one writer at a time by design). The second write runs on its
// own thread: it passes as soon as it commits, and only a write that waits for the first
// transaction (the shared counter of before) lets the bounded wait run out.
TEST_P(TwoAgencies, AWriteInOneAgencyDoesNotWaitForAnotherAgencysTransaction) {
  if (db_->dialect() == storage::Dialect::kSqlite)
    GTEST_SKIP() << "SQLite lets one transaction write at a time";
  const Id task = TaskService(*ctx_)
                      .Create(director_, InputFor(sources_[0], units_[0], "Việc đang sửa"))
                      ->task.summary.id;
  std::promise<void> written, release;
  std::thread holder([&] {
    db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
      c.execute("UPDATE tasks SET title = 'Đang sửa dở' WHERE id = $1", {storage::Param(task)});
      written.set_value();
      release.get_future().wait();
    });
  });
  written.get_future().wait();
  auto other = std::async(std::launch::async, [&] {
    return Outcome(TaskService(*ctx_).Create(
        other_director_, InputFor(other_source_, other_unit_, "Việc của Sở XD")));
  });
  const bool finished = other.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
  release.set_value();
  holder.join();
  EXPECT_TRUE(finished) << "the other agency's write waited for this agency's transaction";
  EXPECT_EQ(other.get(), "ok");
}

INSTANTIATE_TEST_SUITE_P(Databases, TwoAgencies, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// A PATCH names only what changes: the service merges it into the row it reads in the same
// transaction as the write, and a version that is no longer current changes nothing.
TEST_P(ServiceContract, PatchesChangeOnlyTheFieldsTheyName) {
  SourceService sources(*ctx_);
  const Source before = *sources.Get(director_, sources_[0]);
  SourcePatch retitle;
  retitle.title = "Chương trình công tác năm";
  retitle.doc_date = Date::Parse("2026-01-05");
  const auto renamed = sources.Update(director_, before.id, before.version, retitle);
  ASSERT_TRUE(renamed.ok()) << renamed.error().code;
  EXPECT_EQ(renamed->title, "Chương trình công tác năm");
  EXPECT_EQ(renamed->kind, before.kind);
  EXPECT_EQ(renamed->doc_number, before.doc_number);
  EXPECT_EQ(renamed->doc_date, Date::Parse("2026-01-05"));

  SourcePatch stale;
  stale.summary = "Tóm tắt";
  const auto refused = sources.Update(director_, before.id, before.version, stale);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "precondition_failed");

  SourcePatch clear_date;
  clear_date.doc_date = std::optional<Date>();
  const auto cleared = sources.Update(director_, before.id, renamed->version, clear_date);
  ASSERT_TRUE(cleared.ok()) << cleared.error().code;
  EXPECT_FALSE(cleared->doc_date);
  EXPECT_EQ(cleared->title, "Chương trình công tác năm");
  EXPECT_EQ(cleared->summary, before.summary);

  SourcePatch empty_title;
  empty_title.title = "";
  const auto invalid = sources.Update(director_, before.id, cleared->version, empty_title);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, "validation_failed");

  AuthService auth(*ctx_);
  NewUser admin_user{"quantri",     "mat-khau-123", Role::kAdmin, agency_,
                     "Lê Văn Quản", "Quản trị",     "",           std::nullopt};
  const Id admin_id = auth.CreateUser(std::nullopt, admin_user)->id;
  const Actor admin =
      *ctx_->db().transact(storage::TransactionMode::kRead,
                           [&](storage::Connection& c) { return LoadActor(c, admin_id); });
  OrganizationService orgs(*ctx_);
  const Organization unit = *orgs.Get(admin, units_[1]);
  OrganizationRename place;
  place.place_name = "Quảng Ngãi";
  const auto moved = orgs.Rename(admin, unit.id, unit.version, place);
  ASSERT_TRUE(moved.ok()) << moved.error().code;
  EXPECT_EQ(moved->place_name, "Quảng Ngãi");
  EXPECT_EQ(moved->name, unit.name);
  EXPECT_EQ(moved->code, unit.code);
  OrganizationRename late;
  late.name = "Phòng Quản lý";
  const auto late_result = orgs.Rename(admin, unit.id, unit.version, late);
  ASSERT_FALSE(late_result.ok());
  EXPECT_EQ(late_result.error().code, "precondition_failed");
  EXPECT_EQ(orgs.Get(admin, unit.id)->name, unit.name);
}

// A use case checks a code is free before inserting it, but another transaction may take it in
// between: the database's refusal reaches the caller as a conflict, with nothing written.
TEST_P(ServiceContract, AConstraintViolationOfAUseCaseIsAConflict) {
  auto insert_twice = [&](storage::Connection& c) -> Expected<Id> {
    c.execute("UPDATE organizations SET name = 'Đổi tên' WHERE id = $1",
              {storage::Param(units_[0])});
    c.execute(
        "INSERT INTO organizations (parent_id, agency_id, kind, code, name, name_key, "
        "place_name, path, valid_from, created_at, updated_at) "
        "SELECT parent_id, agency_id, kind, code, name, name_key, place_name, path, valid_from, "
        "0, 0 "
        "FROM organizations WHERE id = $1",
        {storage::Param(units_[1])});
    return units_[1];
  };
  auto result = ctx_->db().transact(storage::TransactionMode::kWrite, insert_twice);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "conflict");
  EXPECT_EQ(OrganizationService(*ctx_).Get(director_, units_[0])->name, "Phòng KHTC");

  // A reference to a row that is not there is refused the same way.
  auto dangling =
      ctx_->db().transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) -> Status {
        c.execute(
            "UPDATE organizations SET parent_id = $1 "
            "WHERE id = $2",
            {storage::Param(Id{999'999}), storage::Param(units_[0])});
        return Ok();
      });
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.error().code, "conflict");

  // Work that does not answer with an Expected has no caller to tell: it still throws.
  EXPECT_THROW(ctx_->db().transact(storage::TransactionMode::kWrite,
                                   [&](storage::Connection& c) { return insert_twice(c).ok(); }),
               storage::DatabaseError);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ServiceContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
