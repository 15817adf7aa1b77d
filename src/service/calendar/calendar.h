// The working-day calendar: each year's days off and weekend days worked, as the binary knows them
// or as an administrator set them (docs/domain.md#working-days). Every rule that counts working
// days reads it through LoadWorkingCalendar.
#pragma once

#include <optional>
#include <vector>

#include "domain/working_calendar.h"
#include "service/actor.h"
#include "service/calendar/model.h"
#include "service/context.h"
#include "service/error.h"
#include "storage/database.h"

namespace giaoban::service {

// The years a calendar may be asked for or set.
inline constexpr int kFirstCalendarYear = 2000;
inline constexpr int kLastCalendarYear = 2100;

class CalendarService {
 public:
  explicit CalendarService(const Context& ctx) : ctx_(ctx) {}

  // Anyone signed in may read a year.
  Expected<CalendarYear> Get(const Actor& actor, int year);
  // Administrators of a top-level organisation set a year's days, replacing all of them;
  // `expected_version` is the year's version as read (0 for a year not set before).
  Expected<CalendarYear> Replace(const Actor& by, int year, std::int64_t expected_version,
                                 const std::vector<CalendarEntry>& days);
  // The same administrators return a year to the days the binary knows for it.
  Expected<CalendarYear> Reset(const Actor& by, int year, std::int64_t expected_version);

 private:
  const Context& ctx_;
};

// The calendar of the years `first_year` to `last_year`, as set or as known.
domain::WorkingCalendar LoadWorkingCalendar(storage::Connection& c, int first_year, int last_year);

}  // namespace giaoban::service
