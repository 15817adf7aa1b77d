#include "intl/clock.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace giaoban::intl {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

std::chrono::system_clock::time_point Utc(int y, unsigned m, unsigned d,
                                          std::chrono::seconds time_of_day) {
  return sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}} + time_of_day;
}

domain::Date D(int y, int m, int d) { return *domain::Date::FromYmd(y, m, d); }

TEST(AgencyClockTest, DefaultsToHoChiMinhCity) {
  const AgencyClock clock;
  EXPECT_EQ(clock.time_zone(), "Asia/Ho_Chi_Minh");
}

TEST(AgencyClockTest, HoChiMinhIsSevenHoursAhead) {
  const AgencyClock clock("Asia/Ho_Chi_Minh");
  EXPECT_EQ(clock.DateAt(Utc(2023, 8, 31, 17h + 30min)), D(2023, 9, 1));
  EXPECT_EQ(clock.DateAt(Utc(2023, 8, 31, 16h + 59min + 59s)), D(2023, 8, 31));
  EXPECT_EQ(clock.DateAt(Utc(2023, 8, 31, 17h)), D(2023, 9, 1));
  EXPECT_EQ(clock.DateAt(Utc(2023, 8, 31, 0s)), D(2023, 8, 31));
  EXPECT_EQ(clock.DateAt(Utc(2023, 12, 31, 17h)), D(2024, 1, 1));
}

TEST(AgencyClockTest, StartOfADayIsItsLocalMidnight) {
  const AgencyClock hanoi("Asia/Ho_Chi_Minh");
  EXPECT_EQ(hanoi.StartOf(D(2023, 9, 1)), Utc(2023, 8, 31, 17h));
  EXPECT_EQ(hanoi.DateAt(hanoi.StartOf(D(2024, 2, 29))), D(2024, 2, 29));
  EXPECT_EQ(hanoi.DateAt(hanoi.StartOf(D(2024, 2, 29)) - 1ms), D(2024, 2, 28));
  const AgencyClock utc("UTC");
  EXPECT_EQ(utc.StartOf(D(2023, 9, 1)), Utc(2023, 9, 1, 0s));
  // A zone with summer time: midnight is at a different UTC hour in July than in January.
  const AgencyClock paris("Europe/Paris");
  EXPECT_EQ(paris.StartOf(D(2023, 1, 15)), Utc(2023, 1, 14, 23h));
  EXPECT_EQ(paris.StartOf(D(2023, 7, 15)), Utc(2023, 7, 14, 22h));
}

TEST(AgencyClockTest, SubMillisecondInstantsFloorToTheRightDay) {
  const AgencyClock clock("UTC");
  const auto midnight = Utc(2023, 9, 1, 0s);
  EXPECT_EQ(clock.DateAt(midnight), D(2023, 9, 1));
  EXPECT_EQ(clock.DateAt(midnight - 1us), D(2023, 8, 31));
}

TEST(AgencyClockTest, InstantsBeforeTheEpoch) {
  const AgencyClock clock("UTC");
  EXPECT_EQ(clock.DateAt(Utc(1969, 12, 31, 23h)), D(1969, 12, 31));
  EXPECT_EQ(clock.DateAt(Utc(1950, 6, 15, 12h)), D(1950, 6, 15));
}

TEST(AgencyClockTest, WestOfUtcAndDaylightSaving) {
  const AgencyClock clock("America/New_York");
  EXPECT_EQ(clock.DateAt(Utc(2023, 7, 1, 3h + 59min)), D(2023, 6, 30));  // EDT, UTC-4
  EXPECT_EQ(clock.DateAt(Utc(2023, 7, 1, 4h)), D(2023, 7, 1));
  EXPECT_EQ(clock.DateAt(Utc(2023, 1, 1, 4h + 59min)), D(2022, 12, 31));  // EST, UTC-5
  EXPECT_EQ(clock.DateAt(Utc(2023, 1, 1, 5h)), D(2023, 1, 1));
}

TEST(AgencyClockTest, UnknownZoneThrows) {
  EXPECT_THROW(AgencyClock("Asia/Hanoi_Typo"), std::invalid_argument);
  EXPECT_THROW(AgencyClock("Mars/Olympus_Mons"), std::invalid_argument);
  EXPECT_THROW(AgencyClock(""), std::invalid_argument);
  EXPECT_THROW(AgencyClock("Etc/Unknown"), std::invalid_argument);
}

TEST(AgencyClockTest, OtherValidZonesWork) {
  EXPECT_NO_THROW(AgencyClock("Asia/Bangkok"));
  EXPECT_NO_THROW(AgencyClock("UTC"));
  EXPECT_EQ(AgencyClock("Asia/Bangkok").DateAt(Utc(2023, 8, 31, 17h)), D(2023, 9, 1));
}

TEST(AgencyClockTest, TodayIsCloseToNow) {
  const AgencyClock clock;
  const domain::Date today = clock.Today();
  const domain::Date utc_today = AgencyClock("UTC").Today();
  EXPECT_GE(today - utc_today, 0);
  EXPECT_LE(today - utc_today, 1);
}

}  // namespace
}  // namespace giaoban::intl
