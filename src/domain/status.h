// The status of a task as of a date D, exactly as the Government Office counts it
// (docs/domain.md#status-as-of-a-date). Status is a pure function of the task's recorded facts and
// D, never of "now": a question about 31/08/2023 gets the same answer next year.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace giaoban::domain {

enum class Status {
  kNotYetAssigned,   // assigned after D: the task did not exist yet and is not counted
  kCancelled,        // cancelled or withdrawn on or before D: excluded from counts, but listed
  kCompletedOnTime,  // completed on or before D, completion date <= deadline in force
  kCompletedLate,    // completed on or before D, completion date > deadline in force
  kInProgress,       // not completed, D <= deadline in force or no deadline ("trong hạn")
  kOverdue,          // not completed, D > deadline in force ("quá hạn")
};

// Stable English codes used in the API and the database ("completed_on_time", ...).
std::string_view StatusCode(Status s);
std::optional<Status> ParseStatus(std::string_view code);
// The codes of every status, in the order of the enum.
std::vector<std::string_view> StatusCodes();

// An approved deadline extension: from `effective_on` the deadline in force is `new_deadline`.
struct ApprovedExtension {
  Date effective_on;
  Date new_deadline;
};

struct TaskFacts {
  Date assigned_on;
  std::optional<Date> deadline;  // the original deadline; nullopt = ongoing ("thường xuyên")
  std::span<const ApprovedExtension> extensions;  // any order
  std::optional<Date> completed_on;
  std::optional<Date> cancelled_on;
};

// The last approved deadline as of D: the extension with the latest effective_on <= D (ties go to
// the later one in the span), else the original deadline.
std::optional<Date> DeadlineInForce(const TaskFacts& task, Date as_of);

Status StatusAsOf(const TaskFacts& task, Date as_of);

// Warning colours for lists and dashboards.
enum class Warning {
  kNone,        // completed, cancelled or not yet assigned
  kOverdue,     // red
  kDueSoon,     // orange: not completed and the deadline in force is within `due_soon_days` of D
  kOnTrack,     // green
  kNoDeadline,  // grey: ongoing tasks
};
std::string_view WarningCode(Warning w);
// The codes of every warning, in the order of the enum.
std::vector<std::string_view> WarningCodes();
Warning WarningAsOf(const TaskFacts& task, Date as_of, int due_soon_days = 7);

}  // namespace giaoban::domain
