// Counting tasks by status. The database groups; this adds up the groups and derives the rates so
// that every report computes "02/02 hoàn thành" and the overdue rate the same way.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>

#include "domain/status.h"

namespace giaoban::domain {

struct StatusCounts {
  std::int64_t total = 0;  // every counted task: cancelled and not-yet-assigned are excluded
  std::int64_t completed_on_time = 0;
  std::int64_t completed_late = 0;
  std::int64_t in_progress = 0;
  std::int64_t overdue = 0;
  std::int64_t cancelled = 0;  // listed beside the counts, not part of total
  std::int64_t extended = 0;   // counted tasks whose deadline was ever extended (as of D)

  // Adds `n` tasks of one status; kNotYetAssigned is ignored.
  void Add(Status status, bool extended, std::int64_t n = 1);
  StatusCounts& operator+=(const StatusCounts& other);

  std::int64_t completed() const { return completed_on_time + completed_late; }
  std::int64_t not_completed() const { return in_progress + overdue; }
  // Rates over total, in [0, 1]; 0 when total is 0.
  double overdue_rate() const;
  double completion_rate() const;
  double on_time_rate() const;  // completed_on_time / total

  friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

BOOST_DESCRIBE_STRUCT(StatusCounts, (),
                      (total, completed_on_time, completed_late, in_progress, overdue, cancelled,
                       extended))

}  // namespace giaoban::domain
