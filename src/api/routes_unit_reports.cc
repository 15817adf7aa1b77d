// /unit-reports: the units' reports for a period, their board, their steps and reminders; and
// /reports/preview, the consolidated report they feed, as it stands, also as the draft document
// (.pdf, .docx).
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"

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

service::Expected<service::UnitReportProse> ReadProse(const Call& call) {
  auto body = call.Body();
  if (!body) return body.error();
  return ParseBody(*body, [](BodyReader& in) {
    const std::initializer_list<std::string_view> fields = {
        "highlights", "shortcomings", "difficulties", "proposals", "next_period"};
    in.OnlyFields(fields);
    for (std::string_view f : fields) in.Require(f);
    // The service says which text is too long; this bound only keeps the body readable.
    constexpr std::size_t kMax = 200'000;
    return service::UnitReportProse{
        in.String("highlights", kMax).value_or(""), in.String("shortcomings", kMax).value_or(""),
        in.String("difficulties", kMax).value_or(""), in.String("proposals", kMax).value_or(""),
        in.String("next_period", kMax).value_or("")};
  });
}

// A step's body: a comment, required when returning (the service says so).
service::Expected<std::string> ReadComment(const Call& call) {
  auto body = call.Body();
  if (!body) return body.error();
  return ParseBody(*body, [](BodyReader& in) {
    in.OnlyFields({"comment"});
    return in.String("comment", 20'000).value_or("");
  });
}

// `?period=…`, the only parameter of the reads: its meaning is the service's to check.
service::Expected<std::string> PeriodParameter(const Call& call) {
  std::optional<std::string> period;
  for (const auto& [name, value] : call.request.query) {
    if (name != "period" || period)
      return service::Error::Validation({{name, "unknown_parameter"}});
    period = value;
  }
  if (!period) return service::Error::Validation({{"period", "required"}});
  return *period;
}

// The draft's file, named for its period; always fetched afresh, as the data may have moved.
Handler DraftFileRoute(Services& s, documents::DocumentFormat format) {
  return [&s, format](Call& call) -> Reply {
    auto period = PeriodParameter(call);
    if (!period) return period.error();
    auto file = s.report_files.Draft(call.who(), *period, format);
    if (!file) return file.error();
    http::Response r;
    r.content_type = file->content_type;
    r.body = std::move(file->bytes);
    r.set_header("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
    r.set_header("Cache-Control", "no-store");
    return r;
  };
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

  // Tasks, unit reports and settings all move the agency's version: the preview may be cached.
  api.AddCacheableRead("/reports/preview", [&s](Call& call) -> Reply {
    auto period = PeriodParameter(call);
    if (!period) return period.error();
    return JsonReply(s.consolidated_reports.Preview(call.who(), *period));
  });

  api.AddQueryRead("/reports/preview.pdf", DraftFileRoute(s, documents::DocumentFormat::kPdf));
  api.AddQueryRead("/reports/preview.docx", DraftFileRoute(s, documents::DocumentFormat::kDocx));

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
