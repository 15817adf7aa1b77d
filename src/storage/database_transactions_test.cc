// Transactions and the connection pool: commit and rollback, retries of serialization failures,
// a pool that blocks when exhausted and replaces broken connections, concurrent writers, batches.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <vector>

#include "storage/database_test_support.h"

namespace giaoban::storage {
namespace {

using namespace std::chrono_literals;

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

TEST_P(DatabaseTest, ABatchRunsInOrderInsideItsTransaction) {
  Script("CREATE TABLE dbtest_batch (id BIGINT PRIMARY KEY, note TEXT)");
  const std::string insert = "INSERT INTO dbtest_batch (id, note) VALUES ($1, $2)";
  const std::string note = "SELECT note FROM dbtest_batch WHERE id = $1";
  const std::string count = "SELECT count(*) FROM dbtest_batch";
  const Value one[] = {1, "một"}, two[] = {2, "hai"}, three[] = {3, "ba"}, four[] = {4, "bốn"};
  const Value first[] = {1}, second[] = {2};
  // Twice: the first batch prepares its statements on PostgreSQL before sending them, the second
  // finds them prepared; both go in one pipeline with the transaction's BEGIN.
  for (int round = 0; round < 2; ++round) {
    const std::int64_t seen = db_->transact(TransactionMode::kWrite, [&](Connection& c) {
      const std::int64_t before = c.statement_count();
      const Statement batch[] = {
          {insert, round ? three : one}, {insert, round ? four : two}, {count, {}}};
      auto results = c.execute_all(batch);
      EXPECT_EQ(results.size(), 3u);
      EXPECT_EQ(results[0].affected_rows, 1);
      EXPECT_EQ(c.statement_count() - before, 3);
      return results[2].one().integer(0);  // sees the inserts before it
    });
    EXPECT_EQ(seen, 2 + 2 * round);
  }
  const auto notes = db_->transact(TransactionMode::kRead, [&](Connection& c) {
    const Statement batch[] = {{note, second}, {note, first}, {count, {}}};
    auto results = c.execute_all(batch);
    return std::make_tuple(results[0].one().text(0), results[1].one().text(0),
                           results[2].one().integer(0));
  });
  EXPECT_EQ(notes, std::make_tuple(std::string("hai"), std::string("một"), std::int64_t{4}));

  // A failing statement stops the batch and the transaction rolls back, on every connection of
  // the pool, which stays usable.
  const Value five[] = {5, "năm"}, duplicate[] = {1, "lại"}, six[] = {6, "sáu"};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(ErrorKind([&] {
                db_->transact(TransactionMode::kWrite, [&](Connection& c) {
                  const Statement batch[] = {{insert, five}, {insert, duplicate}, {insert, six}};
                  c.execute_all(batch);
                });
              }),
              Kind::kUniqueViolation);
  }
  EXPECT_EQ(Count("dbtest_batch"), 4);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(db_->transact(TransactionMode::kRead,
                            [&](Connection& c) {
                              const Statement batch[] = {{count, {}}, {note, first}};
                              return c.execute_all(batch)[1].one().text(0);
                            }),
              "một");
  }
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

TEST_P(DatabaseTest, PingAnswersAndReturnsItsConnection) {
  auto db = OpenDatabase(url_, 1);
  // With a pool of one, a ping that kept its connection would make the second one wait forever.
  EXPECT_NO_THROW(db->Ping());
  EXPECT_NO_THROW(db->Ping());
  EXPECT_EQ(db->acquire()->execute("SELECT 1").one().integer(0), 1);
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

  // How often work that always fails with `kind` is tried before the error reaches the caller.
  auto attempts_when_always_failing = [&](Kind kind) {
    calls = 0;
    EXPECT_EQ(ErrorKind([&] {
                db.transact(TransactionMode::kWrite, [&](Connection&) {
                  ++calls;
                  throw DatabaseError(kind, "always fails");
                });
              }),
              kind);
    return calls;
  };
  EXPECT_EQ(attempts_when_always_failing(Kind::kSerialization), 5);
  EXPECT_EQ(attempts_when_always_failing(Kind::kUniqueViolation), 1);
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

}  // namespace
}  // namespace giaoban::storage
