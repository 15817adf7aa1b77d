#include "storage/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <thread>

#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

namespace giaoban::storage {

// Names the dialect in test output ("GetParam() = Postgres") instead of dumping its bytes.
void PrintTo(Dialect dialect, std::ostream* os) {
  *os << (dialect == Dialect::kSqlite ? "Sqlite" : "Postgres");
}

namespace {

namespace fs = std::filesystem;
using Kind = DatabaseError::Kind;
using namespace std::chrono_literals;

// Test processes may run in parallel (ctest -j) against one PostgreSQL database, so every test
// gets names no other process uses.
std::string UniqueName(std::string_view prefix) {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}() % 100000;
  return std::string(prefix) + "_" + std::to_string(::getpid()) + "_" + std::to_string(salt) + "_" +
         std::to_string(counter++);
}

template <class Fn>
std::optional<Kind> ErrorKind(Fn&& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.kind();
  }
  return std::nullopt;
}

template <class Fn>
std::string ErrorMessage(Fn&& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.what();
  }
  return "";
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string DialectName(const ::testing::TestParamInfo<Dialect>& info) {
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

INSTANTIATE_TEST_SUITE_P(Dialects, DatabaseTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres), DialectName);

TEST_P(DatabaseTest, OpensTheRightDialect) {
  EXPECT_EQ(db_->dialect(), GetParam());
  EXPECT_EQ(db_->acquire()->dialect(), GetParam());
}

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  Script("CREATE TABLE dbtest_values (" + IdColumn() +
         ", i BIGINT, r DOUBLE PRECISION, s TEXT, b " + BlobType() + ")");
  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes.push_back(static_cast<char>(c));
  const std::string vietnamese =
      "Văn phòng Chính phủ giao nhiệm vụ: Bộ Kế hoạch và Đầu tư hoàn thành đúng hạn ✓ 𝕍";
  const std::vector<std::vector<Value>> rows = {
      {std::numeric_limits<std::int64_t>::max(), 0.1, vietnamese, Blob{all_bytes}},
      {std::numeric_limits<std::int64_t>::min(), -2.5e300, std::string(), Blob{}},
      {std::int64_t{0}, 1.0 / 3.0, std::string("'; DROP TABLE x; --"), Blob{std::string(3, '\0')}},
      {nullptr, nullptr, nullptr, nullptr},
  };

  auto lease = db_->acquire();
  for (const auto& row : rows) {
    lease->execute("INSERT INTO dbtest_values (i, r, s, b) VALUES ($1, $2, $3, $4)", row);
  }
  const Result result = lease->execute("SELECT i, r, s, b FROM dbtest_values ORDER BY id");
  ASSERT_EQ(result.rows.size(), rows.size());
  EXPECT_EQ(result.columns, (std::vector<std::string>{"i", "r", "s", "b"}));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < 4; ++c) {
      EXPECT_TRUE(result.rows[r].value(c) == rows[r][c]) << "row " << r << " column " << c;
    }
  }

  const Row& full = result.rows[0];
  EXPECT_EQ(full.integer(0), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(full.real(1), 0.1);
  EXPECT_EQ(full.text(2), vietnamese);
  EXPECT_EQ(full.blob(3).bytes, all_bytes);

  // The empty string and the empty blob are values, not NULL.
  const Row& empty = result.rows[1];
  EXPECT_FALSE(empty.is_null(2));
  EXPECT_EQ(empty.opt_text(2), std::optional<std::string>(""));
  EXPECT_FALSE(empty.is_null(3));
  EXPECT_TRUE(empty.blob(3).bytes.empty());

  const Row& null = result.rows[3];
  for (std::size_t c = 0; c < 4; ++c) EXPECT_TRUE(null.is_null(c));
  EXPECT_EQ(null.opt_integer(0), std::nullopt);
  EXPECT_EQ(null.opt_text(2), std::nullopt);
  EXPECT_EQ(ErrorKind([&] { null.integer(0); }), Kind::kOther);
  EXPECT_EQ(ErrorKind([&] { null.text(2); }), Kind::kOther);

  EXPECT_EQ(lease->execute("SELECT count(*) FROM dbtest_values WHERE s = ''").one().integer(0), 1);
  EXPECT_EQ(lease->execute("SELECT count(*) FROM dbtest_values WHERE s IS NULL").one().integer(0),
            1);
  EXPECT_EQ(
      lease->execute("SELECT s FROM dbtest_values WHERE s = $1", {Param(vietnamese)}).one().text(0),
      vietnamese);
}

