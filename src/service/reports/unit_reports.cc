#include "service/reports/unit_reports.h"

#include <boost/json.hpp>

#include "domain/task_permissions.h"
#include "domain/text_limits.h"
#include "intl/text.h"
#include "service/audit.h"
#include "service/calendar/calendar.h"
#include "service/notices/notices.h"
#include "service/reports/prose.h"
#include "service/reports/report_settings.h"
#include "service/reports/report_tasks.h"
#include "service/row_values.h"

namespace giaoban::service {

namespace json = boost::json;
using domain::ReportingPeriod;
using domain::UnitReportState;
using domain::UnitReportStep;
using storage::Param;
using storage::TransactionMode;

namespace {

constexpr std::size_t kCommentMaxBytes = domain::kReportCommentMaxBytes;
constexpr std::string_view kNotStarted = "not_started";

// A unit that reports: an organisation directly under the agency, not an agency itself.
struct Unit {
  Id id = 0;
  std::string name;
  std::string path;
};

BOOST_DESCRIBE_STRUCT(Unit, (), (id, name, path))

std::optional<Unit> LoadUnit(storage::Connection& c, Id agency, Id id) {
  auto rows = ReadRows<Unit>(
      c.execute("SELECT id, name, path FROM organizations WHERE id = $1 AND agency_id = $2 AND "
                "parent_id = $2",
                {Param(id), Param(agency)}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

struct ReportRow {
  Id id = 0;
  Id agency_id = 0;
  Id organization_id = 0;
  std::string period;
  Date period_start;
  Date period_end;
  std::string state;
  std::string prose;
  std::string return_comment;
  std::optional<Date> first_submitted_on;
  std::optional<Date> submitted_on;
  std::optional<NamedRef> submitted_by;
  std::optional<Date> decided_on;
  std::optional<NamedRef> decided_by;
  std::int64_t version = 0;
};

constexpr std::tuple kReportFields{
    Field{"id", &ReportRow::id},
    Field{"agency_id", &ReportRow::agency_id},
    Field{"organization_id", &ReportRow::organization_id},
    Field{"period", &ReportRow::period},
    Field{"period_start", &ReportRow::period_start},
    Field{"period_end", &ReportRow::period_end},
    Field{"state", &ReportRow::state},
    Field{"prose", &ReportRow::prose},
    Field{"return_comment", &ReportRow::return_comment},
    Field{"first_submitted_on", &ReportRow::first_submitted_on},
    Field{"submitted_on", &ReportRow::submitted_on},
    RefField{"submitted_by_id", "submitted_by_name", &ReportRow::submitted_by},
    Field{"decided_on", &ReportRow::decided_on},
    RefField{"decided_by_id", "decided_by_name", &ReportRow::decided_by},
    Field{"version", &ReportRow::version},
};

// Who submitted and who decided are people, named as they are now.
constexpr std::string_view kReportSelect =
    "SELECT r.id, r.agency_id, r.organization_id, r.period, r.period_start, r.period_end, "
    "r.state, r.prose, r.return_comment, r.first_submitted_on, r.submitted_on, "
    "sp.id AS submitted_by_id, sp.full_name AS submitted_by_name, r.decided_on, "
    "dp.id AS decided_by_id, dp.full_name AS decided_by_name, r.version FROM unit_reports r "
    "LEFT JOIN users su ON su.id = r.submitted_by LEFT JOIN people sp ON sp.id = su.person_id "
    "LEFT JOIN users du ON du.id = r.decided_by LEFT JOIN people dp ON dp.id = du.person_id ";

std::optional<ReportRow> LoadReport(storage::Connection& c, std::string_view where,
                                    std::vector<storage::Value> params) {
  auto rows =
      ReadRows(c.execute(std::string(kReportSelect) + std::string(where), params), kReportFields);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<ReportRow> LoadReport(storage::Connection& c, Id id) {
  return LoadReport(c, "WHERE r.id = $1", {Param(id)});
}

// A month of the agency's convention: unit reports are monthly.
std::optional<ReportingPeriod> ParseMonth(std::string_view key,
                                          domain::PeriodConvention convention) {
  auto period = ReportingPeriod::Parse(key, convention);
  if (!period || period->kind() != ReportingPeriod::Kind::kMonth) return std::nullopt;
  return period;
}

// A stored report keeps the window it was opened with, whatever the agency's convention now.
ReportingPeriod PeriodOf(const ReportRow& row) {
  for (auto convention :
       {domain::PeriodConvention::kCalendarMonth, domain::PeriodConvention::kCutOff14th}) {
    auto period = ParseMonth(row.period, convention);
    if (period && period->start() == row.period_start && period->end() == row.period_end)
      return *period;
  }
  // Only a row written by hand gets here; the key then decides.
  return *ParseMonth(row.period, domain::PeriodConvention::kCalendarMonth);
}

domain::PeriodConvention ConventionOf(const ReportSettings& s) {
  return domain::ParsePeriodConvention(s.period_convention)
      .value_or(domain::PeriodConvention::kCalendarMonth);
}

// The unit writes and submits its report: its head, or a leader standing in for it.
bool MayWrite(const Actor& a, Id agency, Id unit) {
  if (a.agency_id != agency || !domain::TakesStep(a.role, UnitReportStep::kSubmit)) return false;
  return a.role == Role::kLeader || a.organization_id == unit;
}

// The consolidating division, or a leader, returns, accepts and reminds.
bool MayDecide(const Actor& a, Id agency) {
  return a.agency_id == agency && domain::TakesStep(a.role, UnitReportStep::kAccept);
}

// What reading a report needs besides its row: the agency's settings and calendar, and today.
struct ReportFrame {
  ReportSettings settings;
  domain::WorkingCalendar calendar;
  Date today;
};

// The calendar covers every day a due date or a lateness of the period can reach: from the
// period's end to today, and the year after the later of them.
ReportFrame LoadFrame(storage::Connection& c, ReportSettings settings,
                      const ReportingPeriod& period, Date today) {
  const int first = std::max(kFirstCalendarYear, std::min(period.end().year(), today.year()));
  const int last = std::min(kLastCalendarYear, std::max(period.end().year(), today.year()) + 1);
  return {std::move(settings), LoadWorkingCalendar(c, first, last), today};
}

Date DueOn(const ReportFrame& f, const ReportingPeriod& period) {
  return domain::UnitReportDue(period.end(), f.settings.due_working_days, f.calendar);
}

int Lateness(const ReportFrame& f, Date due, const std::optional<Date>& first_submitted_on) {
  return domain::WorkingDaysLate(due, first_submitted_on.value_or(f.today), f.calendar);
}

UnitReport Build(storage::Connection& c, const Actor& reader, const ReportFrame& frame,
                 const Unit& unit, const ReportingPeriod& period, const ReportRow* row) {
  UnitReport r;
  r.organization = {unit.id, unit.name};
  r.period = period.Key();
  r.period_start = period.start();
  r.period_end = period.end();
  const domain::ReportWindows windows = domain::WindowsOf(period, frame.today);
  r.as_of = windows.counted.end;
  r.period_running = windows.running;
  r.due_on = DueOn(frame, period);
  const Id agency = frame.settings.agency_id;
  const bool may_write = MayWrite(reader, agency, unit.id);
  const bool may_decide = MayDecide(reader, agency);
  if (row) {
    r.id = row->id;
    r.state = row->state;
    r.prose = LoadProse(row->prose);
    r.return_comment = row->return_comment;
    r.first_submitted_on = row->first_submitted_on;
    r.submitted_on = row->submitted_on;
    r.submitted_by = row->submitted_by;
    r.decided_on = row->decided_on;
    r.decided_by = row->decided_by;
    r.version = row->version;
    r.history = EntityHistory(c, "unit_report", row->id);
    const auto state = domain::ParseUnitReportState(row->state).value_or(UnitReportState::kDraft);
    r.actions.edit = r.actions.submit = may_write && domain::Editable(state);
    r.actions.return_report = r.actions.accept = may_decide && state == UnitReportState::kSubmitted;
    r.actions.remind = may_decide && domain::Editable(state);
  } else {
    r.state = std::string(kNotStarted);
    r.actions.edit = may_write;
    r.actions.remind = may_decide;
  }
  r.working_days_late = Lateness(frame, r.due_on, r.first_submitted_on);

  const auto led = LoadReportTasks(c, {agency, unit.path, false}, windows);
  const auto cooperated = LoadReportTasks(c, {agency, unit.path, true}, windows);
  r.figures = FiguresOf(led);
  r.lead = ListTasks(c, led, windows, reader);
  r.cooperating = ListTasks(c, cooperated, windows, reader);
  return r;
}

// A report row with the unit it belongs to, as the reader may see it.
struct Found {
  ReportRow row;
  Unit unit;
};

Expected<Found> FindReport(storage::Connection& c, const Actor& reader, Id id) {
  auto row = LoadReport(c, id);
  // Other agencies see nothing of it, not even that it exists.
  if (!row || row->agency_id != reader.agency_id) return Error::NotFound();
  auto unit = LoadUnit(c, row->agency_id, row->organization_id);
  if (!unit) return Error::NotFound();
  return Found{std::move(*row), std::move(*unit)};
}

Expected<UnitReport> BuildStored(storage::Connection& c, const Actor& reader, Id id, Date today) {
  auto found = FindReport(c, reader, id);
  if (!found) return found.error();
  const ReportingPeriod period = PeriodOf(found->row);
  const ReportFrame frame =
      LoadFrame(c, LoadReportSettings(c, found->row.agency_id), period, today);
  return Build(c, reader, frame, found->unit, period, &found->row);
}

json::object StepJson(const ReportRow& row) {
  return {{"state", row.state}, {"return_comment", row.return_comment}};
}

std::string_view StepAction(UnitReportStep step) {
  switch (step) {
    case UnitReportStep::kSubmit:
      return "submitted";
    case UnitReportStep::kReturn:
      return "returned";
    case UnitReportStep::kAccept:
      return "accepted";
  }
  return "";
}

// Who hears of a unit's report: its heads, or, in a unit without one, everyone of it who signs in.
std::vector<Id> UnitRecipients(storage::Connection& c, Id organization_id) {
  auto people = c.execute(
      "SELECT p.id FROM people p JOIN users u ON u.person_id = p.id "
      "WHERE p.organization_id = $1 AND p.active = 1 AND u.disabled = 0 AND u.role = 'unit_head' "
      "ORDER BY p.id",
      {Param(organization_id)});
  if (people.empty())
    people = c.execute(
        "SELECT p.id FROM people p JOIN users u ON u.person_id = p.id "
        "WHERE p.organization_id = $1 AND p.active = 1 AND u.disabled = 0 ORDER BY p.id",
        {Param(organization_id)});
  std::vector<Id> out;
  for (const auto& p : people.rows) out.push_back(p.integer(0));
  return out;
}

}  // namespace

UnitReportBoard LoadUnitReportBoard(storage::Connection& c, const Actor& reader,
                                    ReportSettings settings, const ReportingPeriod& period,
                                    Date today) {
  const Id agency = settings.agency_id;
  const ReportFrame frame = LoadFrame(c, std::move(settings), period, today);
  UnitReportBoard board;
  board.period = period.Key();
  board.period_start = period.start();
  board.period_end = period.end();
  board.due_on = DueOn(frame, period);
  board.today = frame.today;
  board.can_remind = MayDecide(reader, agency) && period.start() <= frame.today;
  // The units that existed during the period, in the order of their names.
  const std::vector<storage::Value> params = {Param(agency), Param(board.period_start.Iso()),
                                              Param(board.period_end.Iso()), Param(board.period)};
  auto r = c.execute(
      "SELECT o.id, o.name, r.id AS report_id, r.state, r.first_submitted_on, r.submitted_on, "
      "r.version FROM organizations o "
      "LEFT JOIN unit_reports r ON r.organization_id = o.id AND r.period = $4 "
      "WHERE o.agency_id = $1 AND o.parent_id = $1 AND "
      "(o.valid_from IS NULL OR o.valid_from <= $3) AND "
      "(o.valid_to IS NULL OR o.valid_to >= $2) ORDER BY o.name_key, o.id",
      params);
  if (r.empty()) return board;
  const storage::Column id = r.column("id"), name = r.column("name"),
                        report_id = r.column("report_id"), state = r.column("state"),
                        first = r.column("first_submitted_on"),
                        submitted = r.column("submitted_on"), version = r.column("version");
  for (const auto& row : r.rows) {
    UnitReportStanding s;
    s.organization = {row.integer(id), row.text(name)};
    if (!row.is_null(report_id)) {
      s.report_id = row.integer(report_id);
      s.state = row.text(state);
      s.first_submitted_on = OptionalDate(row, first);
      s.submitted_on = OptionalDate(row, submitted);
      s.version = row.integer(version);
    } else {
      s.state = std::string(kNotStarted);
    }
    s.working_days_late = Lateness(frame, board.due_on, s.first_submitted_on);
    board.units.push_back(std::move(s));
  }
  return board;
}

std::vector<MergedProse> SentUnitProse(storage::Connection& c, Id agency, std::string_view period) {
  auto r = c.execute(
      "SELECT o.id, o.name, r.state, r.prose FROM unit_reports r "
      "JOIN organizations o ON o.id = r.organization_id "
      "WHERE r.agency_id = $1 AND r.period = $2 AND r.state IN ('submitted', 'accepted') "
      "ORDER BY o.name_key, o.id",
      {Param(agency), Param(period)});
  std::vector<MergedProse> out;
  for (const auto& row : r.rows)
    out.push_back({{row.integer(0), row.text(1)}, row.text(2), LoadProse(row.text(3))});
  return out;
}

Expected<UnitReportBoard> UnitReportService::Board(const Actor& reader, std::string_view key) {
  return ctx_.db().transact(
      TransactionMode::kRead, [&](storage::Connection& c) -> Expected<UnitReportBoard> {
        ReportSettings settings = LoadReportSettings(c, reader.agency_id);
        const auto period = ParseMonth(key, ConventionOf(settings));
        if (!period) return Error::Validation({{"period", "invalid"}});
        return LoadUnitReportBoard(c, reader, std::move(settings), *period, ctx_.Today());
      });
}

Expected<UnitReport> UnitReportService::Open(const Actor& by, Id organization_id,
                                             std::string_view key) {
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<UnitReport> {
        const Id agency = by.agency_id;
        auto unit = LoadUnit(c, agency, organization_id);
        if (!unit) return Error::Validation({{"organization_id", "not_found"}});
        ReportSettings settings = LoadReportSettings(c, agency);
        const auto period = ParseMonth(key, ConventionOf(settings));
        if (!period) return Error::Validation({{"period", "invalid"}});
        const ReportFrame frame = LoadFrame(c, std::move(settings), *period, ctx_.Today());
        // A report tells what happened: a period that has not begun has nothing to tell yet.
        if (period->start() > frame.today) return Error::Validation({{"period", "not_started"}});
        auto row = LoadReport(c, "WHERE r.organization_id = $1 AND r.period = $2",
                              {Param(organization_id), Param(period->Key())});
        if (row) return Build(c, by, frame, *unit, PeriodOf(*row), &*row);
        if (!MayWrite(by, agency, organization_id))
          return Build(c, by, frame, *unit, *period, nullptr);
        const std::string prose = StoreProse({});
        const auto now = Context::NowMillis();
        // Two people opening it at once: the second finds the first one's draft.
        auto inserted = c.execute(
            "INSERT INTO unit_reports (agency_id, organization_id, period, period_start, "
            "period_end, state, prose, created_at, created_by, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $7) "
            "ON CONFLICT (organization_id, period) DO NOTHING RETURNING id",
            {Param(agency), Param(organization_id), Param(period->Key()),
             Param(period->start().Iso()), Param(period->end().Iso()), Param(prose), Param(now),
             Param(by.user_id)});
        if (!inserted.empty()) {
          const Id id = ReturnedId(inserted);
          RecordEvent(c, {agency, "unit_report", id, std::nullopt, "created", by.user_id, "",
                          json::serialize(json::object{{"state", "draft"}})});
        }
        row = LoadReport(c, "WHERE r.organization_id = $1 AND r.period = $2",
                         {Param(organization_id), Param(period->Key())});
        return Build(c, by, frame, *unit, PeriodOf(*row), &*row);
      });
}

Expected<UnitReport> UnitReportService::Get(const Actor& reader, Id id) {
  return ctx_.db().transact(TransactionMode::kRead, [&](storage::Connection& c) {
    return BuildStored(c, reader, id, ctx_.Today());
  });
}

Expected<UnitReport> UnitReportService::SaveProse(const Actor& by, Id id,
                                                  std::int64_t expected_version,
                                                  const UnitReportProse& input) {
  auto checked = CheckedProse(input);
  if (!checked) return checked.error();
  const UnitReportProse& prose = *checked;
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<UnitReport> {
        auto found = FindReport(c, by, id);
        if (!found) return found.error();
        const ReportRow& row = found->row;
        if (!MayWrite(by, row.agency_id, row.organization_id)) return Error::Forbidden();
        const auto state = domain::ParseUnitReportState(row.state);
        if (!state || !domain::Editable(*state)) return Error::Conflict("unit_report_locked");
        if (row.version != expected_version) return Error::PreconditionFailed();
        const UnitReportProse before = LoadProse(row.prose);
        if (prose != before) {
          auto r = c.execute(
              "UPDATE unit_reports SET prose = $2, updated_at = $3, version = version + 1 "
              "WHERE id = $1 AND version = $4 RETURNING id",
              {Param(id), Param(StoreProse(prose)), Param(Context::NowMillis()),
               Param(expected_version)});
          if (r.empty()) return Error::PreconditionFailed();
          RecordEvent(c, {row.agency_id, "unit_report", id, std::nullopt, "updated", by.user_id,
                          StoreProse(before), StoreProse(prose)});
        }
        return BuildStored(c, by, id, ctx_.Today());
      });
}

Expected<UnitReport> UnitReportService::TakeStep(const Actor& by, Id id,
                                                 std::int64_t expected_version, UnitReportStep step,
                                                 const std::string& input) {
  const std::string comment = intl::ToNfc(input);
  Validator v;
  if (step == UnitReportStep::kReturn)
    v.RequireText("comment", comment, kCommentMaxBytes);
  else
    v.LimitText("comment", comment, kCommentMaxBytes);
  if (!v.ok()) return v.error();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<UnitReport> {
        auto found = FindReport(c, by, id);
        if (!found) return found.error();
        const ReportRow& row = found->row;
        const bool allowed = step == UnitReportStep::kSubmit
                                 ? MayWrite(by, row.agency_id, row.organization_id)
                                 : MayDecide(by, row.agency_id);
        if (!allowed) return Error::Forbidden();
        const auto state = domain::ParseUnitReportState(row.state);
        const auto next = state ? domain::After(*state, step) : std::nullopt;
        if (!next) return Error::Conflict("unit_report_step");
        if (row.version != expected_version) return Error::PreconditionFailed();
        const Date today = ctx_.Today();
        const std::string next_code(domain::UnitReportStateCode(*next));
        storage::Result r;
        if (step == UnitReportStep::kSubmit) {
          r = c.execute(
              "UPDATE unit_reports SET state = $2, return_comment = '', submitted_on = $3, "
              "submitted_by = $4, first_submitted_on = COALESCE(first_submitted_on, $3), "
              "updated_at = $5, version = version + 1 WHERE id = $1 AND version = $6 RETURNING id",
              {Param(id), Param(next_code), Param(today.Iso()), Param(by.user_id),
               Param(Context::NowMillis()), Param(expected_version)});
        } else {
          r = c.execute(
              "UPDATE unit_reports SET state = $2, return_comment = $3, decided_on = $4, "
              "decided_by = $5, updated_at = $6, version = version + 1 "
              "WHERE id = $1 AND version = $7 RETURNING id",
              {Param(id), Param(next_code),
               Param(step == UnitReportStep::kReturn ? comment : std::string()), Param(today.Iso()),
               Param(by.user_id), Param(Context::NowMillis()), Param(expected_version)});
        }
        if (r.empty()) return Error::PreconditionFailed();
        json::object after{{"state", next_code}};
        if (!comment.empty()) after["comment"] = comment;
        RecordEvent(c,
                    {row.agency_id, "unit_report", id, std::nullopt, std::string(StepAction(step)),
                     by.user_id, json::serialize(StepJson(row)), json::serialize(after)},
                    today);
        // A returned report waits on the unit: its heads hear of it and of why.
        if (step == UnitReportStep::kReturn) {
          auto unit = LoadUnit(c, row.agency_id, row.organization_id);
          const json::object params{{"organization_id", row.organization_id},
                                    {"organization_name", unit ? unit->name : std::string()},
                                    {"period", row.period},
                                    {"report_id", id},
                                    {"comment", comment}};
          for (const Id person : UnitRecipients(c, row.organization_id))
            SendNotice(c, row.agency_id, person, "unit_report_returned", params, by);
        }
        return BuildStored(c, by, id, today);
      });
}

Expected<int> UnitReportService::Remind(const Actor& by, Id organization_id, std::string_view key) {
  return ctx_.db().transact(TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<int> {
    const Id agency = by.agency_id;
    if (!MayDecide(by, agency)) return Error::Forbidden();
    auto unit = LoadUnit(c, agency, organization_id);
    if (!unit) return Error::Validation({{"organization_id", "not_found"}});
    ReportSettings settings = LoadReportSettings(c, agency);
    const auto period = ParseMonth(key, ConventionOf(settings));
    if (!period) return Error::Validation({{"period", "invalid"}});
    const ReportFrame frame = LoadFrame(c, std::move(settings), *period, ctx_.Today());
    // Nothing is awaited for a period that has not begun.
    if (period->start() > frame.today) return Error::Validation({{"period", "not_started"}});
    auto row = LoadReport(c, "WHERE r.organization_id = $1 AND r.period = $2",
                          {Param(organization_id), Param(period->Key())});
    // Nothing is awaited from a unit whose report is with the division already.
    if (row) {
      const auto state = domain::ParseUnitReportState(row->state);
      if (!state || !domain::Editable(*state)) return Error::Conflict("unit_report_step");
    }
    const auto people = UnitRecipients(c, organization_id);
    if (people.empty()) return Error::Validation({{"organization_id", "no_recipient"}});
    json::object params{{"organization_id", unit->id},
                        {"organization_name", unit->name},
                        {"period", period->Key()},
                        {"due_on", DueOn(frame, *period).Iso()}};
    if (row) params["report_id"] = row->id;
    for (const Id person : people)
      SendNotice(c, agency, person, "unit_report_reminder", params, by);
    RecordEvent(c, {agency, "organization", unit->id, std::nullopt, "unit_report_reminded",
                    by.user_id, "", json::serialize(params)});
    return static_cast<int>(people.size());
  });
}

}  // namespace giaoban::service
