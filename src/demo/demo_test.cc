#include "demo/demo.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "service/accounts/auth.h"
#include "service/reports/issued_reports.h"
#include "service/reports/png_testing.h"
#include "service/reports/report_settings.h"
#include "service/reports/unit_reports.h"
#include "service/tasks/task_filter.h"
#include "service/tasks/task_store.h"
#include "service/tasks/tasks.h"
#include "storage/migrations.h"

namespace giaoban::demo {
namespace {

namespace fs = std::filesystem;
using domain::Date;
using service::Actor;
using storage::Param;

const Date kToday = *Date::FromYmd(2025, 10, 15);
constexpr const char* kStatuses[] = {"completed_on_time", "completed_late", "in_progress",
                                     "overdue", "cancelled"};

// A fresh, migrated SQLite database in its own temporary directory.
class TempDatabase {
 public:
  TempDatabase() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("giaoban_demo_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    fs::create_directories(dir_);
    db_ = storage::OpenDatabase((dir_ / "giaoban.db").string(), 2);
    storage::Migrate(*db_);
    ctx_ = std::make_unique<service::Context>(*db_, service::Settings{});
  }
  ~TempDatabase() {
    ctx_.reset();
    db_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  const service::Context& ctx() const { return *ctx_; }
  storage::Database& db() const { return *db_; }

  std::int64_t Scalar(const std::string& sql, std::initializer_list<storage::Value> params = {}) {
    return db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      return c.execute(sql, params).one().integer(0);
    });
  }
  std::string Text(const std::string& sql, std::initializer_list<storage::Value> params = {}) {
    return db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      return c.execute(sql, params).one().text(0);
    });
  }
  Actor ActorOf(std::int64_t user_id) {
    auto actor = db_->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      return service::LoadActor(c, user_id);
    });
    EXPECT_TRUE(actor.has_value());
    return *actor;
  }
  Actor ActorNamed(const std::string& username) {
    return ActorOf(Scalar("SELECT id FROM users WHERE username = $1", {Param(username)}));
  }

 private:
  fs::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<service::Context> ctx_;
};

std::int64_t CountTasks(const service::Context& ctx, const Actor& actor, Date as_of,
                        const service::QueryParams& params) {
  auto filter = service::ParseTaskFilter(params, as_of);
  EXPECT_TRUE(filter.ok());
  auto page = service::TaskService(ctx).List(actor, *filter);
  EXPECT_TRUE(page.ok());
  return page.ok() ? page->total : -1;
}

std::map<std::string, std::int64_t> StatusMix(const service::Context& ctx, const Actor& actor,
                                              Date as_of) {
  std::map<std::string, std::int64_t> mix;
  for (const char* status : kStatuses)
    mix[status] = CountTasks(ctx, actor, as_of, {{"status", status}});
  return mix;
}

void Print(const std::string& label, const std::map<std::string, std::int64_t>& mix) {
  std::cout << "[ mix      ] " << label << ":";
  for (const auto& [status, count] : mix) std::cout << " " << status << "=" << count;
  std::cout << "\n";
}

// ---------------------------------------------------------------------------------------------
// The demo agency, loaded once for the suite.

// Files that name the report they were drawn for: the demo's data is under test here, not the
// documents, which the documents layer's tests read back.
class NamingRenderer final : public service::IssuedReportRenderer {
 public:
  std::vector<service::RenderedFile> Render(const service::IssuedReport& r,
                                            const service::ReportSettings&,
                                            const service::DocumentImages&) const override {
    return {{"pdf", "application/pdf", r.summary.number_text + " " + r.summary.signer.full_name}};
  }
};

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TempDatabase();
    DemoOptions options;
    options.today = kToday;
    static const NamingRenderer renderer;
    options.report_renderer = &renderer;
    options.seal_png = service::png_testing::RedRing();
    options.signature_pngs = {service::png_testing::BlueStroke(200, 80),
                              service::png_testing::BlueStroke(180, 70)};
    const auto start = std::chrono::steady_clock::now();
    result_ = new DemoResult(LoadDemo(database_->ctx(), options));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    std::cout << "[ timing   ] LoadDemo: " << ms << " ms, " << result_->tasks << " tasks\n";
  }
  static void TearDownTestSuite() {
    delete result_;
    delete database_;
    result_ = nullptr;
    database_ = nullptr;
  }

  static TempDatabase* database_;
  static DemoResult* result_;
};