TEST_P(DatabaseTest, ReadsColumnsByTheNamesBothDialectsGive) {
  Script("CREATE TABLE dbtest_named (" + IdColumn() + ", title TEXT, done_on DATE, n BIGINT)");
  auto lease = db_->acquire();
  lease->execute("INSERT INTO dbtest_named (title, done_on, n) VALUES ($1, $2, $3)",
                 {Param("Báo cáo quý"), Param("2024-03-31"), nullptr});
  // Plain columns keep their names, expressions are named by their alias, in both dialects.
  const Result r = lease->execute(
      "SELECT n, d.title, done_on, COUNT(*) OVER () AS total, d.n IS NULL AS missing "
      "FROM dbtest_named d");
  const Column title = r.column("title");
  const Column done_on = r.column("done_on");
  const Column total = r.column("total");
  EXPECT_EQ(title.index(), 1u);
  EXPECT_EQ(r.one().text(title), "Báo cáo quý");
  EXPECT_EQ(r.one().text(done_on), "2024-03-31");
  EXPECT_EQ(r.one().integer(total), 1);
  EXPECT_TRUE(r.one().boolean(r.column("missing")));
  EXPECT_TRUE(r.one().is_null(r.column("n")));
  EXPECT_EQ(r.one().opt_integer(r.column("n")), std::nullopt);
  // A row knows its result's names too, so a column can be found from any row.
  EXPECT_EQ(r.one().column("done_on").index(), done_on.index());
  // An empty result still names its columns.
  const Result none = lease->execute("SELECT title AS heading FROM dbtest_named WHERE id < 0");
  EXPECT_EQ(none.column("heading").index(), 0u);
}

TEST_P(DatabaseTest, AMissingColumnIsAnErrorThatNamesIt) {
  auto lease = db_->acquire();
  const Result r = lease->execute("SELECT 1 AS one, 2 AS two");
  try {
    r.column("three");
    FAIL() << "no error for a missing column";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), Kind::kOther);
    EXPECT_TRUE(Contains(e.what(), "'three'")) << e.what();
    EXPECT_TRUE(Contains(e.what(), "one, two")) << e.what();
  }
  EXPECT_EQ(ErrorKind([&] { r.one().column("three"); }), Kind::kOther);
}

TEST_P(DatabaseTest, StreamedRowsAreReadByName) {
  Script("CREATE TABLE dbtest_streamed (" + IdColumn() + ", label TEXT)");
  auto lease = db_->acquire();
  for (const char* label : {"a", "b", "c"})
    lease->execute("INSERT INTO dbtest_streamed (label) VALUES ($1)", {Param(label)});
  std::string labels;
  std::optional<Column> label;
  lease->stream("SELECT id, label AS name FROM dbtest_streamed ORDER BY id", {},
                [&](const Row& row) {
                  if (!label) label = row.column("name");
                  labels += row.text(*label);
                });
  EXPECT_EQ(labels, "abc");
}

TEST_P(DatabaseTest, CountsTheStatementsACallerRuns) {
  Script("CREATE TABLE dbtest_counted (" + IdColumn() + ", v BIGINT)");
  auto lease = db_->acquire();
  const std::int64_t start = lease->statement_count();
  // The transaction's own BEGIN and COMMIT are not the caller's statements.
  lease->begin(TransactionMode::kWrite);
  lease->execute("INSERT INTO dbtest_counted (v) VALUES (1)");
  lease->execute("UPDATE dbtest_counted SET v = 2");
  lease->stream("SELECT v FROM dbtest_counted", {}, [](const Row&) {});
  lease->commit();
  EXPECT_EQ(lease->statement_count() - start, 3);
  // A failed statement was still sent.
  EXPECT_EQ(ErrorKind([&] { lease->execute("SELECT nothing FROM dbtest_counted"); }), Kind::kOther);
  EXPECT_EQ(lease->statement_count() - start, 4);
}

