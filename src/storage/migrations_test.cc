// The migrations a released binary applied must never change: the runner records only a
// migration's version, so a database that applied the old text would silently keep the old schema
// while new databases get the edited one. These tests pin the exact SQL each dialect receives.
#include "storage/migrations.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>

namespace giaoban::storage {
namespace {

struct Released {
  int version;
  const char* name;
  std::uint64_t fnv1a;  // of the SQL text the dialect receives, byte for byte
};

// Add a line here once a migration has been released; never edit one.
constexpr Released kSqlite[] = {
    {1, "0001_core", 0xe7da08617801877d},
    {2, "0002_status_index", 0xbe4cf2964c4fdf65},
    {3, "0003_today_status", 0x4500c8b894895b68},
    {4, "0004_task_search", 0xaaa906612c90aa5a},
    {5, "0005_change_counter", 0xaa280b721a4e0cd0},
    {6, "0006_business_dates", 0xe3e1cb379076c96b},
    {7, "0007_login_throttle", 0x80099497ddf9124a},
    {8, "0008_source_task_count", 0x728f09988d807f89},
};

constexpr Released kPostgres[] = {
    {1, "0001_core", 0xc138608a0e39eb95},
    {2, "0002_status_index", 0xbe4cf2964c4fdf65},
    {3, "0003_today_status", 0x3513226dc1aebb9c},
    {4, "0004_task_search", 0x9a1a7660cf7096f6},
    {5, "0005_change_counter", 0xd30b0d5277ab086b},
    {6, "0006_business_dates", 0x98fec360da292ecf},
    {7, "0007_login_throttle", 0xa75fc03757a2dc7b},
    {8, "0008_source_task_count", 0x728f09988d807f89},
};

// FNV-1a, 64 bits: stable across compilers and platforms, unlike std::hash.
std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3;
  }
  return hash;
}

template <std::size_t N>
void ExpectReleasedUnchanged(const std::vector<Migration>& embedded,
                             const Released (&released)[N]) {
  ASSERT_GE(embedded.size(), N) << "a released migration is missing";
  for (std::size_t i = 0; i < N; ++i) {
    SCOPED_TRACE(released[i].name);
    EXPECT_EQ(embedded[i].version, released[i].version);
    EXPECT_STREQ(embedded[i].name, released[i].name);
    EXPECT_EQ(Fnv1a(embedded[i].sql), released[i].fnv1a)
        << "the SQL of a released migration changed; write a new migration instead";
  }
}

TEST(MigrationsTest, ReleasedSqliteMigrationsAreUnchanged) {
  ExpectReleasedUnchanged(SqliteMigrations(), kSqlite);
}

TEST(MigrationsTest, ReleasedPostgresMigrationsAreUnchanged) {
  ExpectReleasedUnchanged(PostgresMigrations(), kPostgres);
}

TEST(MigrationsTest, BothDialectsHaveTheSameMigrationsInOrder) {
  const auto& sqlite = SqliteMigrations();
  const auto& postgres = PostgresMigrations();
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(postgres[i].version, sqlite[i].version);
    EXPECT_STREQ(postgres[i].name, sqlite[i].name);
  }
}

}  // namespace
}  // namespace giaoban::storage
