// The counting rule of every report and of the dashboard's period figures
// (docs/domain.md#report-figures). Let E be the period's end and Y its year: the tasks in scope
// were assigned on or before E, and either in Y or earlier and still open when Y began (carried
// over). Y is the reporting year of the agency's convention: under the cut-off, the year 2024
// begins on 15/12/2023 with its first period, or what happened between 15 and 31 December would
// fall in no year's reports. Cancelled tasks are listed, never counted. Everything is judged as of
// E, with the deadline in force on E, so a report computed later says what one computed on E would
// have said about the facts dated by then. While the period runs, E is the day the report is made
// (ReportWindows).
#pragma once

#include <cstdint>
#include <string>

#include "domain/reporting_period.h"
#include "domain/stats.h"
#include "domain/status.h"

namespace giaoban::domain {

// Where one task stands in a report on a period.
struct ReportPlacement {
  bool in_scope = false;      // listed in the report at all; nothing below holds otherwise
  bool carried_over = false;  // assigned before Y and still open when Y began
  Status status = Status::kNotYetAssigned;  // as of E
  bool extended = false;                    // its deadline was extended by E
  bool cancelled = false;                   // listed, never counted: none of the figures below hold
  bool due = false;                         // a deadline in force on or before E
  bool due_completed = false;               // due and completed on or before E, on time or late
  bool overdue = false;                     // due and not completed by E
  bool completed_ahead = false;             // completed by E, before a deadline in force after E
  bool ongoing = false;                     // no deadline ("thường xuyên")
  bool assigned_in_period = false;
  bool due_in_period = false;        // a deadline in force within [start, E]
  bool completed_in_period = false;  // completed within [start, E]
  bool due_next_period = false;      // not completed by E, deadline in force in the next period
};

// The first day of the reporting year that holds the period's end; a period at the edge of the
// years dates can hold has none of its own and takes its calendar year's.
Date ReportingYearStart(const ReportingPeriod& period);

// The days a report judges its tasks by. A report on a period that has ended counts to its end,
// E, and looks ahead to the next period. While the period runs, a report made on a day T can know
// nothing of the days after T: it counts to T instead, so a task due later in the period is not
// due yet, let alone overdue. A task due on T itself still has the day: it is due once it is
// completed, and until then it is ahead, with those due up to the next period's end. Either way
// the scope is the reporting year of the period's end.
struct ReportWindows {
  DateWindow counted;  // [start, E], or [start, T] while the period runs
  DateWindow ahead;    // the next period's window, or [T, its end] while the period runs
  Date year_start;     // of the reporting year that holds the period's end
  bool running =
      false;  // the period had not ended on the day the report was made, its last day included
};

// The windows of a report on `period` made on `today`; a period that has not begun yet counts
// its first day only, which no report asks for (callers refuse such periods).
ReportWindows WindowsOf(const ReportingPeriod& period, Date today);

ReportPlacement PlaceInReport(const TaskFacts& task, const ReportWindows& windows);
// The figures of a task in scope and not cancelled, from what it was on the last day counted:
// whether completed by then, the deadline then in force, when it was assigned and completed. What
// PlaceInReport does once it knows those, for callers that read them already worked out.
void PlaceCounted(ReportPlacement& p, bool completed, std::optional<Date> deadline,
                  Date assigned_on, std::optional<Date> completed_on, const ReportWindows& windows);
// As a report made after the period's end places it.
ReportPlacement PlaceInReport(const TaskFacts& task, const ReportingPeriod& period);

// The figures of one group of tasks (a source kind and key flag, a unit, the whole agency).
struct ReportFigures {
  std::int64_t due = 0;
  std::int64_t due_completed = 0;
  std::int64_t overdue = 0;
  std::int64_t completed_ahead = 0;
  std::int64_t ongoing = 0;
  std::int64_t assigned_in_period = 0;
  std::int64_t due_in_period = 0;
  std::int64_t completed_in_period = 0;
  std::int64_t due_next_period = 0;
  std::int64_t carried_over = 0;  // counted tasks carried over from earlier years
  StatusCounts cumulative;        // the status classes as of E; cancelled ones beside them

  // Adds `tasks` tasks placed alike (one, unless counted together); out of scope, nothing.
  void Add(const ReportPlacement& p, std::int64_t tasks = 1);
  ReportFigures& operator+=(const ReportFigures& other);
  // "02/02": the due tasks completed over the due tasks, as a Director reads it out.
  std::string DueCompletedRatio() const { return TwoDigitRatio(due_completed, due); }

  // "02/02", "11/12", "120/135": each side with at least two digits.
  static std::string TwoDigitRatio(std::int64_t x, std::int64_t y);

  friend bool operator==(const ReportFigures&, const ReportFigures&) = default;
};

BOOST_DESCRIBE_STRUCT(ReportFigures, (),
                      (due, due_completed, overdue, completed_ahead, ongoing, assigned_in_period,
                       due_in_period, completed_in_period, due_next_period, carried_over,
                       cumulative))

}  // namespace giaoban::domain
