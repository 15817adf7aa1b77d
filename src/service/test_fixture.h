// What the service tests share: a fresh database per fixture on SQLite and, when
// GIAOBAN_TEST_PG_URL names a PostgreSQL server, on PostgreSQL; one agency with its units, people
// of every role and sources; a smaller agency for the tests that generate many tasks; and short
// ways of saying how an Expected came out.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "service/accounts/auth.h"
#include "service/context.h"
#include "service/organizations/organizations.h"
#include "service/sources/sources.h"
#include "storage/migrations.h"

namespace giaoban::service::test_support {

// A database of its own for one fixture, removed again when the fixture ends, so that repeated
// runs leave neither files in the temporary directory nor databases on the server behind.
class ScratchDatabase {
 public:
  ScratchDatabase() = default;
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  ~ScratchDatabase() { Remove(); }

  // Creates an empty database of `dialect` and returns its URL.
  std::string Create(const std::string& dialect) {
    static int counter = 0;
    name_ = "svc_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    if (dialect == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / ("giaoban-" + name_);
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      url_ = (dir_ / "test.db").string();
      return url_;
    }
    server_url_ = std::getenv("GIAOBAN_TEST_PG_URL");
    storage::OpenDatabase(server_url_, 1)->acquire()->execute_script("CREATE DATABASE " + name_);
    url_ = server_url_.substr(0, server_url_.rfind('/') + 1) + name_;
    return url_;
  }

  // The URL Create returned: for a test that opens a pool of its own on the same database.
  const std::string& url() const { return url_; }

 private:
  // Runs after every connection to the database is closed; FORCE covers a test that failed
  // while one was still checked out.
  void Remove() noexcept {
    try {
      if (!server_url_.empty())
        storage::OpenDatabase(server_url_, 1)
            ->acquire()
            ->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop " << name_ << ": " << e.what();
    }
    if (!dir_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  }

  std::string name_;
  std::string url_;
  std::string server_url_;
  std::filesystem::path dir_;
};

// An account made as an administrator makes one, password and all, and the actor it logs in as.
inline Actor CreateAccount(Context& ctx, const char* username, Role role, Id organization,
                           const char* full_name, const char* position) {
  const NewUser user{username,  "mat-khau-123", role, organization,
                     full_name, position,       "",   std::nullopt};
  const Id id = AuthService(ctx).CreateUser(std::nullopt, user)->id;
  return ctx.db().transact(storage::TransactionMode::kRead,
                           [&](storage::Connection& c) { return *LoadActor(c, id); });
}

// A fresh database of `dialect` in `scratch`, with the schema, its pool `connections` large.
inline std::unique_ptr<storage::Database> OpenFreshDatabase(ScratchDatabase& scratch,
                                                            const std::string& dialect,
                                                            std::size_t connections) {
  auto db = storage::OpenDatabase(scratch.Create(dialect), connections);
  storage::Migrate(*db);
  return db;
}

// "ok", or the error's code followed by its fields ("validation_failed title:required").
template <class T>
std::string Outcome(const Expected<T>& result) {
  if (result.ok()) return "ok";
  std::string out = result.error().code;
  for (const auto& f : result.error().fields) out += " " + f.field + ":" + f.code;
  return out;
}

// The Sở Giao thông vận tải under the provincial committee, with divisions KHTC, QLKCHT (and its
// team QLKCHT-1) and VP; a district office as an agency below it; and everyone whose role the
// rules tell apart. Today is fixed, so that dates in tests mean the same on every run.
class AgencyFixture : public ::testing::TestWithParam<std::string> {
 protected:
  static constexpr const char* kToday = "2024-06-28";

  void SetUp() override {
    if (GetParam() == "postgres" && std::getenv("GIAOBAN_TEST_PG_URL") == nullptr)
      GTEST_SKIP() << "GIAOBAN_TEST_PG_URL is not set";
    db_ = OpenFreshDatabase(scratch_, GetParam(), 2);
    Settings settings;
    settings.today = today();
    ctx_ = std::make_unique<Context>(*db_, settings);
    province_ = Org(std::nullopt, "committee", "UB", "UBND tỉnh");
    agency_ = Org(province_, "department", "SGTVT", "Sở Giao thông vận tải");
    planning_ = Org(agency_, "division", "KHTC", "Phòng Kế hoạch - Tài chính");
    infrastructure_ = Org(agency_, "division", "QLKCHT", "Phòng Quản lý kết cấu hạ tầng");
    team_ = Org(infrastructure_, "unit", "QLKCHT-1", "Tổ đường bộ");
    office_ = Org(agency_, "office", "VP", "Văn phòng Sở");
    district_ = Org(agency_, "department", "PQLGT", "Phòng Quản lý giao thông huyện");

    leader_ = User("giamdoc", Role::kLeader, agency_, "Nguyễn Văn Đình");
    consolidator_ = User("khtc", Role::kConsolidator, planning_, "Trần Thị Hoa");
    head_ = User("truongphong", Role::kUnitHead, infrastructure_, "Lê Văn Hùng");
    specialist_ = User("chuyenvien", Role::kSpecialist, team_, "Phạm Thị Lan");
    other_specialist_ = User("vanthu", Role::kSpecialist, office_, "Đỗ Văn Minh");
    viewer_ = User("thanhtra", Role::kViewer, office_, "Võ Thị Thu");
    admin_ = User("quantri", Role::kAdmin, office_, "Bùi Văn An");
    district_leader_ = User("huyen", Role::kLeader, district_, "Hoàng Văn Tư");

    SourceService sources(*ctx_);
    auto source =
        sources.Create(leader_, {"key_program", "Chương trình công tác trọng tâm năm 2024",
                                 "15/CTr-SGTVT", std::nullopt, "Sở GTVT", ""});
    ASSERT_TRUE(source.ok()) << Outcome(source);
    source_ = source->id;
  }

