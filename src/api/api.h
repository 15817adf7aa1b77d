// The REST API under /api/v1: authentication, CSRF, routing, JSON in and out, and the translation
// of service errors and unexpected exceptions into clean HTTP statuses.
#pragma once

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/json_codec.h"
#include "api/response_cache.h"
#include "api/router.h"
#include "documents/issued_report_renderer.h"
#include "documents/report_files.h"
#include "documents/task_list_export.h"
#include "http/message.h"
#include "messages/messages.h"
#include "service/accounts/auth.h"
#include "service/calendar/calendar.h"
#include "service/context.h"
#include "service/health/health.h"
#include "service/imports/imports.h"
#include "service/notices/notices.h"
#include "service/organizations/organizations.h"
#include "service/reports/consolidated_report.h"
#include "service/reports/issued_reports.h"
#include "service/reports/report_settings.h"
#include "service/reports/unit_reports.h"
#include "service/sources/sources.h"
#include "service/stats/stats.h"
#include "service/tasks/tasks.h"

namespace giaoban::api {

struct ApiOptions {
  bool secure_cookies = false;  // set behind HTTPS so the session cookie is never sent in clear
  std::size_t response_cache_bytes = 16 << 20;  // for lists and statistics; 0 turns it off
  // The body limit of every request but uploads from a signed-in caller.
  std::size_t max_json_body_bytes = 1 << 20;
  // The body limit of routes that take files (base64 in JSON), for signed-in callers; raised when
  // needed so that one attachment of the largest allowed size always fits.
  std::size_t max_upload_body_bytes = 24 << 20;
};

struct Services {
  explicit Services(const service::Context& ctx)
      : auth(ctx),
        calendar(ctx),
        organizations(ctx),
        consolidated_reports(ctx),
        notices(ctx),
        report_settings(ctx),
        unit_reports(ctx),
        sources(ctx),
        tasks(ctx),
        stats(ctx),
        health(ctx),
        task_export(ctx),
        report_files(ctx),
        issued_reports(ctx, report_renderer),
        imports(ctx) {}
  service::AuthService auth;
  service::CalendarService calendar;
  service::OrganizationService organizations;
  service::ConsolidatedReportService consolidated_reports;
  service::NoticeService notices;
  service::ReportSettingsService report_settings;
  service::UnitReportService unit_reports;
  service::SourceService sources;
  service::TaskService tasks;
  service::StatsService stats;
  service::HealthService health;
  documents::TaskListExport task_export;
  documents::ReportFiles report_files;
  // Declared before the service that draws with it.
  documents::ReportDocumentRenderer report_renderer;
  service::IssuedReportService issued_reports;
  service::ImportService imports;
};

// One request on its way through a handler. Handlers reach the data only through the services
// (Api::services()); from the context they get the agency's date and the settings, never the
// database.
struct Call {
  Call(http::Request& request, std::vector<std::int64_t> ids, messages::Language language,
       const service::Context& ctx)
      : request(request), ids(std::move(ids)), language(language), ctx_(ctx) {}

  http::Request& request;
  std::vector<std::int64_t> ids;
  std::optional<service::Actor> actor;  // set for every route but the public ones
  messages::Language language = messages::Language::kVietnamese;

  const service::Actor& who() const { return *actor; }
  std::int64_t id(std::size_t i = 0) const { return ids.at(i); }
  // The JSON object body; an error when it is missing, not JSON or not an object.
  service::Expected<boost::json::object> Body() const;
  domain::Date Today() const { return ctx_.Today(); }
  const service::Settings& settings() const { return ctx_.settings(); }

 private:
  const service::Context& ctx_;
};

using Reply = service::Expected<http::Response>;
using Handler = std::function<Reply(Call&)>;

struct Route {
  Handler handler;
  bool public_route = false;
  // The answer depends only on the data, the caller, the agency's date and the request target, so
  // it may be reused until the data changes.
  bool cacheable = false;
  // Takes files inside its JSON body, and so larger bodies from a signed-in caller.
  bool takes_uploads = false;
  // Reads query parameters (and refuses those it does not know). Every other route answers any
  // query parameter with 422, so that no input is silently ignored.
  bool takes_query = false;
  // Takes a PNG file as its body (Content-Type image/png), not JSON.
  bool takes_png = false;
  // Takes a spreadsheet (XLSX or CSV) as its body, not JSON, from a signed-in caller.
  bool takes_spreadsheet = false;
};

class Api {
 public:
  Api(const service::Context& ctx, ApiOptions options);

  http::Response Handle(http::Request& request);
  std::vector<std::string> Routes() const { return router_.Describe(); }

  // The largest body `head` (a request without its body yet) may send: small unless its route
  // takes uploads and the caller is signed in, so that nobody makes the server hold a large body
  // before showing who they are; a PNG file of the largest size accepted always fits. May read
  // the database.
  std::size_t BodyLimit(const http::Request& head);
  // The largest body any request may send.
  std::size_t max_body_bytes() const {
    return std::max(upload_body_bytes_, SpreadsheetBodyBytes());
  }

  // Used by the route registration functions.
  void Add(std::string method, std::string pattern, Handler handler, bool public_route = false);
  // A GET whose answer may come from the response cache (see Route::cacheable).
  void AddCacheableRead(std::string pattern, Handler handler);
  // A GET whose handler reads and checks its own query parameters.
  void AddQueryRead(std::string pattern, Handler handler);
  // A route whose JSON body carries files (see Route::takes_uploads).
  void AddUpload(std::string method, std::string pattern, Handler handler);
  // A route whose body is a PNG file (see Route::takes_png).
  void AddPngUpload(std::string method, std::string pattern, Handler handler);
  // A route whose body is a spreadsheet and which reads query parameters
  // (Route::takes_spreadsheet).
  void AddSpreadsheetUpload(std::string method, std::string pattern, Handler handler);
  Services& services() { return services_; }
  const ApiOptions& options() const { return options_; }

 private:
  http::Response Dispatch(http::Request& request, messages::Language language);
  std::optional<service::Actor> Authenticate(const http::Request& request, bool& via_cookie);
  Reply CachedReply(const Route& route, Call& call);
  std::size_t SpreadsheetBodyBytes() const { return services_.imports.limits().file_bytes + 1; }

  const service::Context& ctx_;
  ApiOptions options_;
  std::size_t upload_body_bytes_;
  Services services_;
  Router<Route> router_;
  ResponseCache cache_;
};

// Responses.
http::Response Json(const boost::json::value& value, int status = 200);
http::Response JsonText(std::string body, int status = 200);
http::Response ErrorResponse(const service::Error& error, messages::Language language);
// A service's answer: the JSON of its value with `status`, or its error.
template <class T>
Reply JsonReply(const service::Expected<T>& result, int status = 200) {
  if (!result) return result.error();
  if constexpr (requires { ToJsonText(*result); })
    return JsonText(ToJsonText(*result), status);
  else
    return Json(ToJson(*result), status);
}

// Route groups, one file each.
void RegisterAuthRoutes(Api& api);
void RegisterCalendarRoutes(Api& api);
void RegisterOrganizationRoutes(Api& api);
void RegisterNoticeRoutes(Api& api);
void RegisterReportSettingsRoutes(Api& api);
void RegisterUnitReportRoutes(Api& api);
void RegisterReportRoutes(Api& api);
void RegisterSourceRoutes(Api& api);
void RegisterTaskRoutes(Api& api);
void RegisterStatsRoutes(Api& api);
void RegisterMetaRoutes(Api& api);
void RegisterImportRoutes(Api& api);

}  // namespace giaoban::api
