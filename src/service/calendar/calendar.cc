#include "service/calendar/calendar.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "intl/text.h"
#include "service/audit.h"
#include "service/row_values.h"

namespace giaoban::service {

using storage::Param;
using storage::TransactionMode;

namespace {

constexpr std::size_t kMaxDays = 400;
constexpr std::size_t kNameMaxBytes = 200;

bool InRange(int year) { return year >= kFirstCalendarYear && year <= kLastCalendarYear; }

// The calendar is every agency's: only administrators of a top-level organisation (the province,
// or the one agency of a small installation) may change it, not those of one department.
bool AdministersInstallation(const Actor& a) {
  return a.is_admin() && std::count(a.agency_path.begin(), a.agency_path.end(), '/') == 2;
}

CalendarYear Known(int year) {
  return {year, domain::HasAnnouncedCalendar(year) ? "announced" : "statutory", 0,
          domain::DefaultCalendarDays(year)};
}

std::optional<std::int64_t> StoredVersion(storage::Connection& c, int year) {
  auto r = c.execute("SELECT version FROM calendar_years WHERE year = $1", {Param(year)});
  if (r.empty()) return std::nullopt;
  return r.one().integer(0);
}

std::vector<CalendarEntry> StoredDays(storage::Connection& c, int first_year, int last_year) {
  auto r = c.execute(
      "SELECT day, working, name FROM calendar_days WHERE year BETWEEN $1 AND $2 ORDER BY day",
      {Param(first_year), Param(last_year)});
  std::vector<CalendarEntry> out;
  for (const storage::Row& row : r.rows)
    out.push_back({*Date::Parse(row.text(0)), row.integer(1) != 0, row.text(2)});
  return out;
}

CalendarYear Load(storage::Connection& c, int year) {
  const auto version = StoredVersion(c, year);
  if (!version) return Known(year);
  return {year, "edited", *version, StoredDays(c, year, year)};
}

std::string DaysJson(const std::vector<CalendarEntry>& days) {
  boost::json::array out;
  for (const CalendarEntry& d : days)
    out.push_back({{"date", d.date.Iso()}, {"working", d.working}, {"name", d.name}});
  return boost::json::serialize(out);
}

// The days as they will be stored, in date order, or what is wrong with them.
Expected<std::vector<CalendarEntry>> Checked(int year, const std::vector<CalendarEntry>& input) {
  Validator v;
  if (input.size() > kMaxDays) v.Add("days", "too_many");
  std::vector<CalendarEntry> days;
  std::set<Date> seen;
  std::set<std::string> codes;  // each problem once, however many days have it
  for (const CalendarEntry& in : input) {
    CalendarEntry d{in.date, in.working, intl::ToNfc(in.name)};
    if (d.date.year() != year) codes.insert("outside_year");
    if (!seen.insert(d.date).second) codes.insert("duplicate");
    // A weekday worked is what the week says already; a mistake, not a setting.
    if (d.working && !domain::IsWeekend(d.date)) codes.insert("not_a_weekend");
    if (d.name.empty()) codes.insert("name_required");
    if (d.name.size() > kNameMaxBytes) codes.insert("name_too_long");
    days.push_back(std::move(d));
  }
  for (const std::string& code : codes) v.Add("days", code);
  if (!v.ok()) return v.error();
  std::sort(days.begin(), days.end(),
            [](const CalendarEntry& a, const CalendarEntry& b) { return a.date < b.date; });
  return days;
}

// A hundred rows to a statement: a year's list is one or a few round trips, not one per day.
void InsertDays(storage::Connection& c, int year, const std::vector<CalendarEntry>& days) {
  constexpr std::size_t kRowsPerStatement = 100;
  for (std::size_t first = 0; first < days.size(); first += kRowsPerStatement) {
    const std::size_t last = std::min(days.size(), first + kRowsPerStatement);
    std::string sql = "INSERT INTO calendar_days (day, year, working, name) VALUES ";
    std::vector<storage::Value> params;
    for (std::size_t i = first; i < last; ++i) {
      const std::size_t n = params.size();
      sql += (i > first ? ", ($" : "($") + std::to_string(n + 1) + ", $" + std::to_string(n + 2) +
             ", $" + std::to_string(n + 3) + ", $" + std::to_string(n + 4) + ")";
      params.push_back(Param(days[i].date.Iso()));
      params.push_back(Param(year));
      params.push_back(Param(days[i].working ? 1 : 0));
      params.push_back(Param(days[i].name));
    }
    c.execute(sql, params);
  }
}

}  // namespace

Expected<CalendarYear> CalendarService::Get(const Actor&, int year) {
  if (!InRange(year)) return Error::NotFound();
  return ctx_.db().transact(
      TransactionMode::kRead,
      [&](storage::Connection& c) -> Expected<CalendarYear> { return Load(c, year); });
}

Expected<CalendarYear> CalendarService::Replace(const Actor& by, int year,
                                                std::int64_t expected_version,
                                                const std::vector<CalendarEntry>& input) {
  if (!AdministersInstallation(by)) return Error::Forbidden();
  if (!InRange(year)) return Error::NotFound();
  auto days = Checked(year, input);
  if (!days) return days.error();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<CalendarYear> {
        const CalendarYear before = Load(c, year);
        if (before.version != expected_version) return Error::PreconditionFailed();
        const std::int64_t now = Context::NowMillis();
        if (before.version == 0) {
          // Two administrators setting a year for the first time at once: the second finds the
          // row taken, as it would find a newer version, on both databases.
          auto r = c.execute(
              "INSERT INTO calendar_years (year, version, updated_at, updated_by) "
              "VALUES ($1, 1, $2, $3) ON CONFLICT (year) DO NOTHING RETURNING year",
              {Param(year), Param(now), Param(by.user_id)});
          if (r.empty()) return Error::PreconditionFailed();
        } else {
          // The version in the condition: a concurrent change committed since the read wins.
          auto r = c.execute(
              "UPDATE calendar_years SET version = version + 1, updated_at = $1, updated_by = $2 "
              "WHERE year = $3 AND version = $4 RETURNING year",
              {Param(now), Param(by.user_id), Param(year), Param(expected_version)});
          if (r.empty()) return Error::PreconditionFailed();
          c.execute("DELETE FROM calendar_days WHERE year = $1", {Param(year)});
        }
        InsertDays(c, year, *days);
        RecordEvent(c, {std::nullopt, "calendar_year", year, std::nullopt,
                        before.version ? "updated" : "created", by.user_id, DaysJson(before.days),
                        DaysJson(*days)});
        return Load(c, year);
      });
}