TEST_P(DatabaseTest, RoundTripsALargeBlobWithNulBytes) {
  Script("CREATE TABLE dbtest_blobs (" + IdColumn() + ", b " + BlobType() + " NOT NULL)");
  std::mt19937 rng(42);
  std::string bytes(1 << 20, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = i % 7 == 0 ? '\0' : static_cast<char>(rng());
  }
  auto lease = db_->acquire();
  const std::int64_t id =
      lease->execute("INSERT INTO dbtest_blobs (b) VALUES ($1) RETURNING id", {Blob{bytes}})
          .one()
          .integer(0);
  const Row row = lease->execute("SELECT b, length(b) FROM dbtest_blobs WHERE id = $1", {id}).one();
  EXPECT_EQ(row.integer(1), 1 << 20);
  EXPECT_TRUE(row.blob(0).bytes == bytes);
}

TEST_P(DatabaseTest, BooleansAndArithmeticComeBackAsNumbers) {
  auto lease = db_->acquire();
  const Row row = lease
                      ->execute(
                          "SELECT 1 = 1, 1 = 0, CAST($1 AS BIGINT) + 1, CAST($2 AS DOUBLE "
                          "PRECISION) * 2",
                          {41, 1.25})
                      .one();
  EXPECT_EQ(row.integer(0), 1);
  EXPECT_TRUE(row.boolean(0));
  EXPECT_EQ(row.integer(1), 0);
  EXPECT_EQ(row.integer(2), 42);
  EXPECT_EQ(row.real(3), 2.5);
  EXPECT_EQ(ErrorKind([&] { row.text(2); }), Kind::kOther);
  EXPECT_EQ(ErrorKind([&] { row.blob(2); }), Kind::kOther);
}

TEST_P(DatabaseTest, SameParameterTwiceInOneStatement) {
  Script("CREATE TABLE dbtest_pairs (a TEXT, b TEXT, n BIGINT, m BIGINT)");
  auto lease = db_->acquire();
  lease->execute("INSERT INTO dbtest_pairs (a, b, n, m) VALUES ($1, $1, $2, $2)", {"đôi", 21});
  lease->execute("INSERT INTO dbtest_pairs (a, b, n, m) VALUES ($2, $2, $1, $1)", {7, "lẻ"});
  const Row row = lease
                      ->execute(
                          "SELECT a, b, n, m FROM dbtest_pairs"
                          " WHERE a = $1 AND b = $1 AND n = $2 AND m = $2",
                          {"đôi", 21})
                      .one();
  EXPECT_EQ(row.text(0), "đôi");
  EXPECT_EQ(row.text(1), "đôi");
  EXPECT_EQ(row.integer(2), 21);
  EXPECT_EQ(row.integer(3), 21);
  EXPECT_EQ(Count("dbtest_pairs"), 2);
}

TEST_P(DatabaseTest, InsertReturningId) {
  Script("CREATE TABLE dbtest_items (" + IdColumn() + ", name TEXT NOT NULL)");
  auto lease = db_->acquire();
  const Result first =
      lease->execute("INSERT INTO dbtest_items (name) VALUES ($1) RETURNING id", {"một"});
  EXPECT_EQ(first.columns, std::vector<std::string>{"id"});
  EXPECT_EQ(first.affected_rows, 1);
  const std::int64_t id1 = first.one().integer(0);
  const std::int64_t id2 =
      lease->execute("INSERT INTO dbtest_items (name) VALUES ($1) RETURNING id", {"hai"})
          .one()
          .integer(0);
  EXPECT_GT(id2, id1);
  EXPECT_EQ(lease->execute("SELECT name FROM dbtest_items WHERE id = $1", {id2}).one().text(0),
            "hai");
}

TEST_P(DatabaseTest, AffectedRows) {
  Script("CREATE TABLE dbtest_rows (" + IdColumn() + ", n BIGINT NOT NULL)");
  auto lease = db_->acquire();
  for (int n = 1; n <= 5; ++n) {
    EXPECT_EQ(lease->execute("INSERT INTO dbtest_rows (n) VALUES ($1)", {n}).affected_rows, 1);
  }
  EXPECT_EQ(lease->execute("UPDATE dbtest_rows SET n = n + 10 WHERE n >= $1", {3}).affected_rows,
            3);
  EXPECT_EQ(lease->execute("UPDATE dbtest_rows SET n = 0 WHERE n > $1", {100}).affected_rows, 0);
  EXPECT_EQ(lease->execute("SELECT * FROM dbtest_rows").affected_rows, 0);
  EXPECT_EQ(lease->execute("DELETE FROM dbtest_rows WHERE n < $1", {10}).affected_rows, 2);
  EXPECT_EQ(Count("dbtest_rows"), 3);
}

