// What only SQLite does: its parameter binding, its settings and busy handling, its file paths.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "storage/database_test_support.h"

namespace giaoban::storage {
namespace {

TEST_P(DatabaseTest, SqliteParametersAreMatchedByName) {
  if (pg()) GTEST_SKIP() << "SQLite binding rules";
  auto lease = db_->acquire();
  // $2 is not in the statement and is skipped; $3 has no value and stays NULL.
  const Row row = lease->execute("SELECT $1, $3", {"một", "hai"}).one();
  EXPECT_EQ(row.text(0), "một");
  EXPECT_TRUE(row.is_null(1));
}

TEST_P(DatabaseTest, SqliteSettingsAndBusyMapsToSerialization) {
  if (pg()) GTEST_SKIP() << "SQLite settings";
  auto lease = db_->acquire();
  EXPECT_EQ(lease->execute("PRAGMA journal_mode").one().text(0), "wal");
  EXPECT_EQ(lease->execute("PRAGMA foreign_keys").one().integer(0), 1);
  EXPECT_EQ(lease->execute("PRAGMA synchronous").one().integer(0), 1);  // NORMAL

  SqliteConnection other(url_);
  sqlite3_busy_timeout(other.handle(), 50);  // not the 10 s default, to keep the test quick
  lease->begin(TransactionMode::kWrite);
  EXPECT_EQ(ErrorKind([&] { other.begin(TransactionMode::kWrite); }), Kind::kSerialization);
  other.rollback();  // nothing to roll back: must not fail
  lease->commit();
  other.begin(TransactionMode::kWrite);
  other.commit();
}

TEST_P(DatabaseTest, SqliteOpenDatabaseStripsThePrefixAndCreatesDirectories) {
  if (pg()) GTEST_SKIP() << "SQLite paths";
  const fs::path path = dir_ / "nested" / "deeper" / "giaoban.db";
  auto db = OpenDatabase("sqlite:" + path.string(), 2);
  EXPECT_EQ(db->dialect(), Dialect::kSqlite);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(db->acquire()->execute("SELECT 7").one().integer(0), 7);
}

}  // namespace
}  // namespace giaoban::storage