TempDatabase* DemoTest::database_ = nullptr;
DemoResult* DemoTest::result_ = nullptr;

TEST_F(DemoTest, LoadsTheAgency) {
  ASSERT_TRUE(result_->loaded);
  EXPECT_GT(result_->agency_id, 0);
  EXPECT_GE(result_->tasks, 120);
  EXPECT_LE(result_->tasks, 180);
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM tasks"), result_->tasks);
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM tasks WHERE agency_id = $1",
                              {Param(result_->agency_id)}),
            result_->tasks);
  // Every task has its history, starting with its creation.
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM "
                              "events e WHERE e.task_id = t.id AND e.action = 'created')"),
            0);
  EXPECT_GT(database_->Scalar("SELECT COUNT(*) FROM events WHERE action = 'progress_reported'"),
            result_->tasks);
}

TEST_F(DemoTest, EveryStatusOccursAsOfToday) {
  const Actor director = database_->ActorNamed("giamdoc");
  const auto mix = StatusMix(database_->ctx(), director, kToday);
  Print("demo as of " + kToday.Iso(), mix);
  for (const char* status : kStatuses) EXPECT_GT(mix.at(status), 0) << status;
  const std::int64_t total = CountTasks(database_->ctx(), director, kToday, {});
  EXPECT_EQ(total, result_->tasks);
  // Like a real agency: most tasks done on time, a few percent overdue.
  for (const auto& [status, count] : mix) {
    if (status != "completed_on_time") {
      EXPECT_LT(count, mix.at("completed_on_time")) << status;
    }
  }
  EXPECT_LE(mix.at("overdue") * 100, total * 8);
  EXPECT_LE(mix.at("cancelled") * 100, total * 8);
}

TEST_F(DemoTest, HistoryHasEveryKindOfEvent) {
  auto count = [](const std::string& sql) { return database_->Scalar(sql); };
  EXPECT_GT(count("SELECT COUNT(*) FROM task_extensions WHERE state = 'approved'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM task_extensions WHERE state = 'refused'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM task_extensions WHERE state = 'pending'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM explanation_requests WHERE answer IS NOT NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks WHERE cancel_kind = 'withdrawn'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks WHERE parent_id IS NOT NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks WHERE deadline IS NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks WHERE deadline_label LIKE 'Quý %'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks WHERE restricted = 1"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM task_cooperators"), 0);
  for (const char* kind : {"higher_program", "key_program", "ad_hoc", "meeting_conclusion"}) {
    EXPECT_GT(database_->Scalar("SELECT COUNT(*) FROM sources WHERE kind = $1", {Param(kind)}), 0)
        << kind;
  }
  // The merged division points at its successor and still leads its old tasks.
  EXPECT_EQ(count("SELECT COUNT(*) FROM organizations WHERE code = 'QLPTNL' AND successor_id IS "
                  "NOT NULL AND valid_to IS NOT NULL"),
            1);
  EXPECT_GT(count("SELECT COUNT(*) FROM tasks t JOIN organizations o ON o.id = t.lead_org_id "
                  "WHERE o.code = 'QLPTNL'"),
            0);
  // No business date after the demo's today.
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM tasks WHERE assigned_on > $1 OR "
                              "completed_on > $1 OR cancelled_on > $1",
                              {Param(kToday.Iso())}),
            0);
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM task_updates WHERE reported_on > $1",
                              {Param(kToday.Iso())}),
            0);
}

// A unit's reported progress rises, also across an extension or a refused request.
TEST_F(DemoTest, ProgressNeverGoesBack) {
  EXPECT_GT(database_->Scalar("SELECT COUNT(*) FROM task_updates WHERE percent IS NOT NULL"), 0);
  EXPECT_EQ(database_->Scalar(
                "SELECT COUNT(*) FROM task_updates later JOIN task_updates earlier "
                "ON earlier.task_id = later.task_id AND (earlier.reported_on < later.reported_on "
                "OR (earlier.reported_on = later.reported_on AND earlier.id < later.id)) "
                "WHERE later.percent < earlier.percent"),
            0);
}

