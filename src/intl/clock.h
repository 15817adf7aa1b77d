// The agency's calendar: which date it is "today" in its time zone (default Asia/Ho_Chi_Minh).
#pragma once

#include <chrono>
#include <string>

#include "domain/date.h"

namespace giaoban::intl {

class AgencyClock {
 public:
  // Throws std::invalid_argument for an unknown IANA zone name.
  explicit AgencyClock(const std::string& time_zone = "Asia/Ho_Chi_Minh");

  domain::Date DateAt(std::chrono::system_clock::time_point instant) const;
  domain::Date Today() const { return DateAt(std::chrono::system_clock::now()); }
  // The first instant of `date` in the agency's time zone (its local midnight).
  std::chrono::system_clock::time_point StartOf(domain::Date date) const;
  const std::string& time_zone() const { return time_zone_; }

 private:
  std::string time_zone_;
};

}  // namespace giaoban::intl