Expected<CalendarYear> CalendarService::Reset(const Actor& by, int year,
                                              std::int64_t expected_version) {
  if (!AdministersInstallation(by)) return Error::Forbidden();
  if (!InRange(year)) return Error::NotFound();
  return ctx_.db().transact(
      TransactionMode::kWrite, [&](storage::Connection& c) -> Expected<CalendarYear> {
        const CalendarYear before = Load(c, year);
        if (before.version != expected_version) return Error::PreconditionFailed();
        if (before.version == 0) return before;  // nothing set: already the known days
        auto r =
            c.execute("DELETE FROM calendar_years WHERE year = $1 AND version = $2 RETURNING year",
                      {Param(year), Param(expected_version)});
        if (r.empty()) return Error::PreconditionFailed();
        c.execute("DELETE FROM calendar_days WHERE year = $1", {Param(year)});
        const CalendarYear after = Known(year);
        RecordEvent(c, {std::nullopt, "calendar_year", year, std::nullopt, "reset", by.user_id,
                        DaysJson(before.days), DaysJson(after.days)});
        return after;
      });
}

domain::WorkingCalendar LoadWorkingCalendar(storage::Connection& c, int first_year, int last_year) {
  std::set<int> stored;
  auto r = c.execute("SELECT year FROM calendar_years WHERE year BETWEEN $1 AND $2",
                     {Param(first_year), Param(last_year)});
  for (const storage::Row& row : r.rows) stored.insert(static_cast<int>(row.integer(0)));
  std::vector<domain::CalendarDay> days = StoredDays(c, first_year, last_year);
  for (int year = first_year; year <= last_year; ++year) {
    if (stored.contains(year)) continue;
    const auto known = domain::DefaultCalendarDays(year);
    days.insert(days.end(), known.begin(), known.end());
  }
  return domain::WorkingCalendar(days);
}

}  // namespace giaoban::service
