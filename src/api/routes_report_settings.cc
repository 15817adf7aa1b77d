// /report-settings: the caller's agency's settings for its reports and documents, with the seal
// and signature images its electronic documents carry.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

service::ReportSettingsInput ReadSettings(const json::object& body, BodyReader& in) {
  const std::initializer_list<std::string_view> fields = {
      "period_convention", "due_working_days", "consolidating_org_id", "agency_code",
      "place_name",        "parent_line",      "agency_line",          "recipients",
      "document_types",    "signers"};
  in.OnlyFields(fields);
  for (std::string_view f : fields) {
    // An agency may have no consolidating division yet: null is an answer, not a missing one.
    if (f == "consolidating_org_id")
      in.RequirePresent(f);
    else
      in.Require(f);
  }
  service::ReportSettingsInput s;
  s.period_convention = in.String("period_convention", 32).value_or("");
  s.due_working_days = in.Int("due_working_days").value_or(0);
  s.consolidating_org_id = in.NullableId("consolidating_org_id").value_or(std::nullopt);
  s.agency_code = in.String("agency_code", 100).value_or("");
  s.place_name = in.String("place_name", 1000).value_or("");
  s.parent_line = in.String("parent_line", 1000).value_or("");
  s.agency_line = in.String("agency_line", 1000).value_or("");
  s.recipients = ReadArray<std::string>(body, in, "recipients", [](const json::value& v) {
    return v.is_string() && v.as_string().size() <= 1000
               ? std::optional<std::string>(std::string(v.as_string()))
               : std::nullopt;
  });
  s.document_types =
      ReadArray<service::DocumentType>(body, in, "document_types", [](const json::value& v) {
        return ReadObject(v, {"name", "code"}, [](BodyReader& t) {
          return service::DocumentType{t.String("name", 1000).value_or(""),
                                       t.String("code", 100).value_or("")};
        });
      });
  s.signers = ReadArray<service::ReportSettingsInput::Signer>(
      body, in, "signers", [](const json::value& v) {
        return ReadObject(v, {"person_id", "authority", "title"}, [](BodyReader& g) {
          return service::ReportSettingsInput::Signer{g.Id("person_id").value_or(0),
                                                      g.String("authority", 1000).value_or(""),
                                                      g.String("title", 1000).value_or("")};
        });
      });
  return s;
}

}  // namespace

void RegisterReportSettingsRoutes(Api& api) {
  Services& s = api.services();

  api.Add("GET", "/report-settings",
          [&s](Call& call) -> Reply { return VersionedJson(s.report_settings.Get(call.who())); });

  api.Add("PUT", "/report-settings", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto body = call.Body();
    if (!body) return body.error();
    auto input = ParseBody(*body, [&](BodyReader& in) { return ReadSettings(*body, in); });
    if (!input) return input.error();
    return VersionedJson(s.report_settings.Update(call.who(), *version, *input));
  });

  // The seal and the signers' signatures: PNG files sent and served as they are. An image is
  // known by its digest, so a browser keeps it and asks whether it is still the one set.
  auto image_routes = [&](const std::string& path, auto slot_of) {
    api.AddPngUpload("PUT", path, [&s, slot_of](Call& call) -> Reply {
      auto image = s.report_settings.SetImage(call.who(), slot_of(call), call.request.body);
      if (!image) return image.error();
      http::Response r = Json(ToJson(*image));
      r.set_header("ETag", "\"" + image->sha256 + "\"");
      return r;
    });
    api.Add("DELETE", path, [&s, slot_of](Call& call) -> Reply {
      auto removed = s.report_settings.RemoveImage(call.who(), slot_of(call));
      if (!removed) return removed.error();
      http::Response r;
      r.status = 204;
      r.content_type.clear();
      r.set_header("Cache-Control", "no-store");
      return r;
    });
    api.Add("GET", path, [&s, slot_of](Call& call) -> Reply {
      auto file = s.report_settings.Image(call.who(), slot_of(call));
      if (!file) return file.error();
      const std::string etag = "\"" + file->sha256 + "\"";
      http::Response r;
      r.set_header("ETag", etag);
      r.set_header("Cache-Control", "private, no-cache");
      if (call.request.header("If-None-Match") == etag) {
        r.status = 304;
        r.content_type.clear();
        return r;
      }
      r.content_type = "image/png";
      r.body = std::move(file->png);
      return r;
    });
  };
  image_routes("/report-settings/seal", [](const Call&) { return service::ImageSlot::Seal(); });
  image_routes("/report-settings/signers/{id}/signature",
               [](const Call& call) { return service::ImageSlot::SignatureOf(call.id()); });
}

}  // namespace giaoban::api