TEST_F(DemoTest, ProvinceViewerReadsButNotRestrictedTasks) {
  const Actor viewer = database_->ActorNamed("thanhtra.tinh");
  const std::int64_t visible = CountTasks(database_->ctx(), viewer, kToday, {});
  EXPECT_EQ(visible, result_->tasks - database_->Scalar("SELECT COUNT(*) FROM tasks WHERE "
                                                        "restricted = 1"));
}

// A newcomer meets the reporting cycle alive: the last finished month's reports at every stage,
// two divisions' not started, the months before accepted.
TEST_F(DemoTest, TheLastMonthsReportsAreAtEveryStage) {
  const auto consolidator =
      database_->ActorOf(database_->Scalar("SELECT id FROM users WHERE role = 'consolidator'"));
  service::UnitReportService reports(database_->ctx());
  auto last = reports.Board(consolidator, "2025-09");
  ASSERT_TRUE(last.ok());
  std::map<std::string, std::string> states;
  int late = 0;
  for (const auto& u : last->units) {
    states[u.organization.name] = u.state;
    late += u.working_days_late > 0;
  }
  std::multiset<std::string> seen;
  for (const auto& [name, state] : states) seen.insert(state);
  for (const char* state : {"accepted", "submitted", "returned", "draft", "not_started"})
    EXPECT_GT(seen.count(state), 0u) << state;
  EXPECT_EQ(states["Phòng Quản lý kết cấu hạ tầng giao thông"], "not_started");
  EXPECT_GE(late, 3);  // the one sent late and the two not started, at least
  auto before = reports.Board(consolidator, "2025-08");
  ASSERT_TRUE(before.ok());
  for (const auto& u : before->units) {
    if (u.report_id) {
      EXPECT_EQ(u.state, "accepted") << u.organization.name;
    }
  }
}

TEST_F(DemoTest, TheMonthsBeforeTheLastAreIssuedOneOfThemReplaced) {
  const auto consolidator =
      database_->ActorOf(database_->Scalar("SELECT id FROM users WHERE role = 'consolidator'"));
  const NamingRenderer renderer;
  service::IssuedReportService issued(database_->ctx(), renderer);
  auto list = issued.List(consolidator, std::nullopt);
  ASSERT_TRUE(list.ok());
  std::map<std::string, std::vector<service::IssuedReportSummary>> by_period;
  for (const auto& s : *list) by_period[s.period].push_back(s);
  // Issued after the month's unit reports were in: July and August 2025; September is being
  // consolidated.
  ASSERT_EQ(by_period.size(), 2u);
  ASSERT_EQ(by_period["2025-07"].size(), 2u);
  const auto& replacement = by_period["2025-07"].front();  // newest first
  ASSERT_TRUE(replacement.replaces);
  EXPECT_EQ(replacement.signer.authority, "KT. GIÁM ĐỐC");
  ASSERT_EQ(by_period["2025-08"].size(), 1u);
  EXPECT_FALSE(by_period["2025-08"].front().replaced_by);
  // Numbered in order of issue from 01.
  std::vector<int> numbers;
  for (const auto& s : *list) numbers.push_back(s.number);
  EXPECT_EQ(numbers, (std::vector<int>{3, 2, 1}));
  // Signed with the signature image set for its signer.
  ASSERT_TRUE(replacement.signer.signature);
  EXPECT_EQ(replacement.signer.signature->width, 180);
  auto report = issued.Get(consolidator, by_period["2025-08"].front().id);
  ASSERT_TRUE(report.ok());
  EXPECT_NE(report->report.prose.highlights.find("Công tác chỉ đạo, điều hành"), std::string::npos);
  EXPECT_GT(report->report.totals.due, 0);
}

TEST_F(DemoTest, TheSealAndTheSignaturesGivenAreSet) {
  const auto specialist = database_->ActorNamed("cv.lan");
  auto settings = service::ReportSettingsService(database_->ctx()).Get(specialist);
  ASSERT_TRUE(settings.ok());
  ASSERT_TRUE(settings->seal);
  EXPECT_EQ(settings->seal->width, 100);
  ASSERT_EQ(settings->signers.size(), 2u);
  ASSERT_TRUE(settings->signers[0].signature);
  EXPECT_EQ(settings->signers[0].signature->width, 200);
  ASSERT_TRUE(settings->signers[1].signature);
  EXPECT_EQ(settings->signers[1].signature->width, 180);
}

