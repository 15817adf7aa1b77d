#include "domain/report_figures.h"

#include <algorithm>
#include <cstdio>

namespace giaoban::domain {

Date ReportingYearStart(const ReportingPeriod& period) {
  const auto year = ReportingPeriod::Year(period.year(), period.convention());
  return year ? year->start() : *Date::FromYmd(period.end().year(), 1, 1);
}

ReportWindows WindowsOf(const ReportingPeriod& period, Date today) {
  const DateWindow whole = period.window();
  const DateWindow next = period.NextWindow();
  const Date year_start = ReportingYearStart(period);
  // On its last day a period still runs: a task due that day still has it.
  if (today > whole.end) return {whole, next, year_start, false};
  const Date as_of = std::max(today, whole.start);
  return {{whole.start, as_of}, {as_of, next.end}, year_start, true};
}

ReportPlacement PlaceInReport(const TaskFacts& task, const ReportingPeriod& period) {
  return PlaceInReport(task, WindowsOf(period, period.end().AddDays(1)));
}

ReportPlacement PlaceInReport(const TaskFacts& task, const ReportWindows& windows) {
  ReportPlacement p;
  const Date year_start = windows.year_start;
  const Date end = windows.counted.end;
  if (task.assigned_on > end) return p;
  if (task.assigned_on < year_start) {
    // Carried over only if still open when the year began.
    const bool closed_before = (task.completed_on && *task.completed_on < year_start) ||
                               (task.cancelled_on && *task.cancelled_on < year_start);
    if (closed_before) return p;
    p.carried_over = true;
  }
  p.in_scope = true;
  p.status = StatusAsOf(task, end);
  p.extended = std::any_of(task.extensions.begin(), task.extensions.end(),
                           [&](const ApprovedExtension& e) { return e.effective_on <= end; });
  if (p.status == Status::kCancelled) {
    p.cancelled = true;
    return p;
  }
  PlaceCounted(p, task.completed_on && *task.completed_on <= end, DeadlineInForce(task, end),
               task.assigned_on, task.completed_on, windows);
  return p;
}

void PlaceCounted(ReportPlacement& p, bool completed, std::optional<Date> deadline,
                  Date assigned_on, std::optional<Date> completed_on,
                  const ReportWindows& windows) {
  const DateWindow& period = windows.counted;
  const Date end = period.end;
  const bool has_the_day = windows.running && !completed && deadline && *deadline == end;
  p.due = deadline && *deadline <= end && !has_the_day;
  p.due_completed = p.due && completed;
  // Includes a task due on the end of a period that has ended and still open then, which its
  // status as of E calls in progress: by the period's end it was due and not done.
  p.overdue = p.due && !completed;
  p.completed_ahead = completed && deadline && *deadline > end;
  p.ongoing = !deadline;
  p.assigned_in_period = period.Contains(assigned_on);
  p.due_in_period = p.due && period.Contains(*deadline);
  p.completed_in_period = completed && period.Contains(*completed_on);
  p.due_next_period = !completed && deadline && windows.ahead.Contains(*deadline);
}

void ReportFigures::Add(const ReportPlacement& p, std::int64_t tasks) {
  if (!p.in_scope) return;
  cumulative.Add(p.status, p.extended, tasks);
  if (p.cancelled) return;
  due += p.due * tasks;
  due_completed += p.due_completed * tasks;
  overdue += p.overdue * tasks;
  completed_ahead += p.completed_ahead * tasks;
  ongoing += p.ongoing * tasks;
  assigned_in_period += p.assigned_in_period * tasks;
  due_in_period += p.due_in_period * tasks;
  completed_in_period += p.completed_in_period * tasks;
  due_next_period += p.due_next_period * tasks;
  carried_over += p.carried_over * tasks;
}

ReportFigures& ReportFigures::operator+=(const ReportFigures& other) {
  due += other.due;
  due_completed += other.due_completed;
  overdue += other.overdue;
  completed_ahead += other.completed_ahead;
  ongoing += other.ongoing;
  assigned_in_period += other.assigned_in_period;
  due_in_period += other.due_in_period;
  completed_in_period += other.completed_in_period;
  due_next_period += other.due_next_period;
  carried_over += other.carried_over;
  cumulative += other.cumulative;
  return *this;
}

std::string ReportFigures::TwoDigitRatio(std::int64_t x, std::int64_t y) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld/%02lld", static_cast<long long>(x),
                static_cast<long long>(y));
  return buf;
}

}  // namespace giaoban::domain
