// /reports: the agency's consolidated report. Its live preview (also as the draft document, .pdf
// and .docx), the consolidating division's text under its headings, and the issued reports with
// their documents, served as stored.
#include "api/api.h"
#include "api/downloads.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "api/report_parameters.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

// The draft's file, named for its period; always fetched afresh, as the data may have moved.
Handler DraftFileRoute(Services& s, documents::DocumentFormat format) {
  return [&s, format](Call& call) -> Reply {
    auto period = PeriodParameter(call);
    if (!period) return period.error();
    auto file = s.report_files.Draft(call.who(), *period, format);
    if (!file) return file.error();
    return Download(std::move(*file), "no-store");
  };
}

// An issued document never changes: its digest is its ETag, and a browser may keep it.
Handler IssuedFileRoute(Services& s, std::string format) {
  return [&s, format](Call& call) -> Reply {
    auto file = s.issued_reports.File(call.who(), call.id(), format);
    if (!file) return file.error();
    const std::string etag = "\"" + file->sha256 + "\"";
    constexpr const char* kForever = "private, max-age=31536000, immutable";
    if (call.request.header("If-None-Match") == etag) {
      http::Response r;
      r.status = 304;
      r.set_header("ETag", etag);
      r.set_header("Cache-Control", kForever);
      return r;
    }
    http::Response r = Download(
        {std::move(file->file_name), std::move(file->content_type), std::move(file->bytes)},
        kForever);
    r.set_header("ETag", etag);
    return r;
  };
}

struct DraftInput {
  std::string period;
  service::UnitReportProse prose;
};

service::Expected<DraftInput> ReadDraft(const Call& call) {
  return ParseBody(call.Body(), [](BodyReader& in) {
    in.OnlyFields(
        {"period", "highlights", "shortcomings", "difficulties", "proposals", "next_period"});
    in.Require("period");
    DraftInput d;
    d.period = in.String("period", 16).value_or("");
    d.prose = ReadProseFields(in);
    return d;
  });
}

service::Expected<service::IssueRequest> ReadIssue(const Call& call) {
  return ParseBody(call.Body(), [](BodyReader& in) {
    in.OnlyFields({"period", "signer_person_id", "replaces_id"});
    in.Require("period");
    in.Require("signer_person_id");
    service::IssueRequest r;
    r.period = in.String("period", 16).value_or("");
    r.signer_person_id = in.Id("signer_person_id").value_or(0);
    r.replaces_id = in.NullableId("replaces_id").value_or(std::nullopt);
    return r;
  });
}

// `?year=2024`, optional.
service::Expected<std::optional<int>> YearParameter(const Call& call) {
  std::optional<int> year;
  for (const auto& [name, value] : call.request.query) {
    if (name != "year" || year) return service::Error::Validation({{name, "unknown_parameter"}});
    if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos)
      return service::Error::Validation({{"year", "invalid"}});
    year = std::stoi(value);
  }
  return year;
}

}  // namespace

void RegisterReportRoutes(Api& api) {
  Services& s = api.services();

  // Tasks, unit reports, drafts and settings all move the agency's version: the preview may be
  // cached. Its draft_version is the draft's If-Match.
  api.AddCacheableRead("/reports/preview", [&s](Call& call) -> Reply {
    auto period = PeriodParameter(call);
    if (!period) return period.error();
    return JsonReply(s.consolidated_reports.Preview(call.who(), *period));
  });
  api.AddQueryRead("/reports/preview.pdf", DraftFileRoute(s, documents::DocumentFormat::kPdf));
  api.AddQueryRead("/reports/preview.docx", DraftFileRoute(s, documents::DocumentFormat::kDocx));

  api.Add("PUT", "/reports/draft", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto input = ReadDraft(call);
    if (!input) return input.error();
    auto report =
        s.consolidated_reports.SaveDraft(call.who(), input->period, *version, input->prose);
    if (!report) return report.error();
    http::Response r = JsonText(ToJsonText(*report));
    r.set_header("ETag", VersionTag(report->draft_version));
    return r;
  });

  api.Add("POST", "/reports/issued", [&s](Call& call) -> Reply {
    auto request = ReadIssue(call);
    if (!request) return request.error();
    return JsonReply(s.issued_reports.Issue(call.who(), *request), 201);
  });

  api.AddQueryRead("/reports/issued", [&s](Call& call) -> Reply {
    auto year = YearParameter(call);
    if (!year) return year.error();
    auto list = s.issued_reports.List(call.who(), *year);
    if (!list) return list.error();
    json::array items;
    for (const auto& item : *list) items.push_back(ToJson(item));
    return Json(json::object{{"items", std::move(items)}});
  });

  api.AddQueryRead("/reports/issued/next-number", [&s](Call& call) -> Reply {
    if (!call.request.query.empty())
      return service::Error::Validation({{call.request.query.begin()->first, "unknown_parameter"}});
    auto number = s.issued_reports.NextNumber(call.who());
    if (!number) return number.error();
    return Json(json::object{{"number_text", *number}});
  });

  api.Add("GET", "/reports/issued/{id}", [&s](Call& call) -> Reply {
    return JsonReply(s.issued_reports.Get(call.who(), call.id()));
  });
  api.Add("GET", "/reports/issued/{id}/changes", [&s](Call& call) -> Reply {
    return JsonReply(s.issued_reports.Compare(call.who(), call.id()));
  });
  api.Add("GET", "/reports/issued/{id}/pdf", IssuedFileRoute(s, "pdf"));
  api.Add("GET", "/reports/issued/{id}/docx", IssuedFileRoute(s, "docx"));
  api.Add("GET", "/reports/issued/{id}/xlsx", IssuedFileRoute(s, "xlsx"));
}

}  // namespace giaoban::api