TEST_P(DatabaseTest, ConstraintViolationsMapToKinds) {
  Script(
      "CREATE TABLE dbtest_parents (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
      "  n BIGINT NOT NULL CHECK (n >= 0));"
      "CREATE TABLE dbtest_children (id BIGINT PRIMARY KEY,"
      "  parent_id BIGINT NOT NULL REFERENCES dbtest_parents (id));");
  auto lease = db_->acquire();
  const std::string insert_parent = "INSERT INTO dbtest_parents (id, code, n) VALUES ($1, $2, $3)";
  const std::string insert_child = "INSERT INTO dbtest_children (id, parent_id) VALUES ($1, $2)";
  lease->execute(insert_parent, {1, "a", 0});
  lease->execute(insert_child, {1, 1});

  auto insert = [&](const std::string& sql, std::initializer_list<Value> params) {
    return ErrorKind([&] { lease->execute(sql, params); });
  };
  EXPECT_EQ(insert(insert_parent, {1, "b", 0}), Kind::kUniqueViolation);  // primary key
  EXPECT_EQ(insert(insert_parent, {2, "a", 0}), Kind::kUniqueViolation);  // unique column
  EXPECT_EQ(insert(insert_parent, {2, "b", -1}), Kind::kCheckViolation);
  EXPECT_EQ(insert(insert_parent, {2, nullptr, 0}), Kind::kCheckViolation);  // NOT NULL
  EXPECT_EQ(insert(insert_child, {2, 99}), Kind::kForeignKeyViolation);
  EXPECT_EQ(insert("DELETE FROM dbtest_parents WHERE id = $1", {1}), Kind::kForeignKeyViolation);
  EXPECT_EQ(insert("SELECT no_such_column FROM dbtest_parents", {}), Kind::kOther);

  // The message names the statement, to find it in a log.
  EXPECT_TRUE(Contains(ErrorMessage([&] {
                         lease->execute(insert_parent, {1, "c", 0});
                       }),
                       "INSERT INTO dbtest_parents"));
  // Failed statements leave nothing behind, and the connection keeps working.
  EXPECT_EQ(Count("dbtest_parents"), 1);
  EXPECT_EQ(Count("dbtest_children"), 1);
}

TEST_P(DatabaseTest, TransactCommitsAndRollsBack) {
  Script("CREATE TABLE dbtest_log (id BIGINT PRIMARY KEY, note TEXT)");
  const std::int64_t seen = db_->transact(TransactionMode::kWrite, [](Connection& c) {
    c.execute("INSERT INTO dbtest_log (id, note) VALUES ($1, $2)", {1, "giữ lại"});
    return c.execute("SELECT count(*) FROM dbtest_log").one().integer(0);
  });
  EXPECT_EQ(seen, 1);

  EXPECT_THROW(db_->transact(TransactionMode::kWrite,
                             [](Connection& c) {
                               c.execute("INSERT INTO dbtest_log (id) VALUES ($1)", {2});
                               throw std::runtime_error("the work failed");
                             }),
               std::runtime_error);
  EXPECT_EQ(Count("dbtest_log"), 1);

  EXPECT_EQ(ErrorKind([&] {
              db_->transact(TransactionMode::kWrite, [](Connection& c) {
                c.execute("INSERT INTO dbtest_log (id) VALUES ($1)", {3});
                c.execute("INSERT INTO dbtest_log (id) VALUES ($1)", {1});
              });
            }),
            Kind::kUniqueViolation);
  EXPECT_EQ(Count("dbtest_log"), 1);

  // Every pooled connection is usable again: none was left inside a transaction.
  for (int i = 0; i < 8; ++i) {
    db_->transact(TransactionMode::kWrite, [i](Connection& c) {
      c.execute("INSERT INTO dbtest_log (id) VALUES ($1)", {100 + i});
    });
  }
  EXPECT_EQ(
      db_->transact(TransactionMode::kRead,
                    [](Connection& c) {
                      return c.execute("SELECT note FROM dbtest_log WHERE id = 1").one().text(0);
                    }),
      "giữ lại");
  EXPECT_EQ(Count("dbtest_log"), 9);
}