  static Date today() { return *Date::Parse(kToday); }
  static Date Day(const char* iso) { return *Date::Parse(iso); }

  Id Org(std::optional<Id> parent, const char* kind, const char* code, const char* name) {
    auto org = OrganizationService(*ctx_).Create(std::nullopt,
                                                 {parent, kind, code, name, "", std::nullopt});
    EXPECT_TRUE(org.ok()) << Outcome(org);
    return org.ok() ? org->id : 0;
  }

  // A person with an account. Hashing a password is deliberately slow and these tests never log
  // in, so the account is written without one: no password can match its hash.
  Actor User(const char* username, Role role, Id organization, const char* full_name) {
    auto person = OrganizationService(*ctx_).CreatePerson(std::nullopt,
                                                          {organization, full_name, "", "", ""});
    EXPECT_TRUE(person.ok()) << Outcome(person);
    Actor actor;
    db_->transact(storage::TransactionMode::kWrite, [&](storage::Connection& c) {
      const Id user_id =
          c.execute(
               "INSERT INTO users (person_id, username, password_hash, role, created_at, "
               "updated_at) VALUES ($1, $2, 'no-password', $3, 0, 0) RETURNING id",
               {storage::Param(person->id), storage::Param(username),
                storage::Param(RoleCode(role))})
              .one()
              .integer(0);
      actor = *LoadActor(c, user_id);
    });
    return actor;
  }

  ScratchDatabase scratch_;  // outlives db_, whose connections must close first
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Context> ctx_;
  Id province_ = 0, agency_ = 0, planning_ = 0, infrastructure_ = 0, team_ = 0, office_ = 0,
     district_ = 0;
  Actor leader_, consolidator_, head_, specialist_, other_specialist_, viewer_, admin_,
      district_leader_;
  Id source_ = 0;
};

// The setting of the tests that generate many tasks: a provincial committee with one department,
// the agency, and its four divisions KHTC, QLKCHT, QLVT and VP (units_, in that order), made
// through the services, with the agency's director. `connections` is the pool's size: one, and
// its statement count is everything a call did.
class FourDivisionFixture : public ::testing::TestWithParam<std::string> {
 protected:
  explicit FourDivisionFixture(std::size_t connections = 2) : connections_(connections) {}

  void SetUp() override {
    if (GetParam() == "postgres" && std::getenv("GIAOBAN_TEST_PG_URL") == nullptr)
      GTEST_SKIP() << "GIAOBAN_TEST_PG_URL is not set";
    db_ = OpenFreshDatabase(scratch_, GetParam(), connections_);
    ctx_ = std::make_unique<Context>(*db_, Settings{});
    OrganizationService orgs(*ctx_);
    const Id province = orgs.Create(std::nullopt, {std::nullopt, "committee", "UB", "UBND tỉnh",
                                                   "Quảng Ngãi", std::nullopt})
                            ->id;
    agency_ = orgs.Create(std::nullopt, {province, "department", "SGTVT", "Sở Giao thông vận tải",
                                         "", std::nullopt})
                  ->id;
    for (const char* code : {"KHTC", "QLKCHT", "QLVT", "VP"})
      units_.push_back(orgs.Create(std::nullopt, {agency_, "division", code,
                                                  std::string("Phòng ") + code, "", std::nullopt})
                           ->id);
    director_ =
        CreateAccount(*ctx_, "giamdoc", Role::kLeader, agency_, "Nguyễn Văn Đình", "Giám đốc");
  }

  ScratchDatabase scratch_;  // outlives db_, whose connections must close first
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Context> ctx_;
  Id agency_ = 0;
  std::vector<Id> units_;
  Actor director_;

 private:
  std::size_t connections_;
};

}  // namespace giaoban::service::test_support
