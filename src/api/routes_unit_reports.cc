// /unit-reports: the units' reports for a period, their board, their steps and reminders.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "api/report_parameters.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// {"organization_id", "period"}: which unit's report for which month.
struct UnitAndPeriod {
  std::int64_t organization_id = 0;
  std::string period;
};

service::Expected<UnitAndPeriod> ReadUnitAndPeriod(const Call& call) {
  auto body = call.Body();
  if (!body) return body.error();
  return ParseBody(*body, [](BodyReader& in) {
    in.OnlyFields({"organization_id", "period"});
    in.Require("organization_id");
    in.Require("period");
    return UnitAndPeriod{in.Id("organization_id").value_or(0),
                         in.String("period", 16).value_or("")};
  });
}

// A step's body: a comment, required when returning (the service says so).
service::Expected<service::UnitReportProse> ReadProse(const Call& call) {
  auto body = call.Body();
  if (!body) return body.error();
  return ParseBody(*body, [](BodyReader& in) {
    in.OnlyFields({"highlights", "shortcomings", "difficulties", "proposals", "next_period"});
    return ReadProseFields(in);
  });
}

service::Expected<std::string> ReadComment(const Call& call) {
  auto body = call.Body();
  if (!body) return body.error();
  return ParseBody(*body, [](BodyReader& in) {
    in.OnlyFields({"comment"});
    return in.String("comment", 20'000).value_or("");
  });
}

Handler StepRoute(Services& s, domain::UnitReportStep step) {
  return [&s, step](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto comment = ReadComment(call);
    if (!comment) return comment.error();
    return VersionedJson(s.unit_reports.TakeStep(call.who(), call.id(), *version, step, *comment));
  };
}

}  // namespace

void RegisterUnitReportRoutes(Api& api) {
  Services& s = api.services();

  api.AddQueryRead("/unit-reports", [&s](Call& call) -> Reply {
    auto period = PeriodParameter(call);
    if (!period) return period.error();
    return JsonReply(s.unit_reports.Board(call.who(), *period));
  });

  api.Add("POST", "/unit-reports", [&s](Call& call) -> Reply {
    auto which = ReadUnitAndPeriod(call);
    if (!which) return which.error();
    return VersionedJson(s.unit_reports.Open(call.who(), which->organization_id, which->period));
  });

  api.Add("GET", "/unit-reports/{id}", [&s](Call& call) -> Reply {
    return VersionedJson(s.unit_reports.Get(call.who(), call.id()));
  });

  api.Add("PUT", "/unit-reports/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto prose = ReadProse(call);
    if (!prose) return prose.error();
    return VersionedJson(s.unit_reports.SaveProse(call.who(), call.id(), *version, *prose));
  });

  api.Add("POST", "/unit-reports/{id}/submit", StepRoute(s, domain::UnitReportStep::kSubmit));
  api.Add("POST", "/unit-reports/{id}/return", StepRoute(s, domain::UnitReportStep::kReturn));
  api.Add("POST", "/unit-reports/{id}/accept", StepRoute(s, domain::UnitReportStep::kAccept));

  api.Add("POST", "/unit-reports/reminders", [&s](Call& call) -> Reply {
    auto which = ReadUnitAndPeriod(call);
    if (!which) return which.error();
    auto told = s.unit_reports.Remind(call.who(), which->organization_id, which->period);
    if (!told) return told.error();
    return Json(json::object{{"notified", *told}});
  });
}

}  // namespace giaoban::api
