// The migrations a released binary applied must never change: the runner records only a
// migration's version, so a database that applied the old text would silently keep the old schema
// while new databases get the edited one. These tests pin the exact SQL each dialect receives.
#include "storage/migrations.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

namespace giaoban::storage {
namespace {

// A released migration: its name, and the hash of the SQL each dialect receives, byte for byte.
// Its version is its place in the list.
struct Released {
  const char* name;
  std::uint64_t sqlite_fnv1a;
  std::uint64_t postgres_fnv1a;
};

// Add a line here once a migration has been released; never edit one.
constexpr Released kReleased[] = {
    {"0001_core", 0xe7da08617801877d, 0xc138608a0e39eb95},
    {"0002_status_index", 0xbe4cf2964c4fdf65, 0xbe4cf2964c4fdf65},
    {"0003_today_status", 0x4500c8b894895b68, 0x3513226dc1aebb9c},
    {"0004_task_search", 0xaaa906612c90aa5a, 0x9a1a7660cf7096f6},
    {"0005_change_counter", 0xaa280b721a4e0cd0, 0xd30b0d5277ab086b},
    {"0006_business_dates", 0xe3e1cb379076c96b, 0x98fec360da292ecf},
    {"0007_login_throttle", 0x80099497ddf9124a, 0xa75fc03757a2dc7b},
    {"0008_source_task_count", 0x728f09988d807f89, 0x728f09988d807f89},
    {"0009_agency_versions", 0xf6d6b1d502f828c5, 0x5874c65e33b9ba10},
    {"0010_source_task_counts", 0xe1bf30a96d1f83b2, 0x6221e083d95dbdd2},
    {"0011_assignee_task_index", 0xf3a72efae3b7e0c9, 0xf3a72efae3b7e0c9},
    {"0012_task_status_counts", 0x7a90621e5cf54a13, 0x998437bc90feeb9e},
    {"0013_ordered_tasks_index", 0x905bf57888802ca7, 0x905bf57888802ca7},
    {"0014_assignee_task_counts", 0x645fc8b35f138eb3, 0xa50b6419473ebdbc},
    {"0015_shared_names", 0x779085d0a4426a72, 0x4875fb0ab87c162c},
    {"0016_working_calendar", 0x57d586bfd0b038e2, 0xfa8588d15b65941d},
    {"0017_report_settings", 0x969d41349cc79ad3, 0xe936cafd0a027c5d},
    {"0018_unit_reports", 0x3e811c1ae7d2e4e3, 0x4ed77b6d65d38d1c},
    {"0019_report_facts", 0x4b09a6015b223020, 0xea2718fee7a8520f},
    {"0020_issued_reports", 0xb5beba800c15d432, 0x749d5223c99dc675},
    {"0021_report_images", 0x27b9206ccecc36fc, 0x426941e6a7cf0bc7},
    {"0022_issued_report_signers", 0x05f322e1d1710f92, 0xfcdc6998e7990828},
    {"0023_report_facts_column", 0x30fb3e8a544fb5f6, 0xb3dd76206fe05608},
    {"0024_imports", 0x8bf4b893a6ea0ce3, 0x4112f7e6c3b079f2},
    {"0025_import_memory", 0x680f5adbf98727c3, 0x61f1b59991b6c3d4},
    {"0026_import_sheet", 0x6e6b73bbc00b5420, 0x693b451ae9733608},
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

void ExpectReleasedUnchanged(const std::vector<Migration>& embedded,
                             std::uint64_t Released::*fnv1a) {
  ASSERT_GE(embedded.size(), std::size(kReleased)) << "a released migration is missing";
  for (std::size_t i = 0; i < std::size(kReleased); ++i) {
    const Released& released = kReleased[i];
    SCOPED_TRACE(released.name);
    EXPECT_EQ(embedded[i].version, static_cast<int>(i) + 1);
    EXPECT_STREQ(embedded[i].name, released.name);
    EXPECT_EQ(Fnv1a(embedded[i].sql), released.*fnv1a)
        << "the SQL of a released migration changed; write a new migration instead";
  }
}

TEST(MigrationsTest, ReleasedSqliteMigrationsAreUnchanged) {
  ExpectReleasedUnchanged(SqliteMigrations(), &Released::sqlite_fnv1a);
}

TEST(MigrationsTest, ReleasedPostgresMigrationsAreUnchanged) {
  ExpectReleasedUnchanged(PostgresMigrations(), &Released::postgres_fnv1a);
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
