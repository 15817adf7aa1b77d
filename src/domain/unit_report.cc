#include "domain/unit_report.h"

#include <array>
#include <utility>

#include "domain/codes.h"

namespace giaoban::domain {
namespace {

constexpr CodeTable kStateCodes{std::to_array<std::pair<UnitReportState, std::string_view>>({
    {UnitReportState::kDraft, "draft"},
    {UnitReportState::kSubmitted, "submitted"},
    {UnitReportState::kReturned, "returned"},
    {UnitReportState::kAccepted, "accepted"},
})};

constexpr CodeTable kStepCodes{std::to_array<std::pair<UnitReportStep, std::string_view>>({
    {UnitReportStep::kSubmit, "submit"},
    {UnitReportStep::kReturn, "return"},
    {UnitReportStep::kAccept, "accept"},
})};

}  // namespace

std::string_view UnitReportStateCode(UnitReportState s) {
  return kStateCodes.CodeOf(s).value_or("");
}
std::optional<UnitReportState> ParseUnitReportState(std::string_view code) {
  return kStateCodes.Parse(code);
}
std::vector<std::string_view> UnitReportStateCodes() { return kStateCodes.Codes(); }
std::string_view UnitReportStepCode(UnitReportStep s) { return kStepCodes.CodeOf(s).value_or(""); }
std::optional<UnitReportStep> ParseUnitReportStep(std::string_view code) {
  return kStepCodes.Parse(code);
}

std::optional<UnitReportState> After(UnitReportState from, UnitReportStep step) {
  switch (step) {
    case UnitReportStep::kSubmit:
      if (from == UnitReportState::kDraft || from == UnitReportState::kReturned)
        return UnitReportState::kSubmitted;
      break;
    case UnitReportStep::kReturn:
      if (from == UnitReportState::kSubmitted) return UnitReportState::kReturned;
      break;
    case UnitReportStep::kAccept:
      if (from == UnitReportState::kSubmitted) return UnitReportState::kAccepted;
      break;
  }
  return std::nullopt;
}

bool Editable(UnitReportState s) {
  return s == UnitReportState::kDraft || s == UnitReportState::kReturned;
}

bool TakesStep(Role role, UnitReportStep step) {
  switch (step) {
    case UnitReportStep::kSubmit:
      return role == Role::kUnitHead || role == Role::kLeader;
    case UnitReportStep::kReturn:
    case UnitReportStep::kAccept:
      return role == Role::kConsolidator || role == Role::kLeader;
  }
  return false;
}

Date UnitReportDue(Date period_end, int working_days, const WorkingCalendar& calendar) {
  return calendar.AddWorkingDays(period_end, working_days);
}

int WorkingDaysLate(Date due, Date submitted_or_today, const WorkingCalendar& calendar) {
  return calendar.WorkingDaysAfter(due, submitted_or_today);
}

}  // namespace giaoban::domain
