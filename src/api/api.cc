#include "api/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "api/error_status.h"
#include "api/json_codec.h"
#include "intl/text.h"
#include "service/data_version.h"
#include "service/reports/png_check.h"

namespace giaoban::api {

namespace {

constexpr std::string_view kPrefix = "/api/v1";
constexpr const char* kSessionCookie = "gb_session";

bool ChangesState(std::string_view method) {
  return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

// An upload body holds one attachment of the largest allowed size in base64, plus the text and
// the JSON around it.
std::size_t UploadBodyBytes(const ApiOptions& options, std::int64_t max_attachment_bytes) {
  const auto attachment = static_cast<std::size_t>(std::max<std::int64_t>(0, max_attachment_bytes));
  const std::size_t base64 = (attachment + 2) / 3 * 4;
  return std::max(options.max_upload_body_bytes, base64 + options.max_json_body_bytes);
}

bool IsPngMediaType(std::string_view value) {
  const auto media = http::ParseMediaType(value);
  return media && media->type == "image" && media->subtype == "png";
}

// What browsers and clients send a workbook or a CSV file as; the file's kind is then told from
// its bytes. Windows sends CSV as Excel's own type where Excel is installed.
bool IsSpreadsheetMediaType(std::string_view value) {
  const auto media = http::ParseMediaType(value);
  if (!media) return false;
  if (media->type == "text") return media->subtype == "csv";
  return media->type == "application" &&
         (media->subtype == "vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
          media->subtype == "vnd.ms-excel" || media->subtype == "csv" ||
          media->subtype == "octet-stream");
}

}  // namespace

service::Expected<boost::json::object> Call::Body() const { return ParseJsonObject(request.body); }

http::Response JsonText(std::string body, int status) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response Json(const boost::json::value& value, int status) {
  return JsonText(boost::json::serialize(value), status);
}

http::Response ErrorResponse(const service::Error& error, messages::Language language) {
  boost::json::object body{{"code", error.code},
                           {"message", std::string(messages::Message(error.code, language))}};
  if (!error.detail.empty()) body["detail"] = intl::ToValidUtf8(error.detail);
  if (!error.fields.empty()) {
    boost::json::array fields;
    // A field may be a query parameter's name as the client sent it: never echo bytes that would
    // make the answer invalid JSON text.
    for (const auto& f : error.fields) {
      boost::json::object field{{"field", intl::ToValidUtf8(f.field)}, {"code", f.code}};
      if (!f.allowed.empty()) {
        boost::json::array allowed;
        for (const auto& value : f.allowed) allowed.emplace_back(value);
        field["allowed"] = std::move(allowed);
      }
      fields.push_back(std::move(field));
    }
    body["fields"] = std::move(fields);
  }
  return Json(body, HttpStatus(error));
}

Api::Api(const service::Context& ctx, ApiOptions options)
    : ctx_(ctx),
      options_(options),
      upload_body_bytes_(UploadBodyBytes(options, ctx.settings().max_attachment_bytes)),
      services_(ctx),
      cache_(options.response_cache_bytes) {
  RegisterAuthRoutes(*this);
  RegisterCalendarRoutes(*this);
  RegisterOrganizationRoutes(*this);
  RegisterReportSettingsRoutes(*this);
  RegisterUnitReportRoutes(*this);
  RegisterReportRoutes(*this);
  RegisterNoticeRoutes(*this);
  RegisterSourceRoutes(*this);
  RegisterTaskRoutes(*this);
  RegisterStatsRoutes(*this);
  RegisterMetaRoutes(*this);
  RegisterImportRoutes(*this);
}

void Api::Add(std::string method, std::string pattern, Handler handler, bool public_route) {
  router_.Add(std::move(method), std::string(kPrefix) + pattern,
              Route{std::move(handler), public_route});
}

void Api::AddCacheableRead(std::string pattern, Handler handler) {
  router_.Add("GET", std::string(kPrefix) + pattern,
              Route{std::move(handler), false, true, false, true});
}

void Api::AddQueryRead(std::string pattern, Handler handler) {
  router_.Add("GET", std::string(kPrefix) + pattern,
              Route{std::move(handler), false, false, false, true});
}

void Api::AddUpload(std::string method, std::string pattern, Handler handler) {
  router_.Add(std::move(method), std::string(kPrefix) + pattern,
              Route{std::move(handler), false, false, true});
}

void Api::AddPngUpload(std::string method, std::string pattern, Handler handler) {
  router_.Add(std::move(method), std::string(kPrefix) + pattern,
              Route{std::move(handler), false, false, false, false, true});
}

void Api::AddSpreadsheetUpload(std::string method, std::string pattern, Handler handler) {
  router_.Add(std::move(method), std::string(kPrefix) + pattern,
              Route{std::move(handler), false, false, false, true, false, true});
}

std::size_t Api::BodyLimit(const http::Request& head) {
  Match match;
  const Route* route = router_.Find(head.method, head.path, match);
  // One byte over the largest image, so that a file a little too large is told why.
  if (route != nullptr && route->takes_png)
    return std::max(options_.max_json_body_bytes, service::kMaxDocumentImageBytes + 1);
  if (route == nullptr || !(route->takes_uploads || route->takes_spreadsheet))
    return options_.max_json_body_bytes;
  try {
    bool via_cookie = false;
    // One byte over the largest file, so that a file a little too large is told why.
    if (Authenticate(head, via_cookie))
      return route->takes_spreadsheet ? SpreadsheetBodyBytes() : upload_body_bytes_;
  } catch (const std::exception& e) {
    spdlog::error("authentication before a body failed on {} {}: {}", head.method, head.path,
                  e.what());
  }
  return options_.max_json_body_bytes;
}

std::optional<service::Actor> Api::Authenticate(const http::Request& request, bool& via_cookie) {
  via_cookie = false;
  if (auto auth = request.header("Authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (auth->substr(0, kBearer.size()) != kBearer) return std::nullopt;
    return services_.auth.ResolveApiToken(std::string(auth->substr(kBearer.size())));
  }
  if (auto session = request.cookie(kSessionCookie)) {
    via_cookie = true;
    return services_.auth.ResolveSession(*session);
  }
  return std::nullopt;
}

http::Response Api::Handle(http::Request& request) {
  const auto language =
      messages::FromAcceptLanguage(request.header("Accept-Language").value_or(""));
  try {
    return Dispatch(request, language);
  } catch (const std::exception& e) {
    spdlog::error("unexpected error on {} {}: {}", request.method, request.path, e.what());
  }
  return ErrorResponse(service::Error::Internal(), language);
}

http::Response Api::Dispatch(http::Request& request, messages::Language language) {
  Match match;
  const Route* route = router_.Find(request.method, request.path, match);
  if (route == nullptr) {
    return ErrorResponse(
        match.path_known ? service::Error::MethodNotAllowed() : service::Error::NotFound(),
        language);
  }
  Call call(request, std::move(match.ids), language, ctx_);
  if (!route->public_route) {
    bool via_cookie = false;
    call.actor = Authenticate(request, via_cookie);
    if (!call.actor) return ErrorResponse(service::Error::Unauthenticated(), language);
    // A cookie is sent by the browser on its own; only our page can also send the CSRF token.
    if (via_cookie && ChangesState(request.method) &&
        request.header("X-CSRF-Token").value_or("") != call.actor->csrf_token) {
      return ErrorResponse(service::Error::CsrfFailed(), language);
    }
  }
  if (!route->takes_query && !request.query.empty()) {
    return ErrorResponse(
        service::Error::Validation({{request.query.begin()->first, "unknown_parameter"}}),
        language);
  }
  if (ChangesState(request.method) && !request.body.empty()) {
    const std::string_view content_type = request.header("Content-Type").value_or("");
    if (route->takes_png) {
      if (!IsPngMediaType(content_type))
        return ErrorResponse(service::Error::UnsupportedMediaType(), language);
    } else if (route->takes_spreadsheet) {
      if (!IsSpreadsheetMediaType(content_type))
        return ErrorResponse(service::Error::UnsupportedMediaType(), language);
    } else {
      if (!http::IsJsonMediaType(content_type))
        return ErrorResponse(service::Error::UnsupportedMediaType(), language);
      if (!intl::IsValidUtf8(request.body))
        return ErrorResponse(service::Error::BadRequest("bad_json"), language);
    }
  }
  Reply reply = route->cacheable ? CachedReply(*route, call) : route->handler(call);
  http::Response response =
      reply.ok() ? std::move(reply.value()) : ErrorResponse(reply.error(), language);
  if (call.actor) response.log_user = call.actor->username;
  return response;
}

Reply Api::CachedReply(const Route& route, Call& call) {
  if (!cache_.enabled()) return route.handler(call);
  // Read before computing: the answer then holds at least every change this number counts.
  const service::DataVersion version = service::ReadDataVersion(ctx_, call.who());
  std::string key =
      std::to_string(call.who().user_id) + '|' + ctx_.Today().Iso() + '|' + call.request.target;
  if (auto body = cache_.Find(key, version)) return JsonText(std::move(*body));
  Reply reply = route.handler(call);
  if (reply.ok() && reply.value().status == 200)
    cache_.Store(key, std::move(version), reply.value().body);
  return reply;
}

}  // namespace giaoban::api
