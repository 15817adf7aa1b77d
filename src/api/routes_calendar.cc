// /calendar/{year}: the working-day calendar.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// {"days": [{"date", "working", "name"}, ...]}: every day of the year that the usual week gets
// wrong. A malformed day makes the whole list "invalid"; what is wrong with well-formed days the
// service says (a name too long among them).
std::vector<service::CalendarEntry> ReadDays(const json::object& body, BodyReader& in) {
  in.OnlyFields({"days"});
  in.Require("days");
  return ReadArray<service::CalendarEntry>(body, in, "days", [](const json::value& item) {
    return ReadObject(item, {"date", "working", "name"}, [](BodyReader& day) {
      return service::CalendarEntry{day.Date("date").value_or(domain::Date()),
                                    day.Bool("working").value_or(false),
                                    day.String("name").value_or("")};
    });
  });
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