TEST_F(DemoTest, SecondLoadDoesNothing) {
  DemoOptions options;
  options.today = kToday;
  const DemoResult again = LoadDemo(database_->ctx(), options);
  EXPECT_FALSE(again.loaded);
  EXPECT_EQ(again.tasks, 0);
  EXPECT_TRUE(again.accounts.empty());
  EXPECT_EQ(database_->Scalar("SELECT COUNT(*) FROM tasks"), result_->tasks);
}

TEST_F(DemoTest, EveryAccountLogsIn) {
  ASSERT_GE(result_->accounts.size(), 12u);
  std::map<std::string, int> roles;
  service::AuthService auth(database_->ctx());
  for (const DemoAccount& account : result_->accounts) {
    auto login = auth.Login(account.username, DemoOptions{}.password, "127.0.0.1");
    ASSERT_TRUE(login.ok()) << account.username << ": " << login.error().code;
    EXPECT_EQ(login->actor.username, account.username);
    EXPECT_EQ(std::string(service::RoleCode(login->actor.role)), account.role);
    EXPECT_EQ(login->actor.full_name, account.full_name);
    EXPECT_FALSE(account.position.empty());
    EXPECT_FALSE(account.organization.empty());
    ++roles[account.role];
  }
  for (const char* role : {"admin", "leader", "consolidator", "unit_head", "specialist", "viewer"})
    EXPECT_GT(roles[role], 0) << role;
  EXPECT_GE(roles["leader"], 4);
}

// The same seed and the same today give the same agency.
TEST_F(DemoTest, SameSeedSameData) {
  TempDatabase other;
  DemoOptions options;
  options.today = kToday;
  ASSERT_TRUE(LoadDemo(other.ctx(), options).loaded);
  auto digest = [](TempDatabase& db) {
    return db.db().transact(storage::TransactionMode::kRead, [](storage::Connection& c) {
      std::string out;
      auto r = c.execute(
          "SELECT t.title, t.assigned_on, COALESCE(t.deadline, ''), COALESCE(t.completed_on, ''), "
          "COALESCE(t.cancelled_on, ''), t.progress, o.code, t.result_doc_number, "
          "(SELECT COUNT(*) FROM task_updates u WHERE u.task_id = t.id) FROM tasks t "
          "JOIN organizations o ON o.id = t.lead_org_id ORDER BY t.id");
      for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
          out += std::holds_alternative<std::int64_t>(row.value(i)) ? std::to_string(row.integer(i))
                                                                    : row.text(i);
          out += "|";
        }
        out += "\n";
      }
      return out;
    });
  };
  EXPECT_EQ(digest(other), digest(*database_));
}

// A demo "today" equal to the real one must work too (the services refuse future dates).
TEST(DemoRealToday, EveryStatusOccurs) {
  TempDatabase database;
  DemoOptions options;
  options.today = database.ctx().Today();
  options.seed = 11;
  const DemoResult result = LoadDemo(database.ctx(), options);
  ASSERT_TRUE(result.loaded);
  const auto mix = StatusMix(database.ctx(), database.ActorNamed("pgd.hung"), options.today);
  Print("demo as of " + options.today.Iso() + " (seed 11)", mix);
  for (const char* status : kStatuses) EXPECT_GT(mix.at(status), 0) << status;
}

// ---------------------------------------------------------------------------------------------
// Benchmark data

std::int64_t LeaderOf(TempDatabase& db, std::int64_t agency) {
  return db.Scalar(
      "SELECT MIN(u.id) FROM users u JOIN people p ON p.id = u.person_id "
      "WHERE p.organization_id = $1 AND u.role = 'leader'",
      {Param(agency)});
}

