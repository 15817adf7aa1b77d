// The working-day calendar service at its API, on both databases.
#include "service/calendar/calendar.h"

#include <gtest/gtest.h>

#include "service/data_version.h"
#include "service/test_fixture.h"

namespace giaoban::service {
namespace {

using test_support::AgencyFixture;
using test_support::Outcome;

class CalendarServiceTest : public AgencyFixture {
 protected:
  void SetUp() override {
    AgencyFixture::SetUp();
    if (IsSkipped()) return;
    root_admin_ = test_support::CreateAccount(*ctx_, "quantri.tinh", Role::kAdmin, province_,
                                              "Lâm Văn Quản", "Chuyên viên");
  }

  CalendarService calendar() { return CalendarService(*ctx_); }

  domain::WorkingCalendar Loaded(int first, int last) {
    return ctx_->db().transact(storage::TransactionMode::kRead, [&](storage::Connection& c) {
      return LoadWorkingCalendar(c, first, last);
    });
  }

  Actor root_admin_;  // an administrator of the province, the top of the tree
};

TEST_P(CalendarServiceTest, AYearNotSetHasItsKnownDays) {
  auto y2024 = calendar().Get(specialist_, 2024);
  ASSERT_EQ(Outcome(y2024), "ok");
  EXPECT_EQ(y2024->origin, "announced");
  EXPECT_EQ(y2024->version, 0);
  ASSERT_FALSE(y2024->days.empty());
  EXPECT_EQ(y2024->days.front().date, Day("2024-01-01"));
  auto y2030 = calendar().Get(viewer_, 2030);
  ASSERT_EQ(Outcome(y2030), "ok");
  EXPECT_EQ(y2030->origin, "statutory");
  EXPECT_EQ(Outcome(calendar().Get(viewer_, 1999)), "not_found");
  EXPECT_EQ(Outcome(calendar().Get(viewer_, 2101)), "not_found");
}

TEST_P(CalendarServiceTest, AnAdministratorSetsAYearAndReturnsItToItsKnownDays) {
  const std::vector<CalendarEntry> days = {
      {Day("2030-02-04"), false, "Tết Nguyên đán"},
      {Day("2030-01-01"), false, "Tết Dương lịch"},
      {Day("2030-02-09"), true, "Làm bù"},
  };
  EXPECT_EQ(Outcome(calendar().Replace(leader_, 2030, 0, days)), "forbidden");
  EXPECT_EQ(Outcome(calendar().Replace(admin_, 2030, 0, days)), "forbidden");  // one department's
  auto set = calendar().Replace(root_admin_, 2030, 0, days);
  ASSERT_EQ(Outcome(set), "ok");
  EXPECT_EQ(set->origin, "edited");
  EXPECT_EQ(set->version, 1);
  ASSERT_EQ(set->days.size(), 3u);
  EXPECT_EQ(set->days.front().date, Day("2030-01-01"));  // in date order
  EXPECT_EQ(calendar().Get(viewer_, 2030)->days, set->days);

  // Counting uses the days set: Monday 4/2/2030 off, Saturday 9/2/2030 worked.
  const domain::WorkingCalendar counted = Loaded(2029, 2031);
  EXPECT_FALSE(counted.IsWorkingDay(Day("2030-02-04")));
  EXPECT_TRUE(counted.IsWorkingDay(Day("2030-02-09")));
  EXPECT_TRUE(counted.IsWorkingDay(Day("2030-04-30")));  // the list set replaced the known one
  EXPECT_FALSE(Loaded(2029, 2029).IsWorkingDay(Day("2029-01-01")));  // other years: known days

  // A stale version is refused; the current one replaces the list.
  EXPECT_EQ(Outcome(calendar().Replace(root_admin_, 2030, 0, days)), "precondition_failed");
  auto again = calendar().Replace(root_admin_, 2030, 1, {{Day("2030-01-01"), false, "Tết"}});
  ASSERT_EQ(Outcome(again), "ok");
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(again->days.size(), 1u);

  EXPECT_EQ(Outcome(calendar().Reset(root_admin_, 2030, 1)), "precondition_failed");
  EXPECT_EQ(Outcome(calendar().Reset(admin_, 2030, 2)), "forbidden");
  auto reset = calendar().Reset(root_admin_, 2030, 2);
  ASSERT_EQ(Outcome(reset), "ok");
  EXPECT_EQ(reset->origin, "statutory");
  EXPECT_EQ(reset->version, 0);
  EXPECT_EQ(calendar().Get(viewer_, 2030)->days, reset->days);
  EXPECT_EQ(Outcome(calendar().Reset(root_admin_, 2030, 0)), "ok");  // nothing set: nothing to do
}

TEST_P(CalendarServiceTest, EachMistakeInTheDaysIsNamedOnce) {
  const std::vector<CalendarEntry> bad = {
      {Day("2031-01-01"), false, "Năm sau"}, {Day("2030-03-04"), false, "Ngày nghỉ"},
      {Day("2030-03-04"), false, "Lặp"},     {Day("2030-03-05"), true, "Thứ Ba làm việc"},
      {Day("2030-03-06"), false, ""},        {Day("2030-03-07"), false, std::string(201, 'x')},
  };
  EXPECT_EQ(Outcome(calendar().Replace(root_admin_, 2030, 0, bad)),
            "validation_failed days:duplicate days:name_required days:name_too_long "
            "days:not_a_weekend days:outside_year");
  std::vector<CalendarEntry> many;
  for (Date d = Day("2030-01-01"); many.size() < 401; d = d.AddDays(1))
    many.push_back({d, false, "Nghỉ"});
  EXPECT_EQ(Outcome(calendar().Replace(root_admin_, 2030, 0, many)),
            "validation_failed days:too_many days:outside_year");
  EXPECT_EQ(Outcome(calendar().Replace(root_admin_, 2101, 0, {})), "not_found");
  // Names are stored in NFC, the form every other text has.
  auto set = calendar().Replace(root_admin_, 2030, 0,
                                {{Day("2030-09-02"), false, "Quo\u0302\u0301c khánh"}});
  ASSERT_EQ(Outcome(set), "ok");
  EXPECT_EQ(set->days.front().name, "Quốc khánh");
}

TEST_P(CalendarServiceTest, AChangeMovesEveryReadersVersion) {
  const auto before = ReadDataVersion(*ctx_, leader_);
  ASSERT_EQ(Outcome(calendar().Replace(root_admin_, 2030, 0, {})), "ok");
  const auto after = ReadDataVersion(*ctx_, district_leader_);
  EXPECT_NE(ReadDataVersion(*ctx_, leader_), before);
  ASSERT_EQ(Outcome(calendar().Reset(root_admin_, 2030, 1)), "ok");
  EXPECT_NE(ReadDataVersion(*ctx_, district_leader_), after);
}

INSTANTIATE_TEST_SUITE_P(Dialects, CalendarServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace giaoban::service
