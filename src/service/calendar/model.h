// The working-day calendar of one year as the service hands it out (docs/domain.md#working-days).
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "service/model.h"

namespace giaoban::service {

// A day the usual week gets wrong: a weekday off, a weekend day worked, or a holiday on a weekend,
// listed for its name.
struct CalendarEntry {
  Date date;
  bool working = false;
  std::string name;

  friend bool operator==(const CalendarEntry&, const CalendarEntry&) = default;
};

BOOST_DESCRIBE_STRUCT(CalendarEntry, (), (date, working, name))

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
