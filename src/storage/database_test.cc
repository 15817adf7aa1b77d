// Statements and values through the Database interface, the same on both dialects: every value
// type round trips, columns are read by name, errors map to the same kinds.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "storage/database_test_support.h"

namespace giaoban::storage {
namespace {

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
                [&](const RowView& row) {
                  if (!label) label = row.column("name");
                  labels += row.text(*label);
                });
  EXPECT_EQ(labels, "abc");
}

TEST_P(DatabaseTest, StreamedColumnsAreReadAsCollectedOnesAre) {
  auto lease = db_->acquire();
  int rows = 0;
  lease->stream("SELECT 7 AS n, 'x' AS t, NULL AS z", {}, [&](const RowView& row) {
    ++rows;
    EXPECT_EQ(row.integer(row.column("n")), 7);
    EXPECT_EQ(row.text(row.column("t")), "x");
    EXPECT_EQ(row.opt_text(row.column("t")), "x");
    EXPECT_TRUE(row.is_null(row.column("z")));
    EXPECT_EQ(row.opt_integer(row.column("z")), std::nullopt);
    // Never a silent conversion: text is not a number, NULL is not text.
    try {
      row.integer(row.column("t"));
      ADD_FAILURE() << "text read as an integer";
    } catch (const DatabaseError& e) {
      EXPECT_TRUE(Contains(e.what(), "column 1 is text, expected integer")) << e.what();
    }
    EXPECT_EQ(ErrorKind([&] { row.text(row.column("z")); }), Kind::kOther);
    EXPECT_EQ(ErrorKind([&] { row.text(3); }), Kind::kOther);
  });
  EXPECT_EQ(rows, 1);
}

TEST_P(DatabaseTest, CountsTheStatementsACallerRuns) {
  Script("CREATE TABLE dbtest_counted (" + IdColumn() + ", v BIGINT)");
  auto lease = db_->acquire();
  const std::int64_t start = lease->statement_count();
  // The transaction's own BEGIN and COMMIT are not the caller's statements.
  lease->begin(TransactionMode::kWrite);
  lease->execute("INSERT INTO dbtest_counted (v) VALUES (1)");
  lease->execute("UPDATE dbtest_counted SET v = 2");
  lease->stream("SELECT v FROM dbtest_counted", {}, [](const RowView&) {});
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

}  // namespace
}  // namespace giaoban::storage
