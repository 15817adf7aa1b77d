// /sources.
#include "api/api.h"
#include "api/json_codec.h"
#include "api/preconditions.h"
#include "intl/text.h"
#include "service/text_limits.h"

namespace giaoban::api {

namespace json = boost::json;

namespace {

service::SourceInput ReadSource(BodyReader& in, service::Validator& v, bool create) {
  in.OnlyFields({"kind", "title", "doc_number", "doc_date", "issuer", "summary"});
  if (create) {
    in.Require("kind");
    in.Require("title");
  }
  service::SourceInput s;
  s.kind = in.String("kind", 32).value_or("");
  s.title = in.String("title", service::kTitleMaxBytes).value_or("");
  s.doc_number = in.String("doc_number", service::kShortLabelMaxBytes).value_or("");
  s.doc_date = in.Date("doc_date");
  s.issuer = in.String("issuer", service::kIssuerMaxBytes).value_or("");
  s.summary = in.String("summary", service::kNoteMaxBytes).value_or("");
  return s;
}

}  // namespace

void RegisterSourceRoutes(Api& api) {
  Services& s = api.services();

  api.AddQueryRead("/sources", [&s](Call& call) -> Reply {
    std::optional<std::string> kind, text;
    for (const auto& [name, value] : call.request.query) {
      if (name == "kind") {
        if (!service::IsSourceKind(value)) return service::Error::Validation({{"kind", "invalid"}});
        kind = value;
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
    auto body = call.Body();
    if (!body) return body.error();
    service::Validator v;
    BodyReader in(*body, v);
    auto input = ReadSource(in, v, true);
    if (!v.ok()) return v.error();
    auto src = s.sources.Create(call.who(), input);
    return VersionedJson(src, 201);
  });

  api.Add("PATCH", "/sources/{id}", [&s](Call& call) -> Reply {
    auto version = RequiredVersion(call.request);
    if (!version) return version.error();
    auto body = call.Body();
    if (!body) return body.error();
    auto current = s.sources.Get(call.who(), call.id());
    if (!current) return current.error();
    // Start from the current values so that a PATCH only names what changes.
    json::object merged{{"kind", current->kind},
                        {"title", current->title},
                        {"doc_number", current->doc_number},
                        {"issuer", current->issuer},
                        {"summary", current->summary}};
    if (current->doc_date) merged["doc_date"] = current->doc_date->Iso();
    for (const auto& kv : *body) merged[kv.key()] = kv.value();
    service::Validator v;
    BodyReader in(merged, v);
    auto input = ReadSource(in, v, true);
    if (!v.ok()) return v.error();
    auto src = s.sources.Update(call.who(), call.id(), *version, input);
    return VersionedJson(src);
  });
}

}  // namespace giaoban::api
