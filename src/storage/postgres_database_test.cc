// What only PostgreSQL does: its types, reconnecting, a COMMIT the server turned into a rollback,
// the bound on prepared statements, and a server that cannot be reached.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "storage/database_test_support.h"

namespace giaoban::storage {
namespace {

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

TEST(OpenDatabaseTest, UnreachablePostgresFailsAtOnce) {
  // Port 1 on loopback refuses connections immediately.
  EXPECT_EQ(ErrorKind([] { OpenDatabase("postgresql://nobody:secret@127.0.0.1:1/none", 1); }),
            Kind::kConnection);
}

}  // namespace
}  // namespace giaoban::storage
