// What the database tests share: a DatabaseTest fixture that runs each test on both dialects (on
// PostgreSQL when GIAOBAN_TEST_PG_URL names a server), each in a database of its own, and small
// helpers to check errors. The tests themselves are split by concern into database_*_test.cc,
// sqlite_database_test.cc and postgres_database_test.cc.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "storage/database.h"
#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

namespace giaoban::storage {

// Names the dialect in test output ("GetParam() = Postgres") instead of dumping its bytes.
inline void PrintTo(Dialect dialect, std::ostream* os) {
  *os << (dialect == Dialect::kSqlite ? "Sqlite" : "Postgres");
}

namespace fs = std::filesystem;
using Kind = DatabaseError::Kind;

// Test processes may run in parallel (ctest -j) against one PostgreSQL database, so every test
// gets names no other process uses.
inline std::string UniqueName(std::string_view prefix) {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}() % 100000;
  return std::string(prefix) + "_" + std::to_string(::getpid()) + "_" + std::to_string(salt) + "_" +
         std::to_string(counter++);
}

template <class Fn>
inline std::optional<Kind> ErrorKind(Fn&& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.kind();
  }
  return std::nullopt;
}

template <class Fn>
inline std::string ErrorMessage(Fn&& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.what();
  }
  return "";
}

inline bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::string DialectName(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
}

// Each test gets its own database: an SQLite file in a fresh directory, or a fresh PostgreSQL
// schema that the test's connections find first on their search_path.
class DatabaseTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (pg()) {
      const char* base = std::getenv("GIAOBAN_TEST_PG_URL");
      if (base == nullptr || *base == '\0') {
        GTEST_SKIP() << "set GIAOBAN_TEST_PG_URL to run the PostgreSQL tests";
      }
      pg_base_url_ = base;
      schema_ = UniqueName("dbtest");
      PostgresConnection admin(pg_base_url_);
      admin.execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " +
                           schema_);
      url_ = pg_base_url_ + (Contains(pg_base_url_, "?") ? "&" : "?") + "options=-csearch_path%3D" +
             schema_;
    } else {
      dir_ = fs::temp_directory_path() / UniqueName("giaoban-dbtest");
      fs::create_directories(dir_);
      url_ = (dir_ / "test.db").string();
    }
    db_ = OpenDatabase(url_, 4);
  }

  void TearDown() override {
    db_.reset();
    if (!schema_.empty()) {
      PostgresConnection admin(pg_base_url_);
      admin.execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
    if (!dir_.empty()) {
      std::error_code ignored;
      fs::remove_all(dir_, ignored);
    }
  }

  bool pg() const { return GetParam() == Dialect::kPostgres; }

  std::unique_ptr<Connection> Connect() const {
    if (pg()) return std::make_unique<PostgresConnection>(url_);
    return std::make_unique<SqliteConnection>(url_);
  }

  // The only DDL the two dialects spell differently in these tests.
  std::string IdColumn() const {
    return pg() ? "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "id INTEGER PRIMARY KEY";
  }
  std::string BlobType() const { return pg() ? "BYTEA" : "BLOB"; }

  void Script(const std::string& sql) { db_->acquire()->execute_script(sql); }

  std::int64_t Count(const std::string& table) {
    return db_->acquire()->execute("SELECT count(*) FROM " + table).one().integer(0);
  }

  std::string url_;
  std::string pg_base_url_;
  std::string schema_;
  fs::path dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace giaoban::storage
