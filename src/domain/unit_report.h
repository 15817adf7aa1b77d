// A unit's monthly report on its way to the consolidated one (docs/domain.md#unit-reports): its
// states, who moves it from one to the next, and how late it is in working days.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/role.h"
#include "domain/working_calendar.h"

namespace giaoban::domain {

enum class UnitReportState {
  kDraft,      // the unit is writing it
  kSubmitted,  // sent to the consolidating division, first or again after a return
  kReturned,   // sent back with a comment; the unit edits and submits again
  kAccepted,   // taken into the consolidated report: final
};

enum class UnitReportStep {
  kSubmit,  // by the unit: from a draft or a returned report
  kReturn,  // by the consolidating division: a submitted report, with a comment
  kAccept,  // by the consolidating division: a submitted report
};

// "draft", "submitted", "returned", "accepted"; "submit", "return", "accept".
std::string_view UnitReportStateCode(UnitReportState s);
std::optional<UnitReportState> ParseUnitReportState(std::string_view code);
std::vector<std::string_view> UnitReportStateCodes();
std::string_view UnitReportStepCode(UnitReportStep s);
std::optional<UnitReportStep> ParseUnitReportStep(std::string_view code);

// The state `step` leads to from `from`; nullopt when the step does not apply there.
std::optional<UnitReportState> After(UnitReportState from, UnitReportStep step);
// Whether the unit may still change the report's text.
bool Editable(UnitReportState s);

// Whether a holder of `role` takes `step`: the unit's head (or its leaders, who may stand in) for
// its own unit's report; the consolidator or a leader of the agency for returning and accepting.
// Where the role's holder sits is the service's to check.
bool TakesStep(Role role, UnitReportStep step);

// The day a period's unit reports are due: `working_days` working days after the period's end.
Date UnitReportDue(Date period_end, int working_days, const WorkingCalendar& calendar);
// How many working days late a report submitted on `submitted_on` (or, while it is not submitted,
// still missing on `today`) is against `due`; 0 when on time.
int WorkingDaysLate(Date due, Date submitted_or_today, const WorkingCalendar& calendar);

}  // namespace giaoban::domain