TEST_P(DatabaseTest, PoolBlocksWhenExhaustedAndHandsTheConnectionToAWaiter) {
  std::atomic<int> created{0};
  Database pool(
      GetParam(), "test",
      [&] {
        ++created;
        return Connect();
      },
      2);
  auto first = pool.acquire();
  auto second = pool.acquire();
  Connection* const first_connection = &*first;
  EXPECT_EQ(created, 2);

  std::atomic<Connection*> handed{nullptr};
  std::thread waiter([&] {
    auto lease = pool.acquire();
    lease->execute("SELECT 1");
    handed = &*lease;
  });
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(handed.load(), nullptr) << "acquire() did not wait for a free connection";
  { auto returned = std::move(first); }
  waiter.join();
  EXPECT_EQ(handed.load(), first_connection);
  EXPECT_EQ(created, 2);

  // A discarded connection frees its slot for a new one.
  {
    auto lease = pool.acquire();
    lease.discard();
  }
  pool.acquire()->execute("SELECT 1");
  EXPECT_EQ(created, 3);
}

TEST_P(DatabaseTest, ConcurrentWritersLoseNoUpdate) {
  Script("CREATE TABLE dbtest_counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
  db_->acquire()->execute("INSERT INTO dbtest_counter (id, n) VALUES (1, 0)");
  constexpr int kThreads = 4;
  constexpr int kIncrements = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        try {
          db_->transact(TransactionMode::kWrite, [](Connection& c) {
            if (c.execute("UPDATE dbtest_counter SET n = n + 1 WHERE id = 1").affected_rows != 1) {
              throw std::runtime_error("counter row missing");
            }
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(db_->acquire()->execute("SELECT n FROM dbtest_counter").one().integer(0),
            kThreads * kIncrements);
}

TEST_P(DatabaseTest, CachedStatementsSeeSchemaChanges) {
  Script("CREATE TABLE dbtest_shape (a BIGINT)");
  auto lease = db_->acquire();
  lease->execute("INSERT INTO dbtest_shape (a) VALUES (1)");
  EXPECT_EQ(lease->execute("SELECT * FROM dbtest_shape").columns.size(), 1u);
  lease->execute_script("ALTER TABLE dbtest_shape ADD COLUMN b TEXT");
  const Result after = lease->execute("SELECT * FROM dbtest_shape");
  EXPECT_EQ(after.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(after.one().is_null(1));
}

TEST_P(DatabaseTest, ExecuteRunsOneStatementAndScriptsRunMany) {
  auto lease = db_->acquire();
  EXPECT_TRUE(lease->execute("").rows.empty());
  EXPECT_EQ(lease->execute("SELECT 1; -- trailing comment").one().integer(0), 1);
  EXPECT_EQ(ErrorKind([&] { lease->execute("SELECT 1; SELECT 2"); }), Kind::kOther);
  lease->execute_script(
      "CREATE TABLE dbtest_script (a BIGINT);"
      "INSERT INTO dbtest_script (a) VALUES (1);"
      "INSERT INTO dbtest_script (a) VALUES (2);");
  EXPECT_EQ(Count("dbtest_script"), 2);
}

// ---- SQLite only -------------------------------------------------------------------------------

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

TEST_P(DatabaseTest, PingAnswersAndReturnsItsConnection) {
  auto db = OpenDatabase(url_, 1);
  // With a pool of one, a ping that kept its connection would make the second one wait forever.
  EXPECT_NO_THROW(db->Ping());
  EXPECT_NO_THROW(db->Ping());
  EXPECT_EQ(db->acquire()->execute("SELECT 1").one().integer(0), 1);
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

// ---- PostgreSQL only ---------------------------------------------------------------------------

TEST_P(DatabaseTest, PostgresTypesMapToTheSameValues) {
  if (!pg()) GTEST_SKIP() << "PostgreSQL types";
  auto lease = db_->acquire();
  const Row row = lease
                      ->execute(
                          "SELECT TRUE, 2::int2, 3::int4, 4::int8, 'pg_class'::regclass::oid,"
                          " 1.5::float4, 2.25::numeric, 'NaN'::float8, DATE '2023-08-31',"
                          " TIMESTAMPTZ '2023-08-31 10:00:00+07', '\\x00ff'::bytea")
                      .one();
  EXPECT_EQ(row.integer(0), 1);
  EXPECT_EQ(row.integer(1), 2);
  EXPECT_EQ(row.integer(2), 3);
  EXPECT_EQ(row.integer(3), 4);
  EXPECT_GT(row.integer(4), 0);
  EXPECT_EQ(row.real(5), 1.5);
  EXPECT_EQ(row.real(6), 2.25);
  EXPECT_TRUE(std::isnan(row.real(7)));
  EXPECT_EQ(row.text(8), "2023-08-31");
  EXPECT_EQ(row.text(9), "2023-08-31 03:00:00+00");
  EXPECT_EQ(row.blob(10).bytes, std::string("\0\xff", 2));
}

TEST_P(DatabaseTest, PostgresReconnectsOutsideTransactionsOnly) {
  if (!pg()) GTEST_SKIP() << "PostgreSQL connections";
  PostgresConnection c(url_);
  c.execute("SELECT 1");
  EXPECT_EQ(ErrorKind([&] { c.execute("SELECT pg_terminate_backend(pg_backend_pid())"); }),
            Kind::kConnection);
  EXPECT_EQ(c.execute("SELECT 1").one().integer(0), 1);  // a new session, same settings
  EXPECT_EQ(c.execute("SELECT current_schema()").one().text(0), schema_);

  c.begin(TransactionMode::kWrite);
  EXPECT_EQ(ErrorKind([&] { c.execute("SELECT pg_terminate_backend(pg_backend_pid())"); }),
            Kind::kConnection);
  // Reconnecting here would run the rest of the work outside the transaction.
  EXPECT_EQ(ErrorKind([&] { c.execute("SELECT 1"); }), Kind::kConnection);
  EXPECT_EQ(ErrorKind([&] { c.rollback(); }), Kind::kConnection);
  EXPECT_EQ(c.execute("SELECT 1").one().integer(0), 1);
}

TEST_P(DatabaseTest, PostgresCommitAfterAFailedStatementFails) {
  if (!pg()) GTEST_SKIP() << "PostgreSQL transactions";
  Script("CREATE TABLE dbtest_aborted (id BIGINT PRIMARY KEY)");
  auto lease = db_->acquire();
  lease->begin(TransactionMode::kWrite);
  lease->execute("INSERT INTO dbtest_aborted (id) VALUES (1)");
  EXPECT_EQ(ErrorKind([&] { lease->execute("INSERT INTO dbtest_aborted (id) VALUES (1)"); }),
            Kind::kUniqueViolation);
  EXPECT_EQ(ErrorKind([&] { lease->commit(); }), Kind::kOther);
  EXPECT_EQ(Count("dbtest_aborted"), 0);
}

TEST_P(DatabaseTest, PostgresStatementCacheIsBounded) {
  if (!pg()) GTEST_SKIP() << "PostgreSQL prepared statements";
  PostgresConnection c(url_);
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(c.execute("SELECT $1::bigint + " + std::to_string(i), {1}).one().integer(0), 1 + i);
  }
  EXPECT_LE(c.execute("SELECT count(*) FROM pg_prepared_statements").one().integer(0), 256);
  EXPECT_EQ(c.execute("SELECT $1::bigint + 0", {5}).one().integer(0), 5);
}

// ---- No database -------------------------------------------------------------------------------

TEST(RowTest, AccessorsCheckTypes) {
  const Row row({Value(std::int64_t{7}), Value(2.5), Value(std::string("chữ")),
                 Value(Blob{std::string("\0x", 2)}), Value(nullptr)});
  EXPECT_EQ(row.integer(0), 7);
  EXPECT_TRUE(row.boolean(0));
  EXPECT_EQ(row.real(0), 7.0);  // integers widen
  EXPECT_EQ(row.real(1), 2.5);
  EXPECT_EQ(row.text(2), "chữ");
  EXPECT_EQ(row.opt_text(4), std::nullopt);
  EXPECT_EQ(ErrorKind([&] { row.integer(1); }), Kind::kOther);  // no silent truncation
  EXPECT_EQ(ErrorKind([&] { row.text(3); }), Kind::kOther);
  EXPECT_EQ(ErrorKind([&] { row.blob(4); }), Kind::kOther);
  EXPECT_EQ(ErrorKind([&] { row.opt_integer(2); }), Kind::kOther);
  EXPECT_EQ(ErrorKind([&] { row.integer(5); }), Kind::kOther);
  EXPECT_TRUE(Contains(ErrorMessage([&] { row.integer(2); }), "column 2 is text"));

  Result result;
  EXPECT_EQ(ErrorKind([&] { result.one(); }), Kind::kOther);
  result.rows.push_back(row);
  EXPECT_EQ(result.one().integer(0), 7);
  result.rows.push_back(row);
  EXPECT_EQ(ErrorKind([&] { result.one(); }), Kind::kOther);
}

class FakeConnection : public Connection {
 public:
  Dialect dialect() const override { return Dialect::kSqlite; }
  void execute_script(std::string_view) override {}
  void begin(TransactionMode) override {}
  void commit() override {}
  void rollback() override {}

 protected:
  Result run(std::string_view, std::span<const Value>) override { return {}; }
};

TEST(DatabasePoolTest, TransactRetriesSerializationFailures) {
  Database db(
      Dialect::kSqlite, "fake", [] { return std::make_unique<FakeConnection>(); }, 1);
  int calls = 0;
  const int result = db.transact(TransactionMode::kWrite, [&](Connection&) {
    if (++calls < 3) throw DatabaseError(Kind::kSerialization, "conflict");
    return 7;
  });
  EXPECT_EQ(result, 7);
  EXPECT_EQ(calls, 3);

  calls = 0;
  EXPECT_EQ(ErrorKind([&] {
              db.transact(TransactionMode::kWrite, [&](Connection&) {
                ++calls;
                throw DatabaseError(Kind::kSerialization, "conflict");
              });
            }),
            Kind::kSerialization);
  EXPECT_EQ(calls, 5);

  calls = 0;
  EXPECT_EQ(ErrorKind([&] {
              db.transact(TransactionMode::kWrite, [&](Connection&) {
                ++calls;
                throw DatabaseError(Kind::kUniqueViolation, "duplicate");
              });
            }),
            Kind::kUniqueViolation);
  EXPECT_EQ(calls, 1);
}

TEST(DatabasePoolTest, ConnectionErrorsDiscardTheConnection) {
  int created = 0;
  Database db(
      Dialect::kSqlite, "fake",
      [&] {
        ++created;
        return std::make_unique<FakeConnection>();
      },
      1);
  EXPECT_EQ(ErrorKind([&] {
              db.transact(TransactionMode::kWrite,
                          [](Connection&) { throw DatabaseError(Kind::kConnection, "gone"); });
            }),
            Kind::kConnection);
  db.transact(TransactionMode::kRead, [](Connection&) {});
  EXPECT_EQ(created, 2);
}

TEST(DatabasePoolTest, AFailedConnectAttemptFreesItsSlot) {
  int attempts = 0;
  Database db(
      Dialect::kSqlite, "fake",
      [&]() -> std::unique_ptr<Connection> {
        if (++attempts == 1) throw DatabaseError(Kind::kConnection, "refused");
        return std::make_unique<FakeConnection>();
      },
      1);
  EXPECT_EQ(ErrorKind([&] { db.acquire(); }), Kind::kConnection);
  db.acquire()->execute("SELECT 1");
  EXPECT_EQ(attempts, 2);
}

TEST(OpenDatabaseTest, UnreachablePostgresFailsAtOnce) {
  // Port 1 on loopback refuses connections immediately.
  EXPECT_EQ(ErrorKind([] { OpenDatabase("postgresql://nobody:secret@127.0.0.1:1/none", 1); }),
            Kind::kConnection);
}

}  // namespace
}  // namespace giaoban::storage
