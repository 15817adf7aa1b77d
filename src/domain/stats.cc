#include "domain/stats.h"

namespace giaoban::domain {
namespace {

double Rate(std::int64_t part, std::int64_t total) {
  return total > 0 ? static_cast<double>(part) / static_cast<double>(total) : 0.0;
}

}  // namespace

void StatusCounts::Add(Status status, bool was_extended, std::int64_t n) {
  switch (status) {
    case Status::kNotYetAssigned:
      return;
    case Status::kCancelled:
      // Cancelled tasks are listed but not counted, so they do not feed `extended` either.
      cancelled += n;
      return;
    case Status::kCompletedOnTime:
      completed_on_time += n;
      break;
    case Status::kCompletedLate:
      completed_late += n;
      break;
    case Status::kInProgress:
      in_progress += n;
      break;
    case Status::kOverdue:
      overdue += n;
      break;
  }
  total += n;
  if (was_extended) extended += n;
}

StatusCounts& StatusCounts::operator+=(const StatusCounts& other) {
  total += other.total;
  completed_on_time += other.completed_on_time;
  completed_late += other.completed_late;
  in_progress += other.in_progress;
  overdue += other.overdue;
  cancelled += other.cancelled;
  extended += other.extended;
  return *this;
}

double StatusCounts::overdue_rate() const { return Rate(overdue, total); }
double StatusCounts::completion_rate() const { return Rate(completed(), total); }
double StatusCounts::on_time_rate() const { return Rate(completed_on_time, total); }

}  // namespace giaoban::domain