TEST(ScaleData, CreatesTasksWithARealisticMix) {
  TempDatabase database;
  const std::int64_t agency = LoadScaleData(database.ctx(), {5, 2000, kToday, 7}).agency_ids.at(0);
  ASSERT_GT(agency, 0);
  const Actor leader = database.ActorOf(LeaderOf(database, agency));
  EXPECT_EQ(leader.agency_id, agency);
  const auto& ctx = database.ctx();
  EXPECT_EQ(CountTasks(ctx, leader, kToday, {}), 2000);

  const auto mix = StatusMix(ctx, leader, kToday);
  Print("scale data as of " + kToday.Iso(), mix);
  const std::int64_t completed = mix.at("completed_on_time") + mix.at("completed_late");
  EXPECT_GT(completed, 2000 * 55 / 100);
  EXPECT_LT(completed, 2000 * 85 / 100);
  EXPECT_GT(mix.at("completed_on_time"), mix.at("completed_late") * 5);
  EXPECT_GT(mix.at("completed_late"), 0);
  EXPECT_GT(mix.at("in_progress"), 2000 * 10 / 100);
  EXPECT_GT(mix.at("overdue"), 0);
  EXPECT_LT(mix.at("overdue"), 2000 * 8 / 100);
  EXPECT_GT(mix.at("cancelled"), 2000 * 1 / 100);
  EXPECT_LT(mix.at("cancelled"), 2000 * 5 / 100);

  const std::int64_t extended = database.Scalar(
      "SELECT COUNT(*) FROM tasks t WHERE t.extended_on IS NOT NULL AND EXISTS (SELECT 1 FROM "
      "task_extensions e WHERE e.task_id = t.id AND e.state = 'approved')");
  EXPECT_GT(extended, 2000 * 3 / 100);
  EXPECT_LT(extended, 2000 * 8 / 100);
  EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM events WHERE action = 'created' AND "
                            "task_id IS NOT NULL"),
            2000);
  const std::int64_t updated = database.Scalar("SELECT COUNT(DISTINCT task_id) FROM task_updates");
  EXPECT_GT(updated, 2000 * 30 / 100);
  EXPECT_LT(updated, 2000 * 60 / 100);
  EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM organizations WHERE agency_id = $1 AND id <> $1",
                            {Param(agency)}),
            5);

  // Text search finds the folded titles.
  EXPECT_GT(CountTasks(ctx, leader, kToday, {{"q", "kiểm tra"}}), 0);
  EXPECT_GT(CountTasks(ctx, leader, kToday, {{"q", "dot 3"}}), 0);

  database.db().transact(storage::TransactionMode::kRead, [](storage::Connection& c) {
    // Materialised paths are the chain of ids from the root.
    for (const auto& row :
         c.execute("SELECT o.path, p.path, o.id FROM organizations o JOIN organizations p "
                   "ON p.id = o.parent_id")
             .rows) {
      EXPECT_EQ(row.text(0), row.text(1) + std::to_string(row.integer(2)) + "/");
    }
    // The search text is exactly what the services would store.
    for (const auto& row : c.execute("SELECT t.title, t.content, t.product, s.doc_number, "
                                     "t.search_fold FROM tasks t JOIN sources s ON "
                                     "s.id = t.source_id WHERE t.id % 37 = 0")
                               .rows) {
      EXPECT_EQ(row.text(4),
                service::TaskSearchFold(row.text(0), row.text(1), row.text(2), row.text(3)));
    }
  });

  // A second agency in the same database does not collide with the first.
  const std::int64_t second = LoadScaleData(ctx, {3, 100, kToday, 8}).agency_ids.at(0);
  EXPECT_NE(second, agency);
  EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM tasks WHERE agency_id = $1", {Param(second)}),
            100);
}

