#include "domain/status.h"

#include "domain/codes.h"

namespace giaoban::domain {
namespace {

constexpr CodeTable kStatusCodes{std::to_array<std::pair<Status, std::string_view>>({
    {Status::kNotYetAssigned, "not_yet_assigned"},
    {Status::kCancelled, "cancelled"},
    {Status::kCompletedOnTime, "completed_on_time"},
    {Status::kCompletedLate, "completed_late"},
    {Status::kInProgress, "in_progress"},
    {Status::kOverdue, "overdue"},
})};

constexpr CodeTable kWarningCodes{std::to_array<std::pair<Warning, std::string_view>>({
    {Warning::kNone, "none"},
    {Warning::kOverdue, "overdue"},
    {Warning::kDueSoon, "due_soon"},
    {Warning::kOnTrack, "on_track"},
    {Warning::kNoDeadline, "no_deadline"},
})};

}  // namespace

std::string_view StatusCode(Status s) { return kStatusCodes.CodeOf(s).value_or(""); }

std::vector<std::string_view> StatusCodes() { return kStatusCodes.Codes(); }

std::optional<Status> ParseStatus(std::string_view code) { return kStatusCodes.Parse(code); }

std::optional<Date> DeadlineInForce(const TaskFacts& task, Date as_of) {
  const ApprovedExtension* latest = nullptr;
  for (const ApprovedExtension& ext : task.extensions) {
    // `>=` rather than `>` so that of two extensions effective the same day the later entry wins.
    if (ext.effective_on <= as_of && (!latest || ext.effective_on >= latest->effective_on)) {
      latest = &ext;
    }
  }
  // An extension is honoured as approved even if it moves the deadline earlier: the approver's
  // decision is the fact, and second-guessing it here would make reports disagree with documents.
  if (latest) return latest->new_deadline;
  return task.deadline;
}

Status StatusAsOf(const TaskFacts& task, Date as_of) {
  // A task assigned after D did not exist yet, whatever happened to it later.
  if (task.assigned_on > as_of) return Status::kNotYetAssigned;
  if (task.cancelled_on && *task.cancelled_on <= as_of) return Status::kCancelled;
  const std::optional<Date> deadline = DeadlineInForce(task, as_of);
  if (task.completed_on && *task.completed_on <= as_of) {
    return !deadline || *task.completed_on <= *deadline ? Status::kCompletedOnTime
                                                        : Status::kCompletedLate;
  }
  return !deadline || as_of <= *deadline ? Status::kInProgress : Status::kOverdue;
}

std::string_view WarningCode(Warning w) { return kWarningCodes.CodeOf(w).value_or(""); }

std::vector<std::string_view> WarningCodes() { return kWarningCodes.Codes(); }

Warning WarningAsOf(const TaskFacts& task, Date as_of, int due_soon_days) {
  switch (StatusAsOf(task, as_of)) {
    case Status::kOverdue:
      return Warning::kOverdue;
    case Status::kInProgress:
      break;
    default:
      return Warning::kNone;
  }
  const std::optional<Date> deadline = DeadlineInForce(task, as_of);
  if (!deadline) return Warning::kNoDeadline;
  // In progress guarantees D <= deadline, so only the far end of the window needs checking.
  return *deadline <= as_of.AddDays(due_soon_days) ? Warning::kDueSoon : Warning::kOnTrack;
}

}  // namespace giaoban::domain
