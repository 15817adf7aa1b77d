// /sources.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "domain/text_limits.h"
#include "intl/text.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

service::SourceInput ReadSource(BodyReader& in) {
  in.OnlyFields({"kind", "title", "doc_number", "doc_date", "issuer", "summary"});
  in.Require("kind");
  in.Require("title");
  service::SourceInput s;
  s.kind = in.String("kind", 32).value_or("");
  s.title = in.String("title", domain::kTitleMaxBytes).value_or("");
  s.doc_number = in.String("doc_number", domain::kShortLabelMaxBytes).value_or("");
  s.doc_date = in.Date("doc_date");
  s.issuer = in.String("issuer", domain::kIssuerMaxBytes).value_or("");
  s.summary = in.String("summary", domain::kNoteMaxBytes).value_or("");
  return s;
}

// Only the fields named change. Kind and title cannot be cleared; null clears the others.
service::SourcePatch ReadSourcePatch(const json::object& body, BodyReader& in) {
  in.OnlyFields({"kind", "title", "doc_number", "doc_date", "issuer", "summary"});
  auto named = [&](std::string_view field) { return body.contains(field); };
  auto clearable = [&](std::string_view field, std::size_t max_bytes) {
    return named(field) ? in.String(field, max_bytes).value_or("") : std::optional<std::string>();
  };
  service::SourcePatch p;
  if (named("kind")) {
    in.Require("kind");
    p.kind = in.String("kind", 32);
  }
  if (named("title")) {
    in.Require("title");
    p.title = in.String("title", 1000);
  }
  p.doc_number = clearable("doc_number", 100);
  p.doc_date = in.NullableDate("doc_date");
  p.issuer = clearable("issuer", 300);
  p.summary = clearable("summary", 4000);
  return p;
}

}  // namespace

void RegisterSourceRoutes(Api& api) {
  Services& s = api.services();

  api.AddQueryRead("/sources", [&s](Call& call) -> Reply {
    std::optional<domain::SourceKind> kind;
    std::optional<std::string> text;
    for (const auto& [name, value] : call.request.query) {
      if (name == "kind") {
        kind = domain::ParseSourceKind(value);
        if (!kind) return service::Error::Validation({{"kind", "invalid"}});
      } else if (name == "q") {
        if (!intl::IsValidUtf8(value) || value.size() > 200)
          return service::Error::Validation({{"q", "invalid"}});
        text = intl::Fold(value);
      } else {
        return service::Error::Validation({{name, "unknown_parameter"}});
      }
    }
    json::array items;
    for (const auto& src : s.sources.List(call.who(), kind, text)) items.push_back(ToJson(src));
    return Json(json::object{{"items", std::move(items)}});
  });

  api.Add("GET", "/sources/{id}", [&s](Call& call) -> Reply {
    auto src = s.sources.Get(call.who(), call.id());
    return VersionedJson(src);
  });

  api.Add("POST", "/sources", [&s](Call& call) -> Reply {
    auto input = ParseBody(call.Body(), [](BodyReader& in) { return ReadSource(in); });
    if (!input) return input.error();
    return VersionedJson(s.sources.Create(call.who(), *input), 201);
  });

  api.Add("PATCH", "/sources/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto body = call.Body();
    if (!body) return body.error();
    auto patch = ParseBody(*body, [&](BodyReader& in) { return ReadSourcePatch(*body, in); });
    if (!patch) return patch.error();
    auto src = s.sources.Update(call.who(), call.id(), *version, *patch);
    return VersionedJson(src);
  });
}

}  // namespace giaoban::api
