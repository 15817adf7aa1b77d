#include "http/connection_table.h"

#include <gtest/gtest.h>

#include <vector>

namespace giaoban::http {
namespace {

class ConnectionTableTest : public ::testing::Test {
 protected:
  ConnectionTable::Id Open() {
    const auto id = table_.Open();
    table_.SetCloseRequest(id, [this](ConnectionTable::Id id) { asked_.push_back(id); });
    return id;
  }

  ConnectionTable table_;
  std::vector<ConnectionTable::Id> asked_;
};

TEST_F(ConnectionTableTest, CountsOpenConnections) {
  const auto a = Open();
  const auto b = Open();
  EXPECT_EQ(table_.size(), 2u);
  EXPECT_TRUE(table_.Contains(a));
  table_.Remove(a);
  table_.Remove(a);  // twice is harmless
  EXPECT_FALSE(table_.Contains(a));
  EXPECT_TRUE(table_.Contains(b));
  EXPECT_EQ(table_.size(), 1u);
}

TEST_F(ConnectionTableTest, ClosesTheConnectionIdleTheLongestFirst) {
  const auto a = Open();
  const auto b = Open();
  const auto c = Open();
  table_.MarkIdle(b);
  table_.MarkIdle(a);
  table_.MarkIdle(c);
  EXPECT_TRUE(table_.MarkBusy(a));  // a request came in: a is no longer a candidate
  table_.MarkIdle(a);               // and it is idle again, now the newest
  EXPECT_TRUE(table_.CloseOldestIdle());
  EXPECT_TRUE(table_.CloseOldestIdle());
  EXPECT_EQ(asked_, (std::vector<ConnectionTable::Id>{b, c}));
  EXPECT_EQ(table_.idle(), 1u);
}

TEST_F(ConnectionTableTest, BusyConnectionsAreNeverClosed) {
  const auto a = Open();
  Open();
  EXPECT_FALSE(table_.CloseOldestIdle());
  table_.MarkIdle(a);
  table_.MarkBusy(a);
  EXPECT_FALSE(table_.CloseOldestIdle());
  EXPECT_TRUE(asked_.empty());
}

TEST_F(ConnectionTableTest, AConnectionChosenToCloseTakesNoMoreRequests) {
  const auto a = Open();
  table_.MarkIdle(a);
  EXPECT_EQ(table_.staying(), 1u);
  ASSERT_TRUE(table_.CloseOldestIdle());
  EXPECT_EQ(table_.size(), 1u);  // still open until it has closed
  EXPECT_EQ(table_.staying(), 0u);
  EXPECT_FALSE(table_.MarkBusy(a));  // its request came too late
  table_.MarkIdle(a);
  EXPECT_FALSE(table_.CloseOldestIdle());  // asked once only
  table_.Remove(a);
  EXPECT_EQ(table_.staying(), 0u);
  EXPECT_EQ(table_.size(), 0u);
}

TEST_F(ConnectionTableTest, AClosedConnectionLeavesTheIdleOrder) {
  const auto a = Open();
  const auto b = Open();
  table_.MarkIdle(a);
  table_.MarkIdle(b);
  table_.Remove(a);
  EXPECT_TRUE(table_.CloseOldestIdle());
  EXPECT_EQ(asked_, (std::vector<ConnectionTable::Id>{b}));
}

}  // namespace
}  // namespace giaoban::http
