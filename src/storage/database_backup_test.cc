// Database::Backup on both dialects: a complete copy replacing the old one whole, consistent while
// others write, and never written over the live SQLite database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "storage/database_test_support.h"

namespace giaoban::storage {
namespace {

using namespace std::chrono_literals;

// Every transaction adds one row to each of two tables, so any consistent snapshot holds as many
// rows in one as in the other.
TEST_P(DatabaseTest, SqliteBackupUnderConcurrentWrites) {
  if (pg()) GTEST_SKIP() << "SQLite backup";
  Script(
      "CREATE TABLE dbtest_a (k INTEGER PRIMARY KEY, payload TEXT NOT NULL);"
      "CREATE TABLE dbtest_b (k INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
  const std::string payload(200, 'x');
  constexpr std::int64_t kPrefilled = 20000;  // some megabytes, so that a copy takes a while
  db_->transact(TransactionMode::kWrite, [&](Connection& c) {
    for (std::int64_t k = 0; k < kPrefilled; ++k) {
      c.execute("INSERT INTO dbtest_a (k, payload) VALUES ($1, $2)", {k, payload});
      c.execute("INSERT INTO dbtest_b (k, payload) VALUES ($1, $2)", {k, payload});
    }
  });

  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> next_key{kPrefilled};
  std::atomic<int> commits{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([&] {
      while (!stop) {
        try {
          db_->transact(TransactionMode::kWrite, [&](Connection& c) {
            const std::int64_t k = next_key++;
            c.execute("INSERT INTO dbtest_a (k, payload) VALUES ($1, $2)", {k, payload});
            c.execute("INSERT INTO dbtest_b (k, payload) VALUES ($1, $2)", {k, payload});
          });
          ++commits;
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  while (commits < 20) std::this_thread::sleep_for(1ms);

  constexpr int kBackups = 3;
  const int commits_before = commits;
  for (int b = 0; b < kBackups; ++b) {
    auto lease = db_->acquire();
    SqliteBackup(*lease, (dir_ / ("backup" + std::to_string(b) + ".db")).string());
  }
  const int commits_during = commits - commits_before;
  stop = true;
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(commits_during, 0) << "the writers did not write while the backups ran";

  for (int b = 0; b < kBackups; ++b) {
    const fs::path path = dir_ / ("backup" + std::to_string(b) + ".db");
    ASSERT_TRUE(fs::exists(path));
    EXPECT_FALSE(fs::exists(path.string() + "-journal"));
    // Header bytes 18 and 19 are 1 for a rollback-journal database, 2 for WAL.
    std::ifstream file(path, std::ios::binary);
    char header[20] = {};
    file.read(header, sizeof header);
    EXPECT_EQ(header[18], 1);
    EXPECT_EQ(header[19], 1);

    SqliteConnection copy(path.string());
    EXPECT_EQ(copy.execute("PRAGMA integrity_check").one().text(0), "ok");
    const std::int64_t a = copy.execute("SELECT count(*) FROM dbtest_a").one().integer(0);
    const std::int64_t rows_b = copy.execute("SELECT count(*) FROM dbtest_b").one().integer(0);
    EXPECT_EQ(a, rows_b);
    EXPECT_GE(a, kPrefilled + 20);
  }
}

// The contents of `path`, or empty when it cannot be read.
std::string FileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_P(DatabaseTest, BackupReplacesTheDestinationWithACompleteCopy) {
  Script("CREATE TABLE backup_probe (k INTEGER PRIMARY KEY, note TEXT NOT NULL)");
  db_->transact(TransactionMode::kWrite, [](Connection& c) {
    c.execute("INSERT INTO backup_probe (k, note) VALUES (1, 'một'), (2, 'hai')");
  });
  const fs::path folder = fs::temp_directory_path() / UniqueName("giaoban-backup");
  fs::create_directories(folder);
  const fs::path destination = folder / "copy.backup";
  {
    std::ofstream old(destination);
    old << "the previous backup";
  }
  db_->Backup(destination.string());

  const std::string copy = FileBytes(destination);
  EXPECT_FALSE(fs::exists(destination.string() + ".partial"));
  if (pg()) {
    // A pg_dump custom archive; its table of contents names every table in clear.
    EXPECT_EQ(copy.substr(0, 5), "PGDMP");
    EXPECT_NE(copy.find("backup_probe"), std::string::npos);
  } else {
    SqliteConnection restored(destination.string());
    EXPECT_EQ(restored.execute("PRAGMA integrity_check").one().text(0), "ok");
    EXPECT_EQ(restored.execute("SELECT count(*) FROM backup_probe").one().integer(0), 2);
  }

  // A backup that cannot be written leaves nothing behind and says it failed. (Opening the copy
  // above turned it to WAL mode, so its bytes are taken again here.)
  const std::string kept = FileBytes(destination);
  const fs::path nowhere = folder / "missing" / "copy.backup";
  try {
    db_->Backup(nowhere.string());
    ADD_FAILURE() << "a backup into a missing folder was written";
  } catch (const BackupError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("failed:", 0), 0u) << e.what();
  }
  EXPECT_FALSE(fs::exists(nowhere));
  EXPECT_TRUE(FileBytes(destination) == kept) << "the failed backup changed the last good one";
  std::error_code ignored;
  fs::remove_all(folder, ignored);
}

TEST_P(DatabaseTest, SqliteBackupRefusesToWriteOverTheLiveDatabase) {
  if (pg()) GTEST_SKIP() << "SQLite files";
  Script("CREATE TABLE backup_probe (k INTEGER PRIMARY KEY)");
  db_->transact(TransactionMode::kWrite,
                [](Connection& c) { c.execute("INSERT INTO backup_probe (k) VALUES (7)"); });
  for (const std::string& target : {url_, url_ + "-wal", (dir_ / "." / "test.db").string()}) {
    try {
      db_->Backup(target);
      ADD_FAILURE() << "a backup over " << target << " was written";
    } catch (const BackupError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("refused:", 0), 0u) << e.what();
    }
  }
  EXPECT_EQ(Count("backup_probe"), 1);
}

}  // namespace
}  // namespace giaoban::storage
