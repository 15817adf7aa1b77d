// /calendar/{year}: the working-day calendar.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// {"days": [{"date", "working", "name"}, ...]}: every day of the year that the usual week gets
// wrong. A malformed day makes the whole list "invalid"; what is wrong with well-formed days the
// service says.
std::vector<service::CalendarEntry> ReadDays(const json::object& body, BodyReader& in) {
  in.OnlyFields({"days"});
  in.Require("days");
  std::vector<service::CalendarEntry> days;
  const json::value* list = body.if_contains("days");
  if (list == nullptr) return days;
  bool malformed = !list->is_array();
  if (!malformed) {
    for (const json::value& item : list->as_array()) {
      service::Validator item_errors;
      if (!item.is_object()) {
        malformed = true;
        break;
      }
      BodyReader day(item.as_object(), item_errors);
      day.OnlyFields({"date", "working", "name"});
      for (const char* field : {"date", "working", "name"}) day.Require(field);
      const auto date = day.Date("date");
      const auto working = day.Bool("working");
      const auto name = day.String("name");  // the service says when it is too long
      if (!item_errors.ok() || !date || !working || !name) {
        malformed = true;
        break;
      }
      days.push_back({*date, *working, *name});
    }
  }
  if (malformed) in.validator().Add("days", "invalid");
  return days;
}

// The year in the path; 0, which no calendar has, when it is past any year's size.
int Year(const Call& call) {
  return call.id() > service::kLastCalendarYear ? 0 : static_cast<int>(call.id());
}

}  // namespace

void RegisterCalendarRoutes(Api& api) {
  Services& s = api.services();

  api.Add("GET", "/calendar/{year}", [&s](Call& call) -> Reply {
    return VersionedJson(s.calendar.Get(call.who(), Year(call)));
  });

  api.Add("PUT", "/calendar/{year}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto body = call.Body();
    if (!body) return body.error();
    auto days = ParseBody(*body, [&](BodyReader& in) { return ReadDays(*body, in); });
    if (!days) return days.error();
    return VersionedJson(s.calendar.Replace(call.who(), Year(call), *version, *days));
  });

  api.Add("DELETE", "/calendar/{year}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    return VersionedJson(s.calendar.Reset(call.who(), Year(call), *version));
  });
}

}  // namespace giaoban::api
