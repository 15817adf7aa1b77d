// The working-day calendar of one year as the service hands it out (docs/domain.md#working-days).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/working_calendar.h"
#include "service/model.h"

// The rules' own record of a day the usual week gets wrong, described here for the API's JSON.
namespace giaoban::domain {
BOOST_DESCRIBE_STRUCT(CalendarDay, (), (date, working, name))
}  // namespace giaoban::domain

namespace giaoban::service {

using CalendarEntry = domain::CalendarDay;

struct CalendarYear {
  int year = 0;
  // "announced" (the Government's days off the binary knows), "statutory" (the Labour Code's,
  // for a year not announced yet), or "edited" (set by an administrator).
  std::string origin;
  std::int64_t version = 0;  // 0 until an administrator first sets the year
  std::vector<CalendarEntry> days;
};

BOOST_DESCRIBE_STRUCT(CalendarYear, (), (year, origin, version, days))

}  // namespace giaoban::service