// The province data set: agencies sharing the tasks under one province, with years of history.
TEST(ScaleData, LoadsAProvinceOfAgenciesWithYearsOfHistory) {
  TempDatabase database;
  const ScaleResult loaded = LoadScaleData(database.ctx(), {3, 900, kToday, 7, 3, 3});
  ASSERT_EQ(loaded.agency_ids.size(), 3u);
  const std::string province = std::to_string(loaded.province_id);
  EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM organizations WHERE parent_id = " + province +
                            " AND agency_id = id"),
            3);
  std::set<std::string> names;
  for (const std::int64_t agency : loaded.agency_ids) {
    const Actor leader = database.ActorOf(LeaderOf(database, agency));
    EXPECT_EQ(leader.agency_id, agency);
    EXPECT_EQ(CountTasks(database.ctx(), leader, kToday, {}), 300);
    EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM organizations WHERE agency_id = $1 AND "
                              "parent_id = $1",
                              {Param(agency)}),
              3);
    names.insert(database.Text("SELECT name FROM organizations WHERE id = $1", {Param(agency)}));
  }
  EXPECT_EQ(names.size(), 3u);
  // Three years back, and the old tasks mostly closed.
  EXPECT_LE(database.Text("SELECT MIN(assigned_on) FROM tasks"), kToday.AddDays(-730).Iso());
  const std::int64_t old = database.Scalar("SELECT COUNT(*) FROM tasks WHERE assigned_on < $1",
                                           {Param(kToday.AddDays(-400).Iso())});
  const std::int64_t old_open = database.Scalar(
      "SELECT COUNT(*) FROM tasks WHERE assigned_on < $1 AND completed_on IS NULL "
      "AND cancelled_on IS NULL",
      {Param(kToday.AddDays(-400).Iso())});
  EXPECT_GT(old, 900 / 2);
  EXPECT_LT(old_open, old / 10);
  // Each year has its programmes.
  EXPECT_EQ(database.Scalar("SELECT COUNT(*) FROM sources WHERE agency_id = $1 AND kind = "
                            "'key_program'",
                            {Param(loaded.agency_ids.front())}),
            4);
}

// The same loads on PostgreSQL, when GIAOBAN_DEMO_TEST_PG_URL names an empty database
// (scripts/pg-test-cluster.sh makes one). Skipped otherwise; a database with data is never touched.
TEST(DemoPostgres, LoadsDemoAndScaleData) {
  const char* url = std::getenv("GIAOBAN_DEMO_TEST_PG_URL");
  if (!url || !*url) GTEST_SKIP() << "GIAOBAN_DEMO_TEST_PG_URL is not set";
  auto db = storage::OpenDatabase(url, 2);
  storage::Migrate(*db);
  auto count = [&](const std::string& sql) {
    return db->transact(storage::TransactionMode::kRead,
                        [&](storage::Connection& c) { return c.execute(sql).one().integer(0); });
  };
  if (count("SELECT COUNT(*) FROM organizations") != 0) GTEST_SKIP() << "the database is not empty";
  service::Context ctx(*db, service::Settings{});
  DemoOptions options;
  options.today = kToday;
  const DemoResult demo = LoadDemo(ctx, options);
  ASSERT_TRUE(demo.loaded);
  auto actor_named = [&](const std::string& username) {
    return *db->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      const auto id =
          c.execute("SELECT id FROM users WHERE username = $1", {Param(username)}).one().integer(0);
      return service::LoadActor(c, id);
    });
  };
  const auto mix = StatusMix(ctx, actor_named("giamdoc"), kToday);
  Print("demo on PostgreSQL", mix);
  for (const char* status : kStatuses) EXPECT_GT(mix.at(status), 0) << status;
  EXPECT_FALSE(LoadDemo(ctx, options).loaded);

  const std::int64_t agency = LoadScaleData(ctx, {5, 2000, kToday, 7}).agency_ids.at(0);
  const std::int64_t leader =
      db->transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
        return c
            .execute(
                "SELECT MIN(u.id) FROM users u JOIN people p ON p.id = u.person_id "
                "WHERE p.organization_id = $1 AND u.role = 'leader'",
                {Param(agency)})
            .one()
            .integer(0);
      });
  const Actor scale_leader =
      *db->transact(storage::TransactionMode::kRead,
                    [&](storage::Connection& c) { return service::LoadActor(c, leader); });
  EXPECT_EQ(CountTasks(ctx, scale_leader, kToday, {}), 2000);
  const auto scale_mix = StatusMix(ctx, scale_leader, kToday);
  Print("scale data on PostgreSQL", scale_mix);
  for (const char* status : kStatuses) EXPECT_GT(scale_mix.at(status), 0) << status;
  EXPECT_GT(CountTasks(ctx, scale_leader, kToday, {{"q", "kiem tra"}}), 0);
}

}  // namespace
}  // namespace giaoban::demo
